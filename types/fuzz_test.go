package types

import (
	"encoding/json"
	"testing"
	"time"
)

// responseTypes returns a fresh zero value of every model the registry sends back.
func responseTypes() []any {
	return []any{
		&AccessRelationship{}, &SubjectInfo{}, &ResourceTypePermission{}, &ControlTag{}, &ResourceControlTagging{},
		&UserControlTagging{}, &Token{}, &User{}, &PersonalAccessToken{}, &Tenant{}, &AppIntegration{},
		&AuthIntegration{}, &FunctionAuthSecret{}, &PresignedURL{}, &Agent{}, &AgentDisplayName{},
		&AgentInformation{}, &AgentStatus{}, &AgentPool{}, &AgentPoolAgentMembershipWithAgent{},
		&AgentPoolUserMembershipWithUser{}, &Module{}, &ModuleVersion{}, &ModuleAuthor{}, &Function{},
		&FunctionVersion{}, &Tool{}, &ToolVersion{}, &OperatingSystem{}, &ArchiveStatusEntry{},
		&ValidationDetail{}, &HTTPValidationError{}, &Document{}, &DocumentListItem{}, &File{}, &FileRevision{},
		&Source{}, &Product{}, &Properties{}, &TokenWithProperties{}, &Model{}, &Artifact{}, &Comment{},
		&ModelListItem{}, &ResourceSearchItem{}, &CustomizedResourceSearchItem{}, &InfosecLevel{},
		&PlatformInfosecSettings{}, &Job{}, &JobStatus{}, &System{}, &SystemBaseline{}, &SystemConfiguration{},
		&Snapshot{}, &SnapshotItem{}, &SnapshotTag{}, &SnapshotTagRevision{}, &TrackedFile{}, &Subsystem{},
		&SnapshotSubsystemItem{}, &SnapshotRevisionSearchItem{}, &ConfigurationRevisionSearchItem{},
		&UpstreamRemote{}, &UpstreamRemoteInfo{}, &DryRunSnapshot{}, &NoOpResponse{},
	}
}

// FuzzDecodeResponses feeds arbitrary JSON to every response type: decoding may fail but never panics,
// and whatever decodes re-encodes and decodes again.
func FuzzDecodeResponses(f *testing.F) {
	f.Add([]byte(`{"id":"f1","created":"2026-04-01T12:00:00.000000+00:00","revisions":[{"id":"r1","created":"2026-04-01T12:00:00Z","file_id":null,"content_token":{"id":"t","created":"2026-04-01","sha":"ab","salt":"cd"},"properties_token":{"id":"t2","created":"2026-04-01T00:00:00","sha":"ef","salt":"01"},"archive_status_history":[],"name":"a","extension":"csv","size":3}],"archive_status_history":[{"id":"a","created":"2026-04-01T12:00:00+0000","name":"Active","file_id":"f1"}],"unknown":{"x":[1,2]}}`))
	f.Add([]byte(`{"id":"j","created":"2026-04-01T12:00:00Z","status_history":[{"id":"s","created":"2026-04-01T12:00:00Z","job_id":"j","name":"Running","message":"50%"}],"function":{"id":"fn","name":"@istari:extract"}}`))
	f.Add([]byte(`{"detail":[{"loc":["body",0,"name"],"msg":"Field required","type":"missing"}]}`))
	f.Add([]byte(`{"created":null,"size":-1,"extra":"\u0000"}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, v := range responseTypes() {
			if json.Unmarshal(data, v) != nil {
				continue
			}
			out, err := json.Marshal(v)
			if err != nil {
				t.Fatalf("%T decoded but does not encode: %v", v, err)
			}
			again := v
			if err := json.Unmarshal(out, again); err != nil {
				t.Fatalf("%T re-encoded to JSON it cannot decode: %v\n%s", v, err, out)
			}
		}
		_, _ = DecodeCreateSnapshotResult(data, false)
		_, _ = DecodeCreateSnapshotResult(data, true)
		_, _ = DecodeResource("model", data)
	})
}

// FuzzTimestamp checks that any accepted datetime round-trips through the wire format to the microsecond.
func FuzzTimestamp(f *testing.F) {
	for _, s := range []string{
		"2026-04-01T12:00:00.000000+00:00", "2026-04-01T12:00:00Z", "2026-04-01T12:00:00.123456789-05:30",
		"2026-04-01T12:00:00+0000", "2026-04-01T12:00:00", "2026-04-01", "2026-04-01 12:00:00+00", "bogus",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ts, err := ParseTimestamp(s)
		if err != nil {
			return
		}
		b, err := json.Marshal(ts)
		if err != nil {
			t.Fatalf("ParseTimestamp(%q) gave %v, which does not encode: %v", s, ts.Time, err)
		}
		var back Timestamp
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s does not decode: %v", b, err)
		}
		if !back.Equal(ts.Truncate(time.Microsecond)) {
			t.Fatalf("round trip of %q: %v became %v (%s)", s, ts.Time, back.Time, b)
		}
	})
}
