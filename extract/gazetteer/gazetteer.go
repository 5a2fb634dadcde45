package gazetteer

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/bulletin-tool/bulletin/extract/gazetteer/internal/divisionfile"
)

// Level is the rank of a division, from province down to township.
type Level uint8

// The levels of the statistical codes; codes have 2, 4, 6 and 9 digits.
const (
	LevelUnknown Level = iota
	LevelProvince
	LevelPrefecture
	LevelCounty
	LevelTownship
	levelCount
)

var levelNames = [levelCount]string{"unknown", "province", "prefecture", "county", "township"}

func (l Level) String() string {
	if l < levelCount {
		return levelNames[l]
	}
	return fmt.Sprintf("Level(%d)", uint8(l))
}

func parseLevelName(name string) (Level, bool) {
	for l, n := range levelNames {
		if n == name && l != int(LevelUnknown) {
			return Level(l), true
		}
	}
	return LevelUnknown, false
}

// Division is one administrative division.
type Division struct {
	Code       string // statistical code: 65 / 6504 / 650421 / 650421101
	Name       string // official name: 七克台镇
	Level      Level
	ParentCode string // empty for a province
	// Placeholder marks bookkeeping rows of the codes (市辖区, 县,
	// 省直辖县级行政区划): codes roll up through them, but they are no
	// place, so they are never matched and Parents leaves them out.
	Placeholder bool
}

// Gazetteer holds the divisions and the indexes that match their names. It
// is immutable after Load and safe for concurrent use.
type Gazetteer struct {
	divisions []Division // sorted by code
	parents   []int32    // parents[i] is the index of divisions[i]'s parent, -1 for a province
	stems     []string   // stems[i] is the stem of divisions[i]
	// flags[i] holds facts about divisions[i] that matching needs at
	// every probe, worked out once at Load.
	flags  []divisionFlags
	tables *tables
	index  nameIndex
}

// Load parses the embedded data and builds the name index. It takes a few
// tens of milliseconds: call it once and keep the result.
func Load() (*Gazetteer, error) {
	raw, err := dataFiles.ReadFile("data/divisions.tsv.gz")
	if err != nil {
		return nil, err
	}
	records, err := divisionfile.Decode(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("gazetteer data: %w", err)
	}
	t, err := loadTables()
	if err != nil {
		return nil, fmt.Errorf("gazetteer tables: %w", err)
	}
	return build(records, t)
}

func build(records []divisionfile.Record, t *tables) (*Gazetteer, error) {
	g := &Gazetteer{
		divisions: make([]Division, 0, len(records)),
		tables:    t,
	}
	for _, r := range records {
		if r.Level > int(LevelTownship) {
			continue // villages are recognised by rule, not by name
		}
		d := Division{Code: r.Code, Name: r.Name, Level: Level(r.Level), ParentCode: r.Parent}
		d.Placeholder = d.Level == LevelPrefecture && t.isPlaceholder(d.Name)
		g.divisions = append(g.divisions, d)
	}
	g.stems = make([]string, len(g.divisions))
	g.parents = make([]int32, len(g.divisions))
	// A parent sorts before its children (its code is their prefix), so
	// the last division seen at each level is the only parent to check.
	var lastAtLevel [levelCount]int32
	for i, d := range g.divisions {
		g.parents[i] = -1
		lastAtLevel[d.Level] = int32(i)
		if d.Level != LevelProvince {
			parent, ok := g.recentParent(lastAtLevel[:d.Level], d.ParentCode)
			if !ok {
				return nil, fmt.Errorf("gazetteer data: %s %s: parent %q is missing", d.Code, d.Name, d.ParentCode)
			}
			if g.divisions[parent].Level >= d.Level {
				return nil, fmt.Errorf("gazetteer data: %s %s: parent %s is not of a higher level", d.Code, d.Name, d.ParentCode)
			}
			g.parents[i] = parent
		}
		g.stems[i], _ = t.stem(d.Name, d.Level)
	}
	g.flags = make([]divisionFlags, len(g.divisions))
	for i, d := range g.divisions {
		if d.Level >= LevelCounty && t.isCommonWord(d.Name) {
			g.flags[i] |= flagCommonWord
		}
	}
	g.index = buildIndex(g)
	return g, nil
}

func (g *Gazetteer) recentParent(candidates []int32, code string) (int32, bool) {
	for _, c := range candidates {
		if int(c) < len(g.divisions) && g.divisions[c].Code == code {
			return c, true
		}
	}
	return g.indexOf(code) // the data is sorted, so this only finds odd rows
}

type divisionFlags uint8

const (
	// flagCommonWord: the official name is a common word or a generic zone
	// name (data/common_word_names.txt).
	flagCommonWord divisionFlags = 1 << iota
	// flagUniqueStem: no other township shares the stem.
	flagUniqueStem
)

// Len is the number of divisions, placeholders included.
func (g *Gazetteer) Len() int { return len(g.divisions) }

// Divisions returns every division sorted by code.
func (g *Gazetteer) Divisions() []Division {
	return append([]Division(nil), g.divisions...)
}

// Lookup returns the division of a code.
func (g *Gazetteer) Lookup(code string) (Division, bool) {
	i, ok := g.indexOf(code)
	if !ok {
		return Division{}, false
	}
	return g.divisions[i], true
}

// Parents returns the divisions above code, nearest first and ending with
// the province; placeholders are left out (东城区 → 北京市). An unknown code
// or a province gives nil.
func (g *Gazetteer) Parents(code string) []Division {
	i, ok := g.indexOf(code)
	if !ok {
		return nil
	}
	var parents []Division
	for g.parents[i] >= 0 {
		i = g.parents[i]
		if !g.divisions[i].Placeholder {
			parents = append(parents, g.divisions[i])
		}
	}
	return parents
}

// Ancestor returns the division at level above or at code (the county of
// a township, say), skipping placeholders.
func (g *Gazetteer) Ancestor(code string, level Level) (Division, bool) {
	d, ok := g.Lookup(code)
	if !ok {
		return Division{}, false
	}
	if d.Level == level {
		return d, true
	}
	for _, p := range g.Parents(code) {
		if p.Level == level {
			return p, true
		}
	}
	return Division{}, false
}

// Children returns the divisions directly below code, sorted by code.
func (g *Gazetteer) Children(code string) []Division {
	i, ok := g.indexOf(code)
	if !ok {
		return nil
	}
	// Descendants follow a division in code order, up to the first code
	// that no longer starts with its code.
	var out []Division
	prefix := g.divisions[i].Code
	for c := int(i) + 1; c < len(g.divisions) && strings.HasPrefix(g.divisions[c].Code, prefix); c++ {
		if g.parents[c] == i {
			out = append(out, g.divisions[c])
		}
	}
	return out
}

// Stem returns a division's name without its suffix and ethnic names
// (新疆维吾尔自治区 → 新疆, 东巴扎回族乡 → 东巴扎), or "" for an unknown code.
func (g *Gazetteer) Stem(code string) string {
	i, ok := g.indexOf(code)
	if !ok {
		return ""
	}
	return g.stems[i]
}

// isUnder reports whether division i lies at or below division ancestor.
func (g *Gazetteer) isUnder(i, ancestor int32) bool {
	for ; i >= 0; i = g.parents[i] {
		if i == ancestor {
			return true
		}
	}
	return false
}

// indexOf finds a code by binary search: divisions are sorted by code, and
// a map of 45k codes would cost more to build at Load than it saves.
func (g *Gazetteer) indexOf(code string) (int32, bool) {
	i, found := slices.BinarySearchFunc(g.divisions, code, func(d Division, code string) int {
		return strings.Compare(d.Code, code)
	})
	return int32(i), found
}
