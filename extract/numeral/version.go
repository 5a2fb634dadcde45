package numeral

import (
	"crypto/sha256"
	"encoding/hex"
)

// DataVersion identifies the embedded numeral tables, so that an
// incremental run notices when reading numbers changed.
func DataVersion() string {
	h := sha256.New()
	for _, data := range []string{charactersTSV, approxTSV, nonNumeralWordsTXT, suffixStopTSV, vagueTSV} {
		h.Write([]byte(data))
		h.Write([]byte{0})
	}
	return "numeral-" + hex.EncodeToString(h.Sum(nil)[:6])
}
