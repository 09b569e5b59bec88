package types

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUpstreamAnswersKeepTheRawBody(t *testing.T) {
	var r UpstreamRemoteSyncResult
	require.NoError(t, json.Unmarshal([]byte(`{"synced":[1,2]}`), &r))
	var v struct{ Synced []int }
	require.NoError(t, r.Decode(&v))
	assert.Equal(t, []int{1, 2}, v.Synced)
	out, err := json.Marshal(r)
	require.NoError(t, err)
	assert.JSONEq(t, `{"synced":[1,2]}`, string(out))

	var c UpstreamRemoteCompatibility
	out, err = json.Marshal(c)
	require.NoError(t, err)
	assert.Equal(t, "null", string(out))
	var anything any = "x"
	require.NoError(t, c.Decode(&anything))
	assert.Nil(t, anything)
	require.NoError(t, json.Unmarshal([]byte(`[true]`), &c))
	var list []bool
	require.NoError(t, c.Decode(&list))
	assert.Equal(t, []bool{true}, list)
}
