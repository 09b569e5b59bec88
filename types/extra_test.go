package types

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExtraDecodeEncode(t *testing.T) {
	// ControlTag: known id/name/description, two unknown keys.
	data := `{"id":"ct-1","name":"ITAR","description":null,"tenant_id":"t-1","rules":{"deny":["export"]}}`
	var ct ControlTag
	if err := json.Unmarshal([]byte(data), &ct); err != nil {
		t.Fatal(err)
	}
	if ct.ID != "ct-1" || ct.Name != "ITAR" || ct.Description != nil {
		t.Errorf("known fields = %+v", ct)
	}
	if len(ct.Extra) != 2 || string(ct.Extra["tenant_id"]) != `"t-1"` || string(ct.Extra["rules"]) != `{"deny":["export"]}` {
		t.Errorf("extra = %v", ct.Extra)
	}
	out, err := json.Marshal(ct)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"id":"ct-1","name":"ITAR","rules":{"deny":["export"]},"tenant_id":"t-1"}`; string(out) != want {
		t.Errorf("encoded %s, want %s", out, want)
	}

	tenant, ok, err := ExtraValue[string](ct.Extra, "tenant_id")
	if err != nil || !ok || tenant != "t-1" {
		t.Errorf("ExtraValue = %q %v %v", tenant, ok, err)
	}
	if _, ok, err := ExtraValue[string](ct.Extra, "missing"); ok || err != nil {
		t.Errorf("missing key: %v %v", ok, err)
	}
	if _, ok, err := ExtraValue[int](ct.Extra, "tenant_id"); !ok || err == nil {
		t.Errorf("wrong type must fail: %v %v", ok, err)
	}
}

func TestExtraNoUnknownKeysIsNil(t *testing.T) {
	var ct ControlTag
	if err := json.Unmarshal([]byte(`{"id":"a","name":"b"}`), &ct); err != nil {
		t.Fatal(err)
	}
	if ct.Extra != nil {
		t.Errorf("extra = %v, want nil", ct.Extra)
	}
	// Decoding again replaces Extra rather than merging into it.
	ct.Extra = map[string]json.RawMessage{"stale": json.RawMessage(`1`)}
	if err := json.Unmarshal([]byte(`{"id":"a","name":"b","fresh":2}`), &ct); err != nil {
		t.Fatal(err)
	}
	if len(ct.Extra) != 1 || string(ct.Extra["fresh"]) != "2" {
		t.Errorf("extra = %v", ct.Extra)
	}
	// null leaves the value unchanged.
	if err := json.Unmarshal([]byte(`null`), &ct); err != nil || ct.ID != "a" || len(ct.Extra) != 1 {
		t.Errorf("null: %+v %v", ct, err)
	}
}

func TestExtraFieldWinsAndEmptyObject(t *testing.T) {
	// A known key placed in Extra by hand never duplicates the field.
	ct := ControlTag{ID: "a", Name: "b", Extra: map[string]json.RawMessage{"name": json.RawMessage(`"shadow"`), "z": nil}}
	out, err := json.Marshal(ct)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"id":"a","name":"b","z":null}`; string(out) != want {
		t.Errorf("got %s, want %s", out, want)
	}
	// Extra-only model: an empty object and keys only.
	out, _ = json.Marshal(NewAppIntegration{})
	if string(out) != `{}` {
		t.Errorf("empty NewAppIntegration = %s", out)
	}
	out, _ = json.Marshal(NewAppIntegration{Extra: map[string]json.RawMessage{"name": json.RawMessage(` "crm" `), "enabled": json.RawMessage(`true`)}})
	if want := `{"enabled":true,"name":"crm"}`; string(out) != want {
		t.Errorf("got %s, want %s", out, want)
	}
	// Invalid raw JSON is an error, not a corrupt body.
	if _, err := json.Marshal(Tenant{Extra: map[string]json.RawMessage{"x": json.RawMessage(`{bad`)}}); err == nil {
		t.Error("invalid extra JSON must fail")
	}
}

func TestExtraInsideSlicesAndPointers(t *testing.T) {
	// Page-less array of partially known models, nested inside a pointer field.
	data := `[{"revision":{"id":"r","created":"2026-04-01T12:00:00.000000Z","file_id":null,` +
		`"content_token":{"id":"a","created":"2026-04-01T12:00:00.000000Z","sha":"x","salt":"y"},` +
		`"properties_token":{"id":"b","created":"2026-04-01T12:00:00.000000Z","sha":"x","salt":"y"},"archive_status_history":[]},` +
		`"id":"sec-1","function_auth_type":"basic","expiration":"2027-01-01T00:00:00.000000Z"}]`
	var secrets []FunctionAuthSecret
	roundTrip(t, data, &secrets)
	if len(secrets) != 1 || secrets[0].Revision.ID != "r" || len(secrets[0].Extra) != 3 {
		t.Fatalf("secrets = %+v", secrets)
	}
}

func TestArchiveStatusEntryExtra(t *testing.T) {
	// ResourceArchiveStatus's id key is unconfirmed: an unexpected one is kept.
	data := `{"id":"e","created":"2026-04-01T12:00:00.000000Z","name":"Archived","reason":"old","model_id":"m-1"}`
	var e ResourceArchiveStatus
	roundTrip(t, data, &e)
	if e.ResourceID != nil || string(e.Extra["model_id"]) != `"m-1"` || *e.Reason != "old" {
		t.Errorf("entry = %+v", e)
	}
}

// Hostile row 10: JSON matches field names case-insensitively, so {"Token": "..."} fills the token field; it
// must not also stay in Extra, where it would print in clear. Credential-looking keys that no field consumes
// stay readable in Extra but print and log as "[REDACTED]".
func TestHostileExtraCaseFoldAndCredentialKeys(t *testing.T) {
	const secret = "pat-SECRET-value-1234"
	var pat PersonalAccessToken
	require.NoError(t, json.Unmarshal([]byte(`{"Token":"`+secret+`","TOKEN_ID":"tid","access_token":"at-SECRET-5678","apiKey":"k-SECRET-9012","note":"hello"}`), &pat))
	assert.Equal(t, secret, pat.Token.Reveal(), "the typed field got the value")
	assert.Equal(t, "tid", *pat.TokenID)
	_, kept := pat.Extra["Token"]
	assert.False(t, kept, "a key consumed by a field (case-insensitively) is not kept in Extra")
	_, kept = pat.Extra["TOKEN_ID"]
	assert.False(t, kept)
	assert.Equal(t, `"at-SECRET-5678"`, string(pat.Extra["access_token"]), "Extra still holds the data")

	var logged bytes.Buffer
	slog.New(slog.NewTextHandler(&logged, nil)).Info("pat", "extra", pat.Extra, "pat", pat)
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("pat", "extra", pat.Extra)
	forms := []string{
		fmt.Sprint(pat), fmt.Sprintf("%+v", pat), fmt.Sprintf("%#v", pat), fmt.Sprintf("%v", pat.Extra),
		fmt.Sprintf("%#v", pat.Extra), fmt.Sprintf("%q", pat.Extra), pat.Extra.String(), logged.String(),
	}
	for _, f := range forms {
		for _, s := range []string{secret, "at-SECRET", "k-SECRET", fmt.Sprintf("%d", []byte("at-SECRET"))[1:20]} {
			assert.NotContains(t, f, s)
		}
	}
	assert.Contains(t, fmt.Sprint(pat.Extra), `note:"hello"`, "other keys print their JSON")
	assert.Contains(t, fmt.Sprint(pat.Extra), `access_token:[REDACTED]`)

	// Round trip keeps every Extra value.
	out, err := json.Marshal(pat)
	require.NoError(t, err)
	assert.Contains(t, string(out), `"access_token":"at-SECRET-5678"`)
}

func TestCredentialKey(t *testing.T) {
	for _, k := range []string{"token", "access_token", "refreshToken", "client_secret", "password", "passwd", "key", "api_key", "apiKey", "private-key", "Authorization", "x-amz-signature"} {
		assert.True(t, CredentialKey(k), k)
	}
	for _, k := range []string{"id", "name", "note", "created", "keys_count"} {
		assert.False(t, CredentialKey(k), k)
	}
}
