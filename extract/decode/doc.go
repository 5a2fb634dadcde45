// Package decode turns the bytes of a text file into a Go string, detecting
// the encoding (UTF-8, UTF-16 with or without BOM, GB18030/GBK, Big5) when the
// caller does not name one.
//
// Decoding never aborts on bad bytes: each undecodable sequence becomes one
// U+FFFD and its byte offset is reported, so that a caller can say where the
// input was damaged. Only empty and binary input are refused.
package decode
