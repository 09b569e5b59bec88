package istari

// This file holds the sharing operations (access relationships: who may view, edit or own a resource) and the
// Shareable conveniences (Python's Shareable mixin, the share methods of models, artifacts, systems and so on).

import (
	"context"
	"strconv"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/types"
)

// normalizeRelationship lower-cases the enum fields of rel and checks every field locally.
func normalizeRelationship(prefix string, rel types.AccessRelationship) (types.AccessRelationship, error) {
	rel.SubjectType = lowerEnum(rel.SubjectType)
	rel.Relation = lowerEnum(rel.Relation)
	rel.ResourceType = lowerEnum(rel.ResourceType)
	rel.SubjectInfo = nil // response only
	err := firstErr(
		checkSubjectType(prefix+"subject_type", rel.SubjectType),
		requireString(prefix+"subject_id", rel.SubjectID),
		checkRelation(prefix+"relation", rel.Relation),
		checkResourceType(prefix+"resource_type", rel.ResourceType),
		requireString(prefix+"resource_id", rel.ResourceID),
	)
	return rel, err
}

// CreateAccess shares a resource: it gives a subject a relation to it (Python Client.create_access,
// operation create_access). Every field of rel is required; subject_type, relation and resource_type are
// lower-cased and checked against the known enums locally (a *ValidationError "must be one of: ..."). The
// caller needs the owner relation (or administrator) on the resource: otherwise ErrForbidden, or ErrNotFound
// when the resource is not visible to the caller.
func (c *Client) CreateAccess(ctx context.Context, rel *types.AccessRelationship) (*types.AccessRelationship, error) {
	if rel == nil {
		return nil, newValidationError("body", "required", "", "")
	}
	body, err := normalizeRelationship("", *rel)
	if err != nil {
		return nil, err
	}
	return invokeOne[types.AccessRelationship](ctx, c, request{op: ops.CreateAccess, body: body})
}

// BulkCreateAccess shares many resources at once, POST /api/v2/bulk/access (Python
// Client.bulk_create_access, operation bulk_create_access). Only the viewer and editor relations work in bulk
// (enums.BulkSharingAccessRelation); any other relation fails locally with a *ValidationError, because real
// registries answer executor with 500 Internal Server Error. The caller needs share permission (owner or
// administrator) on every resource.
func (c *Client) BulkCreateAccess(ctx context.Context, rels []types.AccessRelationship) ([]types.AccessRelationship, error) {
	if len(rels) == 0 {
		return nil, &ValidationError{Field: "body", Rule: "min", Param: "1", Length: 0}
	}
	body := make([]types.AccessRelationship, len(rels))
	for i, rel := range rels {
		prefix := "[" + strconv.Itoa(i) + "]."
		norm, err := normalizeRelationship(prefix, rel)
		if err != nil {
			return nil, err
		}
		if err := checkEnum(prefix+"relation", enums.BulkSharingAccessRelation(norm.Relation), enums.BulkSharingAccessRelationValues()); err != nil {
			return nil, err
		}
		body[i] = norm
	}
	return listAll[types.AccessRelationship](ctx, c, request{op: ops.BulkCreateAccess, body: body})
}

// UpdateAccess changes a subject's relation to a resource (Python Client.update_access, operation
// update_access). The enum arguments are lower-cased and checked locally. The caller needs owner or
// administrator on the resource.
func (c *Client) UpdateAccess(ctx context.Context, subjectType enums.AccessSubjectType, subjectID string, resourceType enums.AccessResourceType, resourceID string, body *types.UpdateAccessRelationship) (*types.AccessRelationship, error) {
	subjectType, resourceType = lowerEnum(subjectType), lowerEnum(resourceType)
	if body == nil {
		return nil, newValidationError("relation", "required", "", "")
	}
	upd := types.UpdateAccessRelationship{Relation: lowerEnum(body.Relation)}
	if err := firstErr(
		checkSubjectType("subject_type", subjectType),
		checkResourceType("resource_type", resourceType),
		checkRelation("relation", upd.Relation),
	); err != nil {
		return nil, err
	}
	return invokeOne[types.AccessRelationship](ctx, c, request{
		op:   ops.UpdateAccess,
		path: []string{string(subjectType), subjectID, string(resourceType), resourceID},
		body: upd,
	})
}

// RemoveAccess revokes a subject's relation to a resource (Python Client.remove_access, operation
// remove_access). The caller needs owner or administrator on the resource.
func (c *Client) RemoveAccess(ctx context.Context, subjectType enums.AccessSubjectType, subjectID string, resourceType enums.AccessResourceType, resourceID string) error {
	subjectType, resourceType = lowerEnum(subjectType), lowerEnum(resourceType)
	if err := firstErr(
		checkSubjectType("subject_type", subjectType),
		checkResourceType("resource_type", resourceType),
	); err != nil {
		return err
	}
	return c.invoke(ctx, request{
		op:   ops.RemoveAccess,
		path: []string{string(subjectType), subjectID, string(resourceType), resourceID},
	})
}

// ListAccess lists who has access to a resource (Python Client.list_access, operation list_access). The
// registry answers a plain array or, in some versions, a page envelope; both decode.
func (c *Client) ListAccess(ctx context.Context, resourceType enums.AccessResourceType, resourceID string) ([]types.AccessRelationship, error) {
	resourceType = lowerEnum(resourceType)
	if err := checkResourceType("resource_type", resourceType); err != nil {
		return nil, err
	}
	return listAll[types.AccessRelationship](ctx, c, request{op: ops.ListAccess, path: []string{string(resourceType), resourceID}})
}

// ListModelAccess lists who has access to a model (Python Client.list_model_access, operation
// list_model_access). Plain array or page envelope both decode.
func (c *Client) ListModelAccess(ctx context.Context, modelID string) ([]types.AccessRelationship, error) {
	return listAll[types.AccessRelationship](ctx, c, request{op: ops.ListModelAccess, path: []string{modelID}})
}

// ListArtifactAccess lists who has access to an artifact (Python Client.list_artifact_access, operation
// list_artifact_access). Plain array or page envelope both decode.
func (c *Client) ListArtifactAccess(ctx context.Context, artifactID string) ([]types.AccessRelationship, error) {
	return listAll[types.AccessRelationship](ctx, c, request{op: ops.ListArtifactAccess, path: []string{artifactID}})
}

// ListJobAccess lists who has access to a job (Python Client.list_job_access, operation list_job_access).
// Plain array or page envelope both decode.
func (c *Client) ListJobAccess(ctx context.Context, jobID string) ([]types.AccessRelationship, error) {
	return listAll[types.AccessRelationship](ctx, c, request{op: ops.ListJobAccess, path: []string{jobID}})
}

// CreateAccessByEmailForOtherTenantsParams are the (required) query parameters of
// CreateAccessByEmailForOtherTenants. Whether the registry reads them from the query or the body is
// unconfirmed; the SDK sends them as query parameters.
//
// Python: the keyword arguments of Client.create_access_by_email_for_other_tenants.
type CreateAccessByEmailForOtherTenantsParams struct {
	SubjectType        enums.AccessSubjectType  `query:"subject_type" validate:"required"`
	Email              string                   `query:"email" validate:"required"`
	ResourceType       enums.AccessResourceType `query:"resource_type" validate:"required"`
	ResourceID         string                   `query:"resource_id" validate:"required"`
	AccessRelationship enums.AccessRelation     `query:"access_relationship" validate:"required"`
}

// CreateAccessByEmailForOtherTenants shares a resource with a user named by email, possibly of another tenant
// (Python Client.create_access_by_email_for_other_tenants, operation create_access_by_email_for_other_tenants).
// Every parameter is required; the enums are lower-cased and checked locally.
func (c *Client) CreateAccessByEmailForOtherTenants(ctx context.Context, params *CreateAccessByEmailForOtherTenantsParams) (*types.AccessRelationship, error) {
	if params == nil {
		return nil, newValidationError("subject_type", "required", "", "")
	}
	p := *params
	p.SubjectType, p.ResourceType, p.AccessRelationship = lowerEnum(p.SubjectType), lowerEnum(p.ResourceType), lowerEnum(p.AccessRelationship)
	if err := c.validate(&p); err != nil {
		return nil, err
	}
	if err := firstErr(
		checkSubjectType("subject_type", p.SubjectType),
		checkResourceType("resource_type", p.ResourceType),
		checkRelation("access_relationship", p.AccessRelationship),
	); err != nil {
		return nil, err
	}
	return invokeOne[types.AccessRelationship](ctx, c, request{op: ops.CreateAccessByEmailForOtherTenants, query: &p})
}

// ListResourceTypePermissionsParams are the query parameters of ListResourceTypePermissions; all but paging
// are required.
//
// Python: the keyword arguments of Client.list_resource_type_permissions.
type ListResourceTypePermissionsParams struct {
	PageOptions
	SubjectType  enums.PermissionSubjectType  `query:"subject_type" validate:"required"`
	SubjectID    string                       `query:"subject_id" validate:"required"`
	ResourceType enums.PermissionResourceType `query:"resource_type" validate:"required"`
	Permission   enums.Permission             `query:"permission" validate:"required"`
}

// ListResourceTypePermissions lists, page by page, the resources of one type on which a subject holds a
// permission (Python Client.list_resource_type_permissions, operation list_resource_type_permissions).
func (c *Client) ListResourceTypePermissions(ctx context.Context, params *ListResourceTypePermissionsParams) (*Page[types.ResourceTypePermission], error) {
	if params == nil {
		return nil, newValidationError("subject_type", "required", "", "")
	}
	return listPage[types.ResourceTypePermission](ctx, c, ops.ListResourceTypePermissions, nil, params)
}

// shareable checks s and returns its access resource type and id.
func shareable(s types.Shareable) (enums.AccessResourceType, string, error) {
	if s == nil {
		return "", "", newValidationError("resource", "required", "", "")
	}
	typ, id := s.AccessResource()
	if id == "" {
		return "", "", newValidationError("resource_id", "required", "", "")
	}
	return typ, id, nil
}

// CreateAccessFor gives the user subjectID a relation to a Shareable object (File, Model, Artifact, Job,
// System): Python's obj.create_access(subject_type="user", subject_id, relation) from the Shareable mixin. It
// calls CreateAccess.
func (c *Client) CreateAccessFor(ctx context.Context, s types.Shareable, subjectID string, relation enums.AccessRelation) (*types.AccessRelationship, error) {
	typ, id, err := shareable(s)
	if err != nil {
		return nil, err
	}
	return c.CreateAccess(ctx, &types.AccessRelationship{
		SubjectType: enums.AccessSubjectTypeUser, SubjectID: subjectID, Relation: relation, ResourceType: typ, ResourceID: id,
	})
}

// CreateAccessByEmailFor shares a Shareable object with the user of another tenant named by email: Python's
// obj.create_access_by_email(subject_type="user", subject_email, relation). It calls
// CreateAccessByEmailForOtherTenants.
func (c *Client) CreateAccessByEmailFor(ctx context.Context, s types.Shareable, email string, relation enums.AccessRelation) (*types.AccessRelationship, error) {
	typ, id, err := shareable(s)
	if err != nil {
		return nil, err
	}
	return c.CreateAccessByEmailForOtherTenants(ctx, &CreateAccessByEmailForOtherTenantsParams{
		SubjectType: enums.AccessSubjectTypeUser, Email: email, ResourceType: typ, ResourceID: id, AccessRelationship: relation,
	})
}

// ListAccessFor lists who has access to a Shareable object: Python's obj.list_access(). It calls ListAccess.
func (c *Client) ListAccessFor(ctx context.Context, s types.Shareable) ([]types.AccessRelationship, error) {
	typ, id, err := shareable(s)
	if err != nil {
		return nil, err
	}
	return c.ListAccess(ctx, typ, id)
}

// UpdateAccessFor changes the user subjectID's relation to a Shareable object: Python's
// obj.update_access(subject_type="user", subject_id, relation). It calls UpdateAccess.
func (c *Client) UpdateAccessFor(ctx context.Context, s types.Shareable, subjectID string, relation enums.AccessRelation) (*types.AccessRelationship, error) {
	typ, id, err := shareable(s)
	if err != nil {
		return nil, err
	}
	return c.UpdateAccess(ctx, enums.AccessSubjectTypeUser, subjectID, typ, id, &types.UpdateAccessRelationship{Relation: relation})
}

// RemoveAccessFor revokes the user subjectID's access to a Shareable object: Python's
// obj.remove_access(subject_type="user", subject_id). It calls RemoveAccess.
func (c *Client) RemoveAccessFor(ctx context.Context, s types.Shareable, subjectID string) error {
	typ, id, err := shareable(s)
	if err != nil {
		return err
	}
	return c.RemoveAccess(ctx, enums.AccessSubjectTypeUser, subjectID, typ, id)
}

func checkRelation(field string, r enums.AccessRelation) error {
	return checkEnum(field, r, enums.AccessRelationValues())
}

func checkResourceType(field string, t enums.AccessResourceType) error {
	return checkEnum(field, t, enums.AccessResourceTypeValues())
}

func checkSubjectType(field string, t enums.AccessSubjectType) error {
	return checkEnum(field, t, enums.AccessSubjectTypeValues())
}
