package types

// This file holds the one generic mechanism that keeps unknown JSON keys of partially known models in an Extra
// map, so callers reach fields the SDK does not model yet and a decode/encode round trip loses
// nothing. A model opts in with a field `Extra ExtraFields `json:"-"`` and two short methods:
//
//	func (m *X) UnmarshalJSON(data []byte) error { type plain X; return decodeWithExtra(data, (*plain)(m), &m.Extra) }
//	func (m X) MarshalJSON() ([]byte, error)     { type plain X; return encodeWithExtra(plain(m), m.Extra) }
//
// The known keys are read once per type from the json tags (embedded structs included), so no key list is
// maintained by hand. Keys are compared the way encoding/json matches them to fields (case-insensitively), so a
// key such as "Token" that fills the token field is not kept in Extra too.
//
// Extra is an ExtraFields map: its printed and logged forms show "[REDACTED]" for the value of any key that
// looks like a credential.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// ExtraFields holds the JSON keys of a response that the model does not map, each with its raw JSON value. It
// is a plain map: read it directly or with [ExtraValue]. Formatting it (every fmt verb, String, GoString) and
// logging it (slog) shows the raw JSON of each key, except for keys whose name looks like a credential (token,
// secret, password, credential, authorization, key, ...), whose values print as "[REDACTED]". JSON encoding of
// the model keeps every value, so a decode/encode round trip loses nothing. Go-only.
type ExtraFields map[string]json.RawMessage

// redactedValue replaces credential-looking values in printed and logged forms of ExtraFields.
const redactedValue = "[REDACTED]"

// CredentialKey reports whether a JSON key names a credential: after lower-casing and removing '_' and '-',
// it contains token, secret, password, passwd, credential, authorization or signature, or ends in key
// (key, api_key, accessKey, private_key, ...). Go-only.
func CredentialKey(key string) bool {
	k := strings.NewReplacer("_", "", "-", "").Replace(strings.ToLower(key))
	for _, w := range []string{"token", "secret", "password", "passwd", "credential", "authorization", "signature"} {
		if strings.Contains(k, w) {
			return true
		}
	}
	return strings.HasSuffix(k, "key")
}

// shown returns the printable value of key: its raw JSON, or "[REDACTED]".
func (e ExtraFields) shown(key string) string {
	if CredentialKey(key) {
		return redactedValue
	}
	return string(e[key])
}

func (e ExtraFields) sortedKeys() []string {
	keys := make([]string, 0, len(e))
	for k := range e {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// String renders map[key:raw-json ...] in key order, credential values redacted.
func (e ExtraFields) String() string {
	var b strings.Builder
	b.WriteString("map[")
	for i, k := range e.sortedKeys() {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(k)
		b.WriteByte(':')
		b.WriteString(e.shown(k))
	}
	b.WriteByte(']')
	return b.String()
}

// GoString renders types.ExtraFields{"key":`raw-json`, ...}, credential values redacted.
func (e ExtraFields) GoString() string {
	if e == nil {
		return "types.ExtraFields(nil)"
	}
	var b strings.Builder
	b.WriteString("types.ExtraFields{")
	for i, k := range e.sortedKeys() {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(k))
		b.WriteByte(':')
		b.WriteString(strconv.Quote(e.shown(k)))
	}
	b.WriteByte('}')
	return b.String()
}

// Format implements fmt.Formatter: %#v is GoString, %q the quoted String, every other verb String.
func (e ExtraFields) Format(f fmt.State, verb rune) {
	switch {
	case verb == 'v' && f.Flag('#'):
		_, _ = f.Write([]byte(e.GoString()))
	case verb == 'q':
		_, _ = f.Write([]byte(strconv.Quote(e.String())))
	default:
		_, _ = f.Write([]byte(e.String()))
	}
}

// LogValue implements slog.LogValuer: a group of the keys with their raw JSON, credential values redacted.
func (e ExtraFields) LogValue() slog.Value {
	attrs := make([]slog.Attr, 0, len(e))
	for _, k := range e.sortedKeys() {
		attrs = append(attrs, slog.String(k, e.shown(k)))
	}
	return slog.GroupValue(attrs...)
}

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

// isKnown reports whether encoding/json would decode key into one of the known fields: an exact match, else a
// case-insensitive one (encoding/json folds names like strings.EqualFold).
func isKnown(known map[string]bool, key string) bool {
	if known[key] {
		return true
	}
	for k := range known {
		if strings.EqualFold(k, key) {
			return true
		}
	}
	return false
}

// decodeWithExtra decodes data into v (a pointer to a method-less alias of the model) and stores every object
// key that no field of v maps to in *extra (nil when there is none). null leaves v and *extra unchanged.
func decodeWithExtra(data []byte, v any, extra *ExtraFields) error {
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
		if isKnown(known, k) {
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
func encodeWithExtra(v any, extra ExtraFields) ([]byte, error) {
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
		if !isKnown(known, k) {
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
