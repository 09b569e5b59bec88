package types

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// TimestampLayout is the layout Timestamp emits: RFC 3339 with exactly six fractional digits and a numeric offset
// or Z, matching Python's "%Y-%m-%dT%H:%M:%S.%f%z" with a colon in the offset.
const TimestampLayout = "2006-01-02T15:04:05.000000Z07:00"

// Timestamp is the Go rendering of the Python datetime fields (created, updated, expiration...).
//
// It encodes as RFC 3339 with microseconds (2026-04-01T12:00:00.000000Z), and the zero value encodes as null.
// Decoding is lenient: null (leaves the zero value), RFC 3339 with any fraction, an offset without a colon
// (+0000) or with hours only (+00), no offset at all (read as UTC), a space instead of the T, and a bare date
// (YYYY-MM-DD, midnight UTC).
type Timestamp struct{ time.Time }

// timestampLayouts are tried in order by ParseTimestamp. Fractional seconds are accepted by time.Parse after the
// seconds field even though the layouts do not spell them.
var timestampLayouts = []string{
	time.RFC3339,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05Z07",
	"2006-01-02T15:04:05",
	time.DateOnly,
}

// ParseTimestamp parses s with the lenient rules of Timestamp. A missing offset means UTC.
func ParseTimestamp(s string) (Timestamp, error) {
	v := strings.TrimSpace(s)
	if len(v) > 10 && v[10] == ' ' {
		v = v[:10] + "T" + v[11:]
	}
	for _, layout := range timestampLayouts {
		if t, err := time.Parse(layout, v); err == nil {
			return Timestamp{t}, nil
		}
	}
	return Timestamp{}, fmt.Errorf("istari: cannot parse %q as a timestamp", s)
}

// MarshalJSON encodes t as an RFC 3339 string with microseconds, or null for the zero value.
func (t Timestamp) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(t.Format(TimestampLayout))
}

// UnmarshalJSON decodes a JSON string with the lenient rules of ParseTimestamp; null leaves t unchanged.
func (t *Timestamp) UnmarshalJSON(data []byte) error {
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		return nil
	}
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return fmt.Errorf("istari: timestamp must be a JSON string: %w", err)
	}
	p, err := ParseTimestamp(s)
	if err != nil {
		return err
	}
	*t = p
	return nil
}

// MarshalText encodes t like MarshalJSON without quotes; the zero value encodes as an empty string. It keeps
// text encoders (query strings, map keys) on the same format instead of time.Time's RFC3339Nano.
func (t Timestamp) MarshalText() ([]byte, error) {
	if t.IsZero() {
		return []byte{}, nil
	}
	return []byte(t.Format(TimestampLayout)), nil
}

// UnmarshalText decodes text with the lenient rules of ParseTimestamp; empty text gives the zero value.
func (t *Timestamp) UnmarshalText(text []byte) error {
	if len(bytes.TrimSpace(text)) == 0 {
		*t = Timestamp{}
		return nil
	}
	p, err := ParseTimestamp(string(text))
	if err != nil {
		return err
	}
	*t = p
	return nil
}
