package istari

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/istari-sdk/istari-go/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
		{name: "create_access_by_email_for_other_tenants", method: "POST", path: "/api/v2/access/user/bob%2Bx%40example.test/model/m%2F1", resp: relJSON,
			query: "access_relationship=viewer",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.CreateAccessByEmailForOtherTenants(ctx, &CreateAccessByEmailForOtherTenantsParams{
					SubjectType: "user", Email: "bob+x@example.test", ResourceType: "model", ResourceID: "m/1", AccessRelationship: "viewer"})
			}, check: checkRel},
		{name: "list_resource_type_permissions", method: "GET", path: "/api/v2/access/user/u1/model",
			query: "page=2&permission=view&size=5",
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
		{name: "CreateAccessByEmailFor", method: "POST", path: "/api/v2/access/user/x%40y.z/system/s1", resp: relJSON,
			query: "access_relationship=editor",
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

// clientFor connects to srv with token.
func clientFor(t *testing.T, srv *istaritest.Server, token string) *Client {
	t.Helper()
	c, err := NewClient(Configuration{RegistryURL: srv.URL, RegistryAuthToken: Secret(token)})
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	return c
}

func newFake(t *testing.T, opts ...istaritest.Option) *istaritest.Server {
	t.Helper()
	srv := istaritest.NewServer(opts...)
	t.Cleanup(srv.Close)
	return srv
}

func assertStatus(t *testing.T, err error, sentinel error, status int) {
	t.Helper()
	require.Error(t, err)
	assert.ErrorIs(t, err, sentinel)
	var ae *APIError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, status, ae.StatusCode)
}

func relationOf(rels []types.AccessRelationship, userID string) enums.AccessRelation {
	for _, r := range rels {
		if r.SubjectID == userID {
			return r.Relation
		}
	}
	return ""
}

func TestSharingBetweenTwoUsers(t *testing.T) {
	ctx := context.Background()
	srv := newFake(t)
	alice, bob := srv.AddUser("alice"), srv.AddUser("bob")
	ac, bc := clientFor(t, srv, alice.Token), clientFor(t, srv, bob.Token)
	model := &types.Model{ID: srv.SeedResource(alice, "model")}
	tag, err := clientFor(t, srv, srv.Token()).CreateControlTag(ctx, &types.NewControlTag{Name: "ITAR"})
	require.NoError(t, err)

	// Invisible before sharing: the registry does not reveal the model exists.
	_, err = bc.ListModelAccess(ctx, model.ID)
	assertStatus(t, err, ErrNotFound, 404)
	_, err = bc.GetModelControlTags(ctx, model.ID)
	assertStatus(t, err, ErrNotFound, 404)

	rel, err := ac.CreateAccessFor(ctx, model, bob.ID, enums.AccessRelationViewer)
	require.NoError(t, err)
	assert.Equal(t, enums.AccessRelationViewer, rel.Relation)
	require.NotNil(t, rel.SubjectInfo.Username)
	assert.Equal(t, "bob", *rel.SubjectInfo.Username)

	// Bob reads.
	rels, err := bc.ListModelAccess(ctx, model.ID)
	require.NoError(t, err)
	require.Len(t, rels, 2)
	assert.Equal(t, enums.AccessRelationOwner, relationOf(rels, alice.ID))
	assert.Equal(t, enums.AccessRelationViewer, relationOf(rels, bob.ID))
	require.NotNil(t, rels[0].SubjectInfo.Email)
	assert.Equal(t, alice.Email, *rels[0].SubjectInfo.Email)
	_, err = bc.GetModelControlTaggings(ctx, model.ID)
	require.NoError(t, err)

	// Bob cannot share or tag: visible but insufficient.
	_, err = bc.CreateAccessFor(ctx, model, bob.ID, enums.AccessRelationEditor)
	assertStatus(t, err, ErrForbidden, 403)
	_, err = bc.AddModelControlTaggings(ctx, model.ID, []string{tag.ID}, nil)
	assertStatus(t, err, ErrForbidden, 403)

	// Promoted to editor: still not an owner.
	rel, err = ac.UpdateAccessFor(ctx, model, bob.ID, enums.AccessRelationEditor)
	require.NoError(t, err)
	assert.Equal(t, enums.AccessRelationEditor, rel.Relation)
	err = bc.RemoveAccessFor(ctx, model, alice.ID)
	assertStatus(t, err, ErrForbidden, 403)
	rels, err = ac.ListAccessFor(ctx, model)
	require.NoError(t, err)
	assert.Equal(t, enums.AccessRelationEditor, relationOf(rels, bob.ID))

	// The owner's own relation is protected.
	err = ac.RemoveAccessFor(ctx, model, alice.ID)
	assertStatus(t, err, ErrBadRequest, 400)

	// Revoke: invisible again, and a second revoke finds nothing.
	require.NoError(t, ac.RemoveAccessFor(ctx, model, bob.ID))
	_, err = bc.ListModelAccess(ctx, model.ID)
	assertStatus(t, err, ErrNotFound, 404)
	err = ac.RemoveAccessFor(ctx, model, bob.ID)
	assertStatus(t, err, ErrNotFound, 404)
}

func TestSharingBetweenThreeUsers(t *testing.T) {
	ctx := context.Background()
	srv := newFake(t)
	alice, bob, carol := srv.AddUser("alice"), srv.AddUser("bob"), srv.AddUser("carol")
	ac, bc, cc := clientFor(t, srv, alice.Token), clientFor(t, srv, bob.Token), clientFor(t, srv, carol.Token)
	admin := clientFor(t, srv, srv.Token())
	modelID := srv.SeedResource(alice, "model")
	artID := srv.SeedResourceWithParent(alice, "artifact", modelID)

	_, err := ac.CreateAccess(ctx, &types.AccessRelationship{SubjectType: "user", SubjectID: bob.ID, Relation: "viewer", ResourceType: "model", ResourceID: modelID})
	require.NoError(t, err)

	// Carol sees nothing; Bob sees the model but not the artifact (sharing is per resource).
	_, err = cc.ListAccess(ctx, enums.AccessResourceTypeModel, modelID)
	assertStatus(t, err, ErrNotFound, 404)
	_, err = bc.ListArtifactAccess(ctx, artID)
	assertStatus(t, err, ErrNotFound, 404)
	// A resource type that does not match the id is not found either.
	_, err = ac.ListAccess(ctx, enums.AccessResourceTypeArtifact, modelID)
	assertStatus(t, err, ErrNotFound, 404)

	// Bob, a viewer, cannot bulk share the model with Carol; nothing changes.
	_, err = bc.BulkCreateAccess(ctx, []types.AccessRelationship{
		{SubjectType: "user", SubjectID: carol.ID, Relation: "viewer", ResourceType: "model", ResourceID: modelID},
	})
	assertStatus(t, err, ErrForbidden, 403)
	_, err = cc.ListModelAccess(ctx, modelID)
	assertStatus(t, err, ErrNotFound, 404)

	// Alice bulk shares both resources; all or nothing.
	out, err := ac.BulkCreateAccess(ctx, []types.AccessRelationship{
		{SubjectType: "user", SubjectID: carol.ID, Relation: "viewer", ResourceType: "model", ResourceID: modelID},
		{SubjectType: "user", SubjectID: carol.ID, Relation: "editor", ResourceType: "artifact", ResourceID: artID},
	})
	require.NoError(t, err)
	require.Len(t, out, 2)
	rels, err := cc.ListArtifactAccess(ctx, artID)
	require.NoError(t, err)
	assert.Equal(t, enums.AccessRelationEditor, relationOf(rels, carol.ID))
	rels, err = cc.ListModelAccess(ctx, modelID)
	require.NoError(t, err)
	assert.Len(t, rels, 3)

	// Executor in bulk: the SDK refuses locally; sent anyway, the registry answers 500.
	execItem := types.AccessRelationship{SubjectType: "user", SubjectID: bob.ID, Relation: "executor", ResourceType: "model", ResourceID: modelID}
	_, err = ac.BulkCreateAccess(ctx, []types.AccessRelationship{execItem})
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	err = ac.invoke(ctx, request{op: "bulk_create_access", body: []types.AccessRelationship{execItem}})
	assertStatus(t, err, ErrServer, 500)
	var ae *APIError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, "Internal Server Error", ae.Detail)
	rels, err = ac.ListModelAccess(ctx, modelID)
	require.NoError(t, err)
	assert.Equal(t, enums.AccessRelationViewer, relationOf(rels, bob.ID), "a failed bulk call changes nothing")

	// Sharing by email resolves the user.
	rel, err := ac.CreateAccessByEmailFor(ctx, &types.Artifact{ID: artID}, bob.Email, enums.AccessRelationViewer)
	require.NoError(t, err)
	assert.Equal(t, bob.ID, rel.SubjectID)
	_, err = ac.CreateAccessByEmailFor(ctx, &types.Artifact{ID: artID}, "nobody@example.test", enums.AccessRelationViewer)
	assertStatus(t, err, ErrNotFound, 404)

	// Sharing with an unknown user.
	_, err = ac.CreateAccessFor(ctx, &types.Model{ID: modelID}, "no-such-user", enums.AccessRelationViewer)
	assertStatus(t, err, ErrNotFound, 404)

	// Permissions by resource type.
	perms, err := bc.ListResourceTypePermissions(ctx, &ListResourceTypePermissionsParams{SubjectType: "user", SubjectID: bob.ID,
		ResourceType: enums.PermissionResourceTypeArtifact, Permission: enums.PermissionView})
	require.NoError(t, err)
	require.Len(t, perms.Items, 1)
	assert.Equal(t, artID, perms.Items[0].ResourceID)
	perms, err = bc.ListResourceTypePermissions(ctx, &ListResourceTypePermissionsParams{SubjectType: "user", SubjectID: bob.ID,
		ResourceType: enums.PermissionResourceTypeModel, Permission: enums.PermissionEdit})
	require.NoError(t, err)
	assert.Empty(t, perms.Items)
	_, err = cc.ListResourceTypePermissions(ctx, &ListResourceTypePermissionsParams{SubjectType: "user", SubjectID: bob.ID,
		ResourceType: enums.PermissionResourceTypeModel, Permission: enums.PermissionView})
	assertStatus(t, err, ErrForbidden, 403)

	// The customer administrator manages everything.
	require.NoError(t, admin.RemoveAccess(ctx, "user", carol.ID, "artifact", artID))
	_, err = cc.ListArtifactAccess(ctx, artID)
	assertStatus(t, err, ErrNotFound, 404)
}

func TestControlTaggingRoundTripWithPropagation(t *testing.T) {
	ctx := context.Background()
	srv := newFake(t)
	alice, bob := srv.AddUser("alice"), srv.AddUser("bob")
	admin, ac, bc := clientFor(t, srv, srv.Token()), clientFor(t, srv, alice.Token), clientFor(t, srv, bob.Token)
	modelID := srv.SeedResource(alice, "model")
	art1 := srv.SeedResourceWithParent(alice, "artifact", modelID)
	art2 := srv.SeedResourceWithParent(alice, "artifact", modelID)

	// Control tags: administrators manage them; the description limit is 255 characters.
	_, err := ac.CreateControlTag(ctx, &types.NewControlTag{Name: "mine"})
	assertStatus(t, err, ErrForbidden, 403)
	desc := repeatRune('é', 255)
	itar, err := admin.CreateControlTag(ctx, &types.NewControlTag{Name: "ITAR", Description: &desc})
	require.NoError(t, err)
	assert.Equal(t, desc, *itar.Description)
	cui, err := admin.CreateControlTag(ctx, &types.NewControlTag{Name: "CUI"})
	require.NoError(t, err)
	tooLong := repeatRune('é', 256)
	raw, err := json.Marshal(types.NewControlTag{Name: "x", Description: &tooLong}) // raw JSON skips the local check
	require.NoError(t, err)
	err = admin.invoke(ctx, request{op: ops.CreateControlTag, body: json.RawMessage(raw)})
	assertStatus(t, err, ErrUnprocessable, 422)
	upd, err := admin.UpdateControlTag(ctx, cui.ID, &types.UpdateControlTag{Description: Ptr("controlled unclassified")})
	require.NoError(t, err)
	assert.Equal(t, "controlled unclassified", *upd.Description)
	got, err := bc.GetControlTag(ctx, cui.ID)
	require.NoError(t, err)
	assert.Equal(t, "CUI", got.Name)
	page, err := bc.ListControlTags(ctx, &ListControlTagsParams{PageOptions{Size: 1}})
	require.NoError(t, err)
	var names []string
	for tag, err := range page.All(ctx) {
		require.NoError(t, err)
		names = append(names, tag.Name)
	}
	assert.Equal(t, []string{"ITAR", "CUI"}, names)

	// Tag the model: the tags propagate to both artifacts, so 2 tags x 3 objects come back.
	out, err := ac.AddModelControlTaggings(ctx, modelID, []string{itar.ID, cui.ID}, Ptr("export review"))
	require.NoError(t, err)
	assert.Len(t, out, 6)
	require.NotNil(t, out[0].Reason)
	assert.Equal(t, "export review", *out[0].Reason)
	// Setting again is idempotent.
	out, err = ac.AddModelControlTaggings(ctx, modelID, []string{itar.ID}, nil)
	require.NoError(t, err)
	assert.Len(t, out, 3)

	tagNames := func(tags []types.ControlTag, err error) []string {
		t.Helper()
		require.NoError(t, err)
		out := []string{}
		for _, tag := range tags {
			out = append(out, tag.Name)
		}
		return out
	}
	assert.Equal(t, []string{"ITAR", "CUI"}, tagNames(ac.GetModelControlTags(ctx, modelID)))
	assert.Equal(t, []string{"ITAR", "CUI"}, tagNames(ac.GetArtifactControlTags(ctx, art2)))
	taggings, err := ac.GetArtifactControlTaggings(ctx, art1)
	require.NoError(t, err)
	require.Len(t, taggings, 2)
	require.NotNil(t, taggings[0].InheritedFromObjectID)
	assert.Equal(t, enums.ControlTaggingObjectTypeModel, *taggings[0].InheritedFromObjectType)
	from := *taggings[0].InheritedFromObjectID
	assert.Equal(t, modelID, from)
	// An artifact created under the tagged model inherits its tags.
	art3 := srv.SeedResourceWithParent(alice, "artifact", modelID)
	assert.Equal(t, []string{"ITAR", "CUI"}, tagNames(ac.GetArtifactControlTags(ctx, art3)))

	// Remove one tag: archived on the model and its artifacts, kept in the history.
	out, err = ac.RemoveModelControlTaggings(ctx, modelID, []string{itar.ID})
	require.NoError(t, err)
	assert.Len(t, out, 4)
	status, _, _ := types.ExtraValue[string](out[0].Extra, "archive_status")
	assert.Equal(t, "archived", status)
	assert.Equal(t, []string{"CUI"}, tagNames(ac.GetModelControlTags(ctx, modelID)))
	assert.Equal(t, []string{"CUI"}, tagNames(ac.GetArtifactControlTags(ctx, art1)))
	active, err := ac.GetModelControlTaggings(ctx, modelID)
	require.NoError(t, err)
	assert.Len(t, active, 1)
	history, err := ac.GetModelControlTaggingHistory(ctx, modelID)
	require.NoError(t, err)
	assert.Len(t, history, 2)

	// Artifact and file taggings directly.
	_, err = ac.AddArtifactControlTaggings(ctx, art1, []string{itar.ID}, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"ITAR", "CUI"}, tagNames(ac.GetArtifactControlTags(ctx, art1)))
	_, err = ac.RemoveArtifactControlTaggings(ctx, art1, []string{itar.ID})
	require.NoError(t, err)
	assert.Equal(t, []string{"CUI"}, tagNames(ac.GetArtifactControlTags(ctx, art1)))
	fileID := srv.FileIDOf(modelID)
	_, err = ac.AddFileControlTaggings(ctx, fileID, []string{cui.ID}, nil)
	require.NoError(t, err)
	fileTaggings, err := ac.GetFileControlTaggings(ctx, fileID)
	require.NoError(t, err)
	assert.Len(t, fileTaggings, 1)
	_, err = ac.RemoveFileControlTaggings(ctx, fileID, []string{cui.ID})
	require.NoError(t, err)
	fileTaggings, err = ac.GetFileControlTaggings(ctx, fileID)
	require.NoError(t, err)
	assert.Empty(t, fileTaggings)

	// Unknown tags and strangers.
	_, err = ac.AddModelControlTaggings(ctx, modelID, []string{"no-such-tag"}, nil)
	assertStatus(t, err, ErrNotFound, 404)
	_, err = bc.AddModelControlTaggings(ctx, modelID, []string{cui.ID}, nil)
	assertStatus(t, err, ErrNotFound, 404)

	// Users are tagged by administrators only.
	_, err = ac.AddUserControlTaggings(ctx, bob.ID, []string{cui.ID}, nil)
	assertStatus(t, err, ErrForbidden, 403)
	ut, err := admin.AddUserControlTaggings(ctx, bob.ID, []string{cui.ID}, Ptr("cleared"))
	require.NoError(t, err)
	require.Len(t, ut, 1)
	assert.Equal(t, []string{"CUI"}, tagNames(bc.GetUserControlTags(ctx, bob.ID)))
	me, err := bc.GetCurrentUser(ctx)
	require.NoError(t, err)
	require.Len(t, me.ControlTags, 1)
	assert.Equal(t, "CUI", me.ControlTags[0].Name)
	_, err = admin.RemoveUserControlTaggings(ctx, bob.ID, []string{cui.ID})
	require.NoError(t, err)
	assert.Empty(t, tagNames(bc.GetUserControlTags(ctx, bob.ID)))
}

func repeatRune(r rune, n int) string {
	rs := make([]rune, n)
	for i := range rs {
		rs[i] = r
	}
	return string(rs)
}

func TestInfosecLevelsOnTheFake(t *testing.T) {
	ctx := context.Background()
	srv := newFake(t)
	alice, bob := srv.AddUser("alice"), srv.AddUser("bob")
	admin, ac := clientFor(t, srv, srv.Token()), clientFor(t, srv, alice.Token)
	modelID := srv.SeedResource(alice, "model")

	levels, err := ac.ListInfosecLevels(ctx)
	require.NoError(t, err)
	var names []string
	ids := map[string]string{}
	for _, l := range levels {
		names = append(names, l.Name)
		ids[l.Name] = l.ID
	}
	assert.Equal(t, []string{"UNCLASSIFIED", "CUI", "CONFIDENTIAL", "SECRET", "TOP_SECRET", "TOP_SECRET_SCI"}, names)

	settings, err := ac.GetPlatformInfosecSettings(ctx)
	require.NoError(t, err)
	enabled, _, _ := types.ExtraValue[bool](settings.Extra, "enabled")
	assert.False(t, enabled)
	_, err = ac.AssignInfosecLevel(ctx, "model", modelID, &types.AssignInfosecLevel{InfosecLevelID: ids["SECRET"]})
	assertStatus(t, err, ErrBadRequest, 400)

	enable := func(c *Client, schema, maxName string) (*types.PlatformInfosecSettings, error) {
		extra := map[string]any{"schema": schema}
		if maxName != "" {
			extra["max_infosec_level_id"] = ids[maxName]
		}
		body := &types.EnablePlatformInfosecSettings{Extra: rawMap(t, extra)}
		return c.EnablePlatformInfosecSettings(ctx, body)
	}
	_, err = enable(ac, "US_DOD", "SECRET")
	assertStatus(t, err, ErrForbidden, 403)
	settings, err = enable(admin, "US_DOD", "SECRET")
	require.NoError(t, err)
	schema, _, _ := types.ExtraValue[string](settings.Extra, "schema")
	assert.Equal(t, "US_DOD", schema)

	lvl, err := ac.AssignInfosecLevel(ctx, "model", modelID, &types.AssignInfosecLevel{InfosecLevelID: ids["SECRET"]})
	require.NoError(t, err)
	assert.Equal(t, "SECRET", lvl.Name)
	assert.Equal(t, 3, lvl.Order)
	assert.Equal(t, "SECRET", srv.InfosecLevelOf("model", modelID))
	_, err = ac.AssignInfosecLevel(ctx, "model", modelID, &types.AssignInfosecLevel{InfosecLevelID: ids["TOP_SECRET"]})
	assertStatus(t, err, ErrBadRequest, 400)
	_, err = clientFor(t, srv, bob.Token).AssignInfosecLevel(ctx, "model", modelID, &types.AssignInfosecLevel{InfosecLevelID: ids["CUI"]})
	assertStatus(t, err, ErrNotFound, 404)
	_, err = ac.AssignInfosecLevel(ctx, "user", bob.ID, &types.AssignInfosecLevel{InfosecLevelID: ids["CUI"]})
	assertStatus(t, err, ErrForbidden, 403)
	_, err = admin.AssignInfosecLevel(ctx, "user", bob.ID, &types.AssignInfosecLevel{InfosecLevelID: ids["CUI"]})
	require.NoError(t, err)

	// Enabling is permanent: another schema, disabling, or a maximum below a level in use are refused.
	_, err = enable(admin, "AUS", "")
	assertStatus(t, err, ErrBadRequest, 400)
	_, err = admin.EnablePlatformInfosecSettings(ctx, &types.EnablePlatformInfosecSettings{Extra: rawMap(t, map[string]any{"enabled": false})})
	assertStatus(t, err, ErrBadRequest, 400)
	_, err = enable(admin, "US_DOD", "CUI")
	assertStatus(t, err, ErrBadRequest, 400)
	settings, err = enable(admin, "US_DOD", "TOP_SECRET")
	require.NoError(t, err)
	maxID, _, _ := types.ExtraValue[string](settings.Extra, "max_infosec_level_id")
	assert.Equal(t, ids["TOP_SECRET"], maxID)
	settings, err = ac.GetPlatformInfosecSettings(ctx)
	require.NoError(t, err)
	enabled, _, _ = types.ExtraValue[bool](settings.Extra, "enabled")
	assert.True(t, enabled)
}

func TestUsersOnTheFake(t *testing.T) {
	ctx := context.Background()
	srv := newFake(t)
	alice, bob := srv.AddUser("alice"), srv.AddUser("bob")
	ac := clientFor(t, srv, alice.Token)

	me, err := ac.GetCurrentUser(ctx)
	require.NoError(t, err)
	assert.Equal(t, alice.ID, me.ID)
	assert.Equal(t, "alice", *me.UserName)
	assert.Equal(t, alice.Email, *me.Email)
	assert.Equal(t, enums.UserTypeHuman, me.UserType)
	other, err := ac.GetUser(ctx, bob.ID)
	require.NoError(t, err)
	assert.Equal(t, "bob", *other.UserName)
	_, err = ac.GetUserByID(ctx, "nobody")
	assertStatus(t, err, ErrNotFound, 404)

	userNames := func(p *ListUsersParams) []string {
		t.Helper()
		users, err := ac.ListUsers(ctx, p)
		require.NoError(t, err)
		out := []string{}
		for _, u := range users {
			out = append(out, *u.UserName)
		}
		return out
	}
	assert.Equal(t, []string{"alice", "bob", "owner"}, userNames(nil))
	srv.SetUserState(bob.ID, "USER_STATE_INACTIVE")
	assert.Equal(t, []string{"alice", "owner"}, userNames(nil))
	assert.Equal(t, []string{"alice", "bob", "owner"}, userNames(&ListUsersParams{UserState: Ptr(enums.UserStateOptionAll)}))

	agentPAT, err := ac.CreateAgentPersonalAccessToken(ctx, "agent-7")
	require.NoError(t, err)
	assert.Equal(t, []string{"agent-7"}, userNames(&ListUsersParams{UserType: Ptr(enums.UserTypeAgent)}))
	assert.Equal(t, []string{"alice", "owner"}, userNames(&ListUsersParams{UserType: Ptr(enums.UserTypeHuman)}))
	agent, err := clientFor(t, srv, agentPAT.Token.Reveal()).GetCurrentUser(ctx)
	require.NoError(t, err)
	assert.Equal(t, enums.UserTypeAgent, agent.UserType)
	assert.Equal(t, *agentPAT.MachineUserID, agent.ID)
}

func TestPersonalAccessTokensOnTheFake(t *testing.T) {
	ctx := context.Background()
	srv := newFake(t)
	alice := srv.AddUser("alice")
	ac := clientFor(t, srv, alice.Token)

	pat, err := ac.CreatePersonalAccessToken(ctx, "ci")
	require.NoError(t, err)
	secret := pat.Token.Reveal()
	require.NotEmpty(t, secret)
	assertSecretHidden(t, pat, secret)

	// Usable at once, as Alice.
	viaPAT := clientFor(t, srv, secret)
	me, err := viaPAT.GetCurrentUser(ctx)
	require.NoError(t, err)
	assert.Equal(t, alice.ID, me.ID)
	require.Len(t, me.PersonalAccessTokens, 1)
	assert.Empty(t, me.PersonalAccessTokens[0].Token.Reveal(), "listings never carry the secret")

	pat2, err := ac.CreatePersonalAccessToken(ctx, "another")
	require.NoError(t, err)
	page, err := ac.ListPersonalAccessTokens(ctx, &ListPersonalAccessTokensParams{Sort: Ptr("name")})
	require.NoError(t, err)
	require.Len(t, page.Items, 2)
	assert.Equal(t, "another", *page.Items[0].Name)
	for _, p := range page.Items {
		assert.Empty(t, p.Token.Reveal())
	}

	// Delete revokes.
	require.NoError(t, ac.DeletePersonalAccessToken(ctx, pat.ID))
	_, err = viaPAT.GetCurrentUser(ctx)
	assertStatus(t, err, ErrUnauthorized, 401)
	err = ac.DeletePersonalAccessToken(ctx, pat.ID)
	assertStatus(t, err, ErrNotFound, 404)

	// Revoke all: the other token stops working, the login token keeps working.
	viaPAT2 := clientFor(t, srv, pat2.Token.Reveal())
	_, err = viaPAT2.GetCurrentUser(ctx)
	require.NoError(t, err)
	require.NoError(t, ac.RevokeAllPersonalAccessTokens(ctx))
	_, err = viaPAT2.GetCurrentUser(ctx)
	assertStatus(t, err, ErrUnauthorized, 401)
	page, err = ac.ListPersonalAccessTokens(ctx, nil)
	require.NoError(t, err)
	assert.Empty(t, page.Items)
}

func TestPersonalAccessTokensInIdentityMode(t *testing.T) {
	ctx := context.Background()
	srv := newFake(t, istaritest.WithIdentityService())
	c := clientFor(t, srv, srv.Token())

	_, err := c.CreatePersonalAccessToken(ctx, "ci")
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrPATsDeprecated)
	assert.ErrorIs(t, err, ErrMethodNotAllowed)
	var ae *APIError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, http.StatusMethodNotAllowed, ae.StatusCode)
	assert.Equal(t, istaritest.PATDeprecatedDetail, ae.Detail)
	assert.Equal(t, "create_personal_access_token", ae.OperationID)

	for name, call := range map[string]func() error{
		"agent":  func() error { _, err := c.CreateAgentPersonalAccessToken(ctx, "a"); return err },
		"list":   func() error { _, err := c.ListPersonalAccessTokens(ctx, nil); return err },
		"delete": func() error { return c.DeletePersonalAccessToken(ctx, "p1") },
		"revoke": func() error { return c.RevokeAllPersonalAccessTokens(ctx) },
	} {
		assert.ErrorIs(t, call(), ErrPATsDeprecated, name)
	}

	dep := c.AuthDeprecation()
	require.NotNil(t, dep)
	assert.True(t, dep.Detected)

	// Other 405s are not about tokens.
	other := newAPIError("get_model", "GET", "/x", 405, http.Header{}, nil, 1)
	assert.ErrorIs(t, other, ErrMethodNotAllowed)
	assert.False(t, errors.Is(other, ErrPATsDeprecated))
}

func TestIntegrationsAndUpstreamRemotesOnTheFake(t *testing.T) {
	ctx := context.Background()
	srv := newFake(t)
	alice := srv.AddUser("alice")
	admin, ac := clientFor(t, srv, srv.Token()), clientFor(t, srv, alice.Token)

	app, err := admin.CreateAppIntegration(ctx, &types.NewAppIntegration{Extra: rawMap(t, map[string]any{"name": "plm"})})
	require.NoError(t, err)
	appID, _, _ := types.ExtraValue[string](app.Extra, "id")
	require.NotEmpty(t, appID)
	apps, err := admin.ListAppIntegrations(ctx, nil)
	require.NoError(t, err)
	require.Len(t, apps.Items, 1)

	rev := types.FileRevision{ID: newTestID(), Name: Ptr("registration"), Extension: Ptr("json")}
	ai, err := admin.createAuthIntegration(ctx, &types.NewAuthIntegration{AuthIntegrationType: enums.AuthIntegrationTypeWindchill,
		AppIntegrationID: appID, AuthType: enums.FunctionAuthTypeOAuth2, Revision: rev})
	require.NoError(t, err)
	require.NotNil(t, ai.File)
	require.Len(t, ai.File.Revisions, 1)
	_, err = admin.createAuthIntegration(ctx, &types.NewAuthIntegration{AuthIntegrationType: enums.AuthIntegrationTypeWindchill,
		AppIntegrationID: "missing", AuthType: enums.FunctionAuthTypeOAuth2, Revision: rev})
	assertStatus(t, err, ErrNotFound, 404)

	rev2 := types.FileRevision{ID: newTestID(), Name: Ptr("registration-v2"), Extension: Ptr("json")}
	upd, err := admin.updateAuthIntegration(ctx, ai.ID, &types.AuthIntegrationUpdate{AuthType: Ptr(enums.FunctionAuthTypeBasic), Revision: &rev2})
	require.NoError(t, err)
	assert.Len(t, upd.File.Revisions, 2)
	authType, _, _ := types.ExtraValue[string](upd.Extra, "auth_type")
	assert.Equal(t, "basic", authType)
	_, err = ac.updateAuthIntegration(ctx, ai.ID, &types.AuthIntegrationUpdate{AuthType: Ptr(enums.FunctionAuthTypeOAuth2)})
	assertStatus(t, err, ErrNotFound, 404)
	got, err := ac.GetAuthIntegration(ctx, ai.ID)
	require.NoError(t, err)
	assert.Equal(t, "registration-v2", got.File.Revision().FullName()[:len("registration-v2")])
	list, err := ac.ListAuthIntegrations(ctx, nil)
	require.NoError(t, err)
	assert.Len(t, list.Items, 1)

	srv.AddUpstreamRemote("hq", "https://hq.example.test")
	remotes, err := ac.ListUpstreamRemotes(ctx, nil)
	require.NoError(t, err)
	require.Len(t, remotes.Items, 1)
	assert.Equal(t, "https://hq.example.test", remotes.Items[0].URL)
	assert.Equal(t, "hq", remotes.Items[0].Name)
	assert.NotEmpty(t, remotes.Items[0].ID)
	_, err = ac.SyncUpstreamRemotes(ctx, nil)
	assertStatus(t, err, ErrForbidden, 403)
	res, err := admin.SyncUpstreamRemotes(ctx, nil)
	require.NoError(t, err)
	var sync struct {
		Synced int `json:"synced_remotes"`
	}
	require.NoError(t, res.Decode(&sync))
	assert.Equal(t, 1, sync.Synced)
	compat, err := ac.CheckUpstreamRemoteCompatibility(ctx, nil)
	require.NoError(t, err)
	var cv map[string]any
	require.NoError(t, compat.Decode(&cv))
	assert.Equal(t, true, cv["compatible"])
}

// rawMap turns a map into the Extra form of the body types whose fields are unknown.
func rawMap(t *testing.T, m map[string]any) map[string]json.RawMessage {
	t.Helper()
	out := make(map[string]json.RawMessage, len(m))
	for k, v := range m {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		out[k] = b
	}
	return out
}

func newTestID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// assertSecretHidden checks that no rendering of pat shows secret, while Reveal returns it.
func assertSecretHidden(t *testing.T, pat *types.PersonalAccessToken, secret string) {
	t.Helper()
	assert.Equal(t, secret, pat.Token.Reveal())
	renderings := map[string]string{
		"%v":    fmt.Sprintf("%v", pat),
		"%+v":   fmt.Sprintf("%+v", pat),
		"%#v":   fmt.Sprintf("%#v", pat),
		"%v*":   fmt.Sprintf("%v", *pat),
		"%+v*":  fmt.Sprintf("%+v", *pat),
		"%#v*":  fmt.Sprintf("%#v", *pat),
		"%s":    fmt.Sprintf("%s", pat.Token),
		"%q":    fmt.Sprintf("%q", pat.Token),
		"%x":    fmt.Sprintf("%x", pat.Token),
		"Print": fmt.Sprint(pat.Token),
	}
	js, err := json.Marshal(pat)
	require.NoError(t, err)
	renderings["json"] = string(js)
	for _, handler := range []func(*strings.Builder) slog.Handler{
		func(b *strings.Builder) slog.Handler { return slog.NewTextHandler(b, nil) },
		func(b *strings.Builder) slog.Handler { return slog.NewJSONHandler(b, nil) },
	} {
		var b strings.Builder
		logger := slog.New(handler(&b))
		logger.Info("created", "pat", pat, "token", pat.Token, "value", *pat)
		renderings["slog"+fmt.Sprint(len(renderings))] = b.String()
	}
	for how, s := range renderings {
		assert.NotContains(t, s, secret, how)
	}
	assert.Contains(t, renderings["json"], "[REDACTED]")
}
