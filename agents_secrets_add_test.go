package istari

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/istari-sdk/istari-go/types"
)

// fakeClientWithLogs is a fake-backed client logging everything at DEBUG into the returned buffer.
func fakeClientWithLogs(t *testing.T) (*istaritest.Server, *Client, *logBuffer) {
	t.Helper()
	logs := &logBuffer{}
	c, srv := fakeClient(t, func(cfg *Configuration) { cfg.Logger = logs.logger() })
	return srv, c, logs
}

func TestAddFunctionAuthSecretSendsThePlaintextToken(t *testing.T) {
	srv, c, logs := fakeClientWithLogs(t)
	ctx := context.Background()
	const secret = "s3cr3t-client-credential-9f8e7d"
	path := writeTestFile(t, "creds.json", `{"client_secret":"`+secret+`"}`)
	exp := time.Date(2027, 1, 2, 3, 4, 5, 0, time.UTC)

	sec, err := c.AddFunctionAuthSecret(ctx, enums.FunctionAuthTypeOAuth2, path, &FunctionAuthSecretOptions{AuthIntegrationID: Ptr("ai-1"), Expiration: &exp})
	require.NoError(t, err)
	require.NotNil(t, sec.Revision)

	reqs := srv.RequestsFor("create_function_auth_secret")
	require.Len(t, reqs, 1)
	var body types.NewFunctionAuthSecret
	require.NoError(t, json.Unmarshal(reqs[0].Body, &body))
	plain, err := os.ReadFile(path)
	require.NoError(t, err)
	want, _, err := types.ComputeSHA(bytes.NewReader(plain), body.Salt)
	require.NoError(t, err)
	assert.Equal(t, want, body.SHA, "sha is the token of the plaintext bytes")
	assert.NotEmpty(t, body.Salt)
	assert.Equal(t, enums.FunctionAuthTypeOAuth2, body.FunctionAuthType)
	assert.Equal(t, "ai-1", *body.AuthIntegrationID)
	require.NotNil(t, body.Expiration)
	assert.True(t, exp.Equal(body.Expiration.Time))
	assert.Equal(t, "creds.json", body.Revision.FullName())
	assert.Equal(t, sec.Revision.ID, body.Revision.ID)

	// The uploaded bytes are the plaintext (no client-side encryption) and verify against the content token.
	assert.Equal(t, string(plain), readRevision(t, c, sec.Revision))

	listed, err := c.ListFunctionAuthSecrets(ctx, nil)
	require.NoError(t, err)
	require.Len(t, listed, 1)

	out := logs.String()
	assert.NotEmpty(t, out, "debug logging is on")
	assert.NotContains(t, out, secret)
}

func TestAddFunctionAuthSecretLocalErrors(t *testing.T) {
	noRequest(t, "function_auth_type", func(ctx context.Context, c *Client) error {
		_, err := c.AddFunctionAuthSecret(ctx, "", "x", nil)
		return err
	})
	c, mt := mockClient(t)
	_, err := c.AddFunctionAuthSecret(context.Background(), enums.FunctionAuthTypeBasic, filepath.Join(t.TempDir(), "missing"), nil)
	require.ErrorIs(t, err, os.ErrNotExist)
	_, err = c.CreateSecretRevision(context.Background(), t.TempDir())
	require.ErrorContains(t, err, "not a regular file")
	assert.Equal(t, 0, mt.GetTotalCallCount())
}

func TestAuthIntegrationCreateUpdateRoundTrip(t *testing.T) {
	srv, c := fakeJobsClient(t)
	ctx := context.Background()
	app, err := c.CreateAppIntegration(ctx, &types.NewAppIntegration{Extra: rawMap(t, map[string]any{"name": "plm"})})
	require.NoError(t, err)
	var appID string
	require.NoError(t, json.Unmarshal(app.Extra["id"], &appID))

	reg := writeTestFile(t, "registration.json", `{"issuer":"https://idp.example"}`)
	ai, err := c.CreateAuthIntegration(ctx, enums.AuthIntegrationTypeMicrosoftEntra, enums.FunctionAuthTypeOAuth2, appID, reg)
	require.NoError(t, err)
	require.NotNil(t, ai.File)
	assert.Equal(t, "registration.json", ai.File.Name())
	assert.Equal(t, `{"issuer":"https://idp.example"}`, readRevision(t, c, ai.File.Revision()))
	var created map[string]any
	require.NoError(t, json.Unmarshal(srv.RequestsFor("create_auth_integration")[0].Body, &created))
	assert.Equal(t, appID, created["app_integration_id"])
	assert.Equal(t, "microsoft_entra", created["auth_integration_type"])
	assert.Equal(t, "oauth2", created["auth_type"])
	salt := ai.File.Revision().ContentTok.Salt

	// Fields only: no upload, only the supplied fields are sent.
	srv.ResetRequests()
	ai2, err := c.UpdateAuthIntegration(ctx, ai.ID, &UpdateAuthIntegrationOptions{FunctionAuthType: Ptr(enums.FunctionAuthTypeBasic)})
	require.NoError(t, err)
	assert.JSONEq(t, `"basic"`, string(ai2.Extra["auth_type"]))
	reqs := srv.Requests()
	require.Len(t, reqs, 1)
	assert.JSONEq(t, `{"auth_type":"basic"}`, string(reqs[0].Body))

	// A new document keeps the salt.
	reg2 := writeTestFile(t, "registration.json", `{"issuer":"https://idp2.example"}`)
	srv.ResetRequests()
	ai3, err := c.UpdateAuthIntegration(ctx, ai.ID, &UpdateAuthIntegrationOptions{
		AuthIntegrationType: Ptr(enums.AuthIntegrationTypePingID), AuthRegistrationPath: &reg2})
	require.NoError(t, err)
	require.Len(t, ai3.File.Revisions, 2)
	assert.Equal(t, salt, ai3.File.Revision().ContentTok.Salt)
	assert.Equal(t, `{"issuer":"https://idp2.example"}`, readRevision(t, c, ai3.File.Revision()))
	assert.JSONEq(t, `"ping_id"`, string(ai3.Extra["auth_integration_type"]))
	assert.Len(t, srv.RequestsFor("get_auth_integration"), 1)
	var upd map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(srv.RequestsFor("update_auth_integration")[0].Body, &upd))
	assert.ElementsMatch(t, []string{"auth_integration_type", "revision"}, keys(upd))

	got, err := c.GetAuthIntegration(ctx, ai.ID)
	require.NoError(t, err)
	assert.Equal(t, ai3.File.Revision().ID, got.File.Revision().ID)
}

func keys(m map[string]json.RawMessage) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestAuthIntegrationLocalErrors(t *testing.T) {
	noRequest(t, "auth_integration_type", func(ctx context.Context, c *Client) error {
		_, err := c.CreateAuthIntegration(ctx, "nope", enums.FunctionAuthTypeBasic, "app", "x")
		return err
	})
	noRequest(t, "app_integration_id", func(ctx context.Context, c *Client) error {
		_, err := c.CreateAuthIntegration(ctx, enums.AuthIntegrationTypePingID, enums.FunctionAuthTypeBasic, "", "x")
		return err
	})
	noRequest(t, "auth_integration_id", func(ctx context.Context, c *Client) error {
		_, err := c.UpdateAuthIntegration(ctx, "", nil)
		return err
	})
	noRequest(t, "auth_integration_type", func(ctx context.Context, c *Client) error {
		_, err := c.UpdateAuthIntegration(ctx, "ai", &UpdateAuthIntegrationOptions{AuthIntegrationType: Ptr(enums.AuthIntegrationType("x"))})
		return err
	})
	c, mt := mockClient(t)
	missing := filepath.Join(t.TempDir(), "missing.json")
	_, err := c.CreateAuthIntegration(context.Background(), enums.AuthIntegrationTypePingID, enums.FunctionAuthTypeBasic, "app", missing)
	require.ErrorIs(t, err, os.ErrNotExist)
	_, err = c.UpdateAuthIntegration(context.Background(), "ai", &UpdateAuthIntegrationOptions{AuthRegistrationPath: &missing})
	require.ErrorIs(t, err, os.ErrNotExist)
	assert.Equal(t, 0, mt.GetTotalCallCount())
}

func TestAddFunctionAuthSecretFailureDoesNotLogTheSecret(t *testing.T) {
	srv, c, logs := fakeClientWithLogs(t)
	const secret = "hunter2-very-secret-value"
	path := writeTestFile(t, "token.txt", secret)
	srv.InjectFault(istaritest.Fault{Op: "create_function_auth_secret", Status: 400})
	_, err := c.AddFunctionAuthSecret(context.Background(), enums.FunctionAuthTypeBasic, path, nil)
	require.ErrorIs(t, err, ErrBadRequest)
	assert.NotContains(t, err.Error(), secret)
	assert.Contains(t, logs.String(), "create_function_auth_secret")
	assert.NotContains(t, logs.String(), secret)
}
