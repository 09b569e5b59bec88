package redact

import (
	"strings"
	"testing"
)

// Whatever surrounds a known secret, and whatever the secret is, the scrubbed text never contains it.
func FuzzScrubNeverLeaks(f *testing.F) {
	f.Add("see ", "tok-123456", " here")
	f.Add("https://", "user:pw@host", "/x?sig=1")
	f.Add("[REDACTE", "D]xy", "xy")
	f.Add("a://b", "a://c", "@c")
	f.Fuzz(func(t *testing.T, before, secret, after string) {
		if len(secret) < minSecret {
			return
		}
		s := New(secret)
		out := s.String(before + secret + after)
		if strings.Contains(out, secret) {
			t.Fatalf("String(%q) = %q still holds %q", before+secret+after, out, secret)
		}
	})
}
