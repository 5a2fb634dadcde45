// Package render writes records and summaries for people and programs: the
// PDF report, and JSON, JSON Lines, CSV and TSV tables.
package render
