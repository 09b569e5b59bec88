package istari

import (
	"context"
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wireCase is one operation checked on the wire: exact method, escaped path, raw query and JSON body, then
// the decoded answer.
type wireCase struct {
	name   string
	method string
	path   string // escaped, without the base URL
	query  string // exact raw query
	body   string // expected JSON body; "" = no body at all
	status int    // answer status (200 when 0)
	resp   string // answer body
	call   func(ctx context.Context, c *Client) (any, error)
	check  func(t *testing.T, out any)
}

func runWireCases(t *testing.T, cases []wireCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, mt := mockClient(t)
			var gotMethod, gotPath, gotQuery, gotBody, gotCT string
			calls := 0
			status := tc.status
			if status == 0 {
				status = http.StatusOK
			}
			mt.RegisterResponder(tc.method, testBase+tc.path, func(r *http.Request) (*http.Response, error) {
				calls++
				gotMethod, gotPath, gotQuery = r.Method, r.URL.EscapedPath(), r.URL.RawQuery
				gotBody, gotCT = readAll(r), r.Header.Get("Content-Type")
				resp := httpmock.NewStringResponse(status, tc.resp)
				resp.Header.Set("Content-Type", "application/json")
				return resp, nil
			})
			out, err := tc.call(context.Background(), c)
			require.NoError(t, err)
			require.Equal(t, 1, calls, "exactly one request")
			assert.Equal(t, tc.method, gotMethod)
			assert.Equal(t, tc.path, gotPath)
			assert.Equal(t, tc.query, gotQuery)
			if tc.body == "" {
				assert.Empty(t, gotBody)
				assert.Empty(t, gotCT)
			} else {
				assert.JSONEq(t, tc.body, gotBody)
				assert.Equal(t, "application/json", gotCT)
			}
			if tc.check != nil {
				tc.check(t, out)
			}
		})
	}
}

// noRequest asserts that call fails locally with a *ValidationError for field and sends nothing.
func noRequest(t *testing.T, field string, call func(ctx context.Context, c *Client) error) {
	t.Helper()
	_ = localFailure(t, field, call)
}

// localFailure is noRequest that also returns the *ValidationError for more assertions.
func localFailure(t *testing.T, field string, call func(ctx context.Context, c *Client) error) *ValidationError {
	t.Helper()
	c, mt := mockClient(t)
	mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		t.Errorf("unexpected request %s %s", r.Method, r.URL)
		return httpmock.NewStringResponse(500, ""), nil
	})
	err := call(context.Background(), c)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, field, ve.Field)
	assert.Equal(t, 0, mt.GetTotalCallCount())
	return ve
}
