package ops

// Operation ids of this table, for the domain files, the fake and the rows below: a misspelt id is a
// compile error.
const (
	LivenessCheck  ID = "liveness_check"
	ReadinessCheck ID = "readiness_check"
)

// healthOps holds the wire operations of section 11, Health & compatibility.
// Verb, path template and confidence are transcribed exactly from the spec table.
var healthOps = []Operation{
	{ID: string(LivenessCheck), GoName: "LivenessCheck", Method: "GET", Path: "/api/v2/health/liveness", Confidence: Published, Section: "11"},
	{ID: string(ReadinessCheck), GoName: "ReadinessCheck", Method: "GET", Path: "/api/v2/health/readiness", Confidence: Published, Section: "11"},
}

// OpenAPIPath is where a registry serves its OpenAPI document (FastAPI's default), fetched by
// Client.VerifyRoutes. It is not an operation of the registry API itself.
const OpenAPIPath = "/openapi.json"

// OpenAPILocations are where a FastAPI registry usually serves its OpenAPI document, under the registry base
// URL, in the order route discovery tries them: FastAPI's default, then under the API's version prefix.
var OpenAPILocations = []string{OpenAPIPath, "/api/v2" + OpenAPIPath}
