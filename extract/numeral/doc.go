// Package numeral parses Chinese and Arabic numerals (一千二百, 3.5万, 百分之八十, 壹贰叁)
// and scans running text for them with rune spans, approximation markers and ranges.
//
// Scan finds candidates and flags what it cannot decide (ordinals, codes, years are
// just numbers); the count extractor above it decides what a number counts.
package numeral
