//go:build !linux

package storage

import "os"

// kernelCopy is Linux's copy_file_range or sendfile; elsewhere the caller's *os.File.ReadFrom copies.
func kernelCopy(_, _ *os.File, _ int64) (bool, error) { return false, nil }
