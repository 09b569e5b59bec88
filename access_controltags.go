package istari

// This file holds the control-tag operations (tags that restrict who may read a resource) and the tagging
// composites that add or remove one tag of a model, artifact, file or user.

import (
	"context"
	"strconv"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// CreateControlTag creates a control tag (Python Client.create_control_tag, operation create_control_tag).
// Name is required and the description is 0..255 characters, both checked locally. Tags restrict access, they
// never grant it.
func (c *Client) CreateControlTag(ctx context.Context, body *types.NewControlTag) (*types.ControlTag, error) {
	return invokeOne[types.ControlTag](ctx, c, request{op: ops.CreateControlTag, body: body})
}

// GetControlTag returns one control tag (Python Client.get_control_tag, operation get_control_tag).
func (c *Client) GetControlTag(ctx context.Context, controlTagID string) (*types.ControlTag, error) {
	return invokeOne[types.ControlTag](ctx, c, request{op: ops.GetControlTag, path: []string{controlTagID}})
}

// ListControlTagsParams are the query parameters of ListControlTags (other filters are unknown).
//
// Python: the keyword arguments of Client.list_control_tags.
type ListControlTagsParams struct {
	PageOptions
}

// ListControlTags lists control tags page by page (Python Client.list_control_tags, operation
// list_control_tags). A registry answering a plain array yields a single page.
func (c *Client) ListControlTags(ctx context.Context, params *ListControlTagsParams) (*Page[types.ControlTag], error) {
	return listPage[types.ControlTag](ctx, c, ops.ListControlTags, nil, params)
}

// UpdateControlTag changes a control tag's name or description (Python Client.update_control_tag, operation
// update_control_tag). The description is 0..255 characters, checked locally.
func (c *Client) UpdateControlTag(ctx context.Context, controlTagID string, body *types.UpdateControlTag) (*types.ControlTag, error) {
	if body == nil {
		body = &types.UpdateControlTag{}
	}
	return invokeOne[types.ControlTag](ctx, c, request{op: ops.UpdateControlTag, path: []string{controlTagID}, body: body})
}

// PatchControlTaggingsParams are the query parameters of the four patch_*_control_taggings operations:
// PatchOp is required (enums.PatchOpSet adds, enums.PatchOpDelete archives); Reason is kept in the tagging
// history. Python: the patch_op and reason keyword arguments of Client.patch_model_control_taggings and its
// siblings.
type PatchControlTaggingsParams struct {
	PatchOp enums.PatchOp `query:"patch_op" validate:"required"`
	Reason  *string       `query:"reason"`
}

// PatchModelControlTaggingsParams are the query parameters of PatchModelControlTaggings (Python
// Client.patch_model_control_taggings).
type PatchModelControlTaggingsParams = PatchControlTaggingsParams

// PatchArtifactControlTaggingsParams are the query parameters of PatchArtifactControlTaggings (Python
// Client.patch_artifact_control_taggings).
type PatchArtifactControlTaggingsParams = PatchControlTaggingsParams

// PatchFileControlTaggingsParams are the query parameters of PatchFileControlTaggings (Python
// Client.patch_file_control_taggings).
type PatchFileControlTaggingsParams = PatchControlTaggingsParams

// PatchUserControlTaggingsParams are the query parameters of PatchUserControlTaggings (Python
// Client.patch_user_control_taggings).
type PatchUserControlTaggingsParams = PatchControlTaggingsParams

// patchTaggings sends one tagging PATCH: body = JSON array of control-tag ids, patch_op and reason as query.
func patchTaggings[T any](ctx context.Context, c *Client, op ops.ID, objectID string, ids []string, params *PatchControlTaggingsParams) ([]T, error) {
	if params == nil {
		return nil, newValidationError("patch_op", "required", "", "")
	}
	if err := c.validate(params); err != nil {
		return nil, err
	}
	if err := checkEnum("patch_op", params.PatchOp, enums.PatchOpValues()); err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, &ValidationError{Field: "control_tag_ids", Rule: "min", Param: "1", Length: 0}
	}
	for i, id := range ids {
		if id == "" {
			return nil, newValidationError("control_tag_ids["+strconv.Itoa(i)+"]", "required", "", "")
		}
	}
	return listAll[T](ctx, c, request{op: op, path: []string{objectID}, query: params, body: ids})
}

// PatchModelControlTaggings adds or removes control tags on a model (Python Client.patch_model_control_taggings,
// operation patch_model_control_taggings; params.PatchOp is required).
// A model's tags propagate to its artifacts, so the result can be longer than ids. Needs owner or
// administrator on the model (ErrForbidden otherwise).
func (c *Client) PatchModelControlTaggings(ctx context.Context, modelID string, controlTagIDs []string, params *PatchModelControlTaggingsParams) ([]types.ResourceControlTagging, error) {
	return patchTaggings[types.ResourceControlTagging](ctx, c, ops.PatchModelControlTaggings, modelID, controlTagIDs, params)
}

// PatchArtifactControlTaggings adds or removes control tags on an artifact (Python
// Client.patch_artifact_control_taggings, operation patch_artifact_control_taggings). Needs owner or administrator on the artifact's model.
func (c *Client) PatchArtifactControlTaggings(ctx context.Context, artifactID string, controlTagIDs []string, params *PatchArtifactControlTaggingsParams) ([]types.ResourceControlTagging, error) {
	return patchTaggings[types.ResourceControlTagging](ctx, c, ops.PatchArtifactControlTaggings, artifactID, controlTagIDs, params)
}

// PatchFileControlTaggings adds or removes control tags on a file (Python Client.patch_file_control_taggings,
// operation patch_file_control_taggings;
// the response type is assumed equal to the models').
func (c *Client) PatchFileControlTaggings(ctx context.Context, fileID string, controlTagIDs []string, params *PatchFileControlTaggingsParams) ([]types.ResourceControlTagging, error) {
	return patchTaggings[types.ResourceControlTagging](ctx, c, ops.PatchFileControlTaggings, fileID, controlTagIDs, params)
}

// PatchUserControlTaggings adds or removes control tags on a user (Python Client.patch_user_control_taggings,
// operation patch_user_control_taggings).
// Needs customer-administrator of the user's tenant.
func (c *Client) PatchUserControlTaggings(ctx context.Context, userID string, controlTagIDs []string, params *PatchUserControlTaggingsParams) ([]types.UserControlTagging, error) {
	return patchTaggings[types.UserControlTagging](ctx, c, ops.PatchUserControlTaggings, userID, controlTagIDs, params)
}

func setOp(reason *string) *PatchControlTaggingsParams {
	return &PatchControlTaggingsParams{PatchOp: enums.PatchOpSet, Reason: reason}
}

func deleteOp() *PatchControlTaggingsParams {
	return &PatchControlTaggingsParams{PatchOp: enums.PatchOpDelete}
}

// AddModelControlTaggings tags a model (Python Client.add_model_control_taggings): PatchModelControlTaggings
// with PatchOp set and the optional reason. The result includes the taggings propagated to its artifacts.
func (c *Client) AddModelControlTaggings(ctx context.Context, modelID string, controlTagIDs []string, reason *string) ([]types.ResourceControlTagging, error) {
	return c.PatchModelControlTaggings(ctx, modelID, controlTagIDs, setOp(reason))
}

// RemoveModelControlTaggings archives a model's taggings (Python Client.remove_model_control_taggings):
// PatchModelControlTaggings with PatchOp delete.
func (c *Client) RemoveModelControlTaggings(ctx context.Context, modelID string, controlTagIDs []string) ([]types.ResourceControlTagging, error) {
	return c.PatchModelControlTaggings(ctx, modelID, controlTagIDs, deleteOp())
}

// AddArtifactControlTaggings tags an artifact (Python Client.add_artifact_control_taggings).
func (c *Client) AddArtifactControlTaggings(ctx context.Context, artifactID string, controlTagIDs []string, reason *string) ([]types.ResourceControlTagging, error) {
	return c.PatchArtifactControlTaggings(ctx, artifactID, controlTagIDs, setOp(reason))
}

// RemoveArtifactControlTaggings archives an artifact's taggings (Python Client.remove_artifact_control_taggings).
func (c *Client) RemoveArtifactControlTaggings(ctx context.Context, artifactID string, controlTagIDs []string) ([]types.ResourceControlTagging, error) {
	return c.PatchArtifactControlTaggings(ctx, artifactID, controlTagIDs, deleteOp())
}

// AddFileControlTaggings tags a file. Not on the 2026.04 Python client; it wraps the generated file endpoint
// the same way as the model and artifact variants.
func (c *Client) AddFileControlTaggings(ctx context.Context, fileID string, controlTagIDs []string, reason *string) ([]types.ResourceControlTagging, error) {
	return c.PatchFileControlTaggings(ctx, fileID, controlTagIDs, setOp(reason))
}

// RemoveFileControlTaggings archives a file's taggings: patch_file_control_taggings with the DELETE op. Like
// AddFileControlTaggings it is not on the 2026.04 Python client (there, call Python
// Client.patch_file_control_taggings yourself).
func (c *Client) RemoveFileControlTaggings(ctx context.Context, fileID string, controlTagIDs []string) ([]types.ResourceControlTagging, error) {
	return c.PatchFileControlTaggings(ctx, fileID, controlTagIDs, deleteOp())
}

// AddUserControlTaggings tags a user (Python Client.add_user_control_taggings).
func (c *Client) AddUserControlTaggings(ctx context.Context, userID string, controlTagIDs []string, reason *string) ([]types.UserControlTagging, error) {
	return c.PatchUserControlTaggings(ctx, userID, controlTagIDs, setOp(reason))
}

// RemoveUserControlTaggings archives a user's taggings (Python Client.remove_user_control_taggings).
func (c *Client) RemoveUserControlTaggings(ctx context.Context, userID string, controlTagIDs []string) ([]types.UserControlTagging, error) {
	return c.PatchUserControlTaggings(ctx, userID, controlTagIDs, deleteOp())
}

// GetModelControlTaggings lists a model's active taggings (Python Client.get_model_control_taggings,
// operation get_model_control_taggings).
func (c *Client) GetModelControlTaggings(ctx context.Context, modelID string) ([]types.ResourceControlTagging, error) {
	return listAll[types.ResourceControlTagging](ctx, c, request{op: ops.GetModelControlTaggings, path: []string{modelID}})
}

// GetArtifactControlTaggings lists an artifact's active taggings (Python Client.get_artifact_control_taggings,
// operation get_artifact_control_taggings).
func (c *Client) GetArtifactControlTaggings(ctx context.Context, artifactID string) ([]types.ResourceControlTagging, error) {
	return listAll[types.ResourceControlTagging](ctx, c, request{op: ops.GetArtifactControlTaggings, path: []string{artifactID}})
}

// GetFileControlTaggings lists a file's active taggings (Python Client.get_file_control_taggings, operation
// get_file_control_taggings).
func (c *Client) GetFileControlTaggings(ctx context.Context, fileID string) ([]types.ResourceControlTagging, error) {
	return listAll[types.ResourceControlTagging](ctx, c, request{op: ops.GetFileControlTaggings, path: []string{fileID}})
}

// GetModelControlTaggingHistory lists every tagging a model ever had, archived ones included (Python
// Client.get_model_control_tagging_history, operation get_model_control_tagging_history).
func (c *Client) GetModelControlTaggingHistory(ctx context.Context, modelID string) ([]types.ResourceControlTagging, error) {
	return listAll[types.ResourceControlTagging](ctx, c, request{op: ops.GetModelControlTaggingHistory, path: []string{modelID}})
}

// GetObjectControlTags lists the active control tags of one object (Python Client.get_object_control_tags,
// operation get_object_control_tags). objectType is checked locally against enums.ControlTaggingObjectType.
func (c *Client) GetObjectControlTags(ctx context.Context, objectType enums.ControlTaggingObjectType, objectID string) ([]types.ControlTag, error) {
	objectType = lowerEnum(objectType)
	if err := checkEnum("object_type", objectType, enums.ControlTaggingObjectTypeValues()); err != nil {
		return nil, err
	}
	return listAll[types.ControlTag](ctx, c, request{op: ops.GetObjectControlTags, path: []string{string(objectType), objectID}})
}

// GetModelControlTags lists a model's active control tags (Python Client.get_model_control_tags):
// GetObjectControlTags(model, id).
func (c *Client) GetModelControlTags(ctx context.Context, modelID string) ([]types.ControlTag, error) {
	return c.GetObjectControlTags(ctx, enums.ControlTaggingObjectTypeModel, modelID)
}

// GetArtifactControlTags lists an artifact's active control tags, propagated ones included (Python
// Client.get_artifact_control_tags): GetObjectControlTags(artifact, id).
func (c *Client) GetArtifactControlTags(ctx context.Context, artifactID string) ([]types.ControlTag, error) {
	return c.GetObjectControlTags(ctx, enums.ControlTaggingObjectTypeArtifact, artifactID)
}

// GetUserControlTags lists a user's active control tags (Python Client.get_user_control_tags):
// GetObjectControlTags(user, id).
func (c *Client) GetUserControlTags(ctx context.Context, userID string) ([]types.ControlTag, error) {
	return c.GetObjectControlTags(ctx, enums.ControlTaggingObjectTypeUser, userID)
}
