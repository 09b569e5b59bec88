package istari

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/istari-sdk/istari-go/enums"
)

func TestBulkShareWireSequence(t *testing.T) {
	c, reg := newSeqRegistry(t, map[string][]seqAnswer{
		"list_snapshot_revisions": {
			{body: `{"items":[
				{"revision_id":"r1","file_id":"f1","resource_id":"m1","resource_type":"Model"},
				{"revision_id":"r2","file_id":"f2"},
				{"revision_id":"r3","file_id":"f3","resource_id":"a1","resource_type":"ARTIFACT"}],"total":4,"page":1,"size":3,"pages":2}`},
			{body: `{"items":[{"revision_id":"r4","file_id":"f4","resource_id":"m1","resource_type":"model"}],"total":4,"page":2,"size":3,"pages":2}`},
		},
		"bulk_create_access": {{status: http.StatusCreated, body: `[]`}},
	})
	_, err := c.BulkShareSnapshot(context.Background(), "", "snap1", "u2", "EDITOR")
	require.NoError(t, err)
	assert.Equal(t, []string{"list_snapshot_revisions", "list_snapshot_revisions", "bulk_create_access"}, reg.ops())
	assert.Equal(t, "size=100", reg.request(0).query)
	assert.Equal(t, "page=2&size=100", reg.request(1).query)
	assert.JSONEq(t, `[
		{"subject_type":"user","subject_id":"u2","relation":"editor","resource_type":"model","resource_id":"m1"},
		{"subject_type":"user","subject_id":"u2","relation":"editor","resource_type":"artifact","resource_id":"a1"}]`, reg.request(2).body,
		"one call, lower-cased types, bare files skipped, m1 once")
}

func TestBulkShareWireUnknownResourceTypeSendsNoBulkRequest(t *testing.T) {
	c, reg := newSeqRegistry(t, map[string][]seqAnswer{
		"list_snapshot_revisions": {{body: `{"items":[{"revision_id":"r1","resource_id":"m1","resource_type":"Model"},
			{"revision_id":"r9","resource_id":"x1","resource_type":"Spreadsheet"}],"total":2,"page":1,"size":100,"pages":1}`}},
	})
	_, err := c.BulkShareSnapshot(context.Background(), "", "snap1", "u2", enums.BulkSharingAccessRelationViewer)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "items[1].resource_type", ve.Field)
	assert.False(t, strings.Contains(err.Error(), "Spreadsheet"), "the value is not echoed")
	assert.Equal(t, []string{"list_snapshot_revisions"}, reg.ops())
}
