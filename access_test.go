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

const relJSON = `{"subject_type":"user","subject_id":"u 1","relation":"viewer","resource_type":"model","resource_id":"m/1",
	"subject_info":{"user_name":"bob","email":"bob@example.test","display_name":"Bob"}}`

func checkRel(t *testing.T, out any) {
	t.Helper()
	rel := out.(*types.AccessRelationship)
	assert.Equal(t, "u 1", rel.SubjectID)
	assert.Equal(t, enums.AccessRelationViewer, rel.Relation)
	assert.Equal(t, enums.AccessResourceTypeModel, rel.ResourceType)
	require.NotNil(t, rel.SubjectInfo)
	assert.JSONEq(t, `"bob"`, string(rel.SubjectInfo.Extra["user_name"]))
}

func checkRels(n int) func(t *testing.T, out any) {
	return func(t *testing.T, out any) {
		rels := out.([]types.AccessRelationship)
		require.Len(t, rels, n)
		assert.Equal(t, "m/1", rels[0].ResourceID)
	}
}

func TestAccessOperationsOnTheWire(t *testing.T) {
	model := &types.Model{ID: "m/1"}
	runWireCases(t, []wireCase{
		{name: "create_access", method: "POST", path: "/api/v2/access", status: 201, resp: relJSON,
			body: `{"subject_type":"user","subject_id":"u 1","relation":"viewer","resource_type":"model","resource_id":"m/1"}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.CreateAccess(ctx, &types.AccessRelationship{SubjectType: "USER", SubjectID: "u 1", Relation: "Viewer",
					ResourceType: "model", ResourceID: "m/1", SubjectInfo: &types.SubjectInfo{}})
			}, check: checkRel},
		{name: "bulk_create_access", method: "POST", path: "/api/v2/bulk/access", resp: "[" + relJSON + "," + relJSON + "]",
			body: `[{"subject_type":"user","subject_id":"u1","relation":"viewer","resource_type":"model","resource_id":"m/1"},
				{"subject_type":"user","subject_id":"u2","relation":"editor","resource_type":"artifact","resource_id":"a1"}]`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.BulkCreateAccess(ctx, []types.AccessRelationship{
					{SubjectType: "user", SubjectID: "u1", Relation: "viewer", ResourceType: "model", ResourceID: "m/1"},
					{SubjectType: "user", SubjectID: "u2", Relation: "editor", ResourceType: "artifact", ResourceID: "a1"},
				})
			}, check: checkRels(2)},
		{name: "update_access", method: "PUT", path: "/api/v2/access/user/u%201/model/m%2F1", resp: relJSON,
			body: `{"relation":"editor"}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.UpdateAccess(ctx, "user", "u 1", "model", "m/1", &types.UpdateAccessRelationship{Relation: "editor"})
			}, check: checkRel},
		{name: "remove_access", method: "DELETE", path: "/api/v2/access/user/u1/artifact/a1", status: 204,
			call: func(ctx context.Context, c *Client) (any, error) {
				return nil, c.RemoveAccess(ctx, "user", "u1", "artifact", "a1")
			}},
		{name: "list_access bare array", method: "GET", path: "/api/v2/access/model/m%2F1", resp: "[" + relJSON + "]",
			call:  func(ctx context.Context, c *Client) (any, error) { return c.ListAccess(ctx, "model", "m/1") },
			check: checkRels(1)},
		{name: "list_access page envelope", method: "GET", path: "/api/v2/access/model/m%2F1",
			resp:  `{"items":[` + relJSON + `,` + relJSON + `],"total":2,"page":1,"size":10,"pages":1}`,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.ListAccess(ctx, "model", "m/1") },
			check: checkRels(2)},
		{name: "list_model_access", method: "GET", path: "/api/v2/models/m%2F1/access", resp: "[" + relJSON + "]",
			call:  func(ctx context.Context, c *Client) (any, error) { return c.ListModelAccess(ctx, "m/1") },
			check: checkRels(1)},
		{name: "list_artifact_access envelope", method: "GET", path: "/api/v2/artifacts/a1/access",
			resp:  `{"items":[` + relJSON + `],"total":1,"page":1,"size":10}`,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.ListArtifactAccess(ctx, "a1") },
			check: checkRels(1)},
		{name: "list_job_access empty", method: "GET", path: "/api/v2/jobs/j1/access", resp: `[]`,
			call: func(ctx context.Context, c *Client) (any, error) { return c.ListJobAccess(ctx, "j1") },
			check: func(t *testing.T, out any) {
				assert.NotNil(t, out.([]types.AccessRelationship))
				assert.Empty(t, out.([]types.AccessRelationship))
			}},
		{name: "create_access_by_email_for_other_tenants", method: "POST", path: "/api/v2/access/by_email", resp: relJSON,
			query: "access_relationship=viewer&email=bob%2Bx%40example.test&resource_id=m%2F1&resource_type=model&subject_type=user",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.CreateAccessByEmailForOtherTenants(ctx, &CreateAccessByEmailForOtherTenantsParams{
					SubjectType: "user", Email: "bob+x@example.test", ResourceType: "model", ResourceID: "m/1", AccessRelationship: "viewer"})
			}, check: checkRel},
		{name: "list_resource_type_permissions", method: "GET", path: "/api/v2/resource_type_permissions",
			query: "page=2&permission=view&resource_type=model&size=5&subject_id=u1&subject_type=user",
			resp:  `{"items":[{"resource_id":"m1","permission":"view"}],"total":6,"page":2,"size":5,"pages":2}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.ListResourceTypePermissions(ctx, &ListResourceTypePermissionsParams{PageOptions: PageOptions{Page: 2, Size: 5},
					SubjectType: enums.PermissionSubjectTypeUser, SubjectID: "u1", ResourceType: enums.PermissionResourceTypeModel, Permission: enums.PermissionView})
			}, check: func(t *testing.T, out any) {
				p := out.(*Page[types.ResourceTypePermission])
				require.Len(t, p.Items, 1)
				assert.Equal(t, "m1", p.Items[0].ResourceID)
				assert.JSONEq(t, `"view"`, string(p.Items[0].Extra["permission"]))
				assert.False(t, p.HasNext())
			}},
		{name: "CreateAccessFor", method: "POST", path: "/api/v2/access", resp: relJSON,
			body: `{"subject_type":"user","subject_id":"u 1","relation":"viewer","resource_type":"model","resource_id":"m/1"}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.CreateAccessFor(ctx, model, "u 1", enums.AccessRelationViewer)
			}, check: checkRel},
		{name: "CreateAccessByEmailFor", method: "POST", path: "/api/v2/access/by_email", resp: relJSON,
			query: "access_relationship=editor&email=x%40y.z&resource_id=s1&resource_type=system&subject_type=user",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.CreateAccessByEmailFor(ctx, &types.System{ID: "s1"}, "x@y.z", enums.AccessRelationEditor)
			}, check: checkRel},
		{name: "ListAccessFor", method: "GET", path: "/api/v2/access/job/j1", resp: "[" + relJSON + "]",
			call:  func(ctx context.Context, c *Client) (any, error) { return c.ListAccessFor(ctx, &types.Job{ID: "j1"}) },
			check: checkRels(1)},
		{name: "UpdateAccessFor", method: "PUT", path: "/api/v2/access/user/u1/file/f1", resp: relJSON,
			body: `{"relation":"editor"}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.UpdateAccessFor(ctx, &types.File{ID: "f1"}, "u1", enums.AccessRelationEditor)
			}, check: checkRel},
		{name: "RemoveAccessFor", method: "DELETE", path: "/api/v2/access/user/u1/artifact/a%2F1", status: 204,
			call: func(ctx context.Context, c *Client) (any, error) {
				return nil, c.RemoveAccessFor(ctx, &types.Artifact{ID: "a/1"}, "u1")
			}},
	})
}

func TestAccessValidationSendsNothing(t *testing.T) {
	valid := func() types.AccessRelationship {
		return types.AccessRelationship{SubjectType: "user", SubjectID: "u1", Relation: "viewer", ResourceType: "model", ResourceID: "m1"}
	}
	t.Run("unknown relation", func(t *testing.T) {
		rel := valid()
		rel.Relation = "reader"
		ve := localFailure(t, "relation", func(ctx context.Context, c *Client) error { _, err := c.CreateAccess(ctx, &rel); return err })
		assert.Equal(t, "oneof", ve.Rule)
		assert.Contains(t, ve.Error(), "must be one of: viewer, editor, owner, administrator, executor, upstreamremoteowner")
	})
	t.Run("unknown resource type", func(t *testing.T) {
		rel := valid()
		rel.ResourceType = "models"
		ve := localFailure(t, "resource_type", func(ctx context.Context, c *Client) error { _, err := c.CreateAccess(ctx, &rel); return err })
		assert.Contains(t, ve.Error(), "must be one of: model, artifact, job, file, filerevision")
	})
	t.Run("missing subject id", func(t *testing.T) {
		rel := valid()
		rel.SubjectID = ""
		noRequest(t, "subject_id", func(ctx context.Context, c *Client) error { _, err := c.CreateAccess(ctx, &rel); return err })
	})
	t.Run("bulk executor", func(t *testing.T) {
		rels := []types.AccessRelationship{valid(), valid()}
		rels[1].Relation = enums.AccessRelationExecutor
		ve := localFailure(t, "[1].relation", func(ctx context.Context, c *Client) error { _, err := c.BulkCreateAccess(ctx, rels); return err })
		assert.Contains(t, ve.Error(), "must be one of: viewer, editor")
	})
	t.Run("bulk empty", func(t *testing.T) {
		noRequest(t, "body", func(ctx context.Context, c *Client) error { _, err := c.BulkCreateAccess(ctx, nil); return err })
	})
	t.Run("update relation", func(t *testing.T) {
		noRequest(t, "relation", func(ctx context.Context, c *Client) error {
			_, err := c.UpdateAccess(ctx, "user", "u1", "model", "m1", &types.UpdateAccessRelationship{Relation: "boss"})
			return err
		})
	})
	t.Run("remove subject type", func(t *testing.T) {
		noRequest(t, "subject_type", func(ctx context.Context, c *Client) error {
			return c.RemoveAccess(ctx, "group", "u1", "model", "m1")
		})
	})
	t.Run("remove empty id", func(t *testing.T) {
		noRequest(t, "subject_id", func(ctx context.Context, c *Client) error {
			return c.RemoveAccess(ctx, "user", "", "model", "m1")
		})
	})
	t.Run("list resource type", func(t *testing.T) {
		noRequest(t, "resource_type", func(ctx context.Context, c *Client) error { _, err := c.ListAccess(ctx, "widget", "x"); return err })
	})
	t.Run("by email required", func(t *testing.T) {
		noRequest(t, "email", func(ctx context.Context, c *Client) error {
			_, err := c.CreateAccessByEmailForOtherTenants(ctx, &CreateAccessByEmailForOtherTenantsParams{
				SubjectType: "user", ResourceType: "model", ResourceID: "m1", AccessRelationship: "viewer"})
			return err
		})
	})
	t.Run("by email relation", func(t *testing.T) {
		noRequest(t, "access_relationship", func(ctx context.Context, c *Client) error {
			_, err := c.CreateAccessByEmailForOtherTenants(ctx, &CreateAccessByEmailForOtherTenantsParams{
				SubjectType: "user", Email: "a@b", ResourceType: "model", ResourceID: "m1", AccessRelationship: "friend"})
			return err
		})
	})
	t.Run("permissions required", func(t *testing.T) {
		noRequest(t, "permission", func(ctx context.Context, c *Client) error {
			_, err := c.ListResourceTypePermissions(ctx, &ListResourceTypePermissionsParams{SubjectType: "user", SubjectID: "u", ResourceType: "model"})
			return err
		})
	})
	t.Run("shareable without id", func(t *testing.T) {
		noRequest(t, "resource_id", func(ctx context.Context, c *Client) error {
			_, err := c.ListAccessFor(ctx, &types.Model{})
			return err
		})
	})
}

func TestAccessEnumMessageListsEveryValue(t *testing.T) {
	err := checkRelation("relation", "nope")
	for _, v := range enums.AccessRelationValues() {
		assert.True(t, strings.Contains(err.Error(), string(v)), v)
	}
}
