package istari

// This file holds the infosec-level operations: the tenant's infosec settings and levels.

import (
	"context"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// AssignInfosecLevel classifies a model, artifact, system or user (Python Client.assign_infosec_level,
// operation assign_infosec_level). Files cannot be classified: subjectType "file" (or any value outside
// enums.InfosecLevelObjectType) fails locally with a *ValidationError and sends nothing. The registry refuses
// a level above the platform maximum, and any assignment while infosec is not enabled (ErrBadRequest).
func (c *Client) AssignInfosecLevel(ctx context.Context, subjectType enums.InfosecLevelObjectType, subjectID string, body *types.AssignInfosecLevel) (*types.InfosecLevel, error) {
	subjectType = lowerEnum(subjectType)
	if subjectType == "file" {
		return nil, newValidationError("subject_type", "oneof", "model artifact system user",
			"files cannot be classified; must be one of: model, artifact, system, user")
	}
	if err := checkEnum("subject_type", subjectType, enums.InfosecLevelObjectTypeValues()); err != nil {
		return nil, err
	}
	if body == nil || body.InfosecLevelID == "" {
		return nil, newValidationError("infosec_level_id", "required", "", "")
	}
	return invokeOne[types.InfosecLevel](ctx, c, request{op: ops.AssignInfosecLevel, path: []string{string(subjectType), subjectID}, body: body})
}

// ListInfosecLevels lists the levels of the platform's schema, in schema order (Python
// Client.list_infosec_levels, operation list_infosec_levels). Older registries answer a page envelope; both
// shapes decode.
func (c *Client) ListInfosecLevels(ctx context.Context) ([]types.InfosecLevel, error) {
	return listAll[types.InfosecLevel](ctx, c, request{op: ops.ListInfosecLevels})
}

// GetPlatformInfosecSettings returns the platform's infosec settings: enabled flag, schema, maximum and
// default level (Python Client.get_platform_infosec_settings, operation get_platform_infosec_settings). The
// JSON names are unconfirmed; read them from Extra with types.ExtraValue.
func (c *Client) GetPlatformInfosecSettings(ctx context.Context) (*types.PlatformInfosecSettings, error) {
	return invokeOne[types.PlatformInfosecSettings](ctx, c, request{op: ops.GetPlatformInfosecSettings})
}

// EnablePlatformInfosecSettings enables infosec levels on the platform (Python
// Client.enable_platform_infosec_settings, operation enable_platform_infosec_settings; body fields proposed,
// set them in body.Extra). Enabling is permanent: the schema cannot change afterwards (ErrBadRequest), the
// maximum cannot drop below the highest level in use, and the default must not exceed the maximum.
func (c *Client) EnablePlatformInfosecSettings(ctx context.Context, body *types.EnablePlatformInfosecSettings) (*types.PlatformInfosecSettings, error) {
	if body == nil {
		return nil, newValidationError("body", "required", "", "")
	}
	return invokeOne[types.PlatformInfosecSettings](ctx, c, request{op: ops.EnablePlatformInfosecSettings, body: body})
}
