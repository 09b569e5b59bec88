package types

import (
	"encoding/json"
	"testing"
	"time"
)

func TestTimestampMarshal(t *testing.T) {
	cases := []struct {
		in   Timestamp
		want string
	}{
		{Timestamp{time.Date(2026, 4, 1, 12, 0, 0, 0, time.UTC)}, `"2026-04-01T12:00:00.000000Z"`},
		{Timestamp{time.Date(2026, 4, 1, 12, 0, 0, 123456789, time.UTC)}, `"2026-04-01T12:00:00.123456Z"`},
		{Timestamp{time.Date(2026, 4, 1, 14, 30, 5, 1000, time.FixedZone("", 2*3600))}, `"2026-04-01T14:30:05.000001+02:00"`},
		{Timestamp{}, `null`},
	}
	for _, c := range cases {
		b, err := json.Marshal(c.in)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != c.want {
			t.Errorf("Marshal(%v) = %s, want %s", c.in.Time, b, c.want)
		}
	}
	// A nil *Timestamp with omitempty is absent; a zero value inside a pointer is null.
	var s struct {
		A *Timestamp `json:"a,omitempty"`
		B *Timestamp `json:"b"`
	}
	s.B = &Timestamp{}
	b, _ := json.Marshal(s)
	if string(b) != `{"b":null}` {
		t.Errorf("got %s", b)
	}
}

func TestTimestampUnmarshalForms(t *testing.T) {
	utc := func(y int, mo time.Month, d, h, mi, s, ns int) time.Time {
		return time.Date(y, mo, d, h, mi, s, ns, time.UTC)
	}
	cases := []struct {
		in   string
		want time.Time
	}{
		{`"2026-04-01T12:00:00Z"`, utc(2026, 4, 1, 12, 0, 0, 0)},
		{`"2026-04-01T12:00:00.000000Z"`, utc(2026, 4, 1, 12, 0, 0, 0)},
		{`"2026-04-01T12:00:00.5Z"`, utc(2026, 4, 1, 12, 0, 0, 500000000)},
		{`"2026-04-01T12:00:00.123456789Z"`, utc(2026, 4, 1, 12, 0, 0, 123456789)},
		{`"2026-04-01T12:00:00.123456+00:00"`, utc(2026, 4, 1, 12, 0, 0, 123456000)},
		{`"2026-04-01T14:00:00.123456+02:00"`, utc(2026, 4, 1, 12, 0, 0, 123456000)},
		{`"2026-04-01T12:00:00.123456+0000"`, utc(2026, 4, 1, 12, 0, 0, 123456000)},
		{`"2026-04-01T07:00:00-0500"`, utc(2026, 4, 1, 12, 0, 0, 0)},
		{`"2026-04-01T12:00:00+00"`, utc(2026, 4, 1, 12, 0, 0, 0)},
		{`"2026-04-01T12:00:00.123456"`, utc(2026, 4, 1, 12, 0, 0, 123456000)},
		{`"2026-04-01T12:00:00"`, utc(2026, 4, 1, 12, 0, 0, 0)},
		{`"2026-04-01 12:00:00.25+00:00"`, utc(2026, 4, 1, 12, 0, 0, 250000000)},
		{`"2026-04-01"`, utc(2026, 4, 1, 0, 0, 0, 0)},
	}
	for _, c := range cases {
		var ts Timestamp
		if err := json.Unmarshal([]byte(c.in), &ts); err != nil {
			t.Errorf("Unmarshal(%s): %v", c.in, err)
			continue
		}
		if !ts.Equal(c.want) {
			t.Errorf("Unmarshal(%s) = %v, want %v", c.in, ts.Time, c.want)
		}
	}
	// No offset means UTC, not local time.
	var ts Timestamp
	if err := json.Unmarshal([]byte(`"2026-04-01T12:00:00"`), &ts); err != nil {
		t.Fatal(err)
	}
	if ts.Location() != time.UTC {
		t.Errorf("location = %v, want UTC", ts.Location())
	}
}

func TestTimestampUnmarshalNullAndErrors(t *testing.T) {
	var s struct {
		Created Timestamp  `json:"created"`
		Updated *Timestamp `json:"updated"`
	}
	if err := json.Unmarshal([]byte(`{"created":null,"updated":null}`), &s); err != nil {
		t.Fatal(err)
	}
	if !s.Created.IsZero() || s.Updated != nil {
		t.Fatalf("null must give zero / nil, got %+v", s)
	}
	for _, bad := range []string{`"yesterday"`, `"2026-13-01"`, `12345`, `"2026-04-01T25:00:00Z"`} {
		var ts Timestamp
		if err := json.Unmarshal([]byte(bad), &ts); err == nil {
			t.Errorf("Unmarshal(%s) succeeded, want error", bad)
		}
	}
}

func TestTimestampRoundTripAndText(t *testing.T) {
	in := `"2026-04-01T12:00:00.123456+02:00"`
	var ts Timestamp
	if err := json.Unmarshal([]byte(in), &ts); err != nil {
		t.Fatal(err)
	}
	out, _ := json.Marshal(ts)
	if string(out) != in {
		t.Errorf("round trip %s -> %s", in, out)
	}
	txt, _ := ts.MarshalText()
	if string(txt) != "2026-04-01T12:00:00.123456+02:00" {
		t.Errorf("MarshalText = %s", txt)
	}
	var back Timestamp
	if err := back.UnmarshalText([]byte("2026-04-01")); err != nil || !back.Equal(time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("UnmarshalText = %v, %v", back.Time, err)
	}
	if txt, _ := (Timestamp{}).MarshalText(); len(txt) != 0 {
		t.Errorf("zero MarshalText = %q, want empty", txt)
	}
	// Map keys use MarshalText.
	m, _ := json.Marshal(map[Timestamp]int{ts: 1})
	if string(m) != `{"2026-04-01T12:00:00.123456+02:00":1}` {
		t.Errorf("map key = %s", m)
	}
}
