// Command bodies compares the requests the Go SDK and the published Python client send for the same composite
// calls with the same inputs (add_model, update_model, add_artifact, update_artifact, add_comment, add_job,
// create_system, create_configuration, create_access, create_access_by_email_for_other_tenants). Each client runs against its own in-process istaritest fake: Python
// through crosscheck/bodies.py (the virtualenv's interpreter is the first argument), Go through the SDK below.
// The recordings are cut into one segment per composite at the marks both drivers send, and within a segment
// every registry write (operation, method, path, query string, JSON body) and every storage upload (size)
// must agree once the legitimately random values are normalised (see normalise). Any difference is printed and
// fails the command.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/istari-sdk/istari-go/types"
)

// extractFunction is the function add_job runs; the simulated agent completes it.
const extractFunction = "@istari:extract"

// markPrefix is the unrouted path both drivers GET before each composite (the fake records it, answers 404).
const markPrefix = "/crosscheck/mark/"

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: bodies <python of the pyref virtualenv>")
		os.Exit(2)
	}
	os.Exit(run(os.Args[1]))
}

// run records both clients, compares them and returns the exit code.
func run(python string) int {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	py, err := record(ctx, func(ctx context.Context, f *istaritest.Server, bob istaritest.User) error {
		return drivePython(ctx, python, f, bob)
	})
	if err != nil {
		return fail("python driver: %v", err)
	}
	gosdk, err := record(ctx, driveGo)
	if err != nil {
		return fail("go driver: %v", err)
	}
	pySeg, goSeg := segments("python", py), segments("go", gosdk)
	names := make([]string, 0, len(pySeg))
	for name := range pySeg {
		names = append(names, name)
	}
	sort.Strings(names)
	diffs := 0
	for _, name := range names {
		p, g := pySeg[name], goSeg[name]
		if len(p) == 0 {
			return fail("segment %s: the Python client sent no write", name)
		}
		if d := compare(p, g); d != "" {
			diffs++
			fmt.Printf("DIFF %s:\n%s", name, d)
			continue
		}
		fmt.Printf("SAME %s (%d requests)\n", name, len(p))
	}
	for name := range goSeg {
		if _, ok := pySeg[name]; !ok {
			return fail("segment %s only on the Go side", name)
		}
	}
	fmt.Printf("%d of %d composites send the same requests from both clients\n", len(names)-diffs, len(names))
	if diffs > 0 {
		return 1
	}
	return 0
}

// fail reports a broken run (not a difference) and returns its exit code.
func fail(format string, args ...any) int {
	fmt.Fprintf(os.Stderr, "bodies: "+format+"\n", args...)
	return 1
}

// record starts a fresh fake (the same seeding for both clients), runs drive against it and returns what the
// fake recorded.
func record(ctx context.Context, drive func(context.Context, *istaritest.Server, istaritest.User) error) ([]istaritest.Request, error) {
	fake := istaritest.NewServer()
	defer fake.Close()
	fake.RegisterFunction(istaritest.FunctionSpec{Name: extractFunction, ToolName: "extractor", ToolVersion: "1.0"})
	fake.HandleFunction(extractFunction, func(context.Context, istaritest.JobContext) error { return nil })
	bob := fake.AddUser("bob")
	if err := drive(ctx, fake, bob); err != nil {
		return nil, err
	}
	return fake.Requests(), nil
}

func drivePython(ctx context.Context, python string, fake *istaritest.Server, bob istaritest.User) error {
	dir, err := os.MkdirTemp("", "bodies-")
	if err != nil {
		return err
	}
	defer func() { _ = os.RemoveAll(dir) }()
	owner := fake.Owner()
	info, _ := json.Marshal(map[string]any{
		"url": fake.URL, "function": extractFunction,
		"owner": map[string]string{"id": owner.ID, "token": owner.Token},
		"bob":   map[string]string{"id": bob.ID, "token": bob.Token, "email": bob.Email},
	})
	file := filepath.Join(dir, "fake.json")
	if err := os.WriteFile(file, info, 0o600); err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, python, "crosscheck/bodies.py")
	cmd.Env = append(os.Environ(), "CROSSCHECK_FAKE="+file)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	return cmd.Run()
}

// driveGo makes the calls of crosscheck/bodies.py with the same inputs through the SDK.
func driveGo(ctx context.Context, fake *istaritest.Server, bob istaritest.User) error {
	c, err := istari.NewClient(istari.Configuration{RegistryURL: fake.URL,
		RegistryAuthToken: istari.Secret(fake.Owner().Token), RetryEnabled: istari.Bool(false)})
	if err != nil {
		return err
	}
	defer func() { _ = c.Close() }()
	dir, err := os.MkdirTemp("", "bodies-")
	if err != nil {
		return err
	}
	defer func() { _ = os.RemoveAll(dir) }()
	n := 0
	file := func(name, data string) string {
		n++
		p := filepath.Join(dir, fmt.Sprint(n), name)
		if err == nil {
			err = os.MkdirAll(filepath.Dir(p), 0o700)
		}
		if err == nil {
			err = os.WriteFile(p, []byte(data), 0o600)
		}
		return p
	}
	mark := func(name string) {
		if err != nil {
			return
		}
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, fake.URL+markPrefix+name, nil)
		resp, e := http.DefaultClient.Do(req)
		if e != nil {
			err = e
			return
		}
		_ = resp.Body.Close()
	}
	s := istari.Ptr[string]
	mark("add_model")
	m, err := c.AddModel(ctx, file("wing.step", "solid wing-spar\n"), &istari.UploadOptions{Description: s("wing"),
		DisplayName: s("Wing"), VersionName: s("v1"), ExternalIdentifier: s("EXT-1")})
	if err != nil {
		return err
	}
	mark("update_model")
	if _, err = c.UpdateModel(ctx, m.ID, file("wing.step", "solid wing-spar v2\n"), &istari.UploadOptions{
		Description: s("wing v2"), DisplayName: s("Wing 2"), VersionName: s("v2"), ExternalIdentifier: s("EXT-2")}); err != nil {
		return err
	}
	mark("add_model_bare")
	if _, err = c.AddModel(ctx, file("bare.txt", "bare"), nil); err != nil {
		return err
	}
	mark("add_artifact")
	a, err := c.AddArtifact(ctx, m.ID, file("wing.json", `{"mass": 3}`), &istari.UploadOptions{
		Sources: []types.NewSource{types.SourceRevision(m.File.Revision().ID)}, Description: s("mass"), DisplayName: s("Mass"), VersionName: s("a1"), ExternalIdentifier: s("ART-1")})
	if err != nil {
		return err
	}
	mark("update_artifact")
	if _, err = c.UpdateArtifact(ctx, a.ID, file("wing.json", `{"mass": 4}`), &istari.UploadOptions{Description: s("mass v2")}); err != nil {
		return err
	}
	mark("add_comment")
	if _, err = c.AddComment(ctx, m.ID, file("note.md", "check the spar"), s("review")); err != nil {
		return err
	}
	mark("add_job")
	if _, err = c.AddJob(ctx, m.ID, extractFunction, &istari.AddJobOptions{
		Parameters: map[string]any{"units": "mm", "scale": 2, "nested": map[string]any{"a": []int{1, 2}}},
		ToolName:   s("extractor"), ToolVersion: s("1.0"),
		Upload: istari.UploadOptions{Description: s("extract"), DisplayName: s("Extract"), VersionName: s("p1"),
			ExternalIdentifier: s("JOB-1")}}); err != nil {
		return err
	}
	mark("create_system")
	sys, err := c.CreateSystem(ctx, &types.NewSystem{Name: "Glider", Description: "two-seat"})
	if err != nil {
		return err
	}
	mark("create_configuration")
	if _, err = c.CreateConfiguration(ctx, sys.ID, &types.NewSystemConfiguration{Name: "baseline",
		TrackedFiles: []types.NewTrackedFile{{SpecifierType: enums.TrackedFileSpecifierTypeLatest, FileID: m.File.ID}}}); err != nil {
		return err
	}
	mark("create_access")
	if _, err = c.CreateAccess(ctx, &types.AccessRelationship{SubjectType: enums.AccessSubjectTypeUser, SubjectID: bob.ID,
		Relation: enums.AccessRelationViewer, ResourceType: enums.AccessResourceTypeModel, ResourceID: m.ID}); err != nil {
		return err
	}
	mark("create_access_by_email_for_other_tenants")
	if _, err = c.CreateAccessByEmailForOtherTenants(ctx, &istari.CreateAccessByEmailForOtherTenantsParams{
		SubjectType: enums.AccessSubjectTypeUser, Email: bob.Email, ResourceType: enums.AccessResourceTypeArtifact,
		ResourceID: a.ID, AccessRelationship: enums.AccessRelationViewer}); err != nil {
		return err
	}
	mark("end")
	return err
}

// segments cuts a recording at the marks: each composite's name maps to the normalised writes sent after its
// mark and before the next one. Reads (GET) are left out: the clients may read back differently without any
// difference in what they write.
func segments(side string, reqs []istaritest.Request) map[string][]string {
	out := map[string][]string{}
	n := newNormaliser()
	defer func() { fmt.Printf("%s: %d null optional fields dropped (known difference)\n", side, n.nulls) }()
	name := ""
	for _, r := range reqs {
		if mark, ok := strings.CutPrefix(r.Path, markPrefix); ok {
			name = mark
			continue
		}
		if name == "" || name == "end" || r.Method == http.MethodGet || r.Method == http.MethodHead {
			continue
		}
		if r.Op == "storage.put" {
			// The presigned URL is the fake's own; the content is the file's bytes, the same input on both
			// sides, so its size stands for it.
			size := fmt.Sprint(r.Size)
			if name == "add_job" {
				// KNOWN DIFFERENCE (kept): the SDK names the parameters revision "parameters.json", Python
				// stores its temp file's random name, so the properties blob differs in length. The body's
				// "size" still compares the parameters content.
				size = "<not compared>"
			}
			out[name] = append(out[name], fmt.Sprintf("%s %s size=%s", r.Method, r.Op, size))
			continue
		}
		out[name] = append(out[name], fmt.Sprintf("%s %s %s?%s\n    %s", r.Method, r.Op, n.text(r.Path), n.text(r.RawQuery), n.body(r.Body)))
	}
	for _, reqs := range out {
		// The content and the properties blob go up in whichever order a client schedules them (Python sends
		// the properties first on an add, Go the content): the uploads are compared as a set, before the writes.
		sort.SliceStable(reqs, func(i, j int) bool { return sortKey(reqs[i]) < sortKey(reqs[j]) })
	}
	return out
}

// sortKey orders uploads (by their text) before registry writes (kept in order by the stable sort).
func sortKey(r string) string {
	if strings.HasPrefix(r, "PUT storage.put") {
		return "0" + r
	}
	return "1"
}

func compare(py, gosdk []string) string {
	var b strings.Builder
	for i := range max(len(py), len(gosdk)) {
		p, g := "(none)", "(none)"
		if i < len(py) {
			p = py[i]
		}
		if i < len(gosdk) {
			g = gosdk[i]
		}
		if p != g {
			fmt.Fprintf(&b, "  python: %s\n  go:     %s\n", p, g)
		}
	}
	return b.String()
}

// normaliser replaces the values that legitimately differ between two runs by stable placeholders. Each
// rule below says why the value is random; everything else must be equal.
type normaliser struct {
	ids, salts, shas map[string]string
	nulls            int // pythonNulls dropped (printed, so the known difference stays visible)
}

func newNormaliser() *normaliser {
	return &normaliser{ids: map[string]string{}, salts: map[string]string{}, shas: map[string]string{}}
}

// placeholder numbers distinct values of one kind in order of first appearance, so that reuse (the same
// salt twice, a revision id repeated in its archive status) still has to match.
func placeholder(seen map[string]string, kind, v string) string {
	if p, ok := seen[v]; ok {
		return p
	}
	p := fmt.Sprintf("<%s#%d>", kind, len(seen)+1)
	seen[v] = p
	return p
}

var (
	uuidRE = regexp.MustCompile(`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`)
	// Python's add_job writes its parameters to tempfile.NamedTemporaryFile(prefix="parameters",
	// suffix=".json"): a random middle the registry stores as the revision's name.
	// pythonNulls are the optional revision fields Python sends as null when unset (see value).
	pythonNulls = map[string]bool{"description": true, "display_name": true, "version_name": true,
		"external_identifier": true, "created_by_id": true, "updated": true,
		// and the unset fields of a source entry (Python's Source(revision_id=..., file_id=None, ...)).
		"file_id": true, "resource_type": true, "resource_id": true, "relationship_identifier": true}
	paramsNameRE = regexp.MustCompile(`^parameters[A-Za-z0-9_]*\.json$`)
)

// text replaces every UUID by <id#N>. The fake mints resource, file, user and job ids at random and each
// client mints revision, token and archive-status ids at random, so only which id goes where can be compared.
// Bodies are walked in sorted-key order, so the numbering does not depend on the order a client minted them.
func (n *normaliser) text(s string) string {
	return uuidRE.ReplaceAllStringFunc(s, func(id string) string { return placeholder(n.ids, "id", strings.ToLower(id)) })
}

// body renders a JSON body canonically (keys sorted, no insignificant whitespace) after normalising its
// values: the registry reads JSON values, so key order and spacing are not compared. A body that is not JSON
// is compared as text.
func (n *normaliser) body(raw []byte) string {
	if len(bytes.TrimSpace(raw)) == 0 {
		return "(no body)"
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return "non-JSON: " + n.text(string(raw))
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(n.value("", v))
	return strings.TrimSpace(b.String())
}

func (n *normaliser) value(key string, v any) any {
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k, e := range x {
			if e == nil && pythonNulls[k] {
				// KNOWN DIFFERENCE (not yet fixed): Python sends unset optional fields of the revision body
				// and its sources (pythonNulls) as explicit nulls, the SDK omits most of them. The registry's models default both to None, so the
				// same revision is stored; the types change is left to the types owners.
				delete(x, k)
				n.nulls++
				continue
			}
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			x[k] = n.value(k, x[k])
		}
		return x
	case []any:
		for i, e := range x {
			x[i] = n.value(key, e)
		}
		return x
	case string:
		switch {
		case key == "created" || key == "updated":
			// Client-side creation times (now, at microsecond precision in Python, nanosecond in Go): they
			// must be present and a string on both sides, not equal.
			return "<time>"
		case key == "salt":
			// A new random salt per upload (checksum byte-equality is tested in files_pyref_test.go).
			return placeholder(n.salts, "salt", x)
		case key == "sha":
			// The salted SHA-384 of a random salt is random too; reuse still has to match.
			return placeholder(n.shas, "sha", x)
		case key == "name" && paramsNameRE.MatchString(x):
			return "parameters<tmp>.json"
		}
		return n.text(x)
	}
	return v
}
