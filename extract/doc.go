// Package extract turns input files into bulletin records: it finds and reads
// files, decodes and cleans their text, splits them into bulletins, and pulls
// out counts, units and activities with spans into the original decoded text.
//
// Its subpackages hold the pieces that stand on their own: numeral (Chinese
// and Arabic numbers), decode (encodings), docx and htmltext (formats), and
// gazetteer (China's administrative divisions).
package extract
