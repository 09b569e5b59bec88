package ops

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestBuiltinRowCountsPerSection(t *testing.T) {
	want := map[string]int{
		"3.1": 34, "4.1": 12, "5": 27, "6.1": 23, "7": 4, "8": 9,
		"9.1": 18, "9.2": 15, "9.3": 3, "10": 17, "11": 2, "12": 5,
	}
	got := map[string]int{}
	for _, o := range builtinRows() {
		got[o.Section]++
	}
	for sec, n := range want {
		if got[sec] != n {
			t.Errorf("section %s: %d rows, want %d", sec, got[sec], n)
		}
	}
	if len(got) != len(want) {
		t.Errorf("sections %v, want exactly %v", got, want)
	}
	// The 168 reconstructed wire operations, less delete_agent_pool (the published client's DELETE on a pool is
	// archive_agent_pool), plus the published client's 2 multipart storage calls.
	if n := len(builtinRows()); n != 169 {
		t.Errorf("builtinRows: %d rows, want 169", n)
	}
	if n := Builtin().Len(); n != 169 {
		t.Errorf("Builtin().Len() = %d, want 169", n)
	}
}

func TestBuiltinIDsUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, o := range builtinRows() {
		if seen[o.ID] {
			t.Errorf("duplicate id %q", o.ID)
		}
		seen[o.ID] = true
	}
}

var (
	snakeCase    = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)
	customMethod = regexp.MustCompile(`^:[a-zA-Z_]+$`) // "{model_id}:restore"
)

func TestBuiltinRowsWellFormed(t *testing.T) {
	for _, o := range builtinRows() {
		if err := o.Validate(); err != nil {
			t.Errorf("%s: %v", o.ID, err)
		}
		if !snakeCase.MatchString(o.ID) {
			t.Errorf("%s: id is not snake_case", o.ID)
		}
		if !slices.Contains([]string{"GET", "POST", "PUT", "PATCH", "DELETE"}, o.Method) {
			t.Errorf("%s: method %q", o.ID, o.Method)
		}
		if o.Path != "/api/v2" && !strings.HasPrefix(o.Path, "/api/v2/") {
			t.Errorf("%s: path %q does not start with /api/v2/", o.ID, o.Path)
		}
		// The registry serves a few collections with a trailing slash ("/api/v2/infosec/"), so only "//" is wrong.
		if strings.Contains(o.Path, "//") {
			t.Errorf("%s: path %q has an empty segment", o.ID, o.Path)
		}
		for p := range strings.SplitSeq(o.Path, "/") {
			literal := !strings.ContainsAny(p, "{}")
			name, suffix, _ := strings.Cut(strings.TrimPrefix(p, "{"), "}")
			param := strings.HasPrefix(p, "{") && snakeCase.MatchString(name) && (suffix == "" || customMethod.MatchString(suffix))
			if !literal && !param {
				t.Errorf("%s: path %q: malformed segment %q", o.ID, o.Path, p)
			}
		}
		if !slices.Contains([]Confidence{Attested, Signature, Reconstructed, Published}, o.Confidence) {
			t.Errorf("%s: confidence %q", o.ID, o.Confidence)
		}
		if o.Source != "" {
			t.Errorf("%s: table data sets Source %q; Builtin() sets it", o.ID, o.Source)
		}
	}
}

func TestBuiltinConfidence(t *testing.T) {
	var attested []string
	count := map[Confidence]int{}
	for _, o := range Builtin().All() {
		if o.Section == SectionProposed {
			continue // proposals beyond the registry's list
		}
		count[o.Confidence]++
		if o.Confidence == Attested {
			attested = append(attested, o.ID)
		}
	}
	// The registry's list marks 3 A, 132 S, 33 R; rows the published Python client serves are Published instead, and
	// the rest keep their mark. delete_agent_pool (R) left the table; the 2 multipart calls joined it (Published).
	if count[Attested]+count[Signature]+count[Reconstructed]+count[Published] != 169 {
		t.Errorf("marks %v do not add up to 169 rows", count)
	}
	if count[Published] < 140 {
		t.Errorf("only %d Published rows", count[Published])
	}
	for _, id := range attested {
		if !slices.Contains([]string{"bulk_create_access", "liveness_check", "readiness_check"}, id) {
			t.Errorf("%s: attested without being published", id)
		}
	}
}

// goName derives the Go name of an operation id with Go's initialisms (ID, URL, URLs, PAT, ...).
func goName(id string) string {
	var b strings.Builder
	for w := range strings.SplitSeq(id, "_") {
		switch w {
		case "id", "url":
			b.WriteString(strings.ToUpper(w))
		case "urls":
			b.WriteString("URLs")
		default:
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		}
	}
	return b.String()
}

func TestBuiltinGoNames(t *testing.T) {
	// The wire calls wrapped by a composite of the same name or that only a composite calls (§0.2).
	private := []string{
		"create_artifact", "create_artifacts_bulk", "create_auth_integration", "create_comment", "create_file",
		"create_function_auth_secret", "create_model", "create_model_job", "create_multipart_upload",
		"finalize_multipart_upload", "update_artifact",
		"update_auth_integration", "update_comment", "update_file", "update_file_properties", "update_job",
		"update_model",
	}
	var gotPrivate []string
	for _, o := range Builtin().All() {
		if o.Section == SectionProposed {
			continue // unexported storage plumbing, not Python methods
		}
		exported := goName(o.ID)
		// The published client renamed two operations; the Go methods keep their documented names.
		if kept, ok := map[string]string{"fetch_function_auth_secret": "GetFunctionAuthSecret", "find_function_auth_secret": "ListFunctionAuthSecrets"}[o.ID]; ok {
			exported = kept
		}
		switch o.GoName {
		case exported:
		case strings.ToLower(exported[:1]) + exported[1:]:
			gotPrivate = append(gotPrivate, o.ID)
		default:
			t.Errorf("%s: GoName %q, want %q or its lowerCamel form", o.ID, o.GoName, exported)
		}
	}
	if !slices.Equal(gotPrivate, private) {
		t.Errorf("unexported rows %v, want %v", gotPrivate, private)
	}
}

func TestBuiltinSpotChecks(t *testing.T) {
	want := []Operation{
		{ID: "list_files", GoName: "ListFiles", Method: "GET", Path: "/api/v2/files", Confidence: Published, Section: "3.1"},
		{ID: "get_resource", GoName: "GetResource", Method: "GET", Path: "/api/v2/resources/{resource_type}/{resource_id}", Confidence: Signature, Section: "3.1"},
		{ID: "restore_model", GoName: "RestoreModel", Method: "POST", Path: "/api/v2/models/{model_id}:restore", Confidence: Published, Section: "3.1"},
		{ID: "create_model_job", GoName: "createModelJob", Method: "POST", Path: "/api/v2/models/{model_id}/jobs", Confidence: Published, Section: "4.1"},
		{ID: "list_tags", GoName: "ListTags", Method: "GET", Path: "/api/v2/systems/configurations/snapshots/tags", Confidence: Published, Section: "5"},
		{ID: "bulk_create_access", GoName: "BulkCreateAccess", Method: "POST", Path: "/api/v2/bulk/access", Confidence: Published, Section: "6.1"},
		{ID: "remove_access", GoName: "RemoveAccess", Method: "DELETE", Path: "/api/v2/access/{subject_type}/{subject_id}/{resource_type}/{resource_id}", Confidence: Published, Section: "6.1"},
		{ID: "assign_infosec_level", GoName: "AssignInfosecLevel", Method: "POST", Path: "/api/v2/infosec/{subject_type}/{subject_id}", Confidence: Published, Section: "7"},
		{ID: "list_infosec_levels", GoName: "ListInfosecLevels", Method: "GET", Path: "/api/v2/infosec/", Confidence: Published, Section: "7"},
		{ID: "export_document", GoName: "ExportDocument", Method: "GET", Path: "/api/v2/documents/{document_id}/export", Confidence: Reconstructed, Section: "8"},
		{ID: "archive_agent_pool", GoName: "ArchiveAgentPool", Method: "DELETE", Path: "/api/v2/agent_pools/{agent_pool_id}", Confidence: Published, Section: "9.1"},
		{ID: "create_tool_versions", GoName: "CreateToolVersions", Method: "POST", Path: "/api/v2/tools-versions/{tool_id}", Confidence: Published, Section: "9.2"},
		{ID: "fetch_function_auth_secret", GoName: "GetFunctionAuthSecret", Method: "GET", Path: "/api/v2/app_integrations/authsecrets/{auth_secret_id}", Confidence: Published, Section: "9.3"},
		{ID: "list_users", GoName: "ListUsers", Method: "GET", Path: "/api/v2/users", Confidence: Published, Section: "10"},
		{ID: "liveness_check", GoName: "LivenessCheck", Method: "GET", Path: "/api/v2/health/liveness", Confidence: Published, Section: "11"},
		{ID: "generate_upload_urls_bulk", GoName: "GenerateUploadURLsBulk", Method: "POST", Path: "/api/v2/tokens/upload-urls_bulk", Confidence: Published, Section: "12"},
	}
	for _, w := range want {
		w.Source = SourceBuiltin
		got, ok := Builtin().Lookup(w.ID)
		got.Query, got.Body = nil, nil // metadata, compared in TestWireParamsNameRows
		if !ok || !reflect.DeepEqual(got, w) {
			t.Errorf("Lookup(%q) = %+v, %v; want %+v", w.ID, got, ok, w)
		}
	}
}

func TestBuiltinIsShared(t *testing.T) {
	first, second := Builtin(), Builtin()
	if first != second {
		t.Error("Builtin() built the table twice")
	}
}

func TestWireParamsNameRows(t *testing.T) {
	for id := range wireParams {
		if _, ok := Builtin().Lookup(string(id)); !ok {
			t.Errorf("wireParams names %q, which is not a row", id)
		}
	}
	o, _ := Builtin().Lookup("update_job_status")
	if !reflect.DeepEqual(o.Query, []QueryParam{{Name: "status_name", Required: true}, {Name: "agent_id"}}) {
		t.Errorf("update_job_status query = %+v", o.Query)
	}
}
