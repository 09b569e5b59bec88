package istari

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func compatResponder(version, verdict, incompatible string) httpmock.Responder {
	return func(*http.Request) (*http.Response, error) {
		r := httpmock.NewStringResponse(200, `{}`)
		if version != "" {
			r.Header.Set("X-Istari-Registry-Version", version)
		}
		if verdict != "" {
			r.Header.Set("x-istari-compatibility", verdict)
		}
		if incompatible != "" {
			r.Header.Set("X-Istari-Incompatible-Tags", incompatible)
		}
		return r, nil
	}
}

func TestCheckCompatibilityReadsHeaders(t *testing.T) {
	c, mt := mockClient(t)
	mt.RegisterResponder("GET", testBase+"/api/v2/health/readiness", compatResponder("11.2.0", "incompatible", " Model, ,Agent ,"))
	res, err := c.CheckCompatibility(context.Background())
	require.NoError(t, err)
	require.NotNil(t, res)
	assert.Equal(t, "11.2.0", *res.ServerVersion)
	assert.Equal(t, enums.CompatibilityStatus("incompatible"), *res.Status)
	assert.Equal(t, []string{"Model", "Agent"}, res.IncompatibleTags)
	assert.Empty(t, res.DeprecatedTags)
	assert.Equal(t, res, c.LastCompatibilityResult())
}

func TestCheckCompatibilityNilWithoutHeaders(t *testing.T) {
	c, mt := mockClient(t)
	mt.RegisterResponder("GET", testBase+"/api/v2/health/readiness", compatResponder("", "", ""))
	res, err := c.CheckCompatibility(context.Background())
	require.NoError(t, err)
	assert.Nil(t, res)
	assert.Nil(t, c.LastCompatibilityResult())
}

func TestLastCompatibilityResultFromAnyResponseAndKeptWhenAbsent(t *testing.T) {
	c, mt := mockClient(t)
	mt.RegisterResponder("GET", testBase+"/api/v2/health/liveness", compatResponder("10.0.1", "revision-mismatch", ""))
	mt.RegisterResponder("GET", testBase+"/api/v2/models/a", compatResponder("", "", ""))
	_, err := c.LivenessCheck(context.Background())
	require.NoError(t, err)
	require.NoError(t, c.invoke(context.Background(), request{op: "get_model", path: []string{"a"}}))
	last := c.LastCompatibilityResult()
	require.NotNil(t, last)
	assert.Equal(t, "10.0.1", *last.ServerVersion, "a response without headers keeps the last result")
	last.IncompatibleTags = append(last.IncompatibleTags, "mutated")
	assert.Empty(t, c.LastCompatibilityResult().IncompatibleTags, "callers get a copy")
}

func TestCompatibilityWarnsOncePerVerdict(t *testing.T) {
	logs := &logBuffer{}
	var hooked []string
	c, mt := mockClient(t, func(cfg *Configuration) {
		cfg.Logger = logs.logger()
		cfg.OnCompatibility = func(r CompatibilityResult) { hooked = append(hooked, string(*r.Status)) }
	})
	mt.RegisterResponder("GET", testBase+"/api/v2/health/readiness", compatResponder("11.0.0", "deprecation-warning", ""))
	mt.RegisterResponder("GET", testBase+"/api/v2/health/liveness", compatResponder("11.0.0", "incompatible", "Job"))
	for range 3 {
		_, err := c.CheckCompatibility(context.Background())
		require.NoError(t, err)
	}
	_, err := c.LivenessCheck(context.Background())
	require.NoError(t, err)
	assert.Equal(t, 1, strings.Count(logs.String(), "deprecated APIs"))
	assert.Equal(t, 1, strings.Count(logs.String(), "incompatible; update istari-go"))
	assert.Equal(t, []string{"deprecation-warning", "incompatible"}, hooked)
}

func TestAuthDeprecationHeader(t *testing.T) {
	c, mt := mockClient(t)
	mt.RegisterResponder("GET", testBase+"/api/v2/health/liveness", func(*http.Request) (*http.Response, error) {
		r := httpmock.NewStringResponse(200, `{}`)
		r.Header.Set("X-Istari-Auth-Deprecation", "use access keys")
		return r, nil
	})
	assert.Nil(t, c.AuthDeprecation())
	_, err := c.LivenessCheck(context.Background())
	require.NoError(t, err)
	got := c.AuthDeprecation()
	require.NotNil(t, got)
	assert.True(t, got.Detected)
	assert.Equal(t, "use access keys", *got.Message)
}

// FuzzCompatibilityHeaders: any header values parse without panicking, tags are trimmed and non-empty,
// and a result exists exactly when the version or the verdict header is present.
func FuzzCompatibilityHeaders(f *testing.F) {
	f.Add("11.2.0", "compatible", "", "")
	f.Add("", "incompatible", " Model, ,Agent ,", "Job")
	f.Add("", "", ",,,", "")
	f.Add("x", "", "a,b", "c , d")
	f.Fuzz(func(t *testing.T, version, verdict, incompatible, deprecated string) {
		h := http.Header{}
		h.Set(headerRegistryVersion, version)
		h.Set(headerCompatibility, verdict)
		h.Set(headerIncompatibleTags, incompatible)
		h.Set(headerDeprecatedTags, deprecated)
		r, ok := parseCompatibility(h)
		if ok != (h.Get(headerRegistryVersion) != "" || h.Get(headerCompatibility) != "") {
			t.Fatalf("ok=%v for version %q verdict %q", ok, version, verdict)
		}
		for _, tag := range append(r.IncompatibleTags, r.DeprecatedTags...) {
			if tag == "" || tag != strings.TrimSpace(tag) || strings.Contains(tag, ",") {
				t.Fatalf("badly split tag %q", tag)
			}
		}
	})
}
