package istari

import (
	"context"
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wireCase is one operation's exact request and its decoded answer.
type wireCase struct {
	name   string
	method string
	path   string // escaped path
	query  string // raw query, exact
	body   string // expected JSON body; "" = no body at all
	status int    // answer status; 0 = 200
	resp   string // answer body
	call   func(ctx context.Context, c *Client) (any, error)
	check  func(t *testing.T, got any)
}

// runWireCases runs each case against an httpmock transport that records the one request.
func runWireCases(t *testing.T, cases []wireCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, mt := mockClient(t)
			var calls int
			var method, path, rawQuery, body, ctype, auth string
			mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
				calls++
				method, path, rawQuery, ctype = r.Method, r.URL.EscapedPath(), r.URL.RawQuery, r.Header.Get("Content-Type")
				auth = r.Header.Get("Authorization")
				body = readAll(r)
				status := tc.status
				if status == 0 {
					status = http.StatusOK
				}
				resp := httpmock.NewStringResponse(status, tc.resp)
				resp.Header.Set("Content-Type", "application/json")
				return resp, nil
			})
			got, err := tc.call(context.Background(), c)
			require.NoError(t, err)
			require.Equal(t, 1, calls)
			assert.Equal(t, tc.method, method)
			assert.Equal(t, tc.path, path)
			assert.Equal(t, tc.query, rawQuery)
			assert.Equal(t, "Bearer "+testToken, auth)
			if tc.body == "" {
				assert.Empty(t, body)
				assert.Empty(t, ctype)
			} else {
				assert.JSONEq(t, tc.body, body)
				assert.Equal(t, "application/json", ctype)
			}
			if tc.check != nil {
				tc.check(t, got)
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
