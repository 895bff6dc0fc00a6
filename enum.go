package thidua

import "fmt"

// enum gives a small enumeration its names and text forms, so that every
// enumeration in the package reads and encodes the same way. Values index en
// (the English name, used in JSON) and vi (the Vietnamese name, optional);
// values below first are invalid, and so is any value past the end of en.
type enum[T ~uint8] struct {
	typ   string // the Go type's name, for invalid values: "Kind(7)"; defaults to field
	field string // the field's name in errors: "kind"
	first T      // lowest valid value
	en    []string
	vi    []string
	err   error // the sentinel an invalid value or name wraps
}

func (e enum[T]) valid(v T) bool { return v >= e.first && int(v) < len(e.en) }

func (e enum[T]) name(v T) string {
	if !e.valid(v) {
		typ := e.typ
		if typ == "" {
			typ = e.field
		}
		return fmt.Sprintf("%s(%d)", typ, uint8(v))
	}
	return e.en[v]
}

func (e enum[T]) vietnamese(v T) string {
	if !e.valid(v) || int(v) >= len(e.vi) {
		return e.name(v)
	}
	return e.vi[v]
}

func (e enum[T]) marshal(v T) ([]byte, error) {
	if !e.valid(v) {
		return nil, &FieldError{Field: e.field, Value: e.name(v), Err: e.err}
	}
	return []byte(e.en[v]), nil
}

func (e enum[T]) unmarshal(b []byte) (T, error) {
	for v := e.first; int(v) < len(e.en); v++ {
		if string(b) == e.en[v] {
			return v, nil
		}
	}
	return 0, &FieldError{Field: e.field, Value: string(b), Err: e.err}
}

// set stores the value named b in *dst, or reports it unknown.
func (e enum[T]) set(dst *T, b []byte) error {
	v, err := e.unmarshal(b)
	if err == nil {
		*dst = v
	}
	return err
}
