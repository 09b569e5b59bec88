package istaritest

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

type toolRec struct {
	ID       string
	Name     string
	Created  time.Time
	Versions []string // tool version ids
}

type toolVersionRec struct {
	ID      string
	ToolID  string
	Version string
	Created time.Time
}

type moduleRec struct {
	ID       string
	Name     string
	Author   string
	ToolName string
	Created  time.Time
	Versions []string // module version ids
}

type moduleVersionRec struct {
	ID        string
	ModuleID  string
	Version   string
	Created   time.Time
	Functions []string // function ids
}

type functionRec struct {
	ID               string
	Name             string
	Version          string
	ModuleVersionID  string
	ToolName         string
	ToolVersion      string
	OperatingSystems []string
	InputExtensions  []string // lower case, no dot
	Created          time.Time
}

// FunctionSpec describes a function to register in the fake (RegisterFunction).
type FunctionSpec struct {
	Name             string   // e.g. "@istari:extract"
	Version          string   // default "1.0.0"
	ToolName         string   // optional
	ToolVersion      string   // optional
	OperatingSystems []string // e.g. "Ubuntu 22.04"; empty = any
	InputExtensions  []string // "step" or ".step"; empty = any
}

// RegisterFunction adds a function (creating its tool, tool version, module and module version as needed)
// and returns the function id. Jobs can then be created for it.
func (s *Server) RegisterFunction(f FunctionSpec) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.registerFunctionLocked(f, "istaritest").ID
}

func (s *Server) registerFunctionLocked(f FunctionSpec, author string) *functionRec {
	if f.Version == "" {
		f.Version = "1.0.0"
	}
	if f.ToolName != "" {
		t := s.toolByNameLocked(f.ToolName)
		if t == nil {
			t = s.newToolLocked(f.ToolName)
		}
		if f.ToolVersion != "" && s.toolVersionLocked(t, f.ToolVersion) == nil {
			s.newToolVersionLocked(t, f.ToolVersion)
		}
	}
	moduleName := f.Name
	if i := strings.LastIndex(moduleName, ":"); i >= 0 {
		moduleName = moduleName[:i]
	}
	var m *moduleRec
	for _, id := range s.jobs.moduleOrder {
		if s.jobs.modules[id].Name == moduleName {
			m = s.jobs.modules[id]
		}
	}
	if m == nil {
		m = &moduleRec{ID: newID(), Name: moduleName, Author: author, ToolName: f.ToolName, Created: now()}
		s.jobs.modules[m.ID] = m
		s.jobs.moduleOrder = append(s.jobs.moduleOrder, m.ID)
	}
	var mv *moduleVersionRec
	for _, id := range m.Versions {
		if s.jobs.moduleVersions[id].Version == f.Version {
			mv = s.jobs.moduleVersions[id]
		}
	}
	if mv == nil {
		mv = &moduleVersionRec{ID: newID(), ModuleID: m.ID, Version: f.Version, Created: now()}
		s.jobs.moduleVersions[mv.ID] = mv
		s.jobs.modVerOrder = append(s.jobs.modVerOrder, mv.ID)
		m.Versions = append(m.Versions, mv.ID)
	}
	fn := &functionRec{ID: newID(), Name: f.Name, Version: f.Version, ModuleVersionID: mv.ID, ToolName: f.ToolName,
		ToolVersion: f.ToolVersion, OperatingSystems: slices.Clone(f.OperatingSystems), Created: now()}
	for _, e := range f.InputExtensions {
		fn.InputExtensions = append(fn.InputExtensions, normExt(e))
	}
	for _, name := range f.OperatingSystems {
		if !slices.ContainsFunc(s.jobs.oses, func(o types.OperatingSystem) bool { return o.Name == name }) {
			s.jobs.oses = append(s.jobs.oses, types.OperatingSystem{ID: newID(), Name: name, Created: types.Timestamp{Time: now()}})
		}
	}
	s.jobs.functions[fn.ID] = fn
	s.jobs.functionOrder = append(s.jobs.functionOrder, fn.ID)
	mv.Functions = append(mv.Functions, fn.ID)
	return fn
}

func normExt(e string) string { return strings.ToLower(strings.TrimPrefix(e, ".")) }

func (s *Server) toolByNameLocked(name string) *toolRec {
	for _, id := range s.jobs.toolOrder {
		if s.jobs.tools[id].Name == name {
			return s.jobs.tools[id]
		}
	}
	return nil
}

func (s *Server) toolVersionLocked(t *toolRec, version string) *toolVersionRec {
	for _, id := range t.Versions {
		if s.jobs.toolVersions[id].Version == version {
			return s.jobs.toolVersions[id]
		}
	}
	return nil
}

func (s *Server) newToolLocked(name string) *toolRec {
	t := &toolRec{ID: newID(), Name: name, Created: now()}
	s.jobs.tools[t.ID] = t
	s.jobs.toolOrder = append(s.jobs.toolOrder, t.ID)
	return t
}

func (s *Server) newToolVersionLocked(t *toolRec, version string) *toolVersionRec {
	v := &toolVersionRec{ID: newID(), ToolID: t.ID, Version: version, Created: now()}
	s.jobs.toolVersions[v.ID] = v
	s.jobs.toolVerOrder = append(s.jobs.toolVerOrder, v.ID)
	t.Versions = append(t.Versions, v.ID)
	return v
}

// functionSelector is a job request's function lookup.
type functionSelector struct{ name, version, tool, toolVersion, os, ext string }

func (f functionSelector) matches(fn *functionRec) bool {
	return fn.Name == f.name &&
		(f.version == "" || fn.Version == f.version) &&
		(f.tool == "" || fn.ToolName == f.tool) &&
		(f.toolVersion == "" || fn.ToolVersion == f.toolVersion) &&
		(f.os == "" || len(fn.OperatingSystems) == 0 || slices.Contains(fn.OperatingSystems, f.os)) &&
		(len(fn.InputExtensions) == 0 || slices.Contains(fn.InputExtensions, normExt(f.ext)))
}

// notFound is the registry's 404 message when no function matches.
func (f functionSelector) notFound() string {
	or := func(v string) string {
		if v == "" {
			return "any"
		}
		return v
	}
	return "no function found in registry with name " + f.name + ", version: " + or(f.version) + ", tool name: " +
		or(f.tool) + ", tool version: " + or(f.toolVersion) + ", and operating system: " + or(f.os) +
		", for model with extension: " + f.ext
}

// matchFunctionLocked returns the newest registered function matching sel, or nil.
func (s *Server) matchFunctionLocked(sel functionSelector) *functionRec {
	for i := len(s.jobs.functionOrder) - 1; i >= 0; i-- {
		if fn := s.jobs.functions[s.jobs.functionOrder[i]]; sel.matches(fn) {
			return fn
		}
	}
	return nil
}

// agentExtra turns a map into the Extra keys of a types struct.
func agentExtra(m map[string]any) map[string]json.RawMessage {
	out := make(map[string]json.RawMessage, len(m))
	for k, v := range m {
		b, _ := json.Marshal(v)
		out[k] = b
	}
	return out
}

func (s *Server) renderFunctionLocked(fn *functionRec) types.FunctionVersion {
	return types.FunctionVersion{ID: fn.ID, Name: fn.Name, Extra: agentExtra(s.functionFieldsLocked(fn))}
}

func (s *Server) functionFieldsLocked(fn *functionRec) map[string]any {
	oses, exts := fn.OperatingSystems, fn.InputExtensions
	if oses == nil {
		oses = []string{}
	}
	if exts == nil {
		exts = []string{}
	}
	moduleName := ""
	if mv := s.jobs.moduleVersions[fn.ModuleVersionID]; mv != nil && s.jobs.modules[mv.ModuleID] != nil {
		moduleName = s.jobs.modules[mv.ModuleID].Name
	}
	created := types.Timestamp{Time: fn.Created}
	return map[string]any{
		"version": fn.Version, "module_version_id": fn.ModuleVersionID, "tool_name": fn.ToolName,
		"tool_version": fn.ToolVersion, "operating_systems": oses, "input_extensions": exts,
		"created": created,
		// the published client's FunctionVersion requires these
		"created_by_id": s.owner.ID, "module_name": moduleName, "module_version": fn.Version,
		"entrypoint": fn.Name, "run_command": fn.Name, "function_schema": nil,
		"status": map[string]any{"id": fn.ID + "-status", "created": created, "created_by_id": s.owner.ID,
			"function_id": fn.ID, "name": "supported", "reason": nil},
	}
}

func (s *Server) renderToolLocked(t *toolRec, withFunctions bool) types.Tool {
	versions := renderInOrder(t.Versions, s.jobs.toolVersions, renderToolVersion)
	fields := map[string]any{"created": types.Timestamp{Time: t.Created}, "tool_versions": versions}
	if withFunctions {
		fields["functions"] = listFiltered(s.jobs.functionOrder, s.jobs.functions,
			func(fn *functionRec) bool { return fn.ToolName == t.Name }, s.renderFunctionLocked)
	}
	return types.Tool{ID: t.ID, Name: t.Name, Extra: agentExtra(fields)}
}

func renderToolVersion(v *toolVersionRec) types.ToolVersion {
	return types.ToolVersion{ID: v.ID, Extra: agentExtra(map[string]any{"tool_id": v.ToolID, "tool_version": v.Version, "created": types.Timestamp{Time: v.Created}})}
}

func (s *Server) renderModuleVersionLocked(v *moduleVersionRec) types.ModuleVersion {
	fns := renderInOrder(v.Functions, s.jobs.functions, s.renderFunctionLocked)
	return types.ModuleVersion{ID: v.ID, ModuleID: v.ModuleID, Version: v.Version, Created: types.Timestamp{Time: v.Created},
		Extra: agentExtra(map[string]any{"functions": fns})}
}

func (s *Server) renderModuleLocked(m *moduleRec) types.Module {
	versions := renderInOrder(m.Versions, s.jobs.moduleVersions, s.renderModuleVersionLocked)
	return types.Module{ModuleVersions: versions, Extra: agentExtra(map[string]any{"id": m.ID, "name": m.Name, "author": m.Author,
		"tool_name": m.ToolName, "created": types.Timestamp{Time: m.Created}})}
}

func init() {
	register(map[ops.ID]handlerFunc{
		ops.CreateModule:         createModule,
		ops.GetModule:            getModule,
		ops.ListModules:          listModules,
		ops.GetModuleVersion:     getModuleVersion,
		ops.ListModuleVersions:   listModuleVersions,
		ops.GetFunction:          getFunction,
		ops.ListFunctions:        listFunctions,
		ops.CreateTool:           createTool,
		ops.GetTool:              getTool,
		ops.ListTools:            listTools,
		ops.CreateToolVersions:   createToolVersions,
		ops.GetToolVersion:       getToolVersion,
		ops.ListToolVersions:     listToolVersions,
		ops.ListOperatingSystems: listOperatingSystems,
		ops.ListAuthors:          listAuthors,
	})
}

// moduleManifest is the fake's reading of the (undocumented) create_module body.
type moduleManifest struct {
	Name        string `json:"name"`
	Version     string `json:"version"`
	Author      string `json:"author"`
	ToolName    string `json:"tool_name"`
	ToolVersion string `json:"tool_version"`
	Functions   []struct {
		Name             string   `json:"name"`
		OperatingSystems []string `json:"operating_systems"`
		InputExtensions  []string `json:"input_extensions"`
	} `json:"functions"`
}

// createModule publishes a manifest {name, version, author, tool_name, tool_version, functions: [{name,
// operating_systems, input_extensions}]}. A module whose tool differs from the manifest's answers 400.
func createModule(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	var mf moduleManifest
	if !c.decode(w, &mf) {
		return
	}
	if mf.Name == "" {
		writeValidation(w, []string{"body", "name"}, "Field required", "missing")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, id := range s.jobs.moduleOrder {
		if m := s.jobs.modules[id]; m.Name == mf.Name && m.ToolName != mf.ToolName {
			writeDetail(w, http.StatusBadRequest, "Module tool "+m.ToolName+" does not match manifest tool "+mf.ToolName)
			return
		}
	}
	author := mf.Author
	if author == "" {
		author = c.user.Name
	}
	var m *moduleRec
	for _, f := range mf.Functions {
		fn := s.registerFunctionLocked(FunctionSpec{Name: f.Name, Version: mf.Version, ToolName: mf.ToolName, ToolVersion: mf.ToolVersion,
			OperatingSystems: f.OperatingSystems, InputExtensions: f.InputExtensions}, author)
		m = s.jobs.modules[s.jobs.moduleVersions[fn.ModuleVersionID].ModuleID]
	}
	if m == nil || m.Name != mf.Name { // no functions, or function names under another prefix: the manifest's module
		m = &moduleRec{ID: newID(), Name: mf.Name, Author: author, ToolName: mf.ToolName, Created: now()}
		s.jobs.modules[m.ID] = m
		s.jobs.moduleOrder = append(s.jobs.moduleOrder, m.ID)
	}
	writeJSON(w, http.StatusOK, s.renderModuleLocked(m))
}

func getModule(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	writeFound(w, s.jobs.modules[c.param("module_id")], "Module not found", s.renderModuleLocked)
}

func listModules(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	name := r.URL.Query().Get("name")
	s.mu.Lock()
	defer s.mu.Unlock()
	writeOrderedPage(w, r, listFiltered(s.jobs.moduleOrder, s.jobs.modules,
		func(m *moduleRec) bool { return name == "" || strings.Contains(m.Name, name) }, s.renderModuleLocked))
}

func getModuleVersion(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	writeFound(w, s.jobs.moduleVersions[c.param("module_version_id")], "Module version not found", s.renderModuleVersionLocked)
}

func listModuleVersions(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	writeOrderedPage(w, r, renderInOrder(s.jobs.modVerOrder, s.jobs.moduleVersions, s.renderModuleVersionLocked))
}

func getFunction(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fn := s.jobs.functions[c.param("function_id")]
	if fn == nil {
		writeDetail(w, http.StatusNotFound, "Function not found")
		return
	}
	fields := s.functionFieldsLocked(fn)
	fields["id"], fields["name"] = fn.ID, fn.Name
	writeJSON(w, http.StatusOK, fields)
}

func listFunctions(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	q := r.URL.Query()
	s.mu.Lock()
	defer s.mu.Unlock()
	keep := func(fn *functionRec) bool {
		mv := s.jobs.moduleVersions[fn.ModuleVersionID]
		return (q.Get("name") == "" || fn.Name == q.Get("name")) &&
			(q.Get("module_version") == "" || mv.Version == q.Get("module_version") || mv.ID == q.Get("module_version")) &&
			(q.Get("tool") == "" || fn.ToolName == q.Get("tool")) &&
			(q.Get("tool_version") == "" || fn.ToolVersion == q.Get("tool_version")) &&
			(q.Get("operating_system") == "" || slices.Contains(fn.OperatingSystems, q.Get("operating_system"))) &&
			(q.Get("input_extension") == "" || slices.Contains(fn.InputExtensions, normExt(q.Get("input_extension"))))
	}
	writeOrderedPage(w, r, listFiltered(s.jobs.functionOrder, s.jobs.functions, keep, s.renderFunctionLocked))
}

func createTool(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	var body types.NewTool
	if !c.decode(w, &body) {
		return
	}
	if body.Name == "" {
		writeValidation(w, []string{"body", "name"}, "Field required", "missing")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.toolByNameLocked(body.Name) != nil {
		writeDetail(w, http.StatusConflict, "tool "+body.Name+" already exists")
		return
	}
	t := s.newToolLocked(body.Name)
	for _, v := range body.ToolVersions {
		if s.toolVersionLocked(t, v.ToolVersion) == nil {
			s.newToolVersionLocked(t, v.ToolVersion)
		}
	}
	writeJSON(w, http.StatusOK, s.renderToolLocked(t, false))
}

func getTool(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	writeFound(w, s.jobs.tools[c.param("tool_id")], "Tool not found", func(t *toolRec) types.Tool { return s.renderToolLocked(t, false) })
}

func listTools(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	withFns := slices.Contains(r.URL.Query()["include"], "functions")
	s.mu.Lock()
	defer s.mu.Unlock()
	writeOrderedPage(w, r, renderInOrder(s.jobs.toolOrder, s.jobs.tools, func(t *toolRec) types.Tool { return s.renderToolLocked(t, withFns) }))
}

func createToolVersions(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	var body types.NewToolVersion
	if !c.decode(w, &body) {
		return
	}
	if body.ToolVersion == "" {
		writeValidation(w, []string{"body", "tool_version"}, "Field required", "missing")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.jobs.tools[c.param("tool_id")]
	if t == nil {
		writeDetail(w, http.StatusNotFound, "Tool not found")
		return
	}
	if s.toolVersionLocked(t, body.ToolVersion) != nil {
		writeDetail(w, http.StatusConflict, "tool version "+body.ToolVersion+" already exists")
		return
	}
	writeJSON(w, http.StatusOK, renderToolVersion(s.newToolVersionLocked(t, body.ToolVersion)))
}

func getToolVersion(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	writeFound(w, s.jobs.toolVersions[c.param("tool_version_id")], "Tool version not found", renderToolVersion)
}

func listToolVersions(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	writePage(w, r, renderInOrder(s.jobs.toolVerOrder, s.jobs.toolVersions, renderToolVersion))
}

func listOperatingSystems(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	out := slices.Clone(s.jobs.oses)
	s.mu.Unlock()
	writeOrderedPage(w, r, out)
}

func listAuthors(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []map[string]string{}
	seen := map[string]bool{}
	for _, id := range s.jobs.moduleOrder {
		if a := s.jobs.modules[id].Author; !seen[a] {
			seen[a] = true
			out = append(out, map[string]string{"id": "author-" + a, "name": a})
		}
	}
	writeOrderedPage(w, r, out)
}

// writeOrderedPage writes a page of items in creation order, reversed when sort starts with "-".
func writeOrderedPage[T any](w http.ResponseWriter, r *http.Request, items []T) {
	if strings.HasPrefix(r.URL.Query().Get("sort"), "-") {
		items = slices.Clone(items)
		slices.Reverse(items)
	}
	writePage(w, r, items)
}
