package istari

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

const testSecretValue = "pat-0123456789abcdef"

func TestSecretFormatting(t *testing.T) {
	s := Secret(testSecretValue)
	tests := []struct {
		format string
		want   string
	}{
		{"%v", "[REDACTED]"},
		{"%+v", "[REDACTED]"},
		{"%#v", `"[REDACTED]"`},
		{"%s", "[REDACTED]"},
		{"%q", `"[REDACTED]"`},
		{"%x", "[REDACTED]"},
		{"%X", "[REDACTED]"},
		{"%d", "[REDACTED]"},
		{"%20s", "[REDACTED]"},
		{"%.3s", "[REDACTED]"},
		{"%T", "types.SecretString"},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			if got := fmt.Sprintf(tt.format, s); got != tt.want {
				t.Errorf("Sprintf(%q) = %q, want %q", tt.format, got, tt.want)
			}
			if got := fmt.Sprintf(tt.format, &s); strings.Contains(got, testSecretValue) {
				t.Errorf("Sprintf(%q, &s) leaks the secret: %q", tt.format, got)
			}
		})
	}
	if got := s.String(); got != "[REDACTED]" {
		t.Errorf("String() = %q", got)
	}
	if got := s.GoString(); got != `"[REDACTED]"` {
		t.Errorf("GoString() = %q", got)
	}
	if got := fmt.Sprint(s); got != "[REDACTED]" {
		t.Errorf("Sprint = %q", got)
	}
	if got := fmt.Sprintln(s); got != "[REDACTED]\n" {
		t.Errorf("Sprintln = %q", got)
	}
}

func TestSecretEmptyPrintsEmpty(t *testing.T) {
	var s Secret
	for format, want := range map[string]string{"%v": "", "%+v": "", "%#v": `""`, "%s": "", "%q": `""`} {
		if got := fmt.Sprintf(format, s); got != want {
			t.Errorf("Sprintf(%q, empty) = %q, want %q", format, got, want)
		}
	}
	if s.String() != "" || s.GoString() != `""` {
		t.Errorf("String/GoString of empty = %q/%q", s.String(), s.GoString())
	}
	b, err := json.Marshal(s)
	if err != nil || string(b) != `""` {
		t.Errorf("json.Marshal(empty) = %s, %v", b, err)
	}
	if v := s.LogValue(); v.String() != "" {
		t.Errorf("LogValue(empty) = %q", v.String())
	}
}

func TestSecretReveal(t *testing.T) {
	if got := Secret(testSecretValue).Reveal(); got != testSecretValue {
		t.Fatalf("Reveal() = %q", got)
	}
	if got := Secret("").Reveal(); got != "" {
		t.Fatalf("Reveal() of empty = %q", got)
	}
}

func TestSecretNestedInStruct(t *testing.T) {
	type holder struct {
		Name  string
		Token Secret
		Ptr   *Secret
	}
	s := Secret(testSecretValue)
	h := holder{Name: "n", Token: s, Ptr: &s}
	for _, format := range []string{"%v", "%+v", "%#v", "%s", "%d", "%x", "%q"} {
		got := fmt.Sprintf(format, h)
		if strings.Contains(got, testSecretValue) {
			t.Errorf("Sprintf(%q, struct) leaks the secret: %s", format, got)
		}
	}
	if got, want := fmt.Sprintf("%+v", h), "{Name:n Token:[REDACTED] Ptr:"; !strings.HasPrefix(got, want) {
		t.Errorf("Sprintf(%%+v) = %q, want prefix %q", got, want)
	}
}

func TestSecretMarshal(t *testing.T) {
	s := Secret(testSecretValue)
	b, err := json.Marshal(s)
	if err != nil || string(b) != `"[REDACTED]"` {
		t.Fatalf("json.Marshal = %s, %v", b, err)
	}
	b, err = json.Marshal(struct {
		Token Secret            `json:"token"`
		Map   map[string]Secret `json:"map"`
	}{s, map[string]Secret{"k": s}})
	if err != nil || string(b) != `{"token":"[REDACTED]","map":{"k":"[REDACTED]"}}` {
		t.Fatalf("json.Marshal(struct) = %s, %v", b, err)
	}
	txt, err := s.MarshalText()
	if err != nil || string(txt) != "[REDACTED]" {
		t.Fatalf("MarshalText = %s, %v", txt, err)
	}
}

func TestSecretLogValue(t *testing.T) {
	s := Secret(testSecretValue)
	if got := s.LogValue(); got.Kind() != slog.KindString || got.String() != "[REDACTED]" {
		t.Fatalf("LogValue() = %v (%v)", got, got.Kind())
	}
	for name, newHandler := range map[string]func(*bytes.Buffer) slog.Handler{
		"text": func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) },
		"json": func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) },
	} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			l := slog.New(newHandler(&buf))
			l.Info("msg", "token", s, slog.Any("any", s), slog.Group("g", "inner", s))
			out := buf.String()
			if strings.Contains(out, testSecretValue) {
				t.Fatalf("log output leaks the secret: %s", out)
			}
			if n := strings.Count(out, "[REDACTED]"); n != 3 {
				t.Fatalf("want 3 redactions, got %d: %s", n, out)
			}
		})
	}
}

func TestRedactURL(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"http://proxy.corp:3128", "http://proxy.corp:3128"},
		{"http://alice:s3cret@proxy.corp:3128", "http://[REDACTED]@proxy.corp:3128"},
		{"https://alice:s3cret@proxy.corp/path?x=1", "https://[REDACTED]@proxy.corp/path?x=1"},
		{"http://al%40ice:p%3Ass@proxy.corp:8080", "http://[REDACTED]@proxy.corp:8080"},
		{"http://alice:@proxy.corp", "http://[REDACTED]@proxy.corp"},
		{"http://alice@proxy.corp", "http://[REDACTED]@proxy.corp"}, // a bare user name may be an API key
		{"proxy.corp:3128", "proxy.corp:3128"},
		{"alice:s3cret@proxy.corp:3128", "[REDACTED]"},
		{"//alice:s3cret@proxy.corp", "[REDACTED]"},
		{"http://alice:s3cret@proxy corp:80", "[REDACTED]"},
		{"http://a b:s3cret@%zz", "[REDACTED]"},
		{"https://registry.example.com/", "https://registry.example.com/"},
	}
	for _, tt := range tests {
		if got := redactURL(tt.in); got != tt.want {
			t.Errorf("redactURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if strings.Contains(redactURL(tt.in), "s3cret") {
			t.Errorf("redactURL(%q) leaks the password", tt.in)
		}
	}
}
