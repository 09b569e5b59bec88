package istari

// CompatibilityResult is a placeholder so that Configuration.OnCompatibility compiles on this branch; the real type
// lives in compat.go and this file is deleted on merge.
type CompatibilityResult struct{}
