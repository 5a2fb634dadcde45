// Package state is the durable memory of `bulletin run`: an embedded SQLite
// database (pure Go, WAL mode) that holds, for every input file, its path,
// content hash, the versions it was extracted with and its records or its
// failure, plus a lock that keeps two runs out of one output directory.
//
// It is a top-level package rather than part of extract, analyze or render
// because the run stage needs durable incremental state that no other stage
// owns. It stores records as opaque JSON Lines so that it depends on no stage.
package state
