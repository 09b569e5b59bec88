package istari

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/types"
	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wireRevision is a fixed revision body for the wire tests of the create_*/update_* calls.
var (
	wireTime     = types.Timestamp{Time: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	wireRevision = &types.FileRevision{
		ID: "rev-1", Created: wireTime,
		ContentTok:    types.Token{ID: "t1", Created: wireTime, SHA: "abc", Salt: "s1"},
		PropertiesTok: types.Token{ID: "t2", Created: wireTime, SHA: "def", Salt: "s2"},
		Name:          Ptr("m.csv"), Sources: []types.Source{},
	}
)

const wireRevisionJSON = `{"id":"rev-1","created":"2026-01-02T03:04:05.000000Z","file_id":null,
	"content_token":{"id":"t1","created":"2026-01-02T03:04:05.000000Z","sha":"abc","salt":"s1"},
	"properties_token":{"id":"t2","created":"2026-01-02T03:04:05.000000Z","sha":"def","salt":"s2"},
	"archive_status_history":null,"name":"m.csv","sources":[]}`

const (
	fileJSON     = `{"id":"f1","created":"2026-01-02T03:04:05Z","revisions":[{"id":"r1","created":"2026-01-02T03:04:05Z","file_id":"f1","content_token":{"id":"t","created":"2026-01-02T03:04:05Z","sha":"abc","salt":"s"},"properties_token":{"id":"p","created":"2026-01-02T03:04:05Z","sha":"def","salt":"s"},"archive_status_history":[],"name":"m","extension":"csv"}],"archive_status_history":[]}`
	modelJSON    = `{"id":"m1","created":"2026-01-02T03:04:05Z","file":` + fileJSON + `,"comments":[],"archive_status_history":[],"created_by_id":"u1","artifacts":[{"id":"a1","created":"2026-01-02T03:04:05Z","file":` + fileJSON + `,"comments":[],"archive_status_history":[],"created_by_id":"u1","model_id":"m1"}]}`
	artifactJSON = `{"id":"a1","created":"2026-01-02T03:04:05Z","file":` + fileJSON + `,"comments":[],"archive_status_history":[],"created_by_id":"u1","model_id":"m1"}`
	commentJSON  = `{"id":"c1","created":"2026-01-02T03:04:05Z","file":` + fileJSON + `,"comments":[{"id":"c2","created":"2026-01-02T03:04:05Z","file":` + fileJSON + `,"comments":[],"archive_status_history":[],"created_by_id":"u1","resource_id":"c1"}],"archive_status_history":[],"created_by_id":"u1","resource_id":"m1","resource_type":"model"}`
	revisionJSON = `{"id":"r1","created":"2026-01-02T03:04:05Z","file_id":"f1","content_token":{"id":"t","created":"2026-01-02T03:04:05Z","sha":"abc","salt":"s"},"properties_token":{"id":"p","created":"2026-01-02T03:04:05Z","sha":"def","salt":"s"},"archive_status_history":[{"id":"h","created":"2026-01-02T03:04:05Z","name":"Archived","file_revision_id":"r1"}]}`
)

func page(items string) string {
	return `{"items":[` + items + `],"total":1,"page":1,"size":10,"pages":1}`
}

func TestFilesWireOperations(t *testing.T) {
	cases := []wireCase{
		{name: "create_file", method: "POST", path: "/api/v2/files", body: wireRevisionJSON, resp: fileJSON,
			call: func(ctx context.Context, c *Client) (any, error) { return c.createFile(ctx, wireRevision) },
			check: func(t *testing.T, out any) {
				f := out.(*types.File)
				assert.Equal(t, "f1", f.ID)
				assert.Equal(t, "m.csv", f.Name())
			}},
		{name: "update_file", method: "PUT", path: "/api/v2/files/f%2F1", body: wireRevisionJSON, resp: fileJSON,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.updateFile(ctx, "f/1", wireRevision) },
			check: func(t *testing.T, out any) { assert.Equal(t, "r1", out.(*types.File).Revision().ID) }},
		{name: "update_file_properties", method: "PUT", path: "/api/v2/files/f1/properties",
			body: `{"id":"t9","created":"2026-01-02T03:04:05.000000Z","sha":"abc","salt":"s","description":"d"}`, resp: fileJSON,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.updateFileProperties(ctx, "f1", &types.TokenWithProperties{Token: types.Token{ID: "t9", Created: wireTime, SHA: "abc", Salt: "s"}, Description: Ptr("d")})
			},
			check: func(t *testing.T, out any) { assert.Equal(t, "f1", out.(*types.File).ID) }},
		{name: "get_file", method: "GET", path: "/api/v2/files/f1", resp: fileJSON,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.GetFile(ctx, "f1") },
			check: func(t *testing.T, out any) { assert.Equal(t, "abc", out.(*types.File).Revision().ContentToken().SHA) }},
		{name: "list_files", method: "GET", path: "/api/v2/files", query: "archive_status=all&filter_by=-created_by_id&page=2&size=5&sort=-created", resp: page(fileJSON),
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.ListFiles(ctx, &ListFilesParams{PageOptions: PageOptions{Page: 2, Size: 5}, Sort: Ptr("-created"),
					FilterBy: Ptr(enums.FilterByShared), ArchiveStatus: Ptr(enums.ArchiveStatusAll)})
			},
			check: func(t *testing.T, out any) { assert.Equal(t, "f1", out.(*Page[types.File]).Items[0].ID) }},
		{name: "archive_file", method: "DELETE", path: "/api/v2/files/f1", body: `{"reason":"old"}`, resp: fileJSON,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.ArchiveFile(ctx, "f1", Ptr("old")) },
			check: func(t *testing.T, out any) { assert.Equal(t, "f1", out.(*types.File).ID) }},
		{name: "restore_file", method: "POST", path: "/api/v2/files/f1:restore", resp: fileJSON,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.RestoreFile(ctx, "f1", nil) },
			check: func(t *testing.T, out any) { assert.Equal(t, "f1", out.(*types.File).ID) }},
		{name: "get_revision", method: "GET", path: "/api/v2/revisions/r1", resp: revisionJSON,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.GetRevision(ctx, "r1") },
			check: func(t *testing.T, out any) { assert.Equal(t, "f1", *out.(*types.FileRevision).FileID) }},
		{name: "archive_file_revision", method: "DELETE", path: "/api/v2/revisions/r1", body: `{"reason":"x"}`, resp: revisionJSON,
			call: func(ctx context.Context, c *Client) (any, error) { return c.ArchiveFileRevision(ctx, "r1", Ptr("x")) },
			check: func(t *testing.T, out any) {
				assert.Equal(t, enums.ArchiveStatusNameArchived, out.(*types.FileRevision).ArchiveStatus().Name)
			}},
		{name: "restore_file_revision", method: "POST", path: "/api/v2/revisions/r1:restore", resp: revisionJSON,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.RestoreFileRevision(ctx, "r1", nil) },
			check: func(t *testing.T, out any) { assert.Equal(t, "r1", out.(*types.FileRevision).ID) }},
		{name: "create_model", method: "POST", path: "/api/v2/models", body: wireRevisionJSON, resp: modelJSON,
			call: func(ctx context.Context, c *Client) (any, error) { return c.createModel(ctx, wireRevision) },
			check: func(t *testing.T, out any) {
				m := out.(*types.Model)
				assert.Equal(t, "m1", m.ID)
				assert.Equal(t, "a1", m.Artifacts[0].ID)
			}},
		{name: "update_model", method: "PUT", path: "/api/v2/models/m1", body: wireRevisionJSON, resp: modelJSON,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.updateModel(ctx, "m1", wireRevision) },
			check: func(t *testing.T, out any) { assert.Equal(t, "m1", out.(*types.Model).ID) }},
		{name: "get_model", method: "GET", path: "/api/v2/models/m1", resp: modelJSON,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.GetModel(ctx, "m1") },
			check: func(t *testing.T, out any) { assert.Equal(t, "u1", out.(*types.Model).CreatedByID) }},
		{name: "list_models", method: "GET", path: "/api/v2/models", query: "filter_by=created_by_id&page=1&sort=name",
			resp: page(`{"id":"m1","created_by_id":"u1","archive_status":"Active","file":{"id":"f1","revisions":[{"id":"r1","name":"x.csv"}]}}`),
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.ListModels(ctx, &ListModelsParams{PageOptions: PageOptions{Page: 1}, FilterBy: Ptr(enums.FilterByOwned), Sort: Ptr("name")})
			},
			check: func(t *testing.T, out any) {
				item := out.(*Page[types.ModelListItem]).Items[0]
				assert.Equal(t, "m1", item.ID)
				assert.Equal(t, "Active", item.ArchiveStatus)
				assert.Equal(t, "x.csv", item.File.Name())
			}},
		{name: "archive_model", method: "DELETE", path: "/api/v2/models/m1", resp: modelJSON,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.ArchiveModel(ctx, "m1", nil) },
			check: func(t *testing.T, out any) { assert.Equal(t, "m1", out.(*types.Model).ID) }},
		{name: "restore_model", method: "POST", path: "/api/v2/models/m1:restore", body: `{"reason":"back"}`, resp: modelJSON,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.RestoreModel(ctx, "m1", Ptr("back")) },
			check: func(t *testing.T, out any) { assert.Equal(t, "m1", out.(*types.Model).ID) }},
		{name: "create_artifact", method: "POST", path: "/api/v2/models/m1/artifacts", body: wireRevisionJSON, resp: artifactJSON,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.createArtifact(ctx, "m1", wireRevision) },
			check: func(t *testing.T, out any) { assert.Equal(t, "m1", *out.(*types.Artifact).ModelID) }},
		{name: "create_artifacts_bulk", method: "POST", path: "/api/v2/models/m1/artifacts_bulk", body: "[" + wireRevisionJSON + "]", resp: "[" + artifactJSON + "]",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.createArtifactsBulk(ctx, "m1", []types.FileRevision{*wireRevision})
			},
			check: func(t *testing.T, out any) { assert.Equal(t, "a1", out.([]types.Artifact)[0].ID) }},
		{name: "update_artifact", method: "PUT", path: "/api/v2/artifacts/a1", body: wireRevisionJSON, resp: artifactJSON,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.updateArtifact(ctx, "a1", wireRevision) },
			check: func(t *testing.T, out any) { assert.Equal(t, "a1", out.(*types.Artifact).ID) }},
		{name: "get_artifact", method: "GET", path: "/api/v2/artifacts/a1", resp: artifactJSON,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.GetArtifact(ctx, "a1") },
			check: func(t *testing.T, out any) { assert.Equal(t, "a1", out.(*types.Artifact).ID) }},
		{name: "list_artifacts", method: "GET", path: "/api/v2/artifacts", query: "archive_status=archived", resp: page(artifactJSON),
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.ListArtifacts(ctx, &ListArtifactsParams{ArchiveStatus: Ptr(enums.ArchiveStatusArchived)})
			},
			check: func(t *testing.T, out any) { assert.Equal(t, 1, *out.(*Page[types.Artifact]).Total) }},
		{name: "list_model_artifacts", method: "GET", path: "/api/v2/models/m1/artifacts", query: "size=3", resp: page(artifactJSON),
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.ListModelArtifacts(ctx, "m1", &ListArtifactsParams{PageOptions: PageOptions{Size: 3}})
			},
			check: func(t *testing.T, out any) { assert.Equal(t, "a1", out.(*Page[types.Artifact]).Items[0].ID) }},
		{name: "archive_artifact", method: "DELETE", path: "/api/v2/artifacts/a1", resp: artifactJSON,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.ArchiveArtifact(ctx, "a1", nil) },
			check: func(t *testing.T, out any) { assert.Equal(t, "a1", out.(*types.Artifact).ID) }},
		{name: "restore_artifact", method: "POST", path: "/api/v2/artifacts/a1:restore", resp: artifactJSON,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.RestoreArtifact(ctx, "a1", nil) },
			check: func(t *testing.T, out any) { assert.Equal(t, "a1", out.(*types.Artifact).ID) }},
		{name: "create_comment", method: "POST", path: "/api/v2/comments", query: "resource_id=m1", body: wireRevisionJSON, resp: commentJSON,
			call: func(ctx context.Context, c *Client) (any, error) { return c.createComment(ctx, "m1", wireRevision) },
			check: func(t *testing.T, out any) {
				cm := out.(*types.Comment)
				assert.Equal(t, "m1", *cm.ResourceID)
				assert.Equal(t, "c2", cm.Comments[0].ID)
			}},
		{name: "update_comment", method: "PUT", path: "/api/v2/comments/c1", body: wireRevisionJSON, resp: commentJSON,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.updateComment(ctx, "c1", wireRevision) },
			check: func(t *testing.T, out any) { assert.Equal(t, "c1", out.(*types.Comment).ID) }},
		{name: "get_comment", method: "GET", path: "/api/v2/comments/c1", resp: commentJSON,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.GetComment(ctx, "c1") },
			check: func(t *testing.T, out any) { assert.Equal(t, "model", *out.(*types.Comment).ResourceType) }},
		{name: "list_model_comments", method: "GET", path: "/api/v2/models/m1/comments", query: "archive_status=active&sort=-created", resp: page(commentJSON),
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.ListModelComments(ctx, "m1", &ListCommentsParams{Sort: Ptr("-created"), ArchiveStatus: Ptr(enums.ArchiveStatusActive)})
			},
			check: func(t *testing.T, out any) { assert.Equal(t, "c1", out.(*Page[types.Comment]).Items[0].ID) }},
		{name: "list_artifact_comments", method: "GET", path: "/api/v2/artifacts/a1/comments", resp: page(commentJSON),
			call:  func(ctx context.Context, c *Client) (any, error) { return c.ListArtifactComments(ctx, "a1", nil) },
			check: func(t *testing.T, out any) { assert.Len(t, out.(*Page[types.Comment]).Items, 1) }},
		{name: "archive_comment", method: "DELETE", path: "/api/v2/comments/c1", body: `{"reason":"spam"}`, resp: commentJSON,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.ArchiveComment(ctx, "c1", Ptr("spam")) },
			check: func(t *testing.T, out any) { assert.Equal(t, "c1", out.(*types.Comment).ID) }},
		{name: "restore_comment", method: "POST", path: "/api/v2/comments/c1:restore", resp: commentJSON,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.RestoreComment(ctx, "c1", nil) },
			check: func(t *testing.T, out any) { assert.Equal(t, "c1", out.(*types.Comment).ID) }},
		{name: "get_resource model", method: "GET", path: "/api/v2/resources/model/m1", resp: modelJSON,
			call:  func(ctx context.Context, c *Client) (any, error) { return c.GetResource(ctx, "model", "m1") },
			check: func(t *testing.T, out any) { assert.Equal(t, "m1", out.(*types.Model).ID) }},
		{name: "get_resource other", method: "GET", path: "/api/v2/resources/job/j1", resp: `{"id":"j1"}`,
			call: func(ctx context.Context, c *Client) (any, error) { return c.GetResource(ctx, "job", "j1") },
			check: func(t *testing.T, out any) {
				raw := out.(*types.RawResource)
				assert.Equal(t, "job", raw.Type)
				assert.JSONEq(t, `{"id":"j1"}`, string(raw.Raw))
			}},
		{name: "list_resources", method: "GET", path: "/api/v2/resources", query: "filter_by=created_by_id", resp: page(`{"id":"m1","resource_type":"model"}`),
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.ListResources(ctx, &ListResourcesParams{FilterBy: Ptr(enums.FilterByOwned)})
			},
			check: func(t *testing.T, out any) {
				v, _, _ := types.ExtraValue[string](out.(*Page[types.ResourceSearchItem]).Items[0].Extra, "resource_type")
				assert.Equal(t, "model", v)
			}},
		{name: "search_resources", method: "POST", path: "/api/v2/resources/search", body: `{"search_term":"wing spar","page":1,"size":20}`, resp: page(`{"id":"m1"}`),
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.SearchResources(ctx, &SearchResourcesParams{SearchTerm: "wing spar", PageOptions: PageOptions{Page: 1, Size: 20}})
			},
			check: func(t *testing.T, out any) {
				assert.Equal(t, "m1", out.(*Page[types.CustomizedResourceSearchItem]).Items[0].ID)
			}},
		{name: "generate_upload_url", method: "GET", path: "/api/v2/tokens/abc/upload-url", resp: `{"url":"https://s3.example/x?sig=1"}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.GenerateUploadURL(ctx, &types.UploadURLRequest{SHA: "abc", Salt: "s"})
			},
			check: func(t *testing.T, out any) {
				assert.Equal(t, "https://s3.example/x?sig=1", out.(*types.PresignedURL).URL)
			}},
		{name: "generate_download_url", method: "GET", path: "/api/v2/tokens/abc/download-url", resp: `{"url":"https://s3.example/y"}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.GenerateDownloadURL(ctx, &types.UploadURLRequest{SHA: "abc", Salt: "s"})
			},
			check: func(t *testing.T, out any) { assert.Equal(t, "https://s3.example/y", out.(*types.PresignedURL).URL) }},
		{name: "generate_upload_urls_bulk", method: "POST", path: "/api/v2/tokens/upload-urls_bulk",
			body: `["a","b"]`, resp: `[{"url":"u1"},{"url":"u2"}]`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.GenerateUploadURLsBulk(ctx, []types.UploadURLRequest{{SHA: "a", Salt: "1"}, {SHA: "b", Salt: "2"}})
			},
			check: func(t *testing.T, out any) { assert.Equal(t, "u2", out.([]types.PresignedURL)[1].URL) }},
		{name: "create_multipart_upload", method: "POST", path: "/api/v2/tokens/multipart-upload",
			body: `{"sha":"a","num_parts":2,"model_id":null}`,
			resp: `{"upload_id":"up1","upload_urls":{"1":{"url":"p1","expires":"2026-12-03T23:00:00Z"},"2":{"url":"p2"}}}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.createMultipartUpload(ctx, &types.NewMultipartUpload{SHA: "a", NumParts: 2})
			},
			check: func(t *testing.T, out any) {
				up := out.(*types.MultipartUpload)
				assert.Equal(t, "up1", up.UploadID)
				assert.Equal(t, "p2", up.UploadURLs["2"].URL)
				assert.Equal(t, "2026-12-03T23:00:00Z", *up.UploadURLs["1"].Expires)
			}},
		{name: "finalize_multipart_upload complete", method: "PUT", path: "/api/v2/tokens/multipart-upload",
			body: `{"action":"complete","sha":"a","upload_id":"up1","completed_parts":[{"ETag":"e1","PartNumber":1}]}`, resp: `{}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return nil, c.finalizeMultipartUpload(ctx, &types.FinalizeMultipartUpload{Action: types.MultipartComplete, SHA: "a",
					UploadID: "up1", CompletedParts: []types.CompletedPart{{ETag: "e1", PartNumber: 1}}})
			},
			check: func(t *testing.T, out any) {}},
		{name: "finalize_multipart_upload cancel", method: "PUT", path: "/api/v2/tokens/multipart-upload",
			body: `{"action":"cancel","sha":"a","upload_id":"up1","completed_parts":null}`, resp: `{}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return nil, c.finalizeMultipartUpload(ctx, &types.FinalizeMultipartUpload{Action: types.MultipartCancel, SHA: "a", UploadID: "up1"})
			},
			check: func(t *testing.T, out any) {}},
		{name: "generic archive job", method: "DELETE", path: "/api/v2/jobs/j1", body: `{"reason":"done"}`, resp: `{"id":"j1"}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return nil, c.Archive(ctx, &types.Job{ID: "j1"}, Ptr("done"))
			},
			check: func(t *testing.T, out any) {}},
		{name: "generic restore system", method: "POST", path: "/api/v2/systems/s1:restore", resp: `{"id":"s1"}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return nil, c.Restore(ctx, &types.System{ID: "s1"}, nil)
			},
			check: func(t *testing.T, out any) {}},
		{name: "generic archive file revision", method: "DELETE", path: "/api/v2/revisions/r1", resp: revisionJSON,
			call: func(ctx context.Context, c *Client) (any, error) {
				return nil, c.Archive(ctx, &types.FileRevision{ID: "r1"}, nil)
			},
			check: func(t *testing.T, out any) {}},
	}
	runWireCases(t, cases)
}

func TestFilesWireLocalValidation(t *testing.T) {
	c, mt := mockClient(t)
	ctx := context.Background()
	var ve *ValidationError
	_, err := c.SearchResources(ctx, &SearchResourcesParams{})
	require.ErrorAs(t, err, &ve)
	_, err = c.SearchResources(ctx, nil)
	require.ErrorAs(t, err, &ve)
	_, err = c.ListModels(ctx, &ListModelsParams{PageOptions: PageOptions{Size: 101}})
	require.ErrorAs(t, err, &ve)
	_, err = c.GenerateUploadURLsBulk(ctx, make([]types.UploadURLRequest, 11))
	require.ErrorAs(t, err, &ve)
	_, err = c.GenerateUploadURL(ctx, &types.UploadURLRequest{})
	require.ErrorAs(t, err, &ve)
	_, err = c.GetModel(ctx, "")
	require.ErrorAs(t, err, &ve)
	err = c.Archive(ctx, fakeArchivable{}, nil)
	require.ErrorAs(t, err, &ve)
	_, err = c.UpdateFileProperties(ctx, &types.File{ID: "f"}, types.RevisionMeta{})
	require.ErrorAs(t, err, &ve)
	_, err = c.UpdateRevisionContentFromReader(ctx, "x.txt", strings.NewReader("x"), "", nil)
	require.ErrorAs(t, err, &ve)
	_, err = c.AddModelFromReader(ctx, "", strings.NewReader("x"), nil)
	require.ErrorAs(t, err, &ve)
	_, err = c.AddModelFromReader(ctx, "x.txt", strings.NewReader("x"), &UploadOptions{Sources: []types.NewSource{{}}})
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "sources[0].revision_id", ve.Field)
	assert.Zero(t, mt.GetTotalCallCount())
}

type fakeArchivable struct{}

func (fakeArchivable) ArchiveKind() string { return "spaceship" }
func (fakeArchivable) GetID() string       { return "x" }

// TestClientBuiltRevisionBody checks the §3.3 body of a composite upload and that presigned transfers carry no
// Authorization header, over httpmock.
func TestClientBuiltRevisionBody(t *testing.T) {
	c, mt := mockClient(t, noCache)
	var puts int
	var created map[string]any
	mt.RegisterResponder("GET", `=~^`+testBase+`/api/v2/tokens/[0-9a-f]{96}/upload-url$`, func(r *http.Request) (*http.Response, error) {
		return httpmock.NewStringResponse(200, `{"url":"https://bucket.example.test/o?X-Sig=secret"}`), nil
	})
	mt.RegisterResponder("PUT", "https://bucket.example.test/o", func(r *http.Request) (*http.Response, error) {
		puts++
		assert.Empty(t, r.Header.Get("Authorization"))
		assert.Equal(t, "X-Sig=secret", r.URL.RawQuery)
		return httpmock.NewStringResponse(200, ""), nil
	})
	mt.RegisterResponder("POST", testBase+"/api/v2/models", func(r *http.Request) (*http.Response, error) {
		require.NoError(t, json.Unmarshal([]byte(readAll(r)), &created))
		return httpmock.NewStringResponse(201, modelJSON), nil
	})
	_, err := c.AddModelFromReader(context.Background(), "Wing.CSV", strings.NewReader("a,b\n"), &UploadOptions{
		DisplayName: Ptr("Wing"), Sources: []types.NewSource{{RevisionID: "r0", RelationshipIdentifier: Ptr("extracted_from")}},
	})
	require.NoError(t, err)
	assert.Equal(t, 2, puts, "content and properties blob")
	require.NotNil(t, created)
	assert.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, created["id"])
	assert.Contains(t, created, "file_id")
	assert.Nil(t, created["file_id"])
	assert.Equal(t, "Wing.CSV", created["name"])
	assert.Equal(t, "csv", created["extension"])
	assert.EqualValues(t, 4, created["size"])
	assert.Contains(t, created["mime"], "text/csv")
	assert.Equal(t, "Wing", created["display_name"])
	assert.NotContains(t, created, "description")
	assert.NotContains(t, created, "products")
	assert.Equal(t, []any{map[string]any{"revision_id": "r0", "relationship_identifier": "extracted_from"}}, created["sources"])
	ct := created["content_token"].(map[string]any)
	assert.Len(t, ct["sha"], 96)
	assert.Len(t, ct["salt"], 32)
	sha, _, _ := types.ComputeSHA(strings.NewReader("a,b\n"), ct["salt"].(string))
	assert.Equal(t, sha, ct["sha"])
	hist := created["archive_status_history"].([]any)
	require.Len(t, hist, 1)
	entry := hist[0].(map[string]any)
	assert.Equal(t, "Active", entry["name"])
	assert.Equal(t, "Initial", entry["reason"])
	assert.Equal(t, created["id"], entry["file_revision_id"])
	created0, err := types.ParseTimestamp(created["created"].(string))
	require.NoError(t, err)
	assert.Equal(t, time.UTC, created0.Location())
	assert.WithinDuration(t, time.Now(), created0.Time, time.Minute)
}
