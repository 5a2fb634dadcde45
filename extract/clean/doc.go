// Package clean prepares decoded text for extraction: it normalises characters,
// finds site boilerplate, and finds the structure (bulletins, sections,
// sentences) that the extractor walks.
//
// Every position is a rune (code point) index into the original decoded text,
// the coordinates of the gold files. Normalisation maps one code point to one
// code point, so Document.Norm has the length of Document.Text and the offset
// map between them is the identity: a match found in Norm at [i, j) is the
// text Text[i:j]. Boilerplate is never cut out; it is reported as Removed
// spans, and bulletins, sections and sentences are spans that skip them.
//
// Normalisation (for matching only, never shown): the full-width forms
// U+FF01–U+FF5E fold to ASCII (so ，；：！？（） become , ; : ! ? ( ), U+3000 to
// a space; radicals and compatibility ideographs fold to the unified
// ideograph (data/compat.tsv, generated from NFKC, and
// data/radicals_supplement.tsv); Options.T2S also maps traditional to
// simplified characters one for one (data/t2s.tsv, from OpenCC). Chinese
// punctuation outside the full-width block (。、“”《》【】) is kept as is.
package clean

//go:generate go run ./internal/gentables -out data
