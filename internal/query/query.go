// Package query encodes parameter structs into URL query values.
//
// A field takes part when it carries a `query:"name"` tag. Nil pointers, empty slices and zero
// non-pointer values are not sent, so a caller's unset filter never reaches the registry (sending
// archive_status at all forces a slow server path). Anonymous struct fields without a tag are
// flattened, which is how every list parameter struct shares PageOptions.
package query

import (
	"encoding"
	"fmt"
	"net/url"
	"reflect"
	"strconv"
	"time"
)

// TimeLayout is the wire form of datetimes in query strings: RFC 3339 with microseconds.
const TimeLayout = "2006-01-02T15:04:05.000000Z07:00"

// Encode returns the query values of v, which must be nil, url.Values, a struct or a pointer to one.
func Encode(v any) (url.Values, error) {
	out := url.Values{}
	if v == nil {
		return out, nil
	}
	if q, ok := v.(url.Values); ok {
		for k, vs := range q {
			out[k] = append([]string(nil), vs...)
		}
		return out, nil
	}
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return out, nil
		}
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return nil, fmt.Errorf("query: cannot encode %T", v)
	}
	if err := encodeStruct(out, rv); err != nil {
		return nil, err
	}
	return out, nil
}

func encodeStruct(out url.Values, rv reflect.Value) error {
	rt := rv.Type()
	for i := range rt.NumField() {
		f := rt.Field(i)
		name, tagged := f.Tag.Lookup("query")
		fv := rv.Field(i)
		if !tagged {
			if f.Anonymous {
				for fv.Kind() == reflect.Pointer {
					if fv.IsNil() {
						break
					}
					fv = fv.Elem()
				}
				if fv.Kind() == reflect.Struct {
					if err := encodeStruct(out, fv); err != nil {
						return err
					}
				}
			}
			continue
		}
		if name == "-" || name == "" || !f.IsExported() {
			continue
		}
		if err := encodeValue(out, name, fv); err != nil {
			return fmt.Errorf("query: field %s: %w", f.Name, err)
		}
	}
	return nil
}

func encodeValue(out url.Values, name string, fv reflect.Value) error {
	if fv.Kind() == reflect.Pointer {
		if fv.IsNil() {
			return nil
		}
		return encodeScalar(out, name, fv.Elem(), true)
	}
	if fv.Kind() == reflect.Slice && fv.Type().Elem().Kind() != reflect.Uint8 {
		for j := range fv.Len() {
			if err := encodeScalar(out, name, fv.Index(j), true); err != nil {
				return err
			}
		}
		return nil
	}
	if fv.IsZero() {
		return nil
	}
	return encodeScalar(out, name, fv, true)
}

var timeType = reflect.TypeFor[time.Time]()

func encodeScalar(out url.Values, name string, v reflect.Value, _ bool) error {
	if v.Type() == timeType {
		out.Add(name, v.Interface().(time.Time).Format(TimeLayout))
		return nil
	}
	// Wrappers such as types.Timestamp embed time.Time.
	if v.Kind() == reflect.Struct && v.NumField() > 0 && v.Type().Field(0).Anonymous && v.Field(0).Type() == timeType {
		out.Add(name, v.Field(0).Interface().(time.Time).Format(TimeLayout))
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		out.Add(name, v.String())
	case reflect.Bool:
		out.Add(name, strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		out.Add(name, strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		out.Add(name, strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		out.Add(name, strconv.FormatFloat(v.Float(), 'f', -1, 64))
	default:
		if m, ok := v.Interface().(encoding.TextMarshaler); ok {
			b, err := m.MarshalText()
			if err != nil {
				return err
			}
			out.Add(name, string(b))
			return nil
		}
		if s, ok := v.Interface().(fmt.Stringer); ok {
			out.Add(name, s.String())
			return nil
		}
		return fmt.Errorf("unsupported kind %s", v.Kind())
	}
	return nil
}
