package istari

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/types"
)

const tagJSON = `{"id":"t1","name":"ITAR","description":"export controlled","created":"2026-01-02T03:04:05Z"}`

func checkTag(t *testing.T, out any) {
	t.Helper()
	tag := out.(*types.ControlTag)
	assert.Equal(t, "t1", tag.ID)
	assert.Equal(t, "ITAR", tag.Name)
	require.NotNil(t, tag.Description)
	assert.Equal(t, "export controlled", *tag.Description)
	assert.NotNil(t, tag.Created)
}

func checkTags(n int) func(t *testing.T, out any) {
	return func(t *testing.T, out any) {
		tags := out.([]types.ControlTag)
		require.Len(t, tags, n)
		assert.Equal(t, "ITAR", tags[0].Name)
	}
}

const taggingJSON = `{"id":"g1","control_tag_id":"t1","resource_id":"m1","archive_status":"active"}`

func checkTaggings(n int) func(t *testing.T, out any) {
	return func(t *testing.T, out any) {
		gs := out.([]types.ResourceControlTagging)
		require.Len(t, gs, n)
		assert.JSONEq(t, `"t1"`, string(gs[0].Extra["control_tag_id"]))
	}
}

func TestControlTagOperationsOnTheWire(t *testing.T) {
	ids := []string{"t1", "t 2"}
	runWireCases(t, []wireCase{
		{name: "create_control_tag", method: "POST", path: "/api/v2/controls/tags", status: 201, resp: tagJSON,
			body: `{"name":"ITAR","description":"export controlled"}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.CreateControlTag(ctx, &types.NewControlTag{Name: "ITAR", Description: Ptr("export controlled")})
			}, check: checkTag},
		{name: "get_control_tag", method: "GET", path: "/api/v2/controls/tags/t%2F1", resp: tagJSON,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.GetControlTag(ctx, "t/1") },
			check: checkTag},
		{name: "list_control_tags envelope", method: "GET", path: "/api/v2/controls/tags/", query: "page=1&size=2",
			resp: `{"items":[` + tagJSON + `,` + tagJSON + `],"total":3,"page":1,"size":2,"pages":2}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.ListControlTags(ctx, &ListControlTagsParams{PageOptions{Page: 1, Size: 2}})
			}, check: func(t *testing.T, out any) {
				p := out.(*Page[types.ControlTag])
				assert.Len(t, p.Items, 2)
				assert.Equal(t, 3, *p.Total)
				assert.True(t, p.HasNext())
			}},
		{name: "list_control_tags bare array", method: "GET", path: "/api/v2/controls/tags/", resp: `[` + tagJSON + `]`,
			call: func(ctx context.Context, c *Client) (any, error) { return c.ListControlTags(ctx, nil) },
			check: func(t *testing.T, out any) {
				p := out.(*Page[types.ControlTag])
				assert.Len(t, p.Items, 1)
				assert.False(t, p.HasNext())
			}},
		{name: "update_control_tag", method: "PATCH", path: "/api/v2/controls/tags", resp: tagJSON,
			body: `{"id":"t1","description":""}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.UpdateControlTag(ctx, "t1", &types.UpdateControlTag{Description: Ptr("")})
			}, check: checkTag},
		{name: "patch_model_control_taggings", method: "PATCH", path: "/api/v2/controls/taggings/model/m%2F1",
			query: "patch_op=set&reason=audit+2026", body: `["t1","t 2"]`, resp: `[` + taggingJSON + `,` + taggingJSON + `,` + taggingJSON + `]`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.PatchModelControlTaggings(ctx, "m/1", ids, &PatchModelControlTaggingsParams{PatchOp: enums.PatchOpSet, Reason: Ptr("audit 2026")})
			}, check: checkTaggings(3)},
		{name: "patch_artifact_control_taggings", method: "PATCH", path: "/api/v2/controls/taggings/artifact/a1",
			query: "patch_op=delete", body: `["t1"]`, resp: `{"items":[` + taggingJSON + `]}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.PatchArtifactControlTaggings(ctx, "a1", []string{"t1"}, &PatchArtifactControlTaggingsParams{PatchOp: enums.PatchOpDelete})
			}, check: checkTaggings(1)},
		{name: "patch_file_control_taggings", method: "PATCH", path: "/api/v2/controls/taggings/file/f1",
			query: "patch_op=set", body: `["t1"]`, resp: `[` + taggingJSON + `]`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.PatchFileControlTaggings(ctx, "f1", []string{"t1"}, &PatchFileControlTaggingsParams{PatchOp: enums.PatchOpSet})
			}, check: checkTaggings(1)},
		{name: "patch_user_control_taggings", method: "PATCH", path: "/api/v2/controls/taggings/user/u1",
			query: "patch_op=set", body: `["t1"]`, resp: `[{"id":"g1","control_tag_id":"t1","user_id":"u1"}]`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.PatchUserControlTaggings(ctx, "u1", []string{"t1"}, &PatchUserControlTaggingsParams{PatchOp: enums.PatchOpSet})
			}, check: func(t *testing.T, out any) {
				gs := out.([]types.UserControlTagging)
				require.Len(t, gs, 1)
				assert.Equal(t, "u1", gs[0].UserID)
				assert.JSONEq(t, `"t1"`, string(gs[0].Extra["control_tag_id"]))
			}},
		{name: "AddModelControlTaggings", method: "PATCH", path: "/api/v2/controls/taggings/model/m1",
			query: "patch_op=set&reason=why", body: `["t1","t 2"]`, resp: `[` + taggingJSON + `]`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.AddModelControlTaggings(ctx, "m1", ids, Ptr("why"))
			}, check: checkTaggings(1)},
		{name: "AddModelControlTaggings without reason", method: "PATCH", path: "/api/v2/controls/taggings/model/m1",
			query: "patch_op=set", body: `["t1"]`, resp: `[` + taggingJSON + `]`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.AddModelControlTaggings(ctx, "m1", []string{"t1"}, nil)
			}, check: checkTaggings(1)},
		{name: "RemoveModelControlTaggings", method: "PATCH", path: "/api/v2/controls/taggings/model/m1",
			query: "patch_op=delete", body: `["t1"]`, resp: `[` + taggingJSON + `]`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.RemoveModelControlTaggings(ctx, "m1", []string{"t1"})
			}, check: checkTaggings(1)},
		{name: "AddArtifactControlTaggings", method: "PATCH", path: "/api/v2/controls/taggings/artifact/a1",
			query: "patch_op=set&reason=r", body: `["t1"]`, resp: `[` + taggingJSON + `]`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.AddArtifactControlTaggings(ctx, "a1", []string{"t1"}, Ptr("r"))
			}, check: checkTaggings(1)},
		{name: "RemoveArtifactControlTaggings", method: "PATCH", path: "/api/v2/controls/taggings/artifact/a1",
			query: "patch_op=delete", body: `["t1"]`, resp: `[` + taggingJSON + `]`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.RemoveArtifactControlTaggings(ctx, "a1", []string{"t1"})
			}, check: checkTaggings(1)},
		{name: "AddFileControlTaggings", method: "PATCH", path: "/api/v2/controls/taggings/file/f1",
			query: "patch_op=set", body: `["t1"]`, resp: `[` + taggingJSON + `]`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.AddFileControlTaggings(ctx, "f1", []string{"t1"}, nil)
			}, check: checkTaggings(1)},
		{name: "RemoveFileControlTaggings", method: "PATCH", path: "/api/v2/controls/taggings/file/f1",
			query: "patch_op=delete", body: `["t1"]`, resp: `[` + taggingJSON + `]`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.RemoveFileControlTaggings(ctx, "f1", []string{"t1"})
			}, check: checkTaggings(1)},
		{name: "AddUserControlTaggings", method: "PATCH", path: "/api/v2/controls/taggings/user/u1",
			query: "patch_op=set&reason=need+to+know", body: `["t1"]`, resp: `[]`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.AddUserControlTaggings(ctx, "u1", []string{"t1"}, Ptr("need to know"))
			}, check: func(t *testing.T, out any) { assert.Empty(t, out.([]types.UserControlTagging)) }},
		{name: "RemoveUserControlTaggings", method: "PATCH", path: "/api/v2/controls/taggings/user/u1",
			query: "patch_op=delete", body: `["t1"]`, resp: `[{"id":"g1"}]`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.RemoveUserControlTaggings(ctx, "u1", []string{"t1"})
			}, check: func(t *testing.T, out any) { assert.Len(t, out.([]types.UserControlTagging), 1) }},
		{name: "get_model_control_taggings", method: "GET", path: "/api/v2/controls/taggings/model/m1", resp: `[` + taggingJSON + `]`,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.GetModelControlTaggings(ctx, "m1") },
			check: checkTaggings(1)},
		{name: "get_artifact_control_taggings", method: "GET", path: "/api/v2/controls/taggings/artifact/a1", resp: `[` + taggingJSON + `]`,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.GetArtifactControlTaggings(ctx, "a1") },
			check: checkTaggings(1)},
		{name: "get_file_control_taggings", method: "GET", path: "/api/v2/controls/taggings/file/f1", resp: `{"items":[` + taggingJSON + `]}`,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.GetFileControlTaggings(ctx, "f1") },
			check: checkTaggings(1)},
		{name: "get_model_control_tagging_history", method: "GET", path: "/api/v2/controls/taggings/model/m1/history",
			resp:  `[` + taggingJSON + `,` + taggingJSON + `]`,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.GetModelControlTaggingHistory(ctx, "m1") },
			check: checkTaggings(2)},
		{name: "get_object_control_tags", method: "GET", path: "/api/v2/controls/tags/object/system/s%2F1", resp: `[` + tagJSON + `]`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.GetObjectControlTags(ctx, enums.ControlTaggingObjectTypeSystem, "s/1")
			}, check: checkTags(1)},
		{name: "GetModelControlTags", method: "GET", path: "/api/v2/controls/tags/object/model/m1", resp: `[` + tagJSON + `]`,
			call: func(ctx context.Context, c *Client) (any, error) { return c.GetModelControlTags(ctx, "m1") }, check: checkTags(1)},
		{name: "GetArtifactControlTags", method: "GET", path: "/api/v2/controls/tags/object/artifact/a1", resp: `{"items":[` + tagJSON + `]}`,
			call: func(ctx context.Context, c *Client) (any, error) { return c.GetArtifactControlTags(ctx, "a1") }, check: checkTags(1)},
		{name: "GetUserControlTags", method: "GET", path: "/api/v2/controls/tags/object/user/u1", resp: `[` + tagJSON + `]`,
			call: func(ctx context.Context, c *Client) (any, error) { return c.GetUserControlTags(ctx, "u1") }, check: checkTags(1)},
	})
}

func TestControlTagValidationSendsNothing(t *testing.T) {
	long := strings.Repeat("é", 256) // 256 runes, 512 bytes
	ok255 := strings.Repeat("é", 255)
	t.Run("create description too long", func(t *testing.T) {
		ve := localFailure(t, "description", func(ctx context.Context, c *Client) error {
			_, err := c.CreateControlTag(ctx, &types.NewControlTag{Name: "x", Description: &long})
			return err
		})
		assert.Equal(t, "max", ve.Rule)
		assert.Equal(t, 256, ve.Length)
		assert.NotContains(t, ve.Error(), "é")
	})
	t.Run("update description too long", func(t *testing.T) {
		noRequest(t, "description", func(ctx context.Context, c *Client) error {
			_, err := c.UpdateControlTag(ctx, "t1", &types.UpdateControlTag{Description: &long})
			return err
		})
	})
	t.Run("create without name", func(t *testing.T) {
		noRequest(t, "name", func(ctx context.Context, c *Client) error {
			_, err := c.CreateControlTag(ctx, &types.NewControlTag{Description: &ok255})
			return err
		})
	})
	t.Run("patch without op", func(t *testing.T) {
		noRequest(t, "patch_op", func(ctx context.Context, c *Client) error {
			_, err := c.PatchModelControlTaggings(ctx, "m1", []string{"t1"}, &PatchControlTaggingsParams{})
			return err
		})
	})
	t.Run("patch unknown op", func(t *testing.T) {
		ve := localFailure(t, "patch_op", func(ctx context.Context, c *Client) error {
			_, err := c.PatchFileControlTaggings(ctx, "f1", []string{"t1"}, &PatchControlTaggingsParams{PatchOp: "replace"})
			return err
		})
		assert.Contains(t, ve.Error(), "must be one of: set, delete")
	})
	t.Run("patch nil params", func(t *testing.T) {
		noRequest(t, "patch_op", func(ctx context.Context, c *Client) error {
			_, err := c.PatchUserControlTaggings(ctx, "u1", []string{"t1"}, nil)
			return err
		})
	})
	t.Run("add without ids", func(t *testing.T) {
		noRequest(t, "control_tag_ids", func(ctx context.Context, c *Client) error {
			_, err := c.AddModelControlTaggings(ctx, "m1", nil, nil)
			return err
		})
	})
	t.Run("remove with empty id", func(t *testing.T) {
		noRequest(t, "control_tag_ids[1]", func(ctx context.Context, c *Client) error {
			_, err := c.RemoveArtifactControlTaggings(ctx, "a1", []string{"t1", ""})
			return err
		})
	})
	t.Run("object type", func(t *testing.T) {
		noRequest(t, "object_type", func(ctx context.Context, c *Client) error {
			_, err := c.GetObjectControlTags(ctx, "folder", "x")
			return err
		})
	})
	t.Run("missing model id", func(t *testing.T) {
		noRequest(t, "model_id", func(ctx context.Context, c *Client) error {
			_, err := c.GetModelControlTaggings(ctx, "")
			return err
		})
	})
}
