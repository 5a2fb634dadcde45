// Package gazetteer knows China's administrative divisions (National Bureau
// of Statistics codes, 2023 edition) from provinces down to townships, and
// finds their names in running text, rolling each hit up to its county,
// prefecture and province.
//
// The data is embedded (data/divisions.tsv.gz, made by ./gen; README.md says
// how to regenerate it). Load parses it once into a Gazetteer that is safe
// for concurrent use; callers keep it. Match finds names in a text with no
// other knowledge; MatchDocument runs twice over a document so that names
// seen once (七克台镇, 鄯善县) let their bare short forms (七克台, 鄯善) and
// the townships of a mentioned county match, and so that a name found in
// several counties resolves to the one under a division the document names.
package gazetteer
