package htmltext

import (
	"crypto/sha256"
	"encoding/hex"
)

// DataVersion identifies the embedded chrome rules, so that an incremental
// run notices when reading HTML changed.
func DataVersion() string {
	sum := sha256.Sum256([]byte(chromeData))
	return "htmltext-" + hex.EncodeToString(sum[:6])
}
