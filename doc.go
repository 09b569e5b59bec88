// Package istari is the Go SDK for the Istari Digital platform, a port of the Python client
// istari-digital-client (its Client class, docs version 2026.04).
//
// Build a Client from a Configuration (ConfigurationFromEnv reads the same ISTARI_* variables as the
// Python client) and share it: it is safe for concurrent use and holds one connection pool.
//
//	cfg, err := istari.ConfigurationFromEnv()
//	if err != nil { ... }
//	client, err := istari.NewClient(cfg)
//	if err != nil { ... }
//	defer client.Close()
//
// Every Python method has a Go method of the same name in CamelCase (list_files → ListFiles) that
// takes a context.Context first; the context's deadline bounds the whole call, retries included.
//
// Errors: registry answers other than 2xx are *APIError values; test them with errors.Is against
// ErrNotFound, ErrForbidden, ErrBadRequest, ... Parameters that break a local rule fail with
// *ValidationError before any request is sent; configuration problems are *ConfigurationError.
//
// Pagination: list methods return *Page[T]; Page.All and the All function walk every item across pages
// lazily as an iter.Seq2[T, error].
//
// Routes: the registry's route table is not public, so every route lives in one operation table keyed
// by the Python operation id. Client.VerifyRoutes compares it with the registry's OpenAPI document, and
// Configuration.OpenAPISpec makes routes resolve from a real document. The istaritest package is a fake
// registry for tests.
package istari
