package ops

// healthOps holds the wire operations of operations.md §11 Health & compatibility.
// Verb, path template and confidence are transcribed exactly from the spec table.
var healthOps = []Operation{
	{ID: "liveness_check", GoName: "LivenessCheck", Method: "GET", Path: "/api/v2/health/liveness", Confidence: Published, Section: "11"},
	{ID: "readiness_check", GoName: "ReadinessCheck", Method: "GET", Path: "/api/v2/health/readiness", Confidence: Published, Section: "11"},
}

// OpenAPIPath is where a registry serves its OpenAPI document (FastAPI's default), fetched by
// Client.VerifyRoutes. It is not an operation of the registry API itself.
const OpenAPIPath = "/openapi.json"
