package cmd

import (
	"hash/fnv"
	"path/filepath"
	"strconv"
	"strings"
)

// shard is one of N deterministic parts of the inputs: --shard K/N.
type shard struct {
	index, count int // 1 ≤ index ≤ count; count 0 means no sharding
}

func parseShard(s string) (shard, error) {
	if s == "" {
		return shard{}, nil
	}
	k, n, ok := strings.Cut(s, "/")
	index, err1 := strconv.Atoi(strings.TrimSpace(k))
	count, err2 := strconv.Atoi(strings.TrimSpace(n))
	if !ok || err1 != nil || err2 != nil || count < 1 || index < 1 || index > count {
		return shard{}, usagef("--shard must be K/N with 1 ≤ K ≤ N (e.g. 2/8), not %q", s)
	}
	return shard{index: index, count: count}, nil
}

// contains reports whether path falls in the shard. It hashes the path, not
// its position in the listing, so that adding or removing files never moves
// another file to a different shard.
func (s shard) contains(path string) bool {
	if s.count <= 1 {
		return true
	}
	h := fnv.New64a()
	h.Write([]byte(filepath.ToSlash(filepath.Clean(path))))
	return int(h.Sum64()%uint64(s.count)) == s.index-1
}
