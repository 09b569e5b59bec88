package istari

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/types"
)

// sysWireCase is one operation on the wire: the call, what must be sent, what comes back, and checks on the
// decoded result.
type sysWireCase struct {
	name   string
	method string
	path   string // escaped, after the base URL
	query  string // exact raw query
	body   string // expected JSON body; "" = no body at all
	status int    // response status (0 = 200)
	resp   string // response body
	call   func(c *Client) (any, error)
	check  func(t *testing.T, out any)
}

// sysSeen is what the mock registry received.
type sysSeen struct {
	method, rawQuery, body, accept, ctype string
	length                                int64
}

func runSysWireCases(t *testing.T, cases []sysWireCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, mt := mockClient(t)
			var got sysSeen
			calls := 0
			mt.RegisterResponder(tc.method, testBase+tc.path, func(r *http.Request) (*http.Response, error) {
				calls++
				got = sysSeen{method: r.Method, rawQuery: r.URL.RawQuery, body: readAll(r), accept: r.Header.Get("Accept"),
					ctype: r.Header.Get("Content-Type"), length: r.ContentLength}
				status := tc.status
				if status == 0 {
					status = http.StatusOK
				}
				resp := httpmock.NewStringResponse(status, tc.resp)
				resp.Header.Set("Content-Type", "application/json")
				return resp, nil
			})
			out, err := tc.call(c)
			require.NoError(t, err)
			require.Equal(t, 1, calls, "exactly one request to %s %s (calls: %v)", tc.method, tc.path, mt.GetCallCountInfo())
			assert.Equal(t, tc.method, got.method)
			assert.Equal(t, tc.query, got.rawQuery)
			if tc.body == "" {
				assert.Empty(t, got.body)
				assert.Empty(t, got.ctype)
			} else {
				assert.JSONEq(t, tc.body, got.body)
				assert.Equal(t, "application/json", got.ctype)
			}
			if tc.check != nil {
				tc.check(t, out)
			}
		})
	}
}

const (
	wireSystem = `{"id":"s/1","created":"2026-04-01T12:00:00Z","created_by_id":"u1","name":"Aircraft","description":"d",
		"archive_status":"Active","baseline_tagged_snapshot_id":"snap-9"}`
	wireConfig   = `{"id":"c/1","created":"2026-04-01T12:00:00Z","created_by_id":"u1","system_id":"s/1","name":"v1","sha":"abc","archive_status":"ARCHIVED"}`
	wireSnapshot = `{"id":"snap/1","created":"2026-04-01T12:00:00Z","configuration_id":"c/1","sha":"f00","created_by_id":"u1"}`
	wireTag      = `{"id":"t/1","tag":"baseline","snapshot_id":"snap/1","is_baseline":true,"created":"2026-04-01T12:00:00Z","archive_status":"ACTIVE","note":"x"}`
)

func sysPage1(items string) string {
	return `{"items":[` + items + `],"total":1,"page":1,"size":10,"pages":1}`
}

func TestSystemsOnTheWire(t *testing.T) {
	ctx := context.Background()
	runSysWireCases(t, []sysWireCase{
		{name: "create_system", method: "POST", path: "/api/v2/systems", body: `{"name":"Aircraft","description":""}`, resp: wireSystem,
			call: func(c *Client) (any, error) { return c.CreateSystem(ctx, &types.NewSystem{Name: "Aircraft"}) },
			check: func(t *testing.T, out any) {
				s := out.(*types.System)
				assert.Equal(t, "s/1", s.ID)
				assert.Equal(t, "snap-9", *s.BaselineTaggedSnapshotID)
				assert.False(t, s.IsArchived())
			}},
		{name: "get_system", method: "GET", path: "/api/v2/systems/s%2F1", resp: wireSystem,
			call:  func(c *Client) (any, error) { return c.GetSystem(ctx, "s/1") },
			check: func(t *testing.T, out any) { assert.Equal(t, "Aircraft", out.(*types.System).Name) }},
		{name: "list_systems", method: "GET", path: "/api/v2/systems",
			query: "archive_status=all&filter_by=-created_by_id&page=2&size=5&sort=-created", resp: sysPage1(wireSystem),
			call: func(c *Client) (any, error) {
				return c.ListSystems(ctx, &ListSystemsParams{PageOptions: PageOptions{Page: 2, Size: 5}, FilterBy: Ptr(enums.FilterByShared),
					ArchiveStatus: Ptr(enums.ArchiveStatusAll), Sort: Ptr("-created")})
			},
			check: func(t *testing.T, out any) { assert.Equal(t, "s/1", out.(*Page[types.System]).Items[0].ID) }},
		{name: "list_systems no filters", method: "GET", path: "/api/v2/systems", resp: `[` + wireSystem + `]`,
			call:  func(c *Client) (any, error) { return c.ListSystems(ctx, nil) },
			check: func(t *testing.T, out any) { assert.Len(t, out.(*Page[types.System]).Items, 1) }},
		{name: "update_system both", method: "PUT", path: "/api/v2/systems/s%2F1", body: `{"name":"N","description":"D"}`, resp: wireSystem,
			call: func(c *Client) (any, error) { return c.UpdateSystem(ctx, "s/1", Ptr("N"), Ptr("D")) }},
		{name: "archive_system with reason", method: "DELETE", path: "/api/v2/systems/s%2F1", body: `{"reason":"old"}`, resp: wireSystem,
			call: func(c *Client) (any, error) { return c.ArchiveSystem(ctx, "s/1", Ptr("old")) }},
		{name: "archive_system no reason", method: "DELETE", path: "/api/v2/systems/s%2F1", resp: wireSystem,
			call: func(c *Client) (any, error) { return c.ArchiveSystem(ctx, "s/1", nil) }},
		{name: "restore_system", method: "POST", path: "/api/v2/systems/s%2F1:restore", resp: wireSystem,
			call: func(c *Client) (any, error) { return c.RestoreSystem(ctx, "s/1", nil) }},
		{name: "get_system_baseline", method: "GET", path: "/api/v2/systems/s%2F1/baseline",
			resp: `{"id":"b1","created":"2026-04-01T12:00:00Z","system_id":"s/1","tag_id":"t/1","snapshot_id":"snap/1"}`,
			call: func(c *Client) (any, error) { return c.GetSystemBaseline(ctx, "s/1") },
			check: func(t *testing.T, out any) {
				b := out.(*types.SystemBaseline)
				assert.Equal(t, types.SystemBaseline{ID: "b1", Created: b.Created, SystemID: "s/1", TagID: "t/1", SnapshotID: "snap/1"}, *b)
				assert.Equal(t, 2026, b.Created.Year())
			}},
	})
}

func TestUpdateSystemFillsTheMissingField(t *testing.T) {
	c, mt := mockClient(t)
	mt.RegisterResponder("GET", testBase+"/api/v2/systems/s%2F1", httpmock.NewStringResponder(200, wireSystem))
	var body string
	mt.RegisterResponder("PUT", testBase+"/api/v2/systems/s%2F1", func(r *http.Request) (*http.Response, error) {
		body = readAll(r)
		return httpmock.NewStringResponse(200, wireSystem), nil
	})
	_, err := c.UpdateSystem(context.Background(), "s/1", nil, Ptr("new description"))
	require.NoError(t, err)
	assert.JSONEq(t, `{"name":"Aircraft","description":"new description"}`, body)
	assert.Equal(t, 2, mt.GetTotalCallCount())

	// Both nil: nothing to update, refused locally.
	mt.ZeroCallCounters()
	_, err = c.UpdateSystem(context.Background(), "s/1", nil, nil)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Zero(t, mt.GetTotalCallCount())
}

func TestConfigurationsOnTheWire(t *testing.T) {
	ctx := context.Background()
	runSysWireCases(t, []sysWireCase{
		{name: "create_configuration", method: "POST", path: "/api/v2/systems/s%2F1/configurations",
			body: `{"name":"v1","tracked_files":[{"specifier_type":"Latest","file_id":"f1"},{"specifier_type":"Locked","file_id":"f2","pinned_file_revision_id":"r2"}],
				"tracked_systems":[{"system_id":"s2","tag_id":"t9"}]}`,
			resp: wireConfig,
			call: func(c *Client) (any, error) {
				return c.CreateConfiguration(ctx, "s/1", &types.NewSystemConfiguration{Name: "v1", TrackedFiles: []types.NewTrackedFile{
					{SpecifierType: enums.TrackedFileSpecifierTypeLatest, FileID: "f1"},
					{SpecifierType: enums.TrackedFileSpecifierTypeLocked, FileID: "f2", PinnedFileRevisionID: Ptr("r2")},
				}, TrackedSystems: []types.NewTrackedSystem{{SystemID: "s2", TagID: Ptr("t9")}}})
			},
			check: func(t *testing.T, out any) {
				cfg := out.(*types.SystemConfiguration)
				assert.Equal(t, "c/1", cfg.ID)
				assert.Equal(t, "s/1", cfg.SystemID)
				assert.True(t, cfg.IsArchived())
			}},
		{name: "create_configuration empty tracked files is sent", method: "POST", path: "/api/v2/systems/s1/configurations",
			body: `{"name":"v1","tracked_files":[]}`, resp: wireConfig,
			call: func(c *Client) (any, error) {
				return c.CreateConfiguration(ctx, "s1", &types.NewSystemConfiguration{Name: "v1", TrackedFiles: []types.NewTrackedFile{}})
			}},
		{name: "list_system_configurations", method: "GET", path: "/api/v2/systems/s%2F1/configurations",
			query: "archive_status=archived&page=1&size=100&sort=name", resp: sysPage1(wireConfig),
			call: func(c *Client) (any, error) {
				return c.ListSystemConfigurations(ctx, "s/1", &ListSystemConfigurationsParams{PageOptions: PageOptions{Page: 1, Size: 100},
					ArchiveStatus: Ptr(enums.ArchiveStatusArchived), Sort: Ptr("name")})
			},
			check: func(t *testing.T, out any) {
				assert.Equal(t, "abc", out.(*Page[types.SystemConfiguration]).Items[0].SHA)
			}},
		{name: "archive_configuration", method: "DELETE", path: "/api/v2/systems/configurations/c%2F1", body: `{"reason":"r"}`, resp: wireConfig,
			call: func(c *Client) (any, error) { return c.ArchiveConfiguration(ctx, "c/1", Ptr("r")) }},
		{name: "restore_configuration", method: "POST", path: "/api/v2/systems/configurations/c%2F1:restore", resp: wireConfig,
			call: func(c *Client) (any, error) { return c.RestoreConfiguration(ctx, "c/1", nil) }},
		{name: "list_tracked_files", method: "GET", path: "/api/v2/systems/configurations/c%2F1/tracked-files", query: "size=3&sort=-created",
			resp: sysPage1(`{"specifier_type":"Locked","file_id":"f2","pinned_file_revision_id":"r2","current_file_revision_id":"r2","resource_id":"m2","path":"a/b"}`),
			call: func(c *Client) (any, error) {
				return c.ListTrackedFiles(ctx, "c/1", &ListTrackedFilesParams{PageOptions: PageOptions{Size: 3}, Sort: Ptr("-created")})
			},
			check: func(t *testing.T, out any) {
				tf := out.(*Page[types.TrackedFile]).Items[0]
				assert.Equal(t, enums.TrackedFileSpecifierTypeLocked, tf.SpecifierType)
				assert.Equal(t, "r2", *tf.PinnedFileRevisionID)
				assert.Equal(t, "m2", *tf.ResourceID)
			}},
		{name: "list_configuration_subsystems", method: "GET", path: "/api/v2/systems/configurations/c%2F1/subsystems", query: "page=3",
			resp: sysPage1(`{"id":"s2","tag_id":"t9"}`),
			call: func(c *Client) (any, error) {
				return c.ListConfigurationSubsystems(ctx, "c/1", &ListConfigurationSubsystemsParams{PageOptions{Page: 3}})
			},
			check: func(t *testing.T, out any) {
				s := out.(*Page[types.Subsystem]).Items[0]
				assert.Equal(t, "s2", s.ID)
				assert.Equal(t, "t9", *s.TagID)
			}},
		{name: "list_configuration_revisions", method: "GET", path: "/api/v2/systems/configurations/c%2F1/revisions", query: "sort=name",
			resp: sysPage1(`{"revision_id":"r1","file_id":"f1","content_token":{"id":"k","created":"2026-04-01T12:00:00Z","sha":"aa","salt":"bb"},
				"properties_token":{"id":"p","created":"2026-04-01T12:00:00Z","sha":"cc","salt":"dd"},"created":"2026-04-01T12:00:00Z","resource_type":"Model","path":"x"}`),
			call: func(c *Client) (any, error) {
				return c.ListConfigurationRevisions(ctx, "c/1", &ListConfigurationRevisionsParams{Sort: Ptr("name")})
			},
			check: func(t *testing.T, out any) {
				it := out.(*Page[types.ConfigurationRevisionSearchItem]).Items[0]
				assert.Equal(t, "r1", it.RevisionID)
				assert.Equal(t, "aa", it.ContentToken().SHA)
				assert.Equal(t, "Model", *it.ResourceType)
				assert.JSONEq(t, `"x"`, string(it.Extra["path"]))
			}},
	})
}

func TestSnapshotsOnTheWire(t *testing.T) {
	ctx := context.Background()
	runSysWireCases(t, []sysWireCase{
		{name: "create_snapshot nil body sends {}", method: "POST", path: "/api/v2/systems/configurations/c%2F1/snapshots", body: `{}`, status: 201, resp: wireSnapshot,
			call: func(c *Client) (any, error) { return c.CreateSnapshot(ctx, "c/1", nil) },
			check: func(t *testing.T, out any) {
				r := out.(*types.CreateSnapshotResult)
				require.Equal(t, types.SnapshotResultKindSnapshot, r.Kind())
				assert.Equal(t, "snap/1", r.Snapshot.ID)
				assert.Equal(t, "f00", r.Snapshot.SHA)
			}},
		{name: "create_snapshot no-op", method: "POST", path: "/api/v2/systems/configurations/c1/snapshots", body: `{}`,
			resp: `{"status":"no_op","message":"No changes since last snapshot"}`,
			call: func(c *Client) (any, error) { return c.CreateSnapshot(ctx, "c1", &types.NewSnapshot{}) },
			check: func(t *testing.T, out any) {
				r := out.(*types.CreateSnapshotResult)
				require.Equal(t, types.SnapshotResultKindNoOp, r.Kind())
				assert.Equal(t, "No changes since last snapshot", r.NoOp.Message)
			}},
		{name: "create_snapshot dry run", method: "POST", path: "/api/v2/systems/configurations/c1/snapshots", body: `{"dry_run":true}`,
			resp: `{"dry_run":true,"configuration_id":"c1","sha":"s","items":[{"file_revision_id":"r1"}]}`,
			call: func(c *Client) (any, error) {
				return c.CreateSnapshot(ctx, "c1", &types.NewSnapshot{DryRun: Ptr(true)})
			},
			check: func(t *testing.T, out any) {
				r := out.(*types.CreateSnapshotResult)
				require.Equal(t, types.SnapshotResultKindDryRun, r.Kind(), "a dry run is never taken for a snapshot, even with configuration_id and sha")
				assert.Contains(t, string(r.DryRun.Extra["items"]), "r1")
			}},
		{name: "get_snapshot", method: "GET", path: "/api/v2/systems/configurations/snapshots/snap%2F1", resp: wireSnapshot,
			call:  func(c *Client) (any, error) { return c.GetSnapshot(ctx, "snap/1") },
			check: func(t *testing.T, out any) { assert.Equal(t, "c/1", out.(*types.Snapshot).ConfigurationID) }},
		{name: "list_snapshots", method: "GET", path: "/api/v2/systems/configurations/snapshots",
			query: "configuration_id=c%2F1&size=1&sort=-created&system_id=s1&tag=release+1", resp: sysPage1(wireSnapshot),
			call: func(c *Client) (any, error) {
				return c.ListSnapshots(ctx, &ListSnapshotsParams{PageOptions: PageOptions{Size: 1}, SystemID: Ptr("s1"),
					ConfigurationID: Ptr("c/1"), Tag: Ptr("release 1"), Sort: Ptr("-created")})
			},
			check: func(t *testing.T, out any) { assert.Equal(t, "snap/1", out.(*Page[types.Snapshot]).Items[0].ID) }},
		{name: "list_snapshot_items", method: "GET", path: "/api/v2/systems/configurations/snapshots/snap%2F1/snapshot-items", query: "page=1&sort=created",
			resp: sysPage1(`{"id":"i1","created":"2026-04-01T12:00:00Z","file_revision_id":"r1","file_id":"f1"}`),
			call: func(c *Client) (any, error) {
				return c.ListSnapshotItems(ctx, "snap/1", &ListSnapshotItemsParams{PageOptions: PageOptions{Page: 1}, Sort: Ptr("created")})
			},
			check: func(t *testing.T, out any) {
				it := out.(*Page[types.SnapshotItem]).Items[0]
				assert.Equal(t, "r1", it.FileRevisionID)
				assert.JSONEq(t, `"f1"`, string(it.Extra["file_id"]))
			}},
		{name: "list_snapshot_revisions", method: "GET", path: "/api/v2/systems/configurations/snapshots/snap%2F1/revisions",
			query: "extension=.json&extension=.csv&name=wing.json&sort=name",
			resp: sysPage1(`{"revision_id":"r1","file_id":null,"content_token":{"id":"k","created":"2026-04-01T12:00:00Z","sha":"aa","salt":"bb"},
				"properties_token":{"id":"p","created":"2026-04-01T12:00:00Z","sha":"cc","salt":"dd"},"created":"2026-04-01T12:00:00Z",
				"name":"wing.json","extension":"json","size":12,"resource_type":"Model","resource_id":"m1"}`),
			call: func(c *Client) (any, error) {
				return c.ListSnapshotRevisions(ctx, "snap/1", &ListSnapshotRevisionsParams{Name: []string{"wing.json"},
					Extension: []string{".json", ".csv"}, Sort: Ptr("name")})
			},
			check: func(t *testing.T, out any) {
				it := out.(*Page[types.SnapshotRevisionSearchItem]).Items[0]
				assert.Nil(t, it.FileID)
				assert.Equal(t, int64(12), *it.Size)
				assert.Equal(t, "Model", *it.ResourceType)
				assert.Equal(t, "dd", it.PropertiesToken().Salt)
			}},
		{name: "list_snapshot_subsystems", method: "GET", path: "/api/v2/systems/configurations/snapshots/snap%2F1/subsystems", query: "size=50",
			resp: sysPage1(`{"system_id":"s2","system_name":"Engine","system_description":"d","tag_id":"t9","tagged_snapshot_id":"snap-2"}`),
			call: func(c *Client) (any, error) {
				return c.ListSnapshotSubsystems(ctx, "snap/1", &ListSnapshotSubsystemsParams{PageOptions{Size: 50}})
			},
			check: func(t *testing.T, out any) {
				it := out.(*Page[types.SnapshotSubsystemItem]).Items[0]
				assert.Equal(t, "Engine", it.SystemName)
				assert.Equal(t, "snap-2", *it.TaggedSnapshotID)
			}},
	})
}

func TestTagsOnTheWire(t *testing.T) {
	ctx := context.Background()
	checkTag := func(t *testing.T, out any) {
		tag := out.(*types.SnapshotTag)
		assert.Equal(t, "t/1", tag.ID)
		assert.True(t, tag.IsBaseline)
		assert.Equal(t, enums.SnapshotTagArchiveStatusActive, tag.ArchiveStatus)
		assert.JSONEq(t, `"x"`, string(tag.Extra["note"]))
	}
	runSysWireCases(t, []sysWireCase{
		{name: "create_tag", method: "POST", path: "/api/v2/systems/configurations/snapshots/snap%2F1/tags", body: `{"tag":"baseline"}`, resp: wireTag,
			call: func(c *Client) (any, error) {
				return c.CreateTag(ctx, "snap/1", &types.NewSnapshotTag{Tag: "baseline"})
			},
			check: checkTag},
		{name: "get_tag", method: "GET", path: "/api/v2/systems/configurations/snapshots/tags/t%2F1", resp: wireTag,
			call: func(c *Client) (any, error) { return c.GetTag(ctx, "t/1") }, check: checkTag},
		{name: "update_tag", method: "PUT", path: "/api/v2/systems/configurations/snapshots/tags/t%2F1", body: `{"snapshot_id":"snap/2"}`, resp: wireTag,
			call:  func(c *Client) (any, error) { return c.UpdateTag(ctx, "t/1", &types.UpdateTag{SnapshotID: "snap/2"}) },
			check: checkTag},
		{name: "archive_tag sends no body", method: "DELETE", path: "/api/v2/systems/configurations/snapshots/tags/t%2F1", resp: wireTag,
			call: func(c *Client) (any, error) { return c.ArchiveTag(ctx, "t/1") }},
		{name: "restore_tag sends no body", method: "POST", path: "/api/v2/systems/configurations/snapshots/tags/t%2F1:restore", resp: wireTag,
			call: func(c *Client) (any, error) { return c.RestoreTag(ctx, "t/1") }},
		{name: "list_tags upper-case status", method: "GET", path: "/api/v2/systems/configurations/snapshots/tags",
			query: "archive_status=ARCHIVED&configuration_id=c1&page=1&size=10&snapshot_id=snap1&sort=tag&system_id=s1", resp: sysPage1(wireTag),
			call: func(c *Client) (any, error) {
				return c.ListTags(ctx, &ListTagsParams{PageOptions: PageOptions{Page: 1, Size: 10}, SystemID: Ptr("s1"), ConfigurationID: Ptr("c1"),
					SnapshotID: Ptr("snap1"), ArchiveStatus: Ptr(enums.SnapshotTagArchiveStatusArchived), Sort: Ptr("tag")})
			},
			check: func(t *testing.T, out any) { checkTag(t, &out.(*Page[types.SnapshotTag]).Items[0]) }},
		{name: "get_tag_history", method: "GET", path: "/api/v2/systems/configurations/snapshots/tags/t%2F1/history",
			resp: `[{"snapshot_id":"snap/2","created":"2026-04-02T00:00:00Z"},{"snapshot_id":"snap/1"}]`,
			call: func(c *Client) (any, error) { return c.GetTagHistory(ctx, "t/1") },
			check: func(t *testing.T, out any) {
				h := out.([]types.SnapshotTagRevision)
				require.Len(t, h, 2)
				assert.Equal(t, "snap/2", h[0].SnapshotID)
				assert.Contains(t, h[0].Extra, "created")
			}},
	})
}

func TestDocumentsOnTheWire(t *testing.T) {
	ctx := context.Background()
	const doc = `{"id":"d/1","name":"Review","content":{"type":"doc","content":[]},"revision_id":"dr1"}`
	checkDoc := func(t *testing.T, out any) {
		d := out.(*types.Document)
		assert.Equal(t, "d/1", d.ID)
		assert.JSONEq(t, `{"type":"doc","content":[]}`, string(d.Extra["content"]))
	}
	runSysWireCases(t, []sysWireCase{
		{name: "create_document", method: "POST", path: "/api/v2/documents",
			body: `{"configuration_id":"c1","name":"Review","content":{"type":"doc","content":[]},"description":"first"}`, status: 201, resp: doc,
			call: func(c *Client) (any, error) {
				content, err := DocumentContent(`{"type":"doc","content":[]}`)
				if err != nil {
					return nil, err
				}
				return c.CreateDocument(ctx, &types.CreateDocumentRequest{ConfigurationID: "c1", Name: "Review", Content: content, Description: Ptr("first")})
			},
			check: checkDoc},
		{name: "create_document without content", method: "POST", path: "/api/v2/documents", body: `{"configuration_id":"c1","name":"Empty"}`, resp: doc,
			call: func(c *Client) (any, error) {
				return c.CreateDocument(ctx, &types.CreateDocumentRequest{ConfigurationID: "c1", Name: "Empty"})
			}},
		{name: "update_document", method: "PUT", path: "/api/v2/documents/d%2F1",
			body: `{"name":"R2","content":{"type":"doc","content":[{"type":"paragraph"}]},"revision_id":"dr1"}`, resp: doc,
			call: func(c *Client) (any, error) {
				return c.UpdateDocument(ctx, "d/1", &types.UpdateDocumentRequest{Name: Ptr("R2"),
					Content: json.RawMessage(`{"type":"doc","content":[{"type":"paragraph"}]}`), RevisionID: Ptr("dr1")})
			},
			check: checkDoc},
		{name: "get_document", method: "GET", path: "/api/v2/documents/d%2F1", resp: doc,
			call: func(c *Client) (any, error) { return c.GetDocument(ctx, "d/1") }, check: checkDoc},
		{name: "get_document_by_revision_id", method: "GET", path: "/api/v2/documents/revisions/dr%2F1", resp: doc,
			call: func(c *Client) (any, error) { return c.GetDocumentByRevisionID(ctx, "dr/1") }, check: checkDoc},
		{name: "list_documents", method: "GET", path: "/api/v2/documents", query: "archive_status=active&filter_by=created_by_id&page=2&sort=name",
			resp: sysPage1(`{"id":"d/1","name":"Review"}`),
			call: func(c *Client) (any, error) {
				return c.ListDocuments(ctx, &ListDocumentsParams{PageOptions: PageOptions{Page: 2}, Sort: Ptr("name"),
					FilterBy: Ptr(enums.FilterByOwned), ArchiveStatus: Ptr(enums.ArchiveStatusActive)})
			},
			check: func(t *testing.T, out any) {
				assert.Equal(t, "Review", out.(*Page[types.DocumentListItem]).Items[0].Name)
			}},
		{name: "list_configuration_documents", method: "GET", path: "/api/v2/configurations/c%2F1/documents", query: "size=20",
			resp: sysPage1(`{"id":"d/1"}`),
			call: func(c *Client) (any, error) {
				return c.ListConfigurationDocuments(ctx, "c/1", &ListConfigurationDocumentsParams{PageOptions{Size: 20}})
			},
			check: func(t *testing.T, out any) { assert.Len(t, out.(*Page[types.DocumentListItem]).Items, 1) }},
		{name: "archive_document", method: "PATCH", path: "/api/v2/documents/d%2F1/archive", body: `{"reason":"done"}`, resp: doc,
			call: func(c *Client) (any, error) { return c.ArchiveDocument(ctx, "d/1", Ptr("done")) }, check: checkDoc},
		{name: "restore_document", method: "PATCH", path: "/api/v2/documents/d%2F1/restore", resp: doc,
			call: func(c *Client) (any, error) { return c.RestoreDocument(ctx, "d/1", nil) }, check: checkDoc},
	})
}

func TestExportDocumentOnTheWire(t *testing.T) {
	cases := []struct {
		format enums.DocumentExportFormat
		accept string
	}{
		{enums.DocumentExportFormatJSON, "application/json"},
		{enums.DocumentExportFormatMarkdown, "text/markdown"},
		{enums.DocumentExportFormatDOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
		{enums.DocumentExportFormatPDF, "application/pdf"},
	}
	for _, tc := range cases {
		t.Run(string(tc.format), func(t *testing.T) {
			c, mt := mockClient(t)
			payload := []byte("\x00binary\xffbytes of " + tc.format)
			var got sysSeen
			mt.RegisterResponder("GET", testBase+"/api/v2/documents/d%2F1/export", func(r *http.Request) (*http.Response, error) {
				got = sysSeen{method: r.Method, rawQuery: r.URL.RawQuery, accept: r.Header.Get("Accept"), body: readAll(r)}
				return httpmock.NewBytesResponse(200, payload), nil
			})
			var buf bytes.Buffer
			require.NoError(t, c.ExportDocument(context.Background(), "d/1", tc.format, &buf))
			assert.Equal(t, "format="+string(tc.format), got.rawQuery)
			assert.Equal(t, tc.accept, got.accept)
			assert.Empty(t, got.body)
			assert.Equal(t, payload, buf.Bytes(), "bytes are streamed unchanged")
		})
	}
}

func TestExportDocumentErrorWritesNothing(t *testing.T) {
	c, mt := mockClient(t, func(cfg *Configuration) { cfg.RetryEnabled = Bool(false) })
	mt.RegisterResponder("GET", testBase+"/api/v2/documents/d1/export", httpmock.NewStringResponder(404, `{"detail":"Document not found"}`))
	var buf bytes.Buffer
	err := c.ExportDocument(context.Background(), "d1", enums.DocumentExportFormatPDF, &buf)
	require.ErrorIs(t, err, ErrNotFound)
	assert.Zero(t, buf.Len())
}

// TestSystemsDomainValidationSendsNothing covers every local rule of this domain: each fails with a
// *ValidationError naming the field, and no request is made.
func TestSystemsDomainValidationSendsNothing(t *testing.T) {
	ctx := context.Background()
	var buf bytes.Buffer
	cases := []struct {
		name  string
		field string
		call  func(c *Client) error
	}{
		{"create_system nil", "name", func(c *Client) error { _, err := c.CreateSystem(ctx, nil); return err }},
		{"create_system no name", "name", func(c *Client) error {
			_, err := c.CreateSystem(ctx, &types.NewSystem{Description: "d"})
			return err
		}},
		{"get_system empty id", "system_id", func(c *Client) error { _, err := c.GetSystem(ctx, ""); return err }},
		{"list_systems page", "page", func(c *Client) error {
			_, err := c.ListSystems(ctx, &ListSystemsParams{PageOptions: PageOptions{Page: -1}})
			return err
		}},
		{"list_systems archive case", "archive_status", func(c *Client) error {
			_, err := c.ListSystems(ctx, &ListSystemsParams{ArchiveStatus: Ptr(enums.ArchiveStatus("ACTIVE"))})
			return err
		}},
		{"list_systems filter_by", "filter_by", func(c *Client) error {
			_, err := c.ListSystems(ctx, &ListSystemsParams{FilterBy: Ptr(enums.FilterBy("created_by"))})
			return err
		}},
		{"create_configuration no name", "name", func(c *Client) error {
			_, err := c.CreateConfiguration(ctx, "s1", &types.NewSystemConfiguration{})
			return err
		}},
		{"create_configuration file id", "tracked_files[1].file_id", func(c *Client) error {
			_, err := c.CreateConfiguration(ctx, "s1", &types.NewSystemConfiguration{Name: "n", TrackedFiles: []types.NewTrackedFile{
				{SpecifierType: enums.TrackedFileSpecifierTypeLatest, FileID: "f"}, {SpecifierType: enums.TrackedFileSpecifierTypeLatest}}})
			return err
		}},
		{"create_configuration specifier", "tracked_files[0].specifier_type", func(c *Client) error {
			_, err := c.CreateConfiguration(ctx, "s1", &types.NewSystemConfiguration{Name: "n", TrackedFiles: []types.NewTrackedFile{{FileID: "f"}}})
			return err
		}},
		{"create_configuration system id", "tracked_systems[0].system_id", func(c *Client) error {
			_, err := c.CreateConfiguration(ctx, "s1", &types.NewSystemConfiguration{Name: "n", TrackedSystems: []types.NewTrackedSystem{{}}})
			return err
		}},
		{"list_tracked_files size", "size", func(c *Client) error {
			_, err := c.ListTrackedFiles(ctx, "c1", &ListTrackedFilesParams{PageOptions: PageOptions{Size: 101}})
			return err
		}},
		{"create_snapshot dot id", "configuration_id", func(c *Client) error { _, err := c.CreateSnapshot(ctx, "..", nil); return err }},
		{"create_tag empty", "tag", func(c *Client) error {
			_, err := c.CreateTag(ctx, "snap1", &types.NewSnapshotTag{})
			return err
		}},
		{"update_tag no snapshot", "snapshot_id", func(c *Client) error { _, err := c.UpdateTag(ctx, "t1", nil); return err }},
		{"list_tags lower case", "archive_status", func(c *Client) error {
			_, err := c.ListTags(ctx, &ListTagsParams{ArchiveStatus: Ptr(enums.SnapshotTagArchiveStatus("archived"))})
			return err
		}},
		{"create_document no configuration", "configuration_id", func(c *Client) error {
			_, err := c.CreateDocument(ctx, &types.CreateDocumentRequest{Name: "n"})
			return err
		}},
		{"create_document no name", "name", func(c *Client) error {
			_, err := c.CreateDocument(ctx, &types.CreateDocumentRequest{ConfigurationID: "c1"})
			return err
		}},
		{"create_document bad json", "content", func(c *Client) error {
			_, err := c.CreateDocument(ctx, &types.CreateDocumentRequest{ConfigurationID: "c1", Name: "n", Content: json.RawMessage(`{"type":`)})
			return err
		}},
		{"update_document bad json", "content", func(c *Client) error {
			_, err := c.UpdateDocument(ctx, "d1", &types.UpdateDocumentRequest{Content: json.RawMessage(`nope`)})
			return err
		}},
		{"document content helper", "content", func(c *Client) error { _, err := DocumentContent(`{"type":"doc"`); return err }},
		{"export bad format", "format", func(c *Client) error {
			return c.ExportDocument(ctx, "d1", enums.DocumentExportFormat("PDF"), &buf)
		}},
		{"export nil writer", "w", func(c *Client) error {
			return c.ExportDocument(ctx, "d1", enums.DocumentExportFormatPDF, nil)
		}},
		{"list_documents archive case", "archive_status", func(c *Client) error {
			_, err := c.ListDocuments(ctx, &ListDocumentsParams{ArchiveStatus: Ptr(enums.ArchiveStatus("Archived"))})
			return err
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, mt := mockClient(t)
			mt.RegisterNoResponder(httpmock.NewStringResponder(200, `{}`))
			err := tc.call(c)
			var ve *ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tc.field, ve.Field)
			assert.Zero(t, mt.GetTotalCallCount(), "no request")
		})
	}
}
