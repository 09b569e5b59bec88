package types

import (
	"encoding/json"
	"reflect"
	"testing"
)

// roundTrip decodes data into v, re-encodes v and requires the result to be the same JSON value as data
// (key order and whitespace aside). It returns the re-encoded bytes.
func roundTrip(t *testing.T, data string, v any) []byte {
	t.Helper()
	if err := json.Unmarshal([]byte(data), v); err != nil {
		t.Fatalf("decode: %v", err)
	}
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	requireSameJSON(t, out, []byte(data))
	return out
}

func requireSameJSON(t *testing.T, got, want []byte) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("got invalid JSON %s: %v", got, err)
	}
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatalf("want invalid JSON %s: %v", want, err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Fatalf("JSON differs\n got: %s\nwant: %s", got, want)
	}
}

func ptr[T any](v T) *T { return &v }
