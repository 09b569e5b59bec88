package istari

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/istari-sdk/istari-go/internal/checksum"
	"github.com/istari-sdk/istari-go/internal/ops"
	"github.com/istari-sdk/istari-go/internal/upload"
	"github.com/istari-sdk/istari-go/types"
)

// pythonComputed is what the published Python client computed for fixed inputs (tools/pyref).
type pythonComputed struct {
	ContentTokens []struct {
		DataHex string `json:"data_hex"`
		Salt    string `json:"salt"`
		SHA     string `json:"sha"`
	} `json:"content_tokens"`
	GeneratedSalt struct {
		Length       []int `json:"length"`
		LowercaseHex bool  `json:"lowercase_hex"`
		UUID4Hex     bool  `json:"uuid4_hex"`
	} `json:"generated_salt"`
	PropertiesBlobs []struct {
		Fields map[string]any `json:"fields"`
		Blob   string         `json:"blob"`
		SHA    string         `json:"sha_with_salt_s"`
	} `json:"properties_blobs"`
}

func loadPythonComputed(t *testing.T) pythonComputed {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("internal", "ops", "testdata", "python-client-"+ops.PythonClientVersion+".json"))
	require.NoError(t, err)
	var f struct {
		Computed pythonComputed `json:"computed"`
	}
	require.NoError(t, json.Unmarshal(raw, &f))
	require.NotEmpty(t, f.Computed.ContentTokens)
	return f.Computed
}

// TestContentSHAMatchesPythonClient: SHA-384 of content then salt, lowercase hex, as the Python client's core.
func TestContentSHAMatchesPythonClient(t *testing.T) {
	for _, c := range loadPythonComputed(t).ContentTokens {
		data, err := hex.DecodeString(c.DataHex)
		require.NoError(t, err)
		got, err := checksum.ReaderAt(bytes.NewReader(data), int64(len(data)), c.Salt)
		require.NoError(t, err)
		assert.Equal(t, c.SHA, got, "%d bytes, salt %q", len(data), c.Salt)
	}
}

// TestSaltFormatMatchesPythonClient: a fresh salt looks like the Python client's (a UUID4 as 32 hex characters).
func TestSaltFormatMatchesPythonClient(t *testing.T) {
	py := loadPythonComputed(t).GeneratedSalt
	require.Equal(t, []int{32}, py.Length)
	require.True(t, py.LowercaseHex && py.UUID4Hex)
	uuid4Hex := regexp.MustCompile(`^[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$`)
	for range 64 {
		assert.Regexp(t, uuid4Hex, checksum.NewSalt())
	}
}

// TestPropertiesBlobMatchesPythonClient: the uploaded properties object and so its sha are byte for byte the
// Python client's for the same properties.
func TestPropertiesBlobMatchesPythonClient(t *testing.T) {
	for _, c := range loadPythonComputed(t).PropertiesBlobs {
		raw, err := json.Marshal(c.Fields)
		require.NoError(t, err)
		var p types.Properties
		require.NoError(t, json.Unmarshal(raw, &p))
		blob, err := upload.PropertiesBlob(&p)
		require.NoError(t, err)
		assert.Equal(t, c.Blob, string(blob))
		sha, err := checksum.ReaderAt(bytes.NewReader(blob), int64(len(blob)), "s")
		require.NoError(t, err)
		assert.Equal(t, c.SHA, sha)
	}
}
