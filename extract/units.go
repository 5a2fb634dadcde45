package extract

import (
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/bulletin-tool/bulletin/extract/clean"
	"github.com/bulletin-tool/bulletin/extract/gazetteer"
	"github.com/bulletin-tool/bulletin/extract/measure"
)

//go:embed data/org_suffixes.tsv
var orgSuffixesTSV string

//go:embed data/unit_words.tsv
var unitWordsTSV string

//go:embed data/activity_heads.tsv
var activityHeadsTSV string

//go:embed data/activity_verbs.txt
var activityVerbsTxt string

// UnitFinder finds units (administrative divisions by gazetteer, other
// organisations by rule) and activities in bulletins, and links counts to
// them. It is read-only once built and shared by all workers.
type UnitFinder struct {
	// UserWords are extra segmenter words the finder wants.
	UserWords []UserWord

	orgSuffixes []suffixRule // longest first
	orgTable    suffixTable
	headTable   suffixTable
	notUnits    map[string]bool
	genericMods map[string]bool
	genericActs map[string]bool
	stopMods    map[string]bool
	// governingVerbs are the framing verbs that take an activity as their
	// object (实施, 开展): see extendToFramingVerb
	governingVerbs map[string]bool
	notActs        map[string]bool
	knownUnits     map[string]bool
	// companyHeads close a list of companies named without a suffix
	// (比亚迪、上汽、奇瑞等企业)
	companyHeads map[string]bool
	nameVerbs    map[string]bool
	// leadingVerbs open the object they govern, never a unit's name
	// (培育, 创建 at a name's left edge: 创建国家公共文化服务体系示范区)
	leadingVerbs map[string]bool
	// builtThings, right before 工程, name a work of construction, not a
	// programme (袁湾水库主体工程)
	builtThings map[string]bool
	// villageKinds say what kind of village or community, not which one
	// (城市社区, 民族社区)
	villageKinds map[string]bool
	// occasions are the seasons and holidays that name an activity
	// (暑期实践, 元旦晚会), though the dictionary tags them as times
	occasions map[string]bool
	// the lists below are described in unit_words.tsv
	ceremonyVerbs    map[string]bool
	eventParts       map[string]bool
	leaderPosts      map[string]bool
	headPosts        map[string]bool
	centreCompounds  map[string]bool
	jointBodies      map[string]bool
	academicSuffixes map[string]bool
	notUnitEnds      []string // not-units that are no org suffix: 干部 ends 党员干部 too
	references       map[string]bool
	heads            []suffixRule
	framingVerbs     map[string]bool
	gazetteerOnce    sync.Once
	gaz              *gazetteer.Gazetteer
	gazErr           error
}

type suffixRule struct {
	suffix string
	kind   string
}

// suffixTable finds the longest rule whose suffix ends a word, with one map
// probe per suffix length instead of a scan of every rule.
type suffixTable struct {
	byWord  map[string]suffixRule
	lengths []int // rune lengths present, longest first
	// finals holds the last rune of every suffix: most words end in none
	// of them, and one map probe says so.
	finals map[rune]bool
}

func newSuffixTable(rules []suffixRule) suffixTable {
	t := suffixTable{byWord: map[string]suffixRule{}, finals: map[rune]bool{}}
	seen := map[int]bool{}
	for _, r := range rules {
		if _, dup := t.byWord[r.suffix]; !dup {
			t.byWord[r.suffix] = r
		}
		last, _ := utf8.DecodeLastRuneInString(r.suffix)
		t.finals[last] = true
		if n := utf8.RuneCountInString(r.suffix); !seen[n] {
			seen[n] = true
			t.lengths = append(t.lengths, n)
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(t.lengths)))
	return t
}

// match returns the longest rule ending word for which accept is true.
func (t suffixTable) match(word string, accept func(suffixRule) bool) (suffixRule, bool) {
	if last, _ := utf8.DecodeLastRuneInString(word); !t.finals[last] {
		return suffixRule{}, false
	}
	n := utf8.RuneCountInString(word)
	for _, l := range t.lengths {
		if l > n {
			continue
		}
		// byte offset of the last l runes
		at := len(word)
		for k := 0; k < l; k++ {
			_, size := utf8.DecodeLastRuneInString(word[:at])
			at -= size
		}
		if r, ok := t.byWord[word[at:]]; ok && (accept == nil || accept(r)) {
			return r, true
		}
	}
	return suffixRule{}, false
}

// NewUnitFinder builds the finder from its embedded data files. The
// gazetteer loads on first use.
func NewUnitFinder() *UnitFinder {
	f := &UnitFinder{framingVerbs: map[string]bool{}, governingVerbs: map[string]bool{}}
	f.orgSuffixes = parseSuffixRules(orgSuffixesTSV)
	f.heads = parseSuffixRules(activityHeadsTSV)
	f.orgTable = newSuffixTable(f.orgSuffixes)
	f.headTable = newSuffixTable(f.heads)
	// the word lists of unit_words.tsv, by kind
	lists := map[string]*map[string]bool{
		"not-units": &f.notUnits, "generic-modifiers": &f.genericMods, "generic-activities": &f.genericActs,
		"stop-modifiers": &f.stopMods, "not-activities": &f.notActs, "known-units": &f.knownUnits,
		"name-verbs": &f.nameVerbs, "references": &f.references, "company-heads": &f.companyHeads,
		"leading-verbs": &f.leadingVerbs, "built-things": &f.builtThings, "village-kinds": &f.villageKinds,
		"occasions": &f.occasions, "ceremony-verbs": &f.ceremonyVerbs, "event-parts": &f.eventParts,
		"leader-posts": &f.leaderPosts, "head-posts": &f.headPosts, "centre-compounds": &f.centreCompounds,
		"joint-bodies": &f.jointBodies, "academic-suffixes": &f.academicSuffixes,
	}
	for _, m := range lists {
		*m = map[string]bool{}
	}
	for _, line := range dataLines(unitWordsTSV) {
		kind, words, _ := strings.Cut(line, "\t")
		if kind == "not-unit-endings" {
			f.notUnitEnds = strings.Split(words, ",")
			continue
		}
		target, ok := lists[kind]
		if !ok {
			panic(fmt.Sprintf("unit_words.tsv: unknown kind %q", kind)) // caught by the tests
		}
		for _, w := range strings.Split(words, ",") {
			(*target)[w] = true
		}
	}
	for _, line := range dataLines(activityVerbsTxt) {
		verb, mark, _ := strings.Cut(line, "\t")
		f.framingVerbs[verb] = true
		if mark == "governs" {
			f.governingVerbs[verb] = true
		}
	}
	for _, r := range f.heads {
		f.UserWords = append(f.UserWords, UserWord{Text: r.suffix, Freq: 1000, Pos: "n"})
	}
	return f
}

func dataLines(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	return out
}

func parseSuffixRules(s string) []suffixRule {
	var out []suffixRule
	for _, line := range dataLines(s) {
		suffix, kind, _ := strings.Cut(line, "\t")
		out = append(out, suffixRule{suffix: suffix, kind: kind})
	}
	sort.SliceStable(out, func(i, j int) bool {
		return utf8.RuneCountInString(out[i].suffix) > utf8.RuneCountInString(out[j].suffix)
	})
	return out
}

// Gazetteer returns the embedded gazetteer, loading it once.
func (f *UnitFinder) Gazetteer() (*gazetteer.Gazetteer, error) {
	f.gazetteerOnce.Do(func() { f.gaz, f.gazErr = gazetteer.Load() })
	return f.gaz, f.gazErr
}

// Version identifies the unit and activity data and the gazetteer.
func (f *UnitFinder) Version() string {
	return gazetteer.DataVersion() + "+" + dataVersion(orgSuffixesTSV+unitWordsTSV+activityHeadsTSV+activityVerbsTxt)
}

// documentUnits is what the whole file says about places: gazetteer hits
// (found once for the file, so a town named in full in one bulletin
// resolves its short form in another) and the county the file is about.
type documentUnits struct {
	hits     []gazetteer.Hit
	county   *gazetteer.Division
	dominant map[gazetteer.Level]gazetteer.Division
}

func (f *UnitFinder) documentContext(doc *clean.Document) *documentUnits {
	du := &documentUnits{}
	g, err := f.Gazetteer()
	if err != nil {
		return du
	}
	// Match on the normalised text with boilerplate blanked out, so that a
	// site's address never becomes a unit.
	text := make([]rune, len(doc.Norm))
	copy(text, doc.Norm)
	for _, r := range doc.Removed {
		for k := r.Start; k < r.End; k++ {
			text[k] = ' '
		}
	}
	du.hits = g.MatchDocument(text)
	// the division the document is about at each level: the one named most
	// often, counting a township for its county and so on up
	counts := map[string]int{}
	var order []string
	for _, h := range du.hits {
		if h.Ambiguous || h.Resolved.Code == "" {
			continue
		}
		chain := append([]gazetteer.Division{h.Resolved}, g.Parents(h.Resolved.Code)...)
		for _, d := range chain {
			if counts[d.Code] == 0 {
				order = append(order, d.Code)
			}
			counts[d.Code]++
		}
	}
	// a division counts as what the document is about only when it has at
	// least half the mentions of its level: a national report that names
	// many counties is about none of them
	du.dominant = map[gazetteer.Level]gazetteer.Division{}
	levelTotal := map[gazetteer.Level]int{}
	for _, code := range order {
		if d, ok := g.Lookup(code); ok {
			levelTotal[d.Level] += counts[code]
		}
	}
	for _, code := range order {
		d, ok := g.Lookup(code)
		// named once, a division is where something happened, not what
		// the document is about (a national news report naming 东胜区)
		if !ok || 2*counts[code] < levelTotal[d.Level] || counts[code] < 2 {
			continue
		}
		best, seen := du.dominant[d.Level]
		if !seen || counts[code] > counts[best.Code] {
			du.dominant[d.Level] = d
		}
	}
	if d, ok := du.dominant[gazetteer.LevelCounty]; ok {
		du.county = &d
	}
	return du
}

// unitMention is a unit found at one place in the text.
type unitMention struct {
	name       string
	start, end int
	unit       Unit
	form       gazetteer.Form // how an administrative unit is written
	// coordinated marks an organisation named inside a joint unit's name
	// (体育学院 in 公共管理学院、体育学院分党校): a unit, though nested
	coordinated bool
}

// activityMention is an activity found at one place in the text.
type activityMention struct {
	name       string
	kind       string
	start, end int
}

// extract fills rec.Units and rec.Activities for a bulletin and links each
// count to its unit and activity.
// sentenceMentions are the organisations and activities of one sentence,
// found while its tokens are at hand so that a long bulletin never holds
// the tokens of all its sentences at once.
type sentenceMentions struct {
	units []unitMention
	acts  []activityMention
	// placeUse tells, by start, the gazetteer hits that name a place, not an
	// actor (see placeUse)
	placeUse map[int]placeRole
	// rejected holds, by start, the short-form hits that cut a word in two
	// (保定 in 医保/定额): see straddledShortForms
	rejected map[int]bool
}

// thanksRecipients returns where the list of those a report thanks or
// greets begins (the first 向 of a sentence that ends in 敬意, 感谢 or 问候),
// or -1 when the sentence thanks no one.
func thanksRecipients(norm []rune, start, end int) int {
	thanks, to := false, -1
	for p := start; p < end; p++ {
		if norm[p] == '向' && to < 0 {
			to = p
		}
		// 敬意, 感谢, 问候, read on the runes: every sentence passes here
		if p+1 < end && (norm[p] == '敬' && norm[p+1] == '意' || norm[p] == '感' && norm[p+1] == '谢' || norm[p] == '问' && norm[p+1] == '候') {
			thanks = true
		}
	}
	if !thanks {
		return -1
	}
	return to
}

// straddledShortForms adds to rejected the gazetteer hits of a division's
// bare stem whose edge falls inside a word of the segmenter (医保/定额
// holds 保定, 南沙/湾 holds 沙湾): a stem is a name only as a word of its
// own or at the start of one (郑州市民); and a county's stem the segmenter
// reads as a verb or adjective (合作, 延长). Full names are kept: the
// segmenter cuts unknown ones anywhere. toks are the sentence's tokens as
// the segmenter gave them.
// contentWordTag reports whether a tag marks a content word (医保/j, 定额/n),
// whose cut a place name cannot straddle; a function word the segmenter
// glued to a place's first character (在内/u蒙古) can be.
func contentWordTag(pos string) bool {
	switch pos {
	case "ns", "u", "p", "c", "d", "f", "m", "q", "r", "x", "uj", "ul", "uz", "zg":
		return false
	}
	return true
}

// verbalCountyStem reports a county's bare stem that the segmenter reads
// as a verb or an adjective (合作/vn, 延长/v): the word, not 合作市 or 延长县.
// toks start at or before the hit.
func verbalCountyStem(toks []Token, h gazetteer.Hit) bool {
	if h.Resolved.Level != gazetteer.LevelCounty && !(len(h.Candidates) > 0 && h.Candidates[0].Level == gazetteer.LevelCounty) {
		return false
	}
	for _, t := range toks {
		if t.Start > h.Start {
			break
		}
		if t.Start == h.Start && t.End == h.End {
			switch t.Pos {
			case "v", "vn", "vd", "a", "ad", "an", "d", "m", "q", "c", "p", "r", "u", "f", "t":
				return true
			}
		}
	}
	return false
}

func straddledShortForms(toks []Token, hits []gazetteer.Hit, rejected map[int]bool) map[int]bool {
	if len(toks) == 0 {
		return rejected
	}
	lo, hi := toks[0].Start, toks[len(toks)-1].End
	i := sort.Search(len(hits), func(i int) bool { return hits[i].End > lo })
	k := 0
	for ; i < len(hits) && hits[i].Start < hi; i++ {
		h := hits[i]
		if h.Form != gazetteer.FormShort {
			continue
		}
		for k < len(toks) && toks[k].End <= h.Start {
			k++
		}
		inside := func(p int) bool {
			for j := k; j < len(toks) && toks[j].Start < p; j++ {
				if t := toks[j]; t.Start < p && p < t.End && contentWordTag(t.Pos) && utf8.RuneCountInString(t.Text) >= 2 {
					return true
				}
			}
			return false
		}
		if inside(h.Start) || inside(h.End) || verbalCountyStem(toks[k:], h) {
			if rejected == nil {
				rejected = map[int]bool{}
			}
			rejected[h.Start] = true
		}
	}
	return rejected
}

func (f *UnitFinder) addSentence(norm []rune, s clean.Sentence, toks []Token, du *documentUnits, into *sentenceMentions) {
	hits := du.hits
	n := len(into.rejected)
	into.rejected = straddledShortForms(toks, du.hits, into.rejected)
	if len(into.rejected) > n && len(toks) > 0 {
		// the sentence's tokens stay whole where a rejected stem lies
		lo, hi := toks[0].Start, toks[len(toks)-1].End
		hits = nil
		for k := sort.Search(len(du.hits), func(k int) bool { return du.hits[k].End > lo }); k < len(du.hits) && du.hits[k].Start < hi; k++ {
			if h := du.hits[k]; !into.rejected[h.Start] || h.Form != gazetteer.FormShort {
				hits = append(hits, h)
			}
		}
	}
	toks = mergeHitTokens(toks, hits)
	if into.placeUse == nil {
		into.placeUse = map[int]placeRole{}
	}
	placeUse(toks, hits, into.placeUse)
	orgs := f.orgMentions(norm, s.Start, s.End, toks)
	if cut := thanksRecipients(norm, s.Start, s.End); cut >= 0 {
		// 向驻豫人民解放军、武警部队官兵…致以崇高敬意: those thanked are
		// greeted, not reported on
		kept := orgs[:0]
		for _, m := range orgs {
			if m.start < cut {
				kept = append(kept, m)
			}
		}
		orgs = kept
	}
	into.units = append(into.units, orgs...)
	into.units = append(into.units, f.listedCompanies(norm, toks)...)
	into.acts = append(into.acts, f.activityMentions(norm, s.Start, s.End, toks)...)
}

func (f *UnitFinder) extract(doc *clean.Document, b clean.Bulletin, found sentenceMentions, du *documentUnits, qs []Quantity, rec *Record) {
	var units []unitMention
	for _, h := range du.hits {
		if h.Start < b.Start || h.End > b.End || found.rejected[h.Start] {
			continue
		}
		units = append(units, f.adminMention(h))
	}
	units = mergeAdminChains(doc, units)
	units = append(units, found.units...)
	acts := found.acts
	acts = append(acts, countedActivities(doc.Norm, qs)...)
	sort.SliceStable(acts, func(i, j int) bool { return acts[i].start < acts[j].start })
	issuer := ""
	if b.Issuer != nil {
		issuer = b.Issuer.Text
	}
	if _, ok := f.orgSuffix(issuerName(b)); ok && utf8.RuneCountInString(issuerName(b)) <= 30 {
		// the issuing unit is a unit of the bulletin, and the division it
		// names is what 全县 and 我县 refer to
		units = append(units, unitMention{name: b.Issuer.Text, start: b.Issuer.Start, end: b.Issuer.End, unit: Unit{Name: b.Issuer.Text, Kind: "org"}})
	}
	issuerDivisions := map[gazetteer.Level]gazetteer.Division{}
	for _, u := range units {
		if u.unit.Kind == "admin" && b.Issuer != nil && u.start >= b.Issuer.Start && u.end <= b.Issuer.End {
			if g, err := f.Gazetteer(); err == nil {
				if d, ok := g.Lookup(u.unit.Code); ok {
					issuerDivisions[d.Level] = d
				}
			}
		}
	}
	for i := range units {
		if units[i].unit.Kind == "reference" {
			units[i].unit.Resolved = f.resolveReference(units[i].name, issuer, issuerDivisions, du)
		}
	}
	if issuer == "" {
		// a bulletin that speaks of 我院 or 本单位 is issued by that unit
		for _, u := range units {
			if u.unit.Kind == "reference" && u.unit.Resolved == "" && (strings.HasPrefix(u.name, "我") || strings.HasPrefix(u.name, "本")) {
				issuer = u.name
				break
			}
		}
	}
	units = dropCounted(units, qs)
	units = dropNested(units)
	rec.Units = collectUnits(doc, listedUnits(units), f.knownUnits)
	inheritParents(rec.Units, units, f)
	rec.Units = mergeSamePlaceOrgs(rec.Units, units)
	rec.Activities = collectActivities(doc, acts)
	linkCounts(doc, b, qs, units, acts, issuer, du)
	rec.Units = f.addLinkedDivisions(rec.Units, qs, du)
	rec.Units, rec.Places = splitPlaces(rec.Units, units, found.placeUse, qs)
}

// inheritParents gives an organisation or community whose name begins with
// a division (鄯善县人民医院, 鄯善镇滨沙社区) that division and the ones above
// it as parents, so that its counts roll up to its town and county. ms are
// the mentions the units were collected from.
func inheritParents(us []Unit, ms []unitMention, f *UnitFinder) {
	leading := leadingDivisions(ms)
	if len(leading) == 0 {
		return
	}
	for i := range us {
		u := &us[i]
		if u.Kind != "org" && u.Kind != "village" || len(u.Parents) > 0 {
			continue
		}
		for _, span := range u.Mentions {
			a, ok := leading[span.Start]
			if !ok || a.end >= span.End {
				continue
			}
			name := a.unit.Name
			if a.unit.Resolved != "" {
				name = a.unit.Resolved
			}
			if g, err := f.Gazetteer(); err == nil {
				if d, ok := g.Lookup(a.unit.Code); ok {
					name = d.Name // the official name (鄯善县 for 鄯善)
				}
			}
			u.Parents = append([]Parent{{Code: a.unit.Code, Name: name, Level: a.unit.Level}}, a.unit.Parents...)
			break
		}
	}
}

// leadingDivisions returns, by start, the longest resolved administrative
// mention starting there: the division a name beginning at that place
// begins with (鄯善县 of 鄯善县人民医院).
func leadingDivisions(ms []unitMention) map[int]unitMention {
	leading := map[int]unitMention{}
	for _, m := range ms {
		if m.unit.Kind == "admin" && m.unit.Code != "" && !m.unit.Ambiguous {
			if o, ok := leading[m.start]; !ok || m.end > o.end {
				leading[m.start] = m
			}
		}
	}
	return leading
}

// mergeSamePlaceOrgs joins an organisation named after a division to the
// one named after a division above or at it with the same name after the
// place (山西杏儿沟煤矿 and 大同市杏儿沟煤矿, 安徽芦岭煤矿 and 安徽省淮北矿业
// （集团）公司芦岭煤矿): the same mine, qualified by its province in one place
// and its city in another. The rest after the place must have four
// characters or more, so that kinds (人民医院) in different cities stay apart;
// the longer name is kept. ms are the mentions us was collected from.
func mergeSamePlaceOrgs(us []Unit, ms []unitMention) []Unit {
	leading := leadingDivisions(ms)
	type placed struct {
		rest  []rune
		chain map[string]bool // the division and those above it
		code  string
	}
	info := make([]*placed, len(us))
	for i, u := range us {
		if u.Kind != "org" || len(u.Mentions) == 0 {
			continue
		}
		span := u.Mentions[0]
		a, ok := leading[span.Start]
		if !ok || a.end >= span.End {
			continue
		}
		chain := map[string]bool{a.unit.Code: true}
		for _, p := range a.unit.Parents {
			chain[p.Code] = true
		}
		info[i] = &placed{rest: []rune(string([]rune(span.Text)[a.end-span.Start:])), chain: chain, code: a.unit.Code}
	}
	into := make([]int, len(us))
	for i := range us {
		into[i] = i
		if info[i] == nil || len(info[i].rest) < 4 {
			continue
		}
		for j := range us {
			if i == j || info[j] == nil || len(us[j].Name) <= len(us[i].Name) || into[j] != j {
				continue
			}
			related := info[i].chain[info[j].code] || info[j].chain[info[i].code]
			if related && strings.HasSuffix(string(info[j].rest), string(info[i].rest)) {
				into[i] = j
				break
			}
		}
	}
	var out []Unit
	at := map[int]int{}
	for i := range us {
		if into[i] == i {
			at[i] = len(out)
			out = append(out, us[i])
		}
	}
	for i := range us {
		if r := into[i]; r != i {
			k := at[r]
			out[k].Mentions = append(out[k].Mentions, us[i].Mentions...)
			sort.Slice(out[k].Mentions, func(a, b int) bool { return out[k].Mentions[a].Start < out[k].Mentions[b].Start })
		}
	}
	if out == nil {
		out = []Unit{}
	}
	return out
}

// addLinkedDivisions lists the divisions counts were linked to without
// being named in this bulletin (the county the file is about, which 全县
// stands for), with their codes, so that totals roll them up like any other.
func (f *UnitFinder) addLinkedDivisions(us []Unit, qs []Quantity, du *documentUnits) []Unit {
	listed := map[string]bool{}
	for _, u := range us {
		listed[u.Name] = true
		if u.Resolved != "" {
			listed[u.Resolved] = true
		}
	}
	g, err := f.Gazetteer()
	if err != nil {
		return us
	}
	for _, q := range qs {
		if q.Unit == "" || listed[q.Unit] {
			continue
		}
		for _, d := range du.dominant {
			if d.Name != q.Unit {
				continue
			}
			u := Unit{Name: d.Name, Kind: "admin", Code: d.Code, Level: d.Level.String(), Mentions: []Span{}}
			for _, p := range g.Parents(d.Code) {
				u.Parents = append(u.Parents, Parent{Code: p.Code, Name: p.Name, Level: p.Level.String()})
			}
			us = append(us, u)
			listed[q.Unit] = true
			break
		}
	}
	return us
}

func (f *UnitFinder) adminMention(h gazetteer.Hit) unitMention {
	u := Unit{Name: h.Name, Kind: "admin"}
	if h.Ambiguous {
		u.Ambiguous = true
		for _, c := range h.Candidates {
			u.Candidates = append(u.Candidates, c.Code)
		}
	} else {
		u.Code = h.Resolved.Code
		u.Level = h.Resolved.Level.String()
		if h.Resolved.Name != h.Name {
			u.Resolved = h.Resolved.Name
		}
		if g, err := f.Gazetteer(); err == nil {
			for _, p := range g.Parents(u.Code) {
				u.Parents = append(u.Parents, Parent{Code: p.Code, Name: p.Name, Level: p.Level.String()})
			}
		}
	}
	return unitMention{name: h.Name, start: h.Start, end: h.End, unit: u, form: h.Form}
}

// resolveReference says what 我院, 全县 or 我省 stands for: a 县/市/省/区/镇/乡
// reference the division of that kind the document is about, a 我X or 本X
// the bulletin's issuer; "" when the text does not tell.
func (f *UnitFinder) resolveReference(name, issuer string, issuerDivisions map[gazetteer.Level]gazetteer.Division, du *documentUnits) string {
	suffixLevels := map[string][]gazetteer.Level{
		"县": {gazetteer.LevelCounty}, "旗": {gazetteer.LevelCounty}, "区": {gazetteer.LevelCounty},
		"市": {gazetteer.LevelPrefecture, gazetteer.LevelCounty}, "州": {gazetteer.LevelPrefecture},
		"省": {gazetteer.LevelProvince}, "镇": {gazetteer.LevelTownship}, "乡": {gazetteer.LevelTownship},
	}
	last, _ := utf8.DecodeLastRuneInString(name)
	for _, level := range suffixLevels[string(last)] {
		if d, ok := issuerDivisions[level]; ok && strings.HasSuffix(d.Name, string(last)) {
			return d.Name
		}
		if d, ok := du.dominant[level]; ok && strings.HasSuffix(d.Name, string(last)) {
			return d.Name
		}
	}
	if strings.HasPrefix(name, "我") || strings.HasPrefix(name, "本") {
		return issuer
	}
	return ""
}

// mergeHitTokens joins the tokens a gazetteer hit spans into one place-name
// token, so that 七克/台/镇 reads as 七克台镇/ns.
func mergeHitTokens(toks []Token, hits []gazetteer.Hit) []Token {
	if len(toks) == 0 {
		return toks
	}
	lo, hi := toks[0].Start, toks[len(toks)-1].End
	i := sort.Search(len(hits), func(i int) bool { return hits[i].End > lo })
	if i >= len(hits) || hits[i].Start >= hi {
		return toks
	}
	toks = splitAtHits(toks, hits[i:], hi)
	out := make([]Token, 0, len(toks))
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		for i < len(hits) && hits[i].End <= t.Start {
			i++
		}
		if i < len(hits) && hits[i].Start == t.Start && hits[i].End <= hi {
			h := hits[i]
			j := k
			for j < len(toks) && toks[j].End <= h.End {
				j++
			}
			if j > k && toks[j-1].End == h.End {
				out = append(out, Token{Text: h.Name, Pos: "ns", Start: h.Start, End: h.End})
				k = j - 1
				continue
			}
		}
		out = append(out, t)
	}
	return out
}

// splitAtHits cuts the tokens that straddle the edge of a gazetteer hit
// (哈尔滨/市南/岗/区 against 哈尔滨市 and 南岗区), so that every hit begins
// and ends on a token boundary; a piece outside any hit is tagged x, as
// characters the dictionary does not know are. hits start at or after the
// first token's end and before hi.
func splitAtHits(toks []Token, hits []gazetteer.Hit, hi int) []Token {
	edges := map[int]bool{}
	for _, h := range hits {
		if h.Start >= hi {
			break
		}
		edges[h.Start], edges[h.End] = true, true
	}
	var out []Token // nil until a token is cut: most sentences keep theirs
	for k, t := range toks {
		var runes []rune
		from := t.Start
		for p := t.Start + 1; p < t.End; p++ {
			if !edges[p] {
				continue
			}
			if runes == nil {
				runes = []rune(t.Text)
				if out == nil {
					out = append(make([]Token, 0, len(toks)+4), toks[:k]...)
				}
			}
			out = append(out, Token{Text: string(runes[from-t.Start : p-t.Start]), Pos: "x", Start: from, End: p})
			from = p
		}
		switch {
		case runes != nil:
			out = append(out, Token{Text: string(runes[from-t.Start:]), Pos: "x", Start: from, End: t.End})
		case out != nil:
			out = append(out, t)
		}
	}
	if out == nil {
		return toks
	}
	return out
}

// orgMentions finds organisations by their suffix, with the left boundary
// given by the segmenter: the noun-like tokens before the suffix.
func (f *UnitFinder) orgMentions(norm []rune, start, end int, toks []Token) []unitMention {
	var out []unitMention
	toks = f.joinSuffixBeforeLocative(toks)
	quoted := quoteMask(norm, start, end)
	unmaskIssuers(norm, start, end, quoted)
	for i, t := range toks {
		if quoted[t.Start-start] {
			continue // “万企兴万村”行动: a name of an activity, not a unit
		}
		if f.knownUnits[t.Text] {
			if i+1 < len(toks) && f.leaderPosts[toks[i+1].Text] {
				continue // 中共中央总书记, 中央军委主席: a leader's title, not the body
			}
			if t.Start >= 4 && string(norm[t.Start-4:t.Start]) == "为核心的" {
				continue // 以习近平同志为核心的党中央: a set phrase of allegiance, not a report of what it did
			}
			out = append(out, unitMention{name: t.Text, start: t.Start, end: t.End, unit: Unit{Name: t.Text, Kind: "org"}})
			continue
		}
		if f.references[t.Text] {
			out = append(out, unitMention{name: t.Text, start: t.Start, end: t.End, unit: Unit{Name: t.Text, Kind: "reference"}})
			continue
		}
		rule, ok := f.orgSuffix(t.Text)
		if !ok || !f.acceptSuffixToken(t, rule) {
			continue
		}
		if i+1 < len(toks) && f.headPosts[toks[i+1].Text] && t.Pos == "nt" {
			continue // 中央军委主席: the head of state's title, not the body
		}
		if t.Text == rule.suffix && utf8.RuneCountInString(t.Text) == 1 && i+1 < len(toks) && splitWordAfter(t, toks[i+1]) {
			continue // 城市/院/线: a word the segmenter cut, not a 院
		}
		if t.Text == "中心" && i+1 < len(toks) && toks[i+1].Start == t.End && f.centreCompounds[toks[i+1].Text] {
			continue // 国家中心城市, 周口港中心作业区: 中心 begins a longer word
		}
		if rule.kind == "facility" && i+1 < len(toks) && toks[i+1].Start == t.End && routeNoun(toks[i+1].Text) {
			continue // 石衡沧港城际铁路: the ports name a railway, not a unit
		}
		if t.Text == rule.suffix && t.Pos == "v" && i+1 < len(toks) && toks[i+1].Start == t.End && verbComplement(toks[i+1], t.Text == "办") {
			continue // 为群众办/v实事: the verb and its object, not an office
		}
		// the modifier: noun-like tokens and place names to the left
		j, skipped := i, 0
		for {
			if b := bracketInName(toks, j); b >= 0 {
				skipped += j - b - 1
				j = b // 淮北矿业（集团）公司: a bracketed word inside the name
				continue
			}
			if q := quotedInName(toks, j); q >= 0 {
				// 退伍大学生“家国情怀”宣讲团: a quoted name inside the unit's,
				// counted as one word
				skipped += j - q - 1
				j = q
				if q == 0 || isOpenQuote(toks[q].Text) {
					break // “梧桐”民族团结教育辅导员工作室: the quote opens the name
				}
				continue
			}
			if !f.extendsName(toks, i-skipped, j, t, rule) {
				break
			}
			j--
		}
		own, ownEnd := j, -1
		j, ownEnd = f.coordinatedOwner(toks, j, i)
		if j == i && utf8.RuneCountInString(t.Text) == 1 && rule.kind != "village" {
			continue // a lone 所 or 部: names need the whole word (派出所, 公安部)
		}
		// a word that is itself more than the suffix (公安部, 国务院) can stand alone
		selfNamed := utf8.RuneCountInString(t.Text) > utf8.RuneCountInString(rule.suffix) && !f.notUnits[t.Text]
		if j == i && !selfNamed {
			continue
		}
		for j < i && f.genericMods[toks[j].Text] && !f.jointOpener(toks, j, i, t) {
			j++
		}
		if j == i && !selfNamed {
			continue
		}
		if i+1 < len(toks) && rule.kind == "village" && nounLike(toks[i+1]) && toks[i+1].Pos != "ns" {
			// 社区居民, 村干部: the suffix word modifies a noun; the unit is
			// still named (鸿雁社区居民) when a modifier precedes it.
			if j == i {
				continue
			}
		}
		for j < i && numeralToken(toks[j]) {
			j++
		}
		if j > 0 && j < i && numeralToken(toks[j-1]) {
			if _, ok := measure.Default().Lookup(toks[j].Text); ok {
				j++ // 11处煤矿, 3所学院: the measure word of a count
			}
		}
		for j+4 < i && singleContentChar(toks[j]) && toks[j].Text == toks[j+2].Text && singleContentChar(toks[j+1]) && singleContentChar(toks[j+3]) {
			j += 4 // 做大做强雄安中关村科技园, 建优建强国家实验室: an idiom of
			// the form ABAC before the name
		}
		for j < i && (toks[j].Pos == "v" || toks[j].Pos == "vd" || toks[j].Pos == "d" || toks[j].Pos == "ad" || f.genericMods[toks[j].Text] || f.stopMods[toks[j].Text]) {
			if singleContentChar(toks[j]) && (toks[j].Pos == "v" || toks[j].Pos == "d") && nominalAhead(toks, j, i) {
				break // 塞/v罕/a坝/n林场: a character of a name the dictionary split
			}
			if f.jointOpener(toks, j, i, t) {
				break // 中国现代农业联合研究生院: 联合 inside the name
			}
			j++ // a name never opens with a verb (新培育农民专业合作社)
		}
		for j < i-1 && singleVerbal(toks[j]) && !nominalAhead(toks, j, i) {
			j++ // a verb the dictionary left alone before the name
		}
		// a verb that governs what follows opens no name; the name starts
		// after it (培育人工智能陕西实验室, 高质量推进铜川普惠金融改革试验区)
		for k := i - 2; k >= j; k-- {
			if f.governingVerbs[toks[k].Text] || f.leadingVerbs[toks[k].Text] {
				j = k + 1
				break
			}
		}
		if j < i && f.leadingVerbs[toks[j].Text] {
			j++ // 优化中山大学: the name that stands alone after it may be one
		}
		for k := i - 1; k > j; k-- {
			if isCountedKind(toks[k]) {
				j = k + 1 // 省市县三级科技管理部门: a kind of unit at those levels
				break
			}
		}
		if j > 0 && j < i && cutAtLeft(toks, j) {
			continue // 转/诊中心, 盘/州机场: the left edge cuts a word
		}
		if j == i && !selfNamed {
			continue
		}
		if rule.kind == "village" {
			for j < i && (f.villageKinds[toks[j].Text] || toks[j].Pos == "vn" || toks[j].Pos == "v" || toks[j].Pos == "b" || toks[j].Pos == "a") && !(singleContentChar(toks[j]) && inNominalRun(toks, j)) {
				j++ // 城市社区, 运营社区, 小小渔村: a kind of community, not one
			}
			if j == i && !selfNamed {
				continue
			}
		}
		if rule.kind == "government" && !governmentNamed(toks[j:i+1], rule.suffix) {
			continue // 效能政府, 全口径政府投资: a kind of government, not one
		}
		name := string(norm[toks[j].Start:t.End])
		if f.notUnits[name] || utf8.RuneCountInString(name) < 2 || f.endsAsNoUnit(name, rule.suffix) {
			continue
		}
		if j < i && f.isSuffixWord(toks[j].Text) && !f.knownUnits[toks[j].Text] {
			continue // 一流大学郑州研究院, 学院党委: a kind of body before the name, no body named
		}
		if p := toks[j].Start; p > 0 && (norm[p-1] == '?' || norm[p-1] == '\uFFFD') {
			continue // ?９?安部刑侦局: the name's start was lost to a broken encoding
		}
		if documentNumberAt(norm, t.End, end) {
			continue // 国办发〔2004〕7号: the code of a document number
		}
		if rule.kind == "facility" && !hasProperPart(toks[j:i+1], rule.suffix) {
			continue // 县级医院, 购物中心: a kind of facility, not one of them
		}
		kind := "org"
		if rule.kind == "village" {
			kind = "village"
		}
		out = append(out, unitMention{name: name, start: toks[j].Start, end: t.End, unit: Unit{Name: name, Kind: kind}})
		if ownEnd >= 0 {
			// the second owner is named as a unit too, as the first is by
			// its own suffix
			owner := string(norm[toks[own].Start:toks[ownEnd].End])
			out = append(out, unitMention{name: owner, start: toks[own].Start, end: toks[ownEnd].End, unit: Unit{Name: owner, Kind: "org"}, coordinated: true})
		}
	}
	return out
}

// extendsName reports whether toks[j-1] may join the name of the unit
// whose suffix is toks[i] (t, by rule), j being where the name starts now:
// noun-like tokens and place names, within eight tokens.
func (f *UnitFinder) extendsName(toks []Token, i, j int, t Token, rule suffixRule) bool {
	if j > 0 && j == i && singleVerbal(toks[j-1]) && !(j > 1 && toks[j-2].End == toks[j-1].Start && singleContentChar(toks[j-2])) {
		return false // 配/v矿, 古/a村: the suffix's own word, not a name's character
	}
	if j > 1 && j < i && toks[j-1].Text == "与" && f.academicSuffixes[rule.suffix] && fieldWord(toks[j-2]) && !f.isOrgWord(toks[j-2].Text) {
		return true // 公共政策与管理学院, 旅游与国土资源学院: one school of two fields
	}
	if j > 1 && j < i && (toks[j-1].Text == "-" || toks[j-1].Text == "－") && toks[j-1].Start == toks[j-2].End && toks[j].Start == toks[j-1].End && toks[j-2].Pos == "ns" && toks[j].Pos == "ns" {
		return true // 清华大学中国-非洲领导力发展中心: two places joined in one name
	}
	if j > 0 && f.jointOpener(toks, j-1, i, t) {
		return true // 联合专案组, 中国现代农业联合研究生院: a body set up jointly
	}
	return j > 0 && i-j < 8 && !f.stopMods[toks[j-1].Text] && (unitModifier(toks, j-1) ||
		// a verb inside a name (民族团结进步创建工作领导小组) when a noun precedes it
		f.nameVerbs[toks[j-1].Text] && j > 1 && unitModifier(toks, j-2) ||
		// an adjective between nouns (生命健康/a产业创新示范区)
		toks[j-1].Pos == "a" && utf8.RuneCountInString(toks[j-1].Text) == 2 && j < i && j > 1 && unitModifier(toks, j-2) && unitModifier(toks, j) ||
		// a two-character verb right before a one-character suffix says
		// what the office does (海关缉私/局, 交通执法/队)
		j == i && t.Text == rule.suffix && utf8.RuneCountInString(t.Text) == 1 && toks[j-1].Pos == "v" &&
			utf8.RuneCountInString(toks[j-1].Text) == 2 && !f.framingVerbs[toks[j-1].Text] && j > 1 && unitModifier(toks, j-2))
}

// isCountedKind reports a numeral with a level or kind word inside a name
// (三级, 两类): what follows is a kind of unit, not one.
func isCountedKind(t Token) bool {
	r := []rune(t.Text)
	return len(r) >= 2 && isChineseDigit(r[0]) && strings.ContainsRune("级类", r[len(r)-1])
}

// cutAtLeft reports whether a name starting at toks[j] starts inside a word
// the segmenter split into single characters: the name's first token and
// the one before it are single content characters written together
// (转/v 诊/zg 中心, 盘/q 州/n 机场).
func cutAtLeft(toks []Token, j int) bool {
	prev, first := toks[j-1], toks[j]
	if prev.End != first.Start || !singleContentChar(prev) || !singleContentChar(first) || prev.Pos == "ns" || first.Pos == "ns" {
		return false
	}
	// a two-character word cut in two, not a name after a run of verbs
	// (做大做强/雄安)
	before := j < 2 || !singleContentChar(toks[j-2]) || toks[j-2].End != prev.Start
	after := j+1 >= len(toks) || !singleContentChar(toks[j+1]) || toks[j+1].Start != first.End
	return before && after
}

// nominalAhead reports whether, from the one-character toks[j] on, the run
// of one-character tokens written together holds a noun before the suffix
// at i: toks[j] then begins a name the dictionary split (塞/罕/坝).
func nominalAhead(toks []Token, j, i int) bool {
	for q := j; q < i && singleContentChar(toks[q]) && (q == j || toks[q-1].End == toks[q].Start); q++ {
		if nominalTag(toks[q].Pos) {
			return q > j
		}
		if toks[q].Pos == "v" && q > j {
			return false // 做/v大/a做/v: a run of verbs
		}
	}
	return false
}

// inNominalRun reports whether the one-character toks[k] stands in a run
// of one-character tokens, written together, one of which is tagged as a
// noun.
func inNominalRun(toks []Token, k int) bool {
	lo, hi := k, k
	for lo > 0 && singleContentChar(toks[lo-1]) && toks[lo-1].End == toks[lo].Start {
		lo--
	}
	for hi+1 < len(toks) && singleContentChar(toks[hi+1]) && toks[hi+1].Start == toks[hi].End {
		hi++
	}
	if lo == hi {
		return false
	}
	for q := lo; q <= hi; q++ {
		if nominalTag(toks[q].Pos) {
			return true
		}
	}
	return false
}

// nominalTag reports a tag of a noun among the characters the dictionary
// left single (雄/n, 贸/vn, 坝/n).
func nominalTag(pos string) bool {
	switch pos {
	case "n", "nr", "nrt", "ns", "nz", "x", "ng", "j", "vn":
		return true
	}
	return false
}

// jointOpener reports whether toks[k] is the 联合 of a body set up jointly,
// right before its suffix t at i (联合专案组), and not between two bodies
// (县委联合县政府).
func (f *UnitFinder) jointOpener(toks []Token, k, i int, t Token) bool {
	return toks[k].Text == "联合" && k+1 == i && f.jointBodies[t.Text] && (k == 0 || !f.isOrgWord(toks[k-1].Text))
}

// fieldWord reports a common noun of two characters or more, as fields of
// study are named (政策, 旅游), not a name (中原农/谷, 郑州).
func fieldWord(t Token) bool {
	return (t.Pos == "n" || t.Pos == "vn") && utf8.RuneCountInString(t.Text) >= 2
}

// isOrgWord reports whether w ends in an organisation's suffix (县委, 学院):
// a name of its own, not a field.
func (f *UnitFinder) isOrgWord(w string) bool {
	_, ok := f.orgSuffix(w)
	return ok
}

// singleContentChar reports a one-character token of a content character.
func singleContentChar(t Token) bool {
	r := []rune(t.Text)
	return len(r) == 1 && isHan(r[0]) && !strings.ContainsRune(functionChars, r[0])
}

// singleVerbal reports a one-character verb or adjective.
func singleVerbal(t Token) bool {
	return singleContentChar(t) && (t.Pos == "v" || t.Pos == "a")
}

// coordinatedOwner widens a name that starts at toks[j] with an
// organisation (体育学院分党校) over one of the same kind listed before it
// (公共管理学院、体育学院分党校: the branch school of both colleges). It
// returns where the name starts and the token that ends the organisation
// it started with (学院), or -1 when the name is not widened.
func (f *UnitFinder) coordinatedOwner(toks []Token, j, i int) (start, ownerEnd int) {
	if j < 3 || toks[j-1].Text != "、" {
		return j, -1
	}
	var owner suffixRule
	found := false
	k := j
	for ; k < i; k++ {
		if owner, found = f.orgSuffix(toks[k].Text); found {
			break
		}
	}
	before := toks[j-2]
	if rule, ok := f.orgSuffix(before.Text); !found || !ok || rule.suffix != owner.suffix {
		return j, -1
	}
	start = j - 2
	for f.extendsName(toks, j-2, start, before, owner) {
		start--
	}
	if start == j-2 && before.Text == owner.suffix {
		return j, -1 // a bare 学院 names no owner
	}
	return start, k
}

// bracketInName returns the index of the noun-like token before a short
// bracketed word that ends right before toks[j] (淮北矿业（集团）公司), or -1.
func bracketInName(toks []Token, j int) int {
	isOpen := func(s string) bool { return s == "（" || s == "(" }
	if j < 3 || toks[j-1].Text != "）" && toks[j-1].Text != ")" || toks[j-1].End != toks[j].Start {
		return -1
	}
	o := j - 2
	for o > 0 && j-o <= 3 && !isOpen(toks[o].Text) {
		if r, _ := utf8.DecodeRuneInString(toks[o].Text); !isHan(r) {
			return -1
		}
		o--
	}
	if o <= 0 || !isOpen(toks[o].Text) || o == j-2 || toks[o].Start != toks[o-1].End || !nounLike(toks[o-1]) {
		return -1
	}
	return o - 1
}

// quotedInName returns the index of the noun-like token before a short
// quoted name that ends right before toks[j] (大学生“家国情怀”宣讲团), or of
// the quote itself when punctuation precedes it (、“梧桐”民族团结教育辅导员
// 工作室), or -1: the quotation is part of the unit's name.
func quotedInName(toks []Token, j int) int {
	if j < 3 || !isCloseQuote(toks[j-1].Text) || toks[j-1].End != toks[j].Start {
		return -1
	}
	for o := j - 2; o > 0 && j-o <= 8; o-- {
		if isOpenQuote(toks[o].Text) {
			if toks[o].End-toks[o].Start == 1 && toks[o].Start == toks[o-1].End && nounLike(toks[o-1]) && !isCloseQuote(toks[o-1].Text) && toks[o-1].Pos != "x" {
				return o - 1
			}
			if r, _ := utf8.DecodeRuneInString(toks[o-1].Text); !isHan(r) && j-o >= 3 && toks[j].Pos != "ns" {
				return o // after punctuation the quote opens the name
			}
			return -1
		}
		if isCloseQuote(toks[o].Text) {
			return -1
		}
	}
	return -1
}

// joinSuffixBeforeLocative mends a suffix the segmenter glued to the
// locative after it (博物/馆里, 标本/馆里): 博物馆 becomes one token and 里
// another, so that the name ends on its suffix. toks is copied only when
// some is mended.
func (f *UnitFinder) joinSuffixBeforeLocative(toks []Token) []Token {
	var out []Token
	for k, t := range toks {
		r := []rune(t.Text)
		mend := len(r) == 2 && strings.ContainsRune("里内中外上前", r[1]) && k > 0 && toks[k-1].End == t.Start && f.isSuffixWord(toks[k-1].Text+string(r[0]))
		if mend && out == nil {
			out = append(make([]Token, 0, len(toks)+1), toks[:k]...)
		}
		switch {
		case mend:
			prev := out[len(out)-1]
			out[len(out)-1] = Token{Text: prev.Text + string(r[0]), Pos: "n", Start: prev.Start, End: t.Start + 1}
			out = append(out, Token{Text: string(r[1]), Pos: "f", Start: t.Start + 1, End: t.End})
		case out != nil:
			out = append(out, t)
		}
	}
	if out == nil {
		return toks
	}
	return out
}

// unmaskIssuers clears the quote mask over the issuers that open a
// document's title, before its 关于 (《国家文物局、教育部关于加强高校博物馆建设
// 与发展的意见》): they are units the text names.
func unmaskIssuers(norm []rune, start, end int, quoted []bool) {
	for p := start; p < end; p++ {
		if norm[p] != '《' {
			continue
		}
		for q := p + 1; q+1 < end && q-p < 40 && norm[q] != '》'; q++ {
			if norm[q] == '关' && norm[q+1] == '于' {
				for k := p + 1; k < q; k++ {
					quoted[k-start] = false
				}
				break
			}
		}
	}
}

// documentNumberAt reports whether a document number's year bracket
// follows at k, after an optional 发, 函 or 字 (国办发〔2004〕7号,
// 鄯政办〔2024〕3号): the name before it is the issuer's code.
func documentNumberAt(norm []rune, k, end int) bool {
	if k < end && strings.ContainsRune("发函字", norm[k]) {
		k++
	}
	return k < end && strings.ContainsRune("〔[［【(（", norm[k]) && k+5 < end && isASCIIDigit(norm[k+1]) && isASCIIDigit(norm[k+4])
}

// splitWordAfter: a one-character suffix token followed directly by a
// one-character noun-like token is a longer word cut in two (院/线 of 院线).
func splitWordAfter(t, next Token) bool {
	if next.Start != t.End || utf8.RuneCountInString(next.Text) != 1 || !isHanToken(next) {
		return false
	}
	switch next.Pos {
	case "n", "ng", "x", "zg", "q":
		return true
	}
	return false
}

// nameTag reports whether the segmenter tagged a token as a name: a place,
// an organisation, a person, another proper noun, or a character or Latin
// word it does not know.
func nameTag(pos string) bool {
	switch pos {
	case "ns", "nt", "nz", "nr", "nrt", "nrfg", "x", "zg", "eng":
		return true
	}
	return false
}

// hasProperPart reports whether a facility's name has a part that names
// this one: a place, a person, a name the dictionary tags as an
// organisation or does not know (characters left single and untagged).
// toks end with the suffix token.
func hasProperPart(toks []Token, suffix string) bool {
	last := toks[len(toks)-1]
	if last.Pos == "nt" && last.Text != suffix {
		return true // 友谊医院/nt
	}
	for _, t := range toks {
		if t.Text == "区域" {
			return false // 国家区域医疗中心: a class of regional centres, not one
		}
	}
	if first := toks[0]; len(toks) >= 3 && utf8.RuneCountInString(first.Text) == 1 && strings.ContainsRune("省市县", []rune(first.Text)[0]) {
		return true // 省足球运动管理中心: the province's own, one body
	}
	for _, t := range toks[:len(toks)-1] {
		if nameTag(t.Pos) {
			return true
		}
		if r, size := utf8.DecodeRuneInString(t.Text); size == len(t.Text) && isHan(r) && !strings.ContainsRune("省市县区乡镇村", r) {
			return true // 雨/n坛/zg, 塞罕/a坝/n: characters the dictionary does not join
		}
		if t.Text == "国家" {
			return true // 国家医学中心, 国家实验室: a designation of one facility
		}
	}
	return false
}

// acceptSuffixToken decides whether a token ending in an org suffix can end
// a unit's name: not a word that only looks like one (干部, 网站, 举办), not a
// lone one-character suffix (所, 部), not one that starts with a numeral (百村).
func (f *UnitFinder) acceptSuffixToken(t Token, rule suffixRule) bool {
	if f.notUnits[t.Text] && t.Text != rule.suffix {
		return false
	}
	for _, w := range f.notUnitEnds {
		if strings.HasSuffix(t.Text, w) {
			return false
		}
	}
	if utf8.RuneCountInString(rule.suffix) == 1 && utf8.RuneCountInString(t.Text) == 2 && rule.kind != "village" && t.Pos != "nt" {
		return false // 有所, 举办, 部署: two-character words ending in 所, 办, 部
	}
	if t.Text == "所" && t.Pos == "c" {
		return false // 国子监所收藏的文物: the particle 所, not an institute
	}
	if t.Text != rule.suffix { // a lone suffix (站/v) may be tagged anything
		switch t.Pos {
		case "v", "vd", "vn", "a", "ad", "d", "m", "q", "r", "p", "c", "u", "uj", "f":
			return false
		}
	}
	return !numeralToken(t) && !(t.Pos == "n" && startsWithDigit(t.Text))
}

// endsAsNoUnit reports whether a name built from several tokens ends in a
// word that is no unit's end (历史文化名镇名/村 ends in 名村).
func (f *UnitFinder) endsAsNoUnit(name, suffix string) bool {
	for _, w := range f.notUnitEnds {
		if len(w) > len(suffix) && strings.HasSuffix(name, w) {
			return true
		}
	}
	return false
}

// verbComplement reports whether t reads as the object of a one-character
// verb before it (办/实事, 办/恒业), or with complements set as its
// complement (办/好办), not as a post of the office it would name (办/主任).
func verbComplement(t Token, complements bool) bool {
	if officePosts[t.Text] {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(t.Text); !isHan(r) {
		return false
	}
	switch t.Pos {
	case "n", "vn", "nz", "an":
		return utf8.RuneCountInString(t.Text) >= 2
	case "v", "a":
		return complements // 办/好办: 办 takes verbs as complements; 站/v 响起 does not
	}
	return false
}

// routeNoun reports a word that, right after a facility's name, makes the
// name that of a route (石衡沧港城际铁路, 福州地铁滨海快线).
func routeNoun(w string) bool {
	for _, r := range []string{"铁路", "高速", "公路", "航线", "专线", "快线", "城际", "大桥", "隧道", "班列"} {
		if strings.HasPrefix(w, r) || strings.HasSuffix(w, r) {
			return true
		}
	}
	return false
}

// officePosts are the posts of an office named after its organisation
// (县委办主任).
var officePosts = map[string]bool{"主任": true, "副主任": true, "负责人": true, "工作人员": true, "干部": true, "同志": true}

// governmentNamed reports whether a name ending in 政府 names one
// government: a place (河南省政府, 日本政府), a level (县政府, 特区政府) or
// a name the dictionary tags as one, not a quality (效能政府, 法治政府) or a
// scope (全口径政府). toks end with the suffix token.
func governmentNamed(toks []Token, suffix string) bool {
	for _, t := range toks {
		if t.Pos == "ns" || t.Pos == "nt" {
			return true
		}
		text := strings.TrimSuffix(t.Text, suffix)
		if text == "" {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(text)
		if strings.HasPrefix(text, "全") || strings.HasPrefix(text, "各") {
			return false // 全省政府系统: the governments of a whole province
		}
		if strings.ContainsRune("省市县区州盟旗乡镇", last) || text == "特区" || text == "自治区" {
			return true
		}
	}
	return false
}

// numeralToken reports whether t opens with a number: tagged as one
// (三十/m, 11/x) or a word that starts with a digit and is no name (百村/n
// is, 四川/ns and 万达/nz are not).
func numeralToken(t Token) bool {
	if t.Pos == "m" {
		return true
	}
	first, _ := utf8.DecodeRuneInString(t.Text)
	if isASCIIDigit(first) {
		return true
	}
	return isChineseDigit(first) && !nameTag(t.Pos) && t.Pos != "n"
}

func startsWithDigit(s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	return isChineseDigit(first) || isASCIIDigit(first)
}

// isSuffixWord reports whether w is itself one of the org suffixes.
func (f *UnitFinder) isSuffixWord(w string) bool {
	_, ok := f.orgTable.byWord[w]
	return ok
}

func (f *UnitFinder) orgSuffix(word string) (suffixRule, bool) {
	return f.orgTable.match(word, nil)
}

// functionChars never begin or continue a unit's name, whatever the
// segmenter tagged them.
const functionChars = "为以把被将对向从在于与和及或的地得了着过是有好让使给由等各每该其此这那并也都又还就才更最很太不没无非全总共约近超达到至驻住进入出来去作占较即仍已曾亦且但而如据按凭依随用"

// unitModifier reports whether toks[k] may stand in a unit's name before
// its suffix.
func unitModifier(toks []Token, k int) bool {
	t := toks[k]
	if r := []rune(t.Text); len(r) == 1 && isHan(r[0]) {
		// the dictionary cuts unknown names into single characters with
		// arbitrary tags (雄/n 安/v 新区, 雨/n 坛/zg 村)
		if strings.ContainsRune(functionChars, r[0]) {
			return false
		}
		switch t.Pos {
		case "n", "nr", "nrt", "ns", "nz", "x", "zg", "ng", "j", "b", "g":
			return true
		}
		// any other character only inside a run of such characters with a
		// noun among them (雄/n 安/v, 交/v 管/vn, 塞/v 罕/a 坝/n, 自/p 贸/vn,
		// 龙王庙 正/d 街/n), not a verb cut from another (压/zg 减/v)
		return inNominalRun(toks, k)
	}
	switch t.Pos {
	case "ns", "nt", "nz", "n", "j", "b", "nr", "nrt", "nrfg", "vn", "eng":
		return true
	case "x":
		// a character the dictionary does not know, or the rest of a word
		// cut at a place name's edge (四川/大学 of 四川大学博物馆)
		for _, r := range t.Text {
			if !isHan(r) {
				return false
			}
		}
		return t.Text != ""
	case "d":
		return mistaggedAdverb(toks, k) // 成都/自然/d博物馆
	case "t":
		return epochWords[t.Text] // 中国现代农业联合研究生院, 未来技术学院
	case "l":
		return companyForms[t.Text] // 杏儿沟煤业有限责任/l公司
	}
	return false
}

// epochWords are time words that stand in names as qualities, not as dates.
var epochWords = map[string]bool{"现代": true, "当代": true, "近代": true, "古代": true, "未来": true}

// companyForms are the legal forms written before 公司, which the
// dictionary keeps as set phrases.
var companyForms = map[string]bool{"有限责任": true, "股份有限": true, "有限": true, "股份": true}

func isHan(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF }

// dropNested removes org mentions inside a longer mention at the same place
// (滨沙社区 inside 鄯善镇滨沙社区 is kept as its own unit only when named
// elsewhere alone).
// maxNameRunes bounds the length of a unit's name, so that containment is
// looked for among near mentions only.
const maxNameRunes = 64

func dropNested(ms []unitMention) []unitMention {
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].start != ms[j].start {
			return ms[i].start < ms[j].start
		}
		return ms[i].end > ms[j].end
	})
	out := ms[:0]
	for _, m := range ms {
		nested := false
		// a container starts at most a long name's length before m
		for k := len(out) - 1; k >= 0 && out[k].start >= m.start-maxNameRunes; k-- {
			o := out[k]
			if o.start <= m.start && m.end <= o.end && (o.start != m.start || o.end != m.end) && m.unit.Kind != "admin" && !m.coordinated {
				nested = true
				break
			}
			if o.start < m.start && m.end == o.end && m.unit.Kind == "admin" && o.unit.Kind != "admin" {
				// 临空经济区 in 廊坊临空经济区: the same zone, named with
				// where it is
				nested = true
				break
			}
			if o.start == m.start && o.end == m.end {
				nested = true // the same span found twice (place and org rule)
				break
			}
		}
		if !nested {
			out = append(out, m)
		}
	}
	return out
}

// mergeShortForms folds an organisation named by the tail of a longer name
// in the same bulletin into that unit: 省人民政府 and 河南省政府 are
// 河南省人民政府, 芦岭煤矿 is 安徽芦岭煤矿.
func mergeShortForms(us []Unit, known map[string]bool) []Unit {
	key := func(name string) string { return strings.ReplaceAll(name, "人民政府", "政府") }
	into := make([]int, len(us))
	for i := range us {
		into[i] = i
		if us[i].Kind == "admin" {
			continue
		}
		best := -1
		for j := range us {
			if i == j || us[j].Kind == "admin" || len(us[j].Name) <= len(us[i].Name) {
				continue
			}
			short, long := key(us[i].Name), key(us[j].Name)
			// a known institution by its short name (省委) is the one named
			// in full (中共河北省委); other names of two runes (学院) are kinds
			tailOK := utf8.RuneCountInString(short) >= 3 || known[us[i].Name]
			if short == long || strings.HasSuffix(long, short) && tailOK || abbreviates(short, long) {
				if best < 0 || len(us[j].Name) > len(us[best].Name) {
					best = j
				}
			}
		}
		if best >= 0 {
			into[i] = best
		}
	}
	var out []Unit
	index := map[int]int{}
	for i := range us {
		if into[i] != i {
			continue
		}
		index[i] = len(out)
		out = append(out, us[i])
	}
	for i := range us {
		if into[i] == i {
			continue
		}
		root := into[i]
		for into[root] != root {
			root = into[root]
		}
		k := index[root]
		out[k].Mentions = append(out[k].Mentions, us[i].Mentions...)
	}
	if out == nil {
		out = []Unit{}
	}
	return out
}

// abbreviates reports whether short is long with its qualifier shortened
// to some of its characters, in order, the way Chinese abbreviates names:
// 公管学院 for 公共管理学院, 南理工兵器博物馆 for 南京理工大学兵器博物馆. Both end
// in the same word of two runes or more; the short qualifier keeps the
// first character and skips some inside, so it is not a prefix of the long
// one (河南大学 is not 河南电子科技大学).
func abbreviates(short, long string) bool {
	s, l := []rune(short), []rune(long)
	// the common ending
	n := 0
	for n < len(s) && n < len(l) && s[len(s)-1-n] == l[len(l)-1-n] {
		n++
	}
	if n < 2 {
		return false
	}
	ps, pl := s[:len(s)-n], l[:len(l)-n]
	if len(ps) < 2 || len(pl) <= len(ps) || ps[0] != pl[0] || slices.Equal(ps, pl[:len(ps)]) {
		return false
	}
	k := 0
	for _, r := range pl {
		if k < len(ps) && r == ps[k] {
			k++
		}
	}
	return k == len(ps)
}

func issuerName(b clean.Bulletin) string {
	if b.Issuer == nil {
		return ""
	}
	return b.Issuer.Text
}

// dropCounted leaves out organisation names that follow a count's measure
// word (301家绿色工厂, 27家省实验室): they name a kind being counted, not a unit.
func dropCounted(ms []unitMention, qs []Quantity) []unitMention {
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].start < ms[j].start })
	ends := map[int]bool{}
	for _, q := range qs {
		ends[q.End] = true
	}
	// 省实验室27家, 新增规上工业企业2500家: the kind counted, named before the
	// number; qs are in text order
	countedBefore := func(m unitMention) bool {
		k := sort.Search(len(qs), func(k int) bool { return qs[k].Start >= m.end })
		for ; k < len(qs) && qs[k].Start-m.end <= 3; k++ {
			q := qs[k]
			if q.Object != "" && (strings.HasSuffix(m.name, q.Object) || strings.HasSuffix(q.Object, m.name)) {
				return true
			}
		}
		return false
	}
	out := ms[:0]
	dropped := map[int]bool{} // start positions of dropped mentions
	for _, m := range ms {
		counted := m.unit.Kind != "admin" && (ends[m.start] || countedBefore(m))
		// 213个舞蹈队、体育队: the kinds listed after one count
		counted = counted || m.unit.Kind != "admin" && dropped[m.start-1]
		if counted {
			dropped[m.end] = true
			continue
		}
		out = append(out, m)
	}
	return out
}

// listedUnits leaves out mentions that name no unit of their own: an
// unresolved 全镇 or 全院 (a scope, not an actor), and a division inside an
// organisation's name (北京 in 北京医院, 鄯善镇 in 鄯善镇滨沙社区), which
// becomes that organisation's parent (inheritParents); a division named on
// its own elsewhere stays a unit through those mentions.
func listedUnits(ms []unitMention) []unitMention {
	var out []unitMention
	for _, m := range ms {
		if m.unit.Kind == "reference" && m.unit.Resolved == "" && strings.HasPrefix(m.name, "全") {
			continue
		}
		inside := false
		if m.unit.Kind == "admin" {
			// ms is sorted by start: containers lie within a name's length
			lo := sort.Search(len(ms), func(k int) bool { return ms[k].start >= m.start-maxNameRunes })
			for k := lo; k < len(ms) && ms[k].start <= m.start; k++ {
				o := ms[k]
				if o.unit.Kind != "admin" && m.end <= o.end && o.end-o.start > m.end-m.start {
					inside = true
				}
			}
		}
		if !inside {
			out = append(out, m)
		}
	}
	return out
}

// collectUnits lists each unit once, by its first name as written, with
// every mention. Administrative units merge by code (七克台 and 七克台镇).
// aliases maps the short name a document defines for a unit, in
// "杏儿沟煤业有限责任公司（以下简称杏煤公司）", to the unit's full name: the
// mention that ends where the bracket opens. ms are sorted by start.
func aliases(norm []rune, ms []unitMention) map[string]string {
	var out map[string]string
	for k, m := range ms {
		p := m.start
		if p > 0 && (norm[p-1] == '“' || norm[p-1] == '"') {
			p--
		}
		if p < 2 || string(norm[p-2:p]) != "简称" {
			continue
		}
		open := p - 2
		for open > 0 && p-open < 8 && norm[open-1] != '（' && norm[open-1] != '(' {
			open--
		}
		if open == 0 || norm[open-1] != '（' && norm[open-1] != '(' {
			continue
		}
		for j := k - 1; j >= 0; j-- {
			if ms[j].end == open-1 && ms[j].name != m.name {
				if out == nil {
					out = map[string]string{}
				}
				out[m.name] = ms[j].name
				break
			}
		}
	}
	return out
}

func collectUnits(doc *clean.Document, ms []unitMention, known map[string]bool) []Unit {
	out := []Unit{}
	index := map[string]int{}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].start < ms[j].start })
	for i := range ms {
		// names as written: matching ran on the normalised text
		ms[i].name = strings.TrimSpace(string(doc.Text[ms[i].start:ms[i].end]))
		if ms[i].unit.Kind != "admin" || ms[i].unit.Name != "" {
			ms[i].unit.Name = ms[i].name
		}
	}
	add := func(m unitMention, key string) {
		span := Span{Text: string(doc.Text[m.start:m.end]), Start: m.start, End: m.end}
		if k, ok := index[key]; ok {
			out[k].Mentions = append(out[k].Mentions, span)
			// prefer the full name once it is seen (七克台镇 over 七克台)
			if utf8.RuneCountInString(m.name) > utf8.RuneCountInString(out[k].Name) && m.unit.Kind == out[k].Kind {
				out[k].Name = m.name
			}
			return
		}
		u := m.unit
		u.Mentions = []Span{span}
		index[key] = len(out)
		if u.Kind != "reference" {
			index["name:"+u.Name] = len(out)
		}
		out = append(out, u)
	}
	alias := aliases(doc.Norm, ms)
	// units named as such first, so that a reference (全县) can join the
	// unit it stands for (鄯善县) whatever the order of the text
	for _, m := range ms {
		switch {
		case m.unit.Kind == "reference":
		case alias[m.name] != "":
			add(m, "name:"+alias[m.name])
		case m.unit.Code != "":
			add(m, "code:"+m.unit.Code)
		default:
			add(m, "name:"+m.name)
		}
	}
	for _, m := range ms {
		if m.unit.Kind != "reference" {
			continue
		}
		if k, ok := index["name:"+m.unit.Resolved]; ok && m.unit.Resolved != "" {
			out[k].Mentions = append(out[k].Mentions, Span{Text: string(doc.Text[m.start:m.end]), Start: m.start, End: m.end})
			continue
		}
		add(m, "ref:"+m.name)
	}
	out = mergeShortForms(out, known)
	for i := range out {
		sort.Slice(out[i].Mentions, func(a, b int) bool { return out[i].Mentions[a].Start < out[i].Mentions[b].Start })
	}
	// by first mention; at the same place the containing name first, as
	// spans nest (河南省人民政府 before 河南省)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Mentions[0], out[j].Mentions[0]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End > b.End
	})
	return out
}

func collectActivities(doc *clean.Document, mentions []activityMention) []Activity {
	ms := append([]activityMention(nil), mentions...) // the caller links with its own
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].start != ms[j].start {
			return ms[i].start < ms[j].start
		}
		return ms[i].end > ms[j].end
	})
	// drop a mention inside a longer one at the same place
	kept := ms[:0]
	for _, m := range ms {
		if n := len(kept); n > 0 && kept[n-1].start <= m.start && m.end <= kept[n-1].end {
			continue
		}
		kept = append(kept, m)
	}
	out := []Activity{}
	index := map[string]int{}
	for _, m := range kept {
		m.name = strings.TrimSpace(string(doc.Text[m.start:m.end]))
		span := Span{Text: string(doc.Text[m.start:m.end]), Start: m.start, End: m.end}
		if k, ok := index[m.name]; ok {
			out[k].Mentions = append(out[k].Mentions, span)
			continue
		}
		index[m.name] = len(out)
		out = append(out, Activity{Name: m.name, Kind: m.kind, Mentions: []Span{span}})
	}
	return mergeVariantActivities(out)
}

// mergeVariantActivities joins the names of one activity written with and
// without a word of up to two characters inside (民族团结模范创建活动 and
// 民族团结进步模范创建活动), with and without where it happens (文艺演出 and
// 乡村文艺演出), with 活动 or without (主题党日 and 主题党日活动), or with a
// word replaced (民族团结先进模范创建活动): the activity keeps its fullest or
// first name, and every
// mention keeps its own text. Names of different editions differ at the
// edge (第五次…, 2020年…) and stay apart.
func mergeVariantActivities(acts []Activity) []Activity {
	if len(acts) < 2 {
		return acts
	}
	runes := make([][]rune, len(acts))
	for i := range acts {
		runes[i] = []rune(acts[i].Name)
	}
	into := make([]int, len(acts))
	for i := range acts {
		into[i] = i
	}
	for i := range acts {
		for j := range acts {
			if i != j && into[i] == i && (insertedInside(runes[i], runes[j]) || qualifiedBefore(runes[i], runes[j]) || acts[j].Name == acts[i].Name+"活动" || i > j && wordReplaced(runes[i], runes[j])) {
				into[i] = j // i is j without a word: j is the fuller name
				break
			}
		}
	}
	root := func(i int) int {
		for into[i] != i {
			i = into[i]
		}
		return i
	}
	var out []Activity
	at := map[int]int{}
	for i := range acts {
		if root(i) == i {
			at[i] = len(out)
			out = append(out, acts[i])
		}
	}
	for i := range acts {
		if r := root(i); r != i {
			k := at[r]
			out[k].Mentions = append(out[k].Mentions, acts[i].Mentions...)
			slices.SortFunc(out[k].Mentions, func(a, b Span) int { return a.Start - b.Start })
		}
	}
	return out
}

// qualifiedBefore reports whether long is short with a word of two runes
// before it that says where or for whom (文艺演出 and 乡村文艺演出), not
// which edition (全国职业技能大赛 and 第三届全国职业技能大赛): short has four
// runes or more and no quotation.
func qualifiedBefore(short, long []rune) bool {
	extra := len(long) - len(short)
	if extra != 2 || len(short) < 4 || !slices.Equal(long[extra:], short) {
		return false
	}
	for _, r := range long[:extra] {
		if !isHan(r) || isChineseDigit(r) || r == '第' || r == '年' || r == '届' {
			return false
		}
	}
	return !slices.Contains(short, '“') && !slices.Contains(short, '《')
}

// wordReplaced reports whether a and b are one name with a word of two
// characters replaced strictly inside (民族团结进步模范创建活动 and
// 民族团结先进模范创建活动): at least four characters agree on each side.
func wordReplaced(a, b []rune) bool {
	if len(a) != len(b) || len(a) < 10 {
		return false
	}
	p := 0
	for p < len(a) && a[p] == b[p] {
		p++
	}
	q := 0
	for q < len(a)-p && a[len(a)-1-q] == b[len(b)-1-q] {
		q++
	}
	return p >= 4 && q >= 4 && len(a)-p-q <= 2 && len(a)-p-q > 0
}

// insertedInside reports whether long is short with one to two runes
// inserted strictly inside, at least three runes from either end.
func insertedInside(short, long []rune) bool {
	extra := len(long) - len(short)
	if extra < 1 || extra > 2 || len(short) < 6 {
		return false
	}
	p := 0
	for p < len(short) && short[p] == long[p] {
		p++
	}
	if p < 3 || len(short)-p < 3 {
		return false
	}
	return slices.Equal(short[p:], long[p+extra:])
}

// countedActivities names as activities the parts of a breakdown of events
// (其中篮球赛661场次、播放电影658场次): each part counts events of one activity.
func countedActivities(norm []rune, qs []Quantity) []activityMention {
	var out []activityMention
	for _, q := range qs {
		if q.Category != "event" || q.Parent == "" || q.Object == "" || utf8.RuneCountInString(q.Object) < 2 || q.Object == "其他" {
			continue
		}
		// the object is written right before the number (篮球赛661场次)
		n := utf8.RuneCountInString(q.Object)
		start := q.Start - n
		if start < 0 || string(norm[start:q.Start]) != clean.NormalizeString(q.Object, clean.Options{}) {
			continue
		}
		out = append(out, activityMention{name: q.Object, kind: "counted", start: start, end: q.Start})
	}
	return out
}
