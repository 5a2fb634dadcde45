package analyze

import (
	"encoding/binary"
	"errors"
	"math"
)

// The fact codec is how a streamed summary keeps its facts on disk: a
// plain field-by-field binary layout, because decoding JSON was the larger
// part of every pass over the facts. It is an internal format of one run's
// temporary database, never stored for long, so it has no version; the
// round-trip test fills every field by reflection and fails when a field
// is added to Fact but not here.

// appendFact appends the encoding of f to b.
func appendFact(b []byte, f *Fact) []byte {
	b = appendString(b, f.Ref)
	b = appendString(b, f.Path)
	b = binary.AppendVarint(b, int64(f.Bulletin))
	b = appendString(b, f.Record)
	b = appendString(b, f.Quantity)
	b = binary.AppendVarint(b, int64(f.Start))
	b = binary.AppendVarint(b, int64(f.End))
	b = binary.AppendVarint(b, int64(f.Line))
	b = appendString(b, f.Sentence)
	b = appendString(b, f.Text)
	b = appendString(b, f.Date)
	b = appendString(b, f.Unit)
	b = appendString(b, f.UnitCode)
	b = appendString(b, f.UnitLevel)
	// A nil and an empty Parents encode differently in JSON (omitempty
	// drops both, but keep them apart anyway so the round trip is exact).
	if f.Parents == nil {
		b = binary.AppendUvarint(b, 0)
	} else {
		b = binary.AppendUvarint(b, uint64(len(f.Parents))+1)
	}
	for _, p := range f.Parents {
		b = appendString(b, p.Code)
		b = appendString(b, p.Name)
		b = appendString(b, p.Level)
	}
	b = appendString(b, f.Activity)
	b = appendString(b, f.Object)
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(f.Value))
	b = appendOptionalFloat(b, f.Low)
	b = appendOptionalFloat(b, f.High)
	b = appendString(b, f.Bound)
	b = appendString(b, f.Measure)
	b = appendString(b, f.Category)
	b = appendString(b, f.Canonical)
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(f.Factor))
	b = appendBool(b, f.Additive)
	b = appendString(b, f.Period)
	b = appendBool(b, f.Cumulative)
	b = appendString(b, f.Parent)
	b = appendString(b, f.ParentActivity)
	b = appendString(b, f.Dropped)
	b = appendString(b, f.DuplicateOf)
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendOptionalFloat(b []byte, p *float64) []byte {
	if p == nil {
		return append(b, 0)
	}
	b = append(b, 1)
	return binary.LittleEndian.AppendUint64(b, math.Float64bits(*p))
}

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

var errShortFact = errors.New("analyze: truncated fact encoding")

// factDecoder reads what appendFact wrote; the first error sticks, so
// that decodeFact checks once at the end. The fact's strings are all cut
// from one copy of its bytes, one allocation instead of one per field,
// which was most of the cost of a pass over the facts.
type factDecoder struct {
	b    []byte
	all  string // the bytes, copied once
	used int    // of all, the bytes b has moved past
	err  error
}

func decodeFact(b []byte) (Fact, error) {
	d := factDecoder{b: b, all: string(b)}
	var f Fact
	f.Ref = d.string()
	f.Path = d.string()
	f.Bulletin = d.int()
	f.Record = d.string()
	f.Quantity = d.string()
	f.Start = d.int()
	f.End = d.int()
	f.Line = d.int()
	f.Sentence = d.string()
	f.Text = d.string()
	f.Date = d.string()
	f.Unit = d.string()
	f.UnitCode = d.string()
	f.UnitLevel = d.string()
	if n := d.uvarint(); n > 0 && d.err == nil {
		if n-1 > uint64(len(d.b)) { // each parent takes at least 3 bytes
			d.err = errShortFact
		} else {
			f.Parents = make([]UnitRef, n-1)
			for i := range f.Parents {
				f.Parents[i] = UnitRef{Code: d.string(), Name: d.string(), Level: d.string()}
			}
		}
	}
	f.Activity = d.string()
	f.Object = d.string()
	f.Value = d.float()
	f.Low = d.optionalFloat()
	f.High = d.optionalFloat()
	f.Bound = d.string()
	f.Measure = d.string()
	f.Category = d.string()
	f.Canonical = d.string()
	f.Factor = d.float()
	f.Additive = d.bool()
	f.Period = d.string()
	f.Cumulative = d.bool()
	f.Parent = d.string()
	f.ParentActivity = d.string()
	f.Dropped = d.string()
	f.DuplicateOf = d.string()
	if d.err == nil && len(d.b) != 0 {
		d.err = errors.New("analyze: trailing bytes after a fact")
	}
	return f, d.err
}

func (d *factDecoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errShortFact
		return 0
	}
	d.skip(n)
	return v
}

func (d *factDecoder) skip(n int) {
	d.b = d.b[n:]
	d.used += n
}

func (d *factDecoder) int() int {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.err = errShortFact
		return 0
	}
	d.skip(n)
	return int(v)
}

func (d *factDecoder) string() string {
	n := d.uvarint()
	if d.err != nil {
		return ""
	}
	if n > uint64(len(d.b)) {
		d.err = errShortFact
		return ""
	}
	if n == 0 {
		return ""
	}
	s := d.all[d.used : d.used+int(n)]
	d.skip(int(n))
	return s
}

func (d *factDecoder) float() float64 {
	if d.err != nil {
		return 0
	}
	if len(d.b) < 8 {
		d.err = errShortFact
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(d.b))
	d.skip(8)
	return v
}

func (d *factDecoder) optionalFloat() *float64 {
	if !d.bool() {
		return nil
	}
	v := d.float()
	return &v
}

func (d *factDecoder) bool() bool {
	if d.err != nil {
		return false
	}
	if len(d.b) < 1 {
		d.err = errShortFact
		return false
	}
	v := d.b[0] != 0
	d.skip(1)
	return v
}
