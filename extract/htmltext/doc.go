// Package htmltext extracts the main text of an HTML page: it drops scripts,
// navigation and other page chrome, keeps block structure as lines, and
// picks the container that holds the article by how much punctuated,
// unlinked text it has.
//
// Everything dropped is returned with a reason, so that callers can report
// what was left out. The caller decodes the bytes first (extract/decode);
// CharsetFromMeta reads the encoding a page declares.
package htmltext
