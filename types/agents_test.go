package types

import (
	"encoding/json"
	"testing"

	"github.com/istari-sdk/istari-go/enums"
)

func TestAgentDecode(t *testing.T) {
	data := `{"id":"agent-1","created":"2026-04-01T12:00:00.000000Z",
	  "display_name_history":[{"display_name":"old"},{"display_name":"lab-pc-3","created":"2026-04-02T00:00:00.000000Z"}],
	  "information_history":[{"agent_version":"9.1.0","host_os":"Windows 11","api_hashes":{"Agent":"h1","Model":"h2"}}],
	  "status_history":[{"name":"Idle"},{"name":"ExecutingJob","job_id":"job-1"}],
	  "modules_history":[{"module":"@istari:cameo","version":"1.2.3"}],
	  "agent_pools":[{"id":"pool-1"}],"archive_status":"Active","created_by_id":"u-1",
	  "compatibility_status":"compatible","incompatible_tags":[],"deprecated_tags":["Model"],"hostname":"lab-pc-3"}`
	var a Agent
	roundTrip(t, data, &a)
	if a.DisplayName() != "lab-pc-3" || string(a.DisplayNameHistory[1].Extra["created"]) != `"2026-04-02T00:00:00.000000Z"` {
		t.Errorf("display name %q", a.DisplayName())
	}
	st, ok := a.Status()
	if !ok || st.Name != enums.AgentStatusNameExecutingJob || string(st.Extra["job_id"]) != `"job-1"` {
		t.Errorf("status = %+v %v", st, ok)
	}
	if string(a.InformationHistory[0].APIHashes) != `{"Agent":"h1","Model":"h2"}` || string(a.ArchiveStatus) != `"Active"` ||
		string(a.Extra["hostname"]) != `"lab-pc-3"` {
		t.Errorf("agent = %+v", a)
	}
	var empty Agent
	if _, ok := empty.Status(); ok || empty.DisplayName() != "" {
		t.Error("empty agent")
	}
}

func TestAgentBodies(t *testing.T) {
	cases := []struct {
		v    any
		want string
	}{
		{NewTool{Name: "cameo"}, `{"name":"cameo","tool_versions":[]}`},
		{NewTool{Name: "cameo", ToolVersions: []NewToolVersion{{ToolVersion: "2024x"}}}, `{"name":"cameo","tool_versions":[{"tool_version":"2024x"}]}`},
		{&NewTool{Name: "x"}, `{"name":"x","tool_versions":[]}`},
		{NewAgent{AgentVersion: "9.1.0", HostOS: "Ubuntu 22.04"}, `{"agent_version":"9.1.0","host_os":"Ubuntu 22.04"}`},
		{NewAgentInformation{AgentVersion: "9.1.0", HostOS: "RHEL 8", APIHashes: json.RawMessage(`{"Agent":"h"}`)},
			`{"agent_version":"9.1.0","host_os":"RHEL 8","api_hashes":{"Agent":"h"}}`},
		{NewAgentStatus{Name: enums.AgentStatusNamePaused}, `{"name":"Paused"}`},
		{NewAgentDisplayName{DisplayName: "lab"}, `{"display_name":"lab"}`},
		{NewAgentPool{Name: "gpu", Description: ptr("GPU boxes")}, `{"name":"gpu","description":"GPU boxes"}`},
		{NewOperatingSystem{Name: "Windows 11"}, `{"name":"Windows 11"}`},
		{[]NewAgentModuleVersion{{ModuleName: "cad", ModuleVersion: "2", Extra: map[string]json.RawMessage{"module_version_id": json.RawMessage(`"mv-1"`)}}},
			`[{"module_name":"cad","module_version":"2","module_version_id":"mv-1"}]`},
	}
	for _, c := range cases {
		b, err := json.Marshal(c.v)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != c.want {
			t.Errorf("%T: got %s, want %s", c.v, b, c.want)
		}
	}
}

func TestModuleAndToolDecode(t *testing.T) {
	var m Module
	roundTrip(t, `{"id":"mod-1","name":"@istari:cameo","module_versions":[{"id":"mv-1","version":"1.2.3"}]}`, &m)
	if string(m.Extra["id"]) != `"mod-1"` || m.ModuleVersions[0].Version != "1.2.3" {
		t.Errorf("module = %+v", m)
	}
	var tools []Tool
	roundTrip(t, `[{"id":"tool-1","name":"cameo","versions":[{"id":"tv-1"}]}]`, &tools)
	if tools[0].Name != "cameo" || string(tools[0].Extra["versions"]) != `[{"id":"tv-1"}]` {
		t.Errorf("tools = %+v", tools)
	}
}
