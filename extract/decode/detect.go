package decode

import (
	"bytes"
	"unicode/utf8"
)

const (
	// sampleBytes is how much of the input the candidates are scored on;
	// the chosen encoding then decodes everything.
	sampleBytes = 16 << 10
	// nearTie is the score difference under which two candidates are
	// treated as equally plausible (short GBK text scores close to Big5).
	nearTie = 0.03
	// maxInvalidShare is the share of invalid bytes among non-ASCII bytes
	// up to which damaged UTF-8 stays UTF-8. GBK read as UTF-8 is mostly
	// invalid, so a few bad bytes cannot make it look like UTF-8.
	maxInvalidShare = 0.05
	// maxControlShare is the share of control bytes above which non-UTF-16
	// input is binary.
	maxControlShare = 0.05
	// minUTF16Score is the score BOM-less UTF-16 must reach for input with
	// NUL or many control bytes to count as text.
	minUTF16Score = 0.6
)

type candidate struct {
	name    string
	score   float64
	invalid int
}

func detect(data []byte) (Result, error) {
	if bom := bomOf(data); bom != "" {
		body := data[bomLength(bom):]
		text, invalid := decodeWith(bom, body, int64(bomLength(bom)))
		return Result{Text: text, Encoding: bom, BOM: true, Confidence: 1, Invalid: invalid}, nil
	}
	sample := data[:min(len(data), sampleBytes)]
	if suspectBinary(sample) {
		// Only UTF-16 legitimately has NUL bytes (the high byte of ASCII).
		best, second := rank(sample, []string{UTF16LE, UTF16BE})
		if best.score < minUTF16Score {
			return Result{}, ErrBinary
		}
		return finish(data, best, second), nil
	}
	if utf8.Valid(data) {
		return Result{Text: string(data), Encoding: UTF8, Confidence: 1}, nil
	}
	if invalid, nonASCII, cutEnd := utf8InvalidCount(data); cutEnd || float64(invalid) <= maxInvalidShare*float64(nonASCII) {
		text, offsets := decodeUTF8(data, 0)
		return Result{Text: text, Encoding: UTF8, Confidence: 1 - float64(invalid)/float64(nonASCII), Invalid: offsets}, nil
	}
	best, second := rank(sample, []string{GB18030, UTF8, Big5, UTF16LE, UTF16BE})
	return finish(data, best, second), nil
}

// suspectBinary reports NUL bytes or a high share of control bytes other
// than the whitespace, form feed, escape and end-of-file marks text uses.
func suspectBinary(sample []byte) bool {
	if bytes.IndexByte(sample, 0) >= 0 {
		return true
	}
	controls := 0
	for _, c := range sample {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1A && c != 0x1B {
			controls++
		}
	}
	return float64(controls) > maxControlShare*float64(len(sample))
}

// rank scores each named decoding of sample and returns the best and the
// runner-up. Among near-ties, fewer invalid sequences win, then the order of
// names (GB18030 first: it is the common case for Chinese files).
func rank(sample []byte, names []string) (best, second candidate) {
	cands := make([]candidate, 0, len(names))
	for _, name := range names {
		text, invalid := decodeWith(name, sample, 0)
		// A sample cut mid-character is not the file's fault.
		if len(invalid) > 0 && len(sample) == sampleBytes && invalid[len(invalid)-1] >= int64(len(sample)-3) {
			invalid = invalid[:len(invalid)-1]
		}
		cands = append(cands, candidate{name: name, score: plausibility(text), invalid: len(invalid)})
	}
	top := 0
	for i := range cands {
		if cands[i].score > cands[top].score {
			top = i
		}
	}
	bestIndex := -1
	for i, c := range cands {
		if c.score < cands[top].score-nearTie {
			continue
		}
		if bestIndex < 0 || c.invalid < cands[bestIndex].invalid {
			bestIndex = i
		}
	}
	best = cands[bestIndex]
	for i, c := range cands {
		if i != bestIndex && c.score > second.score {
			second = c
		}
	}
	return best, second
}

// finish decodes all of data with the chosen candidate. Confidence is the
// candidate's score, halved at a tie with the runner-up and full from a
// margin of 0.1 up.
func finish(data []byte, best, second candidate) Result {
	text, invalid := decodeWith(best.name, data, 0)
	margin := min(1, max(0, best.score-second.score)/0.1)
	return Result{
		Text:       text,
		Encoding:   best.name,
		Confidence: best.score * (0.5 + 0.5*margin),
		Invalid:    invalid,
	}
}
