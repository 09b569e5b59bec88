package istari

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/istari-sdk/istari-go/internal/ops"
)

// TestAPIHashesHeaderMatchesPythonClient: given the Python client's hash table, X-Istari-Client-Api-Hashes is
// byte for byte the header that client sends, with and without Configuration.tags.
func TestAPIHashesHeaderMatchesPythonClient(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("internal", "ops", "testdata", "python-client-"+ops.PythonClientVersion+".json"))
	require.NoError(t, err)
	var f struct {
		APIHashes map[string]string `json:"api_hashes"`
		Computed  struct {
			Headers []struct {
				SpecIDs []string `json:"spec_ids"`
				Tags    []string `json:"tags"`
				Header  string   `json:"header"`
			} `json:"api_hash_headers"`
		} `json:"computed"`
	}
	require.NoError(t, json.Unmarshal(raw, &f))
	require.NotEmpty(t, f.Computed.Headers)
	for _, h := range f.Computed.Headers {
		table := map[string]string{} // the Client sends the hashes of its own specs only
		for k, v := range f.APIHashes {
			for _, id := range h.SpecIDs {
				if strings.HasPrefix(k, id+":") {
					table[k] = v
				}
			}
		}
		assert.Equal(t, h.Header, encodeAPIHashes(table, h.Tags), "tags %v", h.Tags)
	}
}
