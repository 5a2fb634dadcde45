// Package measure is the lexicon of Chinese measure words (量词): each word's
// category, and the canonical unit and factor that totals are kept in.
//
// The lexicon is the embedded data file data/measures.tsv; adding a word is a
// one-line change there.
package measure
