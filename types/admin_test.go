package types

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/istari-sdk/istari-go/enums"
)

const helloSHA = "d503c1659212a77514989798fe5d0c766c82491abdfe5cd2bc4a9b9f0d1a92694ba9c0a5b68b886bca876c63d46e9d40"

func TestComputeSHA(t *testing.T) {
	// Expected digests computed independently: hashlib.sha384(content + salt.encode()).hexdigest().
	sum, n, err := ComputeSHA(strings.NewReader("hello world"), "sält")
	if err != nil || n != 11 || sum != helloSHA {
		t.Errorf("ComputeSHA = %s, %d, %v", sum, n, err)
	}
	sum, n, err = ComputeSHA(strings.NewReader(""), "")
	if err != nil || n != 0 || sum != "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b" {
		t.Errorf("empty: %s, %d, %v", sum, n, err)
	}
	// Streaming in tiny reads gives the same digest.
	sum, _, _ = ComputeSHA(iotest.OneByteReader(strings.NewReader(`{"a": 1}`)), "abc123")
	if sum != sha1Hex {
		t.Errorf("one-byte reads: %s", sum)
	}
}

func TestTokenVerify(t *testing.T) {
	tok := Token{SHA: helloSHA, Salt: "sält"}
	if err := tok.Verify(strings.NewReader("hello world")); err != nil {
		t.Errorf("match: %v", err)
	}
	upper := Token{SHA: strings.ToUpper(helloSHA), Salt: "sält"}
	if err := upper.Verify(strings.NewReader("hello world")); err != nil {
		t.Errorf("upper-case expected sha must match: %v", err)
	}

	err := tok.Verify(strings.NewReader("hello world!"))
	if !errors.Is(err, ErrChecksumMismatch) {
		t.Fatalf("mismatch: %v", err)
	}
	var ce *ChecksumError
	if !errors.As(err, &ce) || ce.Expected != helloSHA || len(ce.Actual) != 96 || ce.Actual == helloSHA {
		t.Fatalf("ChecksumError = %+v", ce)
	}
	want := "Token data content checksum is invalid (" + ce.Actual + " != " + helloSHA + ")"
	if err.Error() != want {
		t.Errorf("message %q, want %q", err.Error(), want)
	}
	// Wrong salt is a mismatch too.
	if err := (Token{SHA: helloSHA, Salt: "salt"}).Verify(strings.NewReader("hello world")); !errors.Is(err, ErrChecksumMismatch) {
		t.Errorf("wrong salt: %v", err)
	}
	// A read error is reported as such, not as a mismatch.
	boom := errors.New("boom")
	err = tok.Verify(iotest.ErrReader(boom))
	if !errors.Is(err, boom) || errors.Is(err, ErrChecksumMismatch) {
		t.Errorf("read error: %v", err)
	}
	if errors.Is(errors.New("other"), ErrChecksumMismatch) || (&ChecksumError{}).Is(io.EOF) {
		t.Error("Is must only match ErrChecksumMismatch")
	}
}

func TestSecretStringNeverPrints(t *testing.T) {
	const secret = "pat_live_0123456789abcdef"
	pat := PersonalAccessToken{ID: "pat-1", Token: SecretString(secret), Name: ptr("ci")}
	outputs := []string{
		fmt.Sprint(pat.Token), fmt.Sprintf("%v", pat.Token), fmt.Sprintf("%s", pat.Token), fmt.Sprintf("%q", pat.Token),
		fmt.Sprintf("%x", pat.Token), fmt.Sprintf("%X", pat.Token), fmt.Sprintf("%#v", pat.Token), fmt.Sprintf("%10s", pat.Token),
		fmt.Sprintf("%v", pat), fmt.Sprintf("%+v", pat), fmt.Sprintf("%#v", pat), fmt.Sprintf("%+v", &pat),
		pat.Token.String(), pat.Token.GoString(),
	}
	for i, s := range outputs {
		if strings.Contains(s, secret) || strings.Contains(s, fmt.Sprintf("%x", secret)) {
			t.Errorf("output %d leaks the secret: %s", i, s)
		}
		if !strings.Contains(s, "[REDACTED]") {
			t.Errorf("output %d lacks the redaction marker: %s", i, s)
		}
	}
	if fmt.Sprintf("%q", pat.Token) != `"[REDACTED]"` || fmt.Sprintf("%#v", pat.Token) != `"[REDACTED]"` {
		t.Errorf("%%q / %%#v forms: %q %q", fmt.Sprintf("%q", pat.Token), fmt.Sprintf("%#v", pat.Token))
	}

	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("created", "token", pat.Token, "pat", pat)
	if strings.Contains(buf.String(), secret) || !strings.Contains(buf.String(), `"token":"[REDACTED]"`) {
		t.Errorf("slog leaks or lacks redaction: %s", buf.String())
	}

	b, err := json.Marshal(pat)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"id":"pat-1","token":"[REDACTED]","name":"ci"}`; string(b) != want {
		t.Errorf("JSON %s, want %s", b, want)
	}
	txt, _ := pat.Token.MarshalText()
	if string(txt) != "[REDACTED]" {
		t.Errorf("text %s", txt)
	}
	if pat.Token.Reveal() != secret {
		t.Error("Reveal must return the secret")
	}

	var empty SecretString
	if empty.String() != "" || fmt.Sprint(empty) != "" || fmt.Sprintf("%q", empty) != `""` {
		t.Error("an empty secret prints empty")
	}
}

func TestPersonalAccessTokenDecode(t *testing.T) {
	created := `{"id":"pat-1","machine_user_id":"mu-1","token":"pat_live_xyz","token_id":"tid","name":"ci","user_type":"agent","created_by_id":"u-1","expires":"2027-01-01"}`
	var pat PersonalAccessToken
	if err := json.Unmarshal([]byte(created), &pat); err != nil {
		t.Fatal(err)
	}
	if pat.Token.Reveal() != "pat_live_xyz" || *pat.UserType != enums.UserTypeAgent || *pat.MachineUserID != "mu-1" ||
		string(pat.Extra["expires"]) != `"2027-01-01"` {
		t.Errorf("pat = %+v", pat)
	}
	var listed PersonalAccessToken
	if err := json.Unmarshal([]byte(`{"id":"pat-1","token":null}`), &listed); err != nil || listed.Token != "" {
		t.Errorf("null token: %q %v", listed.Token.Reveal(), err)
	}
	if err := json.Unmarshal([]byte(`{"id":"pat-1","token":5}`), &listed); err == nil {
		t.Error("non-string token must fail")
	}
}

func TestUserDecode(t *testing.T) {
	data := `{"id":"u-1","created":"2026-01-01T00:00:00.000000Z","provider_name":"zitadel","provider_user_id":"z-1",` +
		`"user_type":"human","personal_access_tokens":[{"id":"pat-1","name":"ci"}],"provider_user_state":"USER_STATE_ACTIVE",` +
		`"email":"ada@example.com","control_tags":[],"tenant_id":"t-1"}`
	var u User
	roundTrip(t, data, &u)
	if u.UserType != enums.UserTypeHuman || *u.ProviderUserState != enums.UserStateActive || *u.Email != "ada@example.com" ||
		u.PersonalAccessTokens[0].Token != "" || u.ControlTags == nil {
		t.Errorf("user = %+v", u)
	}
}

func TestAdminBodies(t *testing.T) {
	created := `"2026-04-01T12:00:00.000000Z"`
	rev := `{"id":"r","created":` + created + `,"file_id":null,"content_token":{"id":"a","created":` + created +
		`,"sha":"x","salt":"y"},"properties_token":{"id":"b","created":` + created + `,"sha":"x","salt":"y"},"archive_status_history":[]}`
	var fr FileRevision
	if err := json.Unmarshal([]byte(rev), &fr); err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(NewFunctionAuthSecret{Revision: fr, FunctionAuthType: enums.FunctionAuthTypeBasic, SHA: "s1", Salt: "s2"})
	requireSameJSON(t, b, []byte(`{"revision":`+rev+`,"function_auth_type":"basic","sha":"s1","salt":"s2"}`))
	b, _ = json.Marshal(AuthIntegrationUpdate{AuthType: ptr(enums.FunctionAuthTypeOAuth2)})
	if string(b) != `{"auth_type":"oauth2"}` {
		t.Errorf("got %s", b)
	}
	b, _ = json.Marshal(NewAuthIntegration{AuthIntegrationType: enums.AuthIntegrationTypeMicrosoftEntra, AppIntegrationID: "app-1",
		AuthType: enums.FunctionAuthTypeOAuth2, Revision: fr})
	requireSameJSON(t, b, []byte(`{"auth_integration_type":"microsoft_entra","app_integration_id":"app-1","auth_type":"oauth2","revision":`+rev+`}`))
	b, _ = json.Marshal(UploadURLRequest{SHA: "aa", Salt: "bb"})
	if string(b) != `{"sha":"aa","salt":"bb"}` {
		t.Errorf("got %s", b)
	}
	var u PresignedURL
	if err := json.Unmarshal([]byte(`{"url":"https://bucket.s3.amazonaws.com/k?X-Amz-Signature=abc"}`), &u); err != nil ||
		u.URL != "https://bucket.s3.amazonaws.com/k?X-Amz-Signature=abc" {
		t.Errorf("url %q %v", u.URL, err)
	}
}

func TestHealthStatusRaw(t *testing.T) {
	for _, data := range []string{`{"status":"ok"}`, `"OK"`, `true`} {
		var h HealthStatus
		if err := json.Unmarshal([]byte(data), &h); err != nil || string(h.Raw) != data {
			t.Errorf("%s: raw %s, %v", data, h.Raw, err)
		}
		b, _ := json.Marshal(h)
		if string(b) != data {
			t.Errorf("%s re-encoded as %s", data, b)
		}
	}
	b, _ := json.Marshal(HealthStatus{})
	if string(b) != "null" {
		t.Errorf("empty = %s", b)
	}
}
