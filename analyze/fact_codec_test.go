package analyze

import (
	"fmt"
	"reflect"
	"testing"
)

// fillEveryField sets every field of v, recursively, to a value that
// differs from its zero value and from the other fields', so that a field
// the codec forgets cannot round-trip by luck.
func fillEveryField(v reflect.Value, counter *int) {
	*counter++
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("字段%d", *counter))
	case reflect.Int:
		v.SetInt(int64(*counter) * 1000003)
	case reflect.Float64:
		v.SetFloat(float64(*counter) + 0.25)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fillEveryField(v.Elem(), counter)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range v.Len() {
			fillEveryField(v.Index(i), counter)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			fillEveryField(v.Field(i), counter)
		}
	default:
		panic(fmt.Sprintf("fillEveryField: add a case for %s", v.Kind()))
	}
}

func TestFactCodecRoundTrip(t *testing.T) {
	var full Fact
	counter := 0
	fillEveryField(reflect.ValueOf(&full).Elem(), &counter)
	low := -0.0
	cases := []struct {
		fact   Fact
		reason string
	}{
		{full, "every field set: a field missing from the codec comes back zero"},
		{Fact{}, "the zero fact: nil bounds and nil parents stay nil"},
		{Fact{Parents: []UnitRef{}, Low: &low}, "empty parents are not nil parents; -0 keeps its sign"},
		{Fact{Sentence: "含有\x00零字节与换行\n的句子", Value: 1e15}, "strings are length-prefixed, so any byte is kept"},
	}
	for _, c := range cases {
		encoded := appendFact(nil, &c.fact)
		got, err := decodeFact(encoded)
		if err != nil {
			t.Fatalf("%s: %v", c.reason, err)
		}
		if !reflect.DeepEqual(got, c.fact) {
			t.Errorf("%s:\ngot  %+v\nwant %+v", c.reason, got, c.fact)
		}
		for n := range len(encoded) {
			if _, err := decodeFact(encoded[:n]); err == nil {
				t.Errorf("%s: a fact cut to %d of %d bytes decoded without an error", c.reason, n, len(encoded))
				break
			}
		}
	}
}

func FuzzDecodeFact(f *testing.F) {
	f.Add(appendFact(nil, &Fact{Ref: "a#1:q1", Parents: []UnitRef{{Name: "鄯善县"}}}))
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, data []byte) {
		fact, err := decodeFact(data)
		if err != nil {
			return
		}
		// whatever decodes survives a round trip unchanged (the input bytes
		// may differ: any non-zero byte reads as true; NaN defeats DeepEqual,
		// so the encodings are compared)
		canonical := appendFact(nil, &fact)
		again, err := decodeFact(canonical)
		if err != nil || string(appendFact(nil, &again)) != string(canonical) {
			t.Errorf("a decoded fact did not survive encoding again: %v\n%+v\n%+v", err, fact, again)
		}
	})
}
