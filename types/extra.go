package types

// This file holds the one generic mechanism that keeps unknown JSON keys of partially known models in an Extra
// map, so callers reach fields the SDK does not model yet and a decode/encode round trip loses
// nothing. A model opts in with a field `Extra map[string]json.RawMessage `json:"-"`` and two short methods:
//
//	func (m *X) UnmarshalJSON(data []byte) error { type plain X; return decodeWithExtra(data, (*plain)(m), &m.Extra) }
//	func (m X) MarshalJSON() ([]byte, error)     { type plain X; return encodeWithExtra(plain(m), m.Extra) }
//
// The known keys are read once per type from the json tags (embedded structs included), so no key list is
// maintained by hand. Keys are compared exactly, while encoding/json matches fields case-insensitively: a key
// such as "ID" fills the id field and is also kept in Extra (the server is not known to send such keys).

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
)

var knownKeysCache sync.Map // reflect.Type -> map[string]bool

// knownKeys returns the JSON object keys that encoding/json maps to fields of the struct type t.
func knownKeys(t reflect.Type) map[string]bool {
	if v, ok := knownKeysCache.Load(t); ok {
		return v.(map[string]bool)
	}
	keys := map[string]bool{}
	collectKeys(t, keys)
	v, _ := knownKeysCache.LoadOrStore(t, keys)
	return v.(map[string]bool)
}

func collectKeys(t reflect.Type, keys map[string]bool) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return
	}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			ft := f.Type
			for ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				collectKeys(ft, keys)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		keys[name] = true
	}
}

// decodeWithExtra decodes data into v (a pointer to a method-less alias of the model) and stores every object
// key that no field of v maps to in *extra (nil when there is none). null leaves v and *extra unchanged.
func decodeWithExtra(data []byte, v any, extra *map[string]json.RawMessage) error {
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		return nil
	}
	if err := json.Unmarshal(data, v); err != nil {
		return err
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(data, &all); err != nil {
		return err
	}
	known := knownKeys(reflect.TypeOf(v))
	for k := range all {
		if known[k] {
			delete(all, k)
		}
	}
	if len(all) == 0 {
		all = nil
	}
	*extra = all
	return nil
}

// encodeWithExtra encodes v (a method-less alias of the model) and appends the extra keys in sorted order.
// A key that a field of v already owns is skipped, so a field always wins over an Extra entry.
func encodeWithExtra(v any, extra map[string]json.RawMessage) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil || len(extra) == 0 {
		return b, err
	}
	if len(b) < 2 || b[0] != '{' || b[len(b)-1] != '}' {
		return nil, fmt.Errorf("istari: cannot merge extra fields into %s", b)
	}
	known := knownKeys(reflect.TypeOf(v))
	keys := make([]string, 0, len(extra))
	for k := range extra {
		if !known[k] {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var buf bytes.Buffer
	buf.Write(b[:len(b)-1])
	first := len(b) == 2
	for _, k := range keys {
		if !first {
			buf.WriteByte(',')
		}
		first = false
		kb, err := json.Marshal(k)
		if err != nil {
			return nil, err
		}
		buf.Write(kb)
		buf.WriteByte(':')
		raw := extra[k]
		if len(raw) == 0 {
			buf.WriteString("null")
			continue
		}
		if err := json.Compact(&buf, raw); err != nil {
			return nil, fmt.Errorf("istari: extra field %q: %w", k, err)
		}
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// ExtraValue decodes the Extra entry key into a T. ok is false (and err nil) when the key is absent.
// Use it to read fields of partially known models that the SDK does not model yet:
//
//	name, ok, err := types.ExtraValue[string](item.Extra, "name")
func ExtraValue[T any](extra map[string]json.RawMessage, key string) (v T, ok bool, err error) {
	raw, ok := extra[key]
	if !ok {
		return v, false, nil
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		return v, true, fmt.Errorf("istari: extra field %q: %w", key, err)
	}
	return v, true, nil
}
