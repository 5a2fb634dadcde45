package gazetteer

import (
	"embed"
	"fmt"
	"strings"
	"unicode/utf8"
)

//go:embed data/divisions.tsv.gz data/*.tsv data/*.txt
var dataFiles embed.FS

// tableRows reads an embedded data table: one row a line, tab-separated
// columns, # comments and blank lines skipped; each row must have at least
// columns fields.
func tableRows(name string, columns int) ([][]string, error) {
	raw, err := dataFiles.ReadFile("data/" + name)
	if err != nil {
		return nil, err
	}
	var rows [][]string
	for number, line := range strings.Split(string(raw), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < columns {
			return nil, fmt.Errorf("data/%s:%d: %d columns, want %d", name, number+1, len(fields), columns)
		}
		rows = append(rows, fields)
	}
	return rows, nil
}

// suffixRule is one row of data/suffixes.tsv.
type suffixRule struct {
	suffix  string
	runes   []rune
	variant bool
}

// tables holds the small hand-written data tables.
type tables struct {
	suffixes      [levelCount][]suffixRule // longest first
	ethnicGroups  []string                 // longest first
	placeholders  []string
	commonWords   []string // data/common_word_names.txt
	blockers      map[rune]bool
	compounds     map[[2]rune]bool // two-rune words
	shortStoplist [levelCount]map[string]bool
}

func loadTables() (*tables, error) {
	t := &tables{blockers: map[rune]bool{}, compounds: map[[2]rune]bool{}}
	rows, err := tableRows("suffixes.tsv", 3)
	if err != nil {
		return nil, err
	}
	for _, row := range rows {
		level, ok := parseLevelName(row[0])
		if !ok {
			return nil, fmt.Errorf("data/suffixes.tsv: unknown level %q", row[0])
		}
		t.suffixes[level] = append(t.suffixes[level], suffixRule{suffix: row[1], runes: []rune(row[1]), variant: row[2] == "yes"})
	}
	for level := range t.suffixes {
		sortLongestFirst(t.suffixes[level], func(r suffixRule) string { return r.suffix })
	}
	if rows, err = tableRows("ethnic_groups.txt", 1); err != nil {
		return nil, err
	}
	for _, row := range rows {
		t.ethnicGroups = append(t.ethnicGroups, row[0])
	}
	sortLongestFirst(t.ethnicGroups, func(s string) string { return s })
	if rows, err = tableRows("placeholders.txt", 1); err != nil {
		return nil, err
	}
	for _, row := range rows {
		t.placeholders = append(t.placeholders, row[0])
	}
	if rows, err = tableRows("common_word_names.txt", 1); err != nil {
		return nil, err
	}
	for _, row := range rows {
		t.commonWords = append(t.commonWords, row[0])
	}
	if rows, err = tableRows("short_form_blockers.txt", 1); err != nil {
		return nil, err
	}
	for _, row := range rows {
		for _, r := range row[0] {
			t.blockers[r] = true
		}
	}
	if rows, err = tableRows("suffix_compounds.txt", 1); err != nil {
		return nil, err
	}
	for _, row := range rows {
		word := []rune(row[0])
		if len(word) != 2 {
			return nil, fmt.Errorf("data/suffix_compounds.txt: %q is not two characters", row[0])
		}
		t.compounds[[2]rune(word)] = true
	}
	if rows, err = tableRows("short_form_stoplist.tsv", 2); err != nil {
		return nil, err
	}
	for _, row := range rows {
		level, ok := parseLevelName(row[0])
		if !ok {
			return nil, fmt.Errorf("data/short_form_stoplist.tsv: unknown level %q", row[0])
		}
		if t.shortStoplist[level] == nil {
			t.shortStoplist[level] = map[string]bool{}
		}
		t.shortStoplist[level][row[1]] = true
	}
	return t, nil
}

func sortLongestFirst[T any](items []T, key func(T) string) {
	// Stable insertion sort: the tables are tiny and equal lengths keep
	// their file order.
	for i := 1; i < len(items); i++ {
		for j := i; j > 0 && len([]rune(key(items[j]))) > len([]rune(key(items[j-1]))); j-- {
			items[j], items[j-1] = items[j-1], items[j]
		}
	}
}

func (t *tables) isPlaceholder(name string) bool {
	for _, p := range t.placeholders {
		if rest, ok := strings.CutPrefix(p, "*"); ok {
			if strings.HasSuffix(name, rest) {
				return true
			}
		} else if name == p {
			return true
		}
	}
	return false
}

func (t *tables) isCommonWord(name string) bool {
	for _, p := range t.commonWords {
		if rest, ok := strings.CutPrefix(p, "*"); ok {
			if strings.Contains(name, rest) {
				return true
			}
		} else if name == p {
			return true
		}
	}
	return false
}

// stem strips the official suffix of a name at its level, then any ethnic
// group names before it (新疆维吾尔自治区 → 新疆, 东巴扎回族乡 → 东巴扎,
// 黔东南苗族侗族自治州 → 黔东南). It returns the stem and the suffix that
// was cut first; a name with no known suffix is its own stem.
func (t *tables) stem(name string, level Level) (string, string) {
	for _, rule := range t.suffixes[level] {
		base, ok := strings.CutSuffix(name, rule.suffix)
		if !ok || base == "" {
			continue
		}
		switch {
		case strings.HasPrefix(rule.suffix, "自治"):
			base = t.stripEthnic(base, true)
		case level == LevelTownship:
			// Only with 族: township names end in ordinary words
			// that are also ethnic names (东乡, 白土).
			base = t.stripEthnic(base, false)
		}
		return base, rule.suffix
	}
	return name, ""
}

// stripEthnic removes ethnic group names from the end of a stem, as long as
// two characters of stem remain. With bareGroupNames, multi-character names
// are stripped without 族 too (博尔塔拉蒙古自治州).
func (t *tables) stripEthnic(base string, bareGroupNames bool) string {
	for {
		form, ok := t.ethnicSuffixOf(base, bareGroupNames)
		if !ok {
			return base
		}
		rest := base[:len(base)-len(form)]
		if utf8.RuneCountInString(rest) < 2 {
			return base
		}
		base = rest
	}
}

func (t *tables) ethnicSuffixOf(base string, bareGroupNames bool) (string, bool) {
	withZu := strings.HasSuffix(base, "族")
	if !withZu && !bareGroupNames {
		return "", false
	}
	for _, group := range t.ethnicGroups {
		if withZu && strings.HasSuffix(base[:len(base)-len("族")], group) {
			return group + "族", true
		}
		if !withZu && utf8.RuneCountInString(group) > 1 && strings.HasSuffix(base, group) {
			return group, true
		}
	}
	return "", false
}
