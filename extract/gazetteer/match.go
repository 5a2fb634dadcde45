package gazetteer

import (
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"
)

// Form says how a hit's text relates to the official name.
type Form uint8

const (
	// FormOfficial: the text is the official name (七克台镇).
	FormOfficial Form = iota + 1
	// FormVariant: the stem with another suffix of the same level, as
	// after a renaming (辟展乡 for 辟展镇, 恩施州 for 恩施土家族苗族自治州).
	FormVariant
	// FormShort: the stem alone (新疆, 吐鲁番, and in a document that names
	// them in full, 鄯善 or 七克台).
	FormShort
)

var formNames = [...]string{"", "official", "variant", "short"}

func (f Form) String() string {
	if int(f) < len(formNames) && f != 0 {
		return formNames[f]
	}
	return "unknown"
}

// Hit is a division name found in a text.
type Hit struct {
	Start, End int    // rune offsets: text[Start:End] is Name
	Name       string // as written (辟展乡)
	Form       Form
	// Resolved is the division meant (辟展镇, 650421105); its Code is empty
	// while the hit is Ambiguous.
	Resolved Division
	// Candidates are all divisions the name may mean, sorted by code; when
	// context narrowed an ambiguity, only those that fit the context.
	Candidates []Division
	Ambiguous  bool
}

// MatchOptions carries what the caller knows about the document.
type MatchOptions struct {
	// SeenNames are official names already found in the document. Their
	// bare stems then match too (七克台 after 七克台镇, 鄯善 after 鄯善县),
	// which they never do otherwise below prefecture level.
	SeenNames []string
	// ContextCodes are codes of divisions the document is about. A township
	// under one of their counties matches by its bare stem of three runes
	// or more (东巴扎 for 东巴扎回族乡 in a text about 鄯善县); ambiguous hits
	// are resolved against them (see Resolve).
	ContextCodes []string
}

// matchState is MatchOptions turned into division indexes.
type matchState struct {
	seen            map[int32]bool
	contextCounties map[int32]bool
	// contextAncestors holds the context divisions and all above them.
	contextAncestors map[int32]bool
	context          []int32
}

func (g *Gazetteer) newMatchState(opts MatchOptions) matchState {
	state := matchState{seen: map[int32]bool{}, contextCounties: map[int32]bool{}, contextAncestors: map[int32]bool{}}
	for _, name := range opts.SeenNames {
		g.lookupString(name, func(e entry) {
			if e.kind == entryOfficial {
				state.seen[e.division] = true
			}
		})
	}
	for _, code := range opts.ContextCodes {
		i, ok := g.indexOf(code)
		if !ok {
			continue
		}
		state.context = append(state.context, i)
		for a := i; a >= 0; a = g.parents[a] {
			state.contextAncestors[a] = true
		}
		switch g.divisions[i].Level {
		case LevelCounty:
			state.contextCounties[i] = true
		case LevelTownship:
			state.contextCounties[g.parents[i]] = true
		}
	}
	return state
}

// Match finds division names in text, leftmost and longest first, knowing
// nothing else about the document: official names, variants after a
// renaming, and bare short forms of provinces and prefectures.
func (g *Gazetteer) Match(text []rune) []Hit {
	return g.MatchWithOptions(text, MatchOptions{})
}

// MatchWithOptions is Match with document knowledge; see MatchOptions.
func (g *Gazetteer) MatchWithOptions(text []rune, opts MatchOptions) []Hit {
	state := g.newMatchState(opts)
	// Keys are looked up as substrings of one UTF-8 copy of the text, which
	// costs no allocation per probe.
	var builder strings.Builder
	builder.Grow(len(text) * 3)
	offsets := make([]int, len(text)+1)
	for i, r := range text {
		offsets[i] = builder.Len()
		builder.WriteRune(r)
	}
	offsets[len(text)] = builder.Len()
	encoded := builder.String()

	var hits []Hit
	var candidates []int32
	for i := 0; i < len(text); {
		length, form := g.matchAt(text, encoded, offsets, i, &state, &candidates)
		if length == 0 {
			i++
			continue
		}
		hit := g.newHit(text, i, i+length, form, candidates)
		if len(state.context) > 0 {
			hit = g.resolve(hit, state.context)
		}
		hits = append(hits, hit)
		i += length
	}
	return hits
}

// matchAt finds the longest name starting at position i; among names of
// that length an official one beats a variant, which beats a short form.
// It returns the length in runes (0 for none) and fills candidates.
func (g *Gazetteer) matchAt(text []rune, encoded string, offsets []int, i int, state *matchState, candidates *[]int32) (int, Form) {
	if i+1 >= len(text) || !g.index.mayStartKey(text[i], text[i+1]) {
		return 0, 0 // every key has two runes or more
	}
	mask := g.index.lengthsOf(text[i])
	if mask == 0 {
		return 0, 0
	}
	bestLength, bestForm := 0, Form(0)
	*candidates = (*candidates)[:0]
	consider := func(length int, form Form, division int32) {
		switch {
		case length > bestLength || (length == bestLength && form < bestForm):
			bestLength, bestForm = length, form
			*candidates = append((*candidates)[:0], division)
		case length == bestLength && form == bestForm && !slices.Contains(*candidates, division):
			*candidates = append(*candidates, division)
		}
	}
	// No key starting here is longer than the mask's highest bit.
	longest := min(63-bits.LeadingZeros64(mask), len(text)-i)
	// Hash every prefix once, shortest first, then probe longest first so
	// that shorter keys stop being probed once they cannot win.
	var hashes [maxKeyRunes + 1]uint64
	h := hashSeed
	for n := 1; n <= longest; n++ {
		h = hashRune(h, text[i+n-1])
		hashes[n] = h
	}
	for n := longest; n >= 2; n-- {
		if mask&(1<<n) == 0 {
			continue
		}
		// A variant adds at most three runes (民族乡): shorter keys can no
		// longer beat what was found.
		if n+3 < bestLength {
			break
		}
		g.lookup(hashes[n], encoded[offsets[i]:offsets[i+n]], func(e entry) {
			d := &g.divisions[e.division]
			if e.kind == entryOfficial {
				if g.officialAllowed(text, i, i+n, e.division, state) {
					consider(n, FormOfficial, e.division)
				}
				return
			}
			if suffix := g.variantSuffixAt(text, i+n, d.Level); suffix > 0 {
				if g.variantAllowed(text, i, i+n+suffix, e.division, state) {
					consider(n+suffix, FormVariant, e.division)
				}
				return
			}
			if g.bareAllowed(e.division, n, state) && (i+n == len(text) || !g.tables.blockers[text[i+n]]) {
				consider(n, FormShort, e.division)
			}
		})
	}
	return bestLength, bestForm
}

// variantSuffixAt returns the rune length of the longest variant suffix of
// level that starts at position at, or 0.
func (g *Gazetteer) variantSuffixAt(text []rune, at int, level Level) int {
	for _, rule := range g.tables.suffixes[level] {
		if !rule.variant {
			continue
		}
		if n := len(rule.runes); at+n <= len(text) && slices.Equal(text[at:at+n], rule.runes) {
			return n
		}
	}
	return 0
}

// supported reports whether the caller's knowledge backs a division: it
// was seen, or its parent lies in the document's context.
func (g *Gazetteer) supported(division int32, state *matchState) bool {
	return state.seen[division] || state.contextAncestors[g.parents[division]]
}

// officialAllowed keeps official county and township names that are
// ordinary words (two-rune names like 城区, 联乡, even a township called 街道;
// data/common_word_names.txt; names straddling a compound such as 海城市 in
// 沿海城市) to documents whose context supports them.
func (g *Gazetteer) officialAllowed(text []rune, start, end int, division int32, state *matchState) bool {
	d := &g.divisions[division]
	switch {
	case d.Level <= LevelPrefecture || state.seen[division]:
		return true
	case g.readsAsCompound(text, start, end, division):
		// Even in context: 沿海城市 in a text about 鞍山 is no 海城市.
		return false
	case state.contextAncestors[g.parents[division]]:
		return true
	}
	return end-start >= 3 && g.flags[division]&flagCommonWord == 0
}

// variantAllowed gates a stem followed by a suffix other than its own. For
// a county it needs support (大城市 is a big city, not 大城县); a township
// needs support too unless its stem has three runes or is unique and does
// not straddle a compound (提高城乡 holds 高城乡).
func (g *Gazetteer) variantAllowed(text []rune, start, end int, division int32, state *matchState) bool {
	d := &g.divisions[division]
	switch {
	case d.Level <= LevelPrefecture:
		return true
	case g.readsAsCompound(text, start, end, division):
		return false // 以上城市 holds 上城市, never 上城区
	case g.supported(division, state):
		return true
	case d.Level == LevelCounty:
		return false
	case utf8.RuneCountInString(g.stems[division]) >= 3:
		return true
	}
	return g.flags[division]&flagUniqueStem != 0
}

// readsAsCompound reports a county or township name of two-rune stem that
// meets a common word at its suffix (data/suffix_compounds.txt).
func (g *Gazetteer) readsAsCompound(text []rune, start, end int, division int32) bool {
	if g.divisions[division].Level < LevelCounty || utf8.RuneCountInString(g.stems[division]) != 2 || end-start < 3 {
		return false
	}
	if g.tables.compounds[[2]rune(text[start+1:start+3])] {
		return true
	}
	return end < len(text) && g.tables.compounds[[2]rune(text[end-1:end+1])]
}

// bareAllowed says whether the stem alone may name the division: always for
// provinces and prefectures unless stoplisted; for a county only once seen;
// for a township of three runes or more once seen or when its county is in
// the context.
func (g *Gazetteer) bareAllowed(division int32, stemRunes int, state *matchState) bool {
	d := &g.divisions[division]
	if g.tables.shortStoplist[d.Level][g.stems[division]] {
		return false
	}
	switch d.Level {
	case LevelProvince, LevelPrefecture:
		return true
	case LevelCounty:
		// a county's or county-level city's stem alone, once its prefecture
		// is named in the text (景泰 in a report that names 白银): not when
		// the name is a common word, nor for a district, whose stem names
		// its city's landmarks (白云国际机场)
		return state.seen[division] || g.provinceCity(division) ||
			state.contextAncestors[g.parents[division]] && g.flags[division]&flagCommonWord == 0 && !strings.HasSuffix(g.divisions[division].Name, "区")
	case LevelTownship:
		return stemRunes >= 3 && (state.seen[division] || state.contextCounties[g.parents[division]])
	}
	return false
}

// provinceCity reports a county-level city the province governs directly,
// with no prefecture between (济源市, 仙桃市, 石河子市): it is named by its
// stem as a prefecture is (济源、三门峡).
func (g *Gazetteer) provinceCity(division int32) bool {
	p := g.parents[division]
	return p >= 0 && g.divisions[p].Placeholder && strings.HasSuffix(g.divisions[division].Name, "市")
}

func (g *Gazetteer) newHit(text []rune, start, end int, form Form, candidates []int32) Hit {
	hit := Hit{Start: start, End: end, Name: string(text[start:end]), Form: form}
	sorted := slices.Clone(candidates)
	slices.Sort(sorted) // divisions are sorted by code
	hit.Candidates = make([]Division, len(sorted))
	for k, c := range sorted {
		hit.Candidates[k] = g.divisions[c]
	}
	if top, ok := g.singleChain(sorted); ok {
		hit.Resolved = g.divisions[top]
	} else {
		hit.Ambiguous = true
	}
	return hit
}

// singleChain returns the highest candidate when every candidate lies on
// one line of descent: 东莞市 is both a prefecture and the county-level
// row under it, and means the prefecture.
func (g *Gazetteer) singleChain(candidates []int32) (int32, bool) {
	if len(candidates) == 0 {
		return 0, false
	}
	top := candidates[0]
	for _, c := range candidates[1:] {
		if g.divisions[c].Level < g.divisions[top].Level {
			top = c
		}
	}
	for _, c := range candidates {
		if !g.isUnder(c, top) {
			return 0, false
		}
	}
	return top, true
}
