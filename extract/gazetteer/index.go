package gazetteer

// maxKeyRunes bounds the names the index holds, so that the lengths of the
// keys starting with a rune fit in one uint64 bit set.
const maxKeyRunes = 63

type entryKind uint8

const (
	entryOfficial entryKind = iota + 1 // the official name
	entryStem                          // the name minus its suffix
)

// entry is one division a key names, chained to the next entry of the
// same hash (next is an index into nameIndex.entries, -1 ends the chain).
type entry struct {
	division int32
	next     int32
	kind     entryKind
}

// nameIndex maps every official name and every stem of two runes or more to
// the divisions it belongs to. Keys are 64-bit hashes of their runes, built
// rune by rune, so matching extends one hash along the text from each
// position and probes only the lengths that exist for the rune there. A
// string-keyed map took twice as long to fill, a uint64-keyed one still a
// third of Load: the open-addressing table below fills in a few ms.
// Hash collisions are harmless: every entry is checked against its name.
type nameIndex struct {
	table   hashTable // hash → first entry
	entries []entry
	// Bit n of lengths[r] is set when some key of n runes starts with r.
	// An array for the Basic Multilingual Plane is faster to fill and probe
	// than a map; the rare supplementary characters go to the map.
	lengths      []uint64
	lengthsAbove map[rune]uint64
	// pairs is a one-hash Bloom filter of the first two runes of every key:
	// most positions of a text start no name, and one bit test says so
	// before any prefix is hashed.
	pairs []uint64
}

// pairBits sizes the pair filter: 2^20 bits (128 KiB) for ~90k keys keeps
// false positives under one in ten.
const pairBits = 1 << 20

func pairSlot(a, b rune) uint64 {
	h := (uint64(a)*0x9E3779B97F4A7C15 ^ uint64(b)) * 0xff51afd7ed558ccd
	return (h >> 20) & (pairBits - 1)
}

// mayStartKey reports whether some key may start with runes a, b.
func (x *nameIndex) mayStartKey(a, b rune) bool {
	s := pairSlot(a, b)
	return x.pairs[s>>6]&(1<<(s&63)) != 0
}

const (
	hashSeed  uint64 = 14695981039346656037 // FNV-1a offset basis
	hashPrime uint64 = 1099511628211
)

func hashRune(h uint64, r rune) uint64 { return (h ^ uint64(r)) * hashPrime }

func (x *nameIndex) lengthsOf(r rune) uint64 {
	if r < rune(len(x.lengths)) {
		return x.lengths[r]
	}
	return x.lengthsAbove[r]
}

func buildIndex(g *Gazetteer) nameIndex {
	index := nameIndex{
		table:        newHashTable(2 * len(g.divisions)),
		entries:      make([]entry, 0, 2*len(g.divisions)),
		lengths:      make([]uint64, 0x10000),
		lengthsAbove: map[rune]uint64{},
		pairs:        make([]uint64, pairBits/64),
	}
	add := func(key string, e entry) {
		h, n := hashSeed, 0
		var first, second rune
		for _, r := range key {
			switch n {
			case 0:
				first = r
			case 1:
				second = r
			}
			h = hashRune(h, r)
			n++
		}
		if n >= 2 {
			slot := pairSlot(first, second)
			index.pairs[slot>>6] |= 1 << (slot & 63)
		}
		if n > maxKeyRunes {
			return
		}
		if first < rune(len(index.lengths)) {
			index.lengths[first] |= 1 << n
		} else {
			index.lengthsAbove[first] |= 1 << n
		}
		e.next = index.table.swap(h, int32(len(index.entries)))
		index.entries = append(index.entries, e)
	}
	for i, d := range g.divisions {
		if d.Placeholder {
			continue
		}
		add(d.Name, entry{division: int32(i), kind: entryOfficial})
		if stem := g.stems[i]; stem != d.Name && len(stem) > 3 { // two runes or more
			add(stem, entry{division: int32(i), kind: entryStem})
		}
	}
	// A township stem is unique when its chain holds one township stem
	// entry: renamed units with such a stem may match out of context.
	for i, d := range g.divisions {
		if d.Level != LevelTownship || len(g.stems[i]) <= 3 {
			continue
		}
		count := 0
		g.lookupIn(&index, g.stems[i], func(e entry) {
			if e.kind == entryStem && g.divisions[e.division].Level == LevelTownship {
				count++
			}
		})
		if count == 1 {
			g.flags[i] |= flagUniqueStem
		}
	}
	return index
}

// lookup calls visit for each entry whose key is exactly key and hashes to
// h, in the order the entries were added (most recent first).
func (g *Gazetteer) lookup(h uint64, key string, visit func(entry)) {
	g.lookupHashIn(&g.index, h, key, visit)
}

func (g *Gazetteer) lookupHashIn(index *nameIndex, h uint64, key string, visit func(entry)) {
	for k := index.table.get(h); k >= 0; k = index.entries[k].next {
		e := index.entries[k]
		name := g.divisions[e.division].Name
		if e.kind == entryStem {
			name = g.stems[e.division]
		}
		if name == key {
			visit(e)
		}
	}
}

// lookupString is lookup for a key given as a string.
func (g *Gazetteer) lookupString(key string, visit func(entry)) {
	g.lookupIn(&g.index, key, visit)
}

func (g *Gazetteer) lookupIn(index *nameIndex, key string, visit func(entry)) {
	h := hashSeed
	for _, r := range key {
		h = hashRune(h, r)
	}
	g.lookupHashIn(index, h, key, visit)
}

// hashTable maps 64-bit hashes to entry indexes by linear probing in a
// power-of-two array at most half full. A zero hash is stored as one, which
// only adds a collision that lookup already tolerates.
type hashTable struct {
	hashes []uint64
	values []int32
	mask   uint64
	shift  uint // 64 - log2(size): slots come from the product's top bits
}

// slot spreads FNV's weak low bits by Fibonacci hashing.
func (t *hashTable) slot(h uint64) uint64 { return (h * 0x9E3779B97F4A7C15) >> t.shift }

func newHashTable(capacity int) hashTable {
	size, bits := 1, uint(0)
	for size < 2*capacity {
		size <<= 1
		bits++
	}
	return hashTable{hashes: make([]uint64, size), values: make([]int32, size), mask: uint64(size - 1), shift: 64 - bits}
}

// swap stores value under h and returns the value it replaces, or -1.
func (t *hashTable) swap(h uint64, value int32) int32 {
	h = max(h, 1)
	for slot := t.slot(h); ; slot = (slot + 1) & t.mask {
		switch t.hashes[slot] {
		case 0:
			t.hashes[slot], t.values[slot] = h, value
			return -1
		case h:
			old := t.values[slot]
			t.values[slot] = value
			return old
		}
	}
}

// get returns the value stored under h, or -1.
func (t *hashTable) get(h uint64) int32 {
	h = max(h, 1)
	for slot := t.slot(h); ; slot = (slot + 1) & t.mask {
		switch t.hashes[slot] {
		case 0:
			return -1
		case h:
			return t.values[slot]
		}
	}
}
