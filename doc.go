// Package istari is the Go SDK for the Istari Digital platform, a port of the Python client
// istari-digital-client (its Client class, docs version 2026.04).
//
// A [Client] talks to one Istari registry: files, models, artifacts and comments; jobs; systems,
// configurations and snapshots, with branches over snapshot tags (Python's System layer); access control and control tags; infosec levels; documents; agents,
// modules and tools; users, tokens and integrations. Response data are plain structs of package
// [github.com/istari-sdk/istari-go/types]; typed string enums are in [github.com/istari-sdk/istari-go/enums].
//
// Every Python Client method has a Go method of the same name in CamelCase (list_files → ListFiles,
// get_user_by_id → GetUserByID) that takes a [context.Context] first. The context's deadline bounds the
// whole call, retries included; it replaces Python's per-call http_request_timeout_secs.
//
//	cfg, err := istari.ConfigurationFromEnv()
//	if err != nil {
//		log.Fatal(err)
//	}
//	client, err := istari.NewClient(cfg)
//	if err != nil {
//		log.Fatal(err)
//	}
//	defer client.Close()
//
//	model, err := client.AddModel(ctx, "wing.step", &istari.UploadOptions{DisplayName: istari.Ptr("Wing")})
//
// A Client is safe for concurrent use and holds one connection pool: build one and share it.
//
// # Configuration
//
// [Configuration] has one field per Python configuration setting, each documented with its Python name
// and environment variable. [ConfigurationFromEnv] reads the same ISTARI_* variables as the Python client
// (ISTARI_REGISTRY_URL, ISTARI_REGISTRY_AUTH_TOKEN, ISTARI_CLIENT_RETRY_MAX_ATTEMPTS, ...) and reports every
// bad value at once; it never modifies the environment. [NewClient] never reads the environment: it runs
// [Configuration.Validate] and fails with joined [*ConfigurationError] values. Zero values select the
// Python defaults; the *bool fields whose default is true take [Bool] (RetryEnabled: istari.Bool(false)).
//
// In gateway mode (DigitalAPIURL set) the registry is reached at DigitalAPIURL + "/registry" and
// RegistryURL is ignored; [Configuration.RegistryBaseURL] shows the result. Calls are retried with
// exponential backoff on transport errors, 429 and 5xx answers (POST and PATCH only when the server
// provably did not act: 429, 503, or a failure before the request was written), honouring Retry-After.
//
// # Access keys
//
// On registries with the Istari Identity Service, set IdentityServiceEnabled with DigitalAPIURL and access-key
// credentials (IdentityServiceSecretFile or IdentityServiceSecret): every registry call then carries a
// short-lived access token that the client obtains, caches and refreshes by itself, and a registry 401 refreshes
// it once before the call fails. [Client.Keys] returns the [*KeyManager] of Python's client.keys: exchange a
// personal access token for a key pair ([KeyManager.GenerateAndExchange]), then register, list, read and revoke
// the keys of users and agents. [*Credentials] print their private key as "[REDACTED]"; identity-service
// failures are [*IdentityServiceError] ([ErrIdentityService]).
//
// # Errors
//
// A registry answer other than 2xx is an [*APIError] carrying the status, the operation id, the
// server's detail and the raw body. Branch on the status with [errors.Is] and the sentinels
// [ErrBadRequest], [ErrUnauthorized], [ErrForbidden], [ErrNotFound], [ErrMethodNotAllowed], [ErrConflict],
// [ErrUnprocessable], [ErrRateLimited] and [ErrServer]; read the fields with [errors.As]:
//
//	_, err := client.GetModel(ctx, id)
//	if errors.Is(err, istari.ErrNotFound) {
//		// missing, or not visible to the caller
//	}
//	var apiErr *istari.APIError
//	if errors.As(err, &apiErr) {
//		log.Printf("%s answered %d: %s", apiErr.OperationID, apiErr.StatusCode, apiErr.Detail)
//	}
//
// A parameter that breaks a local rule (a missing required value, a page size above 100, an upload
// description over 255 characters) fails with [*ValidationError] before any request is sent. Other
// errors: [*ConfigurationError] for settings, [*ChecksumError] ([ErrChecksumMismatch]) for a download
// whose content does not match its token, [ErrPATsDeprecated] for personal-access-token calls that an
// identity-enabled registry answers 405, and [*JobFailedError] ([ErrJobFailed]) from [Client.WaitForJob].
// Transport failures and context cancellation are returned wrapped.
//
// # Pagination and iterators
//
// Paged list methods (ListFiles, ListModels, ListSystems, ...) return one [*Page] of the items and the
// envelope fields. A page remembers its call: [Page.All] yields every item from that page on, and
// [Page.AllPages] every page, fetching lazily with the same filters; the generic [All] does the same
// from the first page given a list method and its parameters:
//
//	params := &istari.ListFilesParams{Sort: istari.Ptr("-created")}
//	for f, err := range istari.All(ctx, params, client.ListFiles) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(f.ID, f.Name())
//	}
//
// Breaking out of the loop stops fetching. In parameter structs nil pointers and zero [PageOptions] are not
// sent, so the registry applies its defaults (page 1, size 10; page is 1-based, size at most 100). This
// matters: sending a filter such as archive_status at all can make large registries slow. Lists that the
// registry does not page (ListUsers, ListAccess, ...) return plain slices.
//
// # Uploads and downloads
//
// Bytes never pass through the registry. An upload (AddFile, AddModel, AddArtifact, AddComment and their
// Update variants) asks the registry for a presigned URL, sends the content straight to the object store
// without the registry's Authorization header, then registers the new revision (CreateRevision stops
// before that step and returns the revision for you to register). Each takes a path like
// Python, or an [io.Reader] with the FromReader variant ([Client.AddModelFromReader], ...); the content is
// streamed and its checksum, SHA-384 of the content and a salt, is computed on the way. [UploadOptions]
// holds the revision metadata (sources, description, display name, version name, external identifier)
// and an optional progress callback.
//
// Contents larger than Configuration.MultipartThreshold (default 2 GiB) are uploaded in parts of
// MultipartChunkSize (default 128 MiB), UploadConcurrency at a time, streamed from the source; the registry
// hands out every part's URL when the upload starts. A failed or cancelled multipart upload is cancelled on
// the registry too. When the registry call after an upload fails, the error names the sha of the orphaned blob.
//
// Downloads are verified against the checksum: [Client.ReadContents] writes to an [io.Writer],
// [Client.ReadBytes], [Client.ReadText] and [Client.ReadJSON] return the content, and [Client.CopyTo] writes
// a file that only appears once verified. The token to read comes from a revision:
// model.Revision().ContentToken(). With the filesystem cache on (the default, as in Python) verified
// content is kept on disk under FilesystemCacheRoot, keyed by sha and salt, and served from there next
// time (an entry this client verified is served while unchanged; any other is verified in full first, and
// refetched when corrupt); [Client.CacheStats] counts hits, misses and puts, and [Client.Close] removes what
// this client cached when FilesystemCacheCleanOnExit is on (the default).
//
// # Jobs
//
// [Client.WaitForJob] replaces Python's Job.poll_job: it polls GetJob (every 5 s by default; see
// [WaitOptions] for the interval, backoff and a status callback) until the job is Completed, Failed or
// Canceled. A completed job is returned as is; a failed or canceled one yields [*JobFailedError], which
// carries the job and its last status message. Polls answered 5xx or 429 are tolerated up to
// WaitOptions.MaxPollErrors in a row; the context bounds the wait.
//
//	job, err := client.WaitForJob(ctx, jobID, &istari.WaitOptions{Interval: 2 * time.Second})
//	var failed *istari.JobFailedError
//	if errors.As(err, &failed) {
//		log.Printf("job %s failed", failed.Job.ID)
//	}
//
// # The operation table and route verification
//
// The registry's route table is not public: most routes are reconstructed from the Python SDK's names
// with fixed rules. Every route therefore lives in one operation table keyed by the Python operation id
// (list_files, create_model_job, ...), and nowhere else. The registry's own OpenAPI document corrects it:
//
//   - Route discovery (Configuration.RouteDiscovery, env ISTARI_CLIENT_ROUTE_DISCOVERY, "auto" by default)
//     fetches the registry's document once, on the first call, and follows its routes: rows are matched by
//     operationId, FastAPI's default id, then method and path shape, with the document's server base path
//     joined once. A row whose path parameters the document renames without proving which is which keeps its
//     built-in route. [Client.Routes] returns the [RouteReport]; anything short of a full match is logged once
//     at Warn. [Client.RefreshRoutes] fetches the document again.
//   - Configuration.OpenAPISpec (env ISTARI_CLIENT_OPENAPI_SPEC, a file name; JSON or YAML) resolves routes
//     from a document you give, when the client is built.
//   - [Client.VerifyRoutes] compares the built-in table with the registry's document without changing
//     anything, and the command istari-specdiff prints the same report offline for saved documents:
//     go run github.com/istari-sdk/istari-go/cmd/istari-specdiff registry.json storage.yaml (exit status 1
//     when an expected operation does not match exactly).
//
// # Testing with istaritest
//
// Package [github.com/istari-sdk/istari-go/istaritest] is an in-memory fake registry served over HTTP on
// loopback. It routes with the SDK's own operation table (served at /openapi.json; WithOpenAPISpec starts it
// from a registry's document instead), keeps real state per domain (files and
// storage, jobs and a fake agent, systems and snapshots, access control), enforces authorization per
// user, records requests and injects faults. Point a Client at it:
//
//	srv := istaritest.NewServer()
//	defer srv.Close()
//	client, err := istari.NewClient(istari.Configuration{
//		RegistryURL:       srv.URL,
//		RegistryAuthToken: istari.Secret(srv.Token()),
//	})
//
// Add users with Server.AddUser, make the next calls fail with Server.InjectFault, and inspect what the SDK
// sent with Server.RequestsFor. The examples of this package run against it.
//
// # Logging and secrets
//
// The SDK logs through Configuration.Logger, an [*log/slog.Logger]; nil (the default) is silent, and the
// SDK never calls slog.SetDefault. [ConfigurationFromEnv] builds a text logger when ISTARI_CLIENT_LOG_LEVEL
// or ISTARI_CLIENT_LOG_TO_FILE is set, like Python's package logger. Compatibility verdicts are logged once
// per client (and passed to Configuration.OnCompatibility); retries are logged at DEBUG.
//
// Credentials are [Secret] values: the auth token, the identity-service secret and the proxy URL. Every
// fmt verb, JSON, text encoding and slog attribute of a Secret shows "[REDACTED]"; only [Secret.Reveal]
// returns the value. Presigned storage URLs, whose query is a credential, are never logged.
//
// # Tracing and metrics
//
// The SDK instruments itself with the OpenTelemetry API (Python has no equivalent). Configuration.TracerProvider,
// MeterProvider and Propagator default to the OpenTelemetry globals, so installing an SDK provider with
// otel.SetTracerProvider is enough: every call gets a span ("istari.get_model", "istari.AddModel"), every HTTP
// attempt a client span with the HTTP semantic-convention attributes, and uploads, downloads, cache lookups and
// job polls their own spans; call durations, retries, transferred bytes, active transfers and cache lookups are
// metrics. W3C trace context is sent to the registry, never to presigned storage URLs. Spans and metrics carry
// no token, no URL query and no file content.
//
// # Python to Go
//
// The table at https://github.com/istari-sdk/istari-go/blob/main/docs/python-to-go.md maps every Python
// Client method to its Go method, lists the Go-only helpers (the FromReader variants, ReadBytes, CopyTo,
// CreateAccessFor and the other methods Python puts on its model objects, VerifyRoutes, Close, ...) and
// the notable differences: context first, typed errors, readers and writers instead of paths, iterators
// instead of iter_pages/iter_items, Secret redaction, Close instead of finalizers, and page 0 meaning
// "not set".
package istari
