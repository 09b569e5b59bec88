package istari

// This file holds the modules, module versions, functions, tools, tool versions, operating systems and
// authors wire operations.

import (
	"context"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// CreateModule publishes a module from its manifest (Python Client.create_module, operation create_module).
// Modules are normally published by the CLI or agents; a manifest whose tool differs from the module's
// answers 400 ("Module tool X does not match manifest tool Y").
func (c *Client) CreateModule(ctx context.Context, body *types.NewModule) (*types.Module, error) {
	if body == nil {
		return nil, newValidationError("body", "required", "", "is required")
	}
	return invokeOne[types.Module](ctx, c, request{op: ops.CreateModule, body: body})
}

// GetModule fetches a module with its versions (Python Client.get_module, operation get_module).
func (c *Client) GetModule(ctx context.Context, moduleID string) (*types.Module, error) {
	return invokeOne[types.Module](ctx, c, request{op: ops.GetModule, path: []string{moduleID}})
}

// ListModulesParams are the filters of ListModules. Nil fields are not sent.
//
// Python: the keyword arguments of Client.list_modules.
type ListModulesParams struct {
	PageOptions
	Name *string `query:"name"`
	Sort *string `query:"sort"`
}

// ListModules lists modules page by page (Python Client.list_modules, operation list_modules). Registries
// without the modules service answer 503 (ErrServer).
func (c *Client) ListModules(ctx context.Context, params *ListModulesParams) (*Page[types.Module], error) {
	return listPage[types.Module](ctx, c, ops.ListModules, nil, params)
}

// GetModuleVersion fetches a module version (Python Client.get_module_version, operation get_module_version).
func (c *Client) GetModuleVersion(ctx context.Context, versionID string) (*types.ModuleVersion, error) {
	return invokeOne[types.ModuleVersion](ctx, c, request{op: ops.GetModuleVersion, path: []string{versionID}})
}

// ListModuleVersionsParams are the paging and sort options of ListModuleVersions.
//
// Python: the keyword arguments of Client.list_module_versions.
type ListModuleVersionsParams struct {
	PageOptions
	Sort *string `query:"sort"`
}

// ListModuleVersions lists every module version page by page (Python Client.list_module_versions, operation
// list_module_versions). The list is global: filter by module client-side.
func (c *Client) ListModuleVersions(ctx context.Context, params *ListModuleVersionsParams) (*Page[types.ModuleVersion], error) {
	return listPage[types.ModuleVersion](ctx, c, ops.ListModuleVersions, nil, params)
}

// GetFunction fetches a function by its id, not its name (Python Client.get_function, operation get_function).
func (c *Client) GetFunction(ctx context.Context, functionID string) (*types.Function, error) {
	return invokeOne[types.Function](ctx, c, request{op: ops.GetFunction, path: []string{functionID}})
}

// ListFunctionsParams are the filters of ListFunctions. Nil fields are not sent.
//
// Python: the keyword arguments of Client.list_functions.
type ListFunctionsParams struct {
	PageOptions
	// Name is an exact function name, e.g. "@istari:extract".
	Name            *string                      `query:"name"`
	ModuleVersion   *string                      `query:"module_version"`
	Tool            *string                      `query:"tool"`
	ToolVersion     *string                      `query:"tool_version"`
	OperatingSystem *string                      `query:"operating_system"`
	InputExtension  *string                      `query:"input_extension"`
	InputUserModels *enums.UserModelInputs       `query:"input_user_models"`
	Status          *enums.UsabilityStatusParams `query:"status"`
	Sort            *string                      `query:"sort"`
}

// ListFunctions lists function versions page by page (Python Client.list_functions, operation list_functions).
func (c *Client) ListFunctions(ctx context.Context, params *ListFunctionsParams) (*Page[types.FunctionVersion], error) {
	return listPage[types.FunctionVersion](ctx, c, ops.ListFunctions, nil, params)
}

// CreateTool creates a tool with its versions (Python Client.create_tool, operation create_tool).
func (c *Client) CreateTool(ctx context.Context, body *types.NewTool) (*types.Tool, error) {
	if body == nil || body.Name == "" {
		return nil, newValidationError("name", "required", "", "is required")
	}
	return invokeOne[types.Tool](ctx, c, request{op: ops.CreateTool, body: body})
}

// GetTool fetches a tool (Python Client.get_tool, operation get_tool).
func (c *Client) GetTool(ctx context.Context, toolID string) (*types.Tool, error) {
	return invokeOne[types.Tool](ctx, c, request{op: ops.GetTool, path: []string{toolID}})
}

// ListToolsParams are the filters of ListTools. Nil fields are not sent.
//
// Python: the keyword arguments of Client.list_tools.
type ListToolsParams struct {
	PageOptions
	// Include embeds related objects, e.g. enums.ToolIncludeFunctions (repeated keys).
	Include           []enums.ToolInclude `query:"include"`
	IncludeDeprecated *bool               `query:"include_deprecated"`
	Sort              *string             `query:"sort"`
}

// ListTools lists tools page by page (Python Client.list_tools, operation list_tools).
func (c *Client) ListTools(ctx context.Context, params *ListToolsParams) (*Page[types.Tool], error) {
	return listPage[types.Tool](ctx, c, ops.ListTools, nil, params)
}

// CreateToolVersions adds one version to a tool (Python Client.create_tool_versions, operation
// create_tool_versions; the plural name creates a single version).
func (c *Client) CreateToolVersions(ctx context.Context, toolID string, body *types.NewToolVersion) (*types.ToolVersion, error) {
	if body == nil || body.ToolVersion == "" {
		return nil, newValidationError("tool_version", "required", "", "is required")
	}
	return invokeOne[types.ToolVersion](ctx, c, request{op: ops.CreateToolVersions, path: []string{toolID}, body: body})
}

// GetToolVersion fetches a tool version by its global id (Python Client.get_tool_version, operation
// get_tool_version).
func (c *Client) GetToolVersion(ctx context.Context, versionID string) (*types.ToolVersion, error) {
	return invokeOne[types.ToolVersion](ctx, c, request{op: ops.GetToolVersion, path: []string{versionID}})
}

// ListToolVersionsParams are the paging options of ListToolVersions.
//
// Python: the keyword arguments of Client.list_tool_versions.
type ListToolVersionsParams struct {
	PageOptions
}

// ListToolVersions lists every tool version page by page (Python Client.list_tool_versions, operation
// list_tool_versions). The list is global, not per tool.
func (c *Client) ListToolVersions(ctx context.Context, params *ListToolVersionsParams) (*Page[types.ToolVersion], error) {
	return listPage[types.ToolVersion](ctx, c, ops.ListToolVersions, nil, params)
}

// ListOperatingSystemsParams are the paging and sort options of ListOperatingSystems.
//
// Python: the keyword arguments of Client.list_operating_systems.
type ListOperatingSystemsParams struct {
	PageOptions
	Sort *string `query:"sort"`
}

// ListOperatingSystems lists the operating systems functions run on, page by page (Python
// Client.list_operating_systems, operation list_operating_systems).
func (c *Client) ListOperatingSystems(ctx context.Context, params *ListOperatingSystemsParams) (*Page[types.OperatingSystem], error) {
	return listPage[types.OperatingSystem](ctx, c, ops.ListOperatingSystems, nil, params)
}

// ListAuthorsParams are the paging and sort options of ListAuthors.
//
// Python: the keyword arguments of Client.list_authors.
type ListAuthorsParams struct {
	PageOptions
	Sort *string `query:"sort"`
}

// ListAuthors lists module authors page by page (Python Client.list_authors, operation list_authors).
func (c *Client) ListAuthors(ctx context.Context, params *ListAuthorsParams) (*Page[types.ModuleAuthor], error) {
	return listPage[types.ModuleAuthor](ctx, c, ops.ListAuthors, nil, params)
}
