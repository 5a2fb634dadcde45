// Package docx reads the text of Word .docx files: paragraphs become lines,
// table cells are separated by tabs, tracked deletions are left out.
//
// It reads the zip with guards against hostile files (sizes, entry counts,
// compression bombs) and streams the XML, so memory stays bounded by the
// text it returns. The output is deterministic: callers use code point
// offsets into it as their reference.
package docx
