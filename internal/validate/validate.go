// Package validate holds the one validator/v10 instance of the SDK and turns its findings into
// plain violations that the root package reports as *istari.ValidationError.
//
// Field names are the wire names (json or query tag), so a violation reads the way the registry and the
// Python client name the field: "description", "tracked_files[0].file_id".
package validate

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"
)

// Violation is one broken rule. As an error it is what internal packages return for a local problem; the root
// package reports it as *istari.ValidationError.
type Violation struct {
	Field  string // wire name path, e.g. "description" or "items[2].path"
	Rule   string // validator tag, e.g. "max", "required", "oneof"
	Param  string // the rule's bound, e.g. "255"
	Length int    // rune length of a string value, or the length of a slice; -1 when not applicable
	Msg    string // optional explanation
	Err    error  // the underlying cause, if any (an fs error for an upload path)
}

// Unwrap returns the underlying cause, so a missing upload file matches fs.ErrNotExist.
func (v *Violation) Unwrap() error { return v.Err }

// Error describes the violation.
func (v *Violation) Error() string {
	s := "istari: invalid " + v.Field + ": " + v.Rule
	if v.Param != "" {
		s += "=" + v.Param
	}
	if v.Msg != "" {
		s += " (" + v.Msg + ")"
	}
	return s
}

// MaxColumn is the registry's column width for names and revision metadata (description, display name,
// version name, external identifier, file name, extension): a longer value is not storable, so it fails
// locally. The "column" tag checks it and is reported as the rule max=255.
const MaxColumn = 255

// column is the validator of the "column" tag: a string (or *string) of at most MaxColumn runes.
func column(fl validator.FieldLevel) bool {
	return utf8.RuneCountInString(fl.Field().String()) <= MaxColumn
}

// Prefix returns v with its field path under parent ("items[2]" + "description" = "items[2].description").
func Prefix(parent string, v *Violation) *Violation {
	if v == nil {
		return nil
	}
	out := *v
	out.Field = parent + "." + v.Field
	return &out
}

// First validates v with Struct and returns its first violation, nil when there is none.
func First(v any) *Violation {
	if vs := Struct(v); len(vs) > 0 {
		return &vs[0]
	}
	return nil
}

var (
	once     sync.Once
	instance *validator.Validate
)

func get() *validator.Validate {
	once.Do(func() {
		v := validator.New(validator.WithRequiredStructEnabled())
		v.RegisterTagNameFunc(wireName)
		if err := v.RegisterValidation("column", column); err != nil {
			panic(err) // a programming error: the tag name is constant
		}
		instance = v
	})
	return instance
}

// embedded marks an anonymous struct field (PageOptions) so that trimRoot can drop it from paths.
const embedded = "~embedded~"

func wireName(f reflect.StructField) string {
	if f.Anonymous && f.Tag.Get("json") == "" && f.Tag.Get("query") == "" {
		return embedded
	}
	for _, key := range []string{"json", "query"} {
		if tag, ok := f.Tag.Lookup(key); ok {
			name, _, _ := strings.Cut(tag, ",")
			if name == "-" {
				return ""
			}
			if name != "" {
				return name
			}
		}
	}
	return f.Name
}

// Struct validates v (a struct or a pointer to one; nil passes) and returns its violations in field order.
func Struct(v any) []Violation {
	if v == nil {
		return nil
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && rv.IsNil() {
		return nil
	}
	for rv.Kind() == reflect.Pointer {
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return nil
	}
	err := get().Struct(v)
	if err == nil {
		return nil
	}
	var verrs validator.ValidationErrors
	if !errors.As(err, &verrs) {
		return []Violation{{Field: "", Rule: "invalid", Length: -1}}
	}
	out := make([]Violation, 0, len(verrs))
	for _, fe := range verrs {
		rule, param := fe.Tag(), fe.Param()
		if rule == "column" {
			rule, param = "max", strconv.Itoa(MaxColumn)
		}
		out = append(out, Violation{Field: trimRoot(fe.Namespace()), Rule: rule, Param: param, Length: lengthOf(fe.Value())})
	}
	return out
}

// Body validates a request body like Struct, except that a nil pointer to a struct is validated as the struct's
// zero value: a missing body breaks whatever its required fields state (a nil *NewAgentPool reports "name").
func Body(v any) []Violation {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && rv.IsNil() && rv.Type().Elem().Kind() == reflect.Struct {
		return Struct(reflect.New(rv.Type().Elem()).Interface())
	}
	return Struct(v)
}

// trimRoot drops the struct type name that validator puts first ("ListFilesParams.page" -> "page").
// Embedded structs are flattened, as they are on the wire.
func trimRoot(ns string) string {
	if _, rest, ok := strings.Cut(ns, "."); ok {
		ns = rest
	}
	return strings.ReplaceAll(ns, embedded+".", "")
}

func lengthOf(v any) int {
	switch x := v.(type) {
	case string:
		return utf8.RuneCountInString(x)
	case *string:
		if x != nil {
			return utf8.RuneCountInString(*x)
		}
	}
	rv := reflect.ValueOf(v)
	if rv.IsValid() && (rv.Kind() == reflect.Slice || rv.Kind() == reflect.Map) {
		return rv.Len()
	}
	if rv.IsValid() && rv.Kind() == reflect.String {
		return utf8.RuneCountInString(rv.String())
	}
	return -1
}

// IsNil reports whether v is nil or an interface holding a nil pointer, map, slice, channel or func (a typed
// nil such as (*bytes.Reader)(nil), which compares unequal to nil but panics when used).
func IsNil(v any) bool {
	if v == nil {
		return true
	}
	switch rv := reflect.ValueOf(v); rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Chan, reflect.Func, reflect.Interface, reflect.UnsafePointer:
		return rv.IsNil()
	}
	return false
}
