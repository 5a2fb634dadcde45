package analyze

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// finish derives everything of a summary from its inputs. It depends only on
// the multiset of inputs, never on their order, which is what makes Merge
// exact: every list is sorted with a total order first (ties broken by the
// item's JSON encoding), and sums run in that order.
func finish(in inputs, opts Options, lexicon string) *Summary {
	docs := slices.Clone(in.documents)
	for i := range docs {
		docs[i].Duplicate = false
	}
	slices.SortFunc(docs, compareDocuments)

	facts := slices.Clone(in.facts)
	for i := range facts {
		facts[i].Dropped, facts[i].DuplicateOf = "", ""
	}
	slices.SortFunc(facts, compareFacts)

	findings := slices.Clone(in.findings)
	findings = append(findings, markDuplicateDocuments(docs, facts)...)
	findings = append(findings, nearDuplicates(docs)...)
	findings = append(findings, markRepeatedFacts(facts)...)
	markSupersededCumulative(facts)
	slices.SortFunc(findings, compareFindings)

	totals := computeTotals(facts)
	s := &Summary{
		Schema:    SummarySchema,
		Options:   opts,
		Lexicon:   lexicon,
		Totals:    totals,
		Top:       topLists(totals, opts.TopN),
		Findings:  findings,
		Documents: docs,
		Facts:     facts,
	}
	s.Overview = overview(s)
	s.emptyListsNotNull()
	if s.Facts == nil {
		s.Facts = []Fact{}
	}
	return s
}

// emptyListsNotNull makes the summary's empty lists encode as [] rather
// than null, whether they came from Analyze, a Stream or a decoded summary.
// Facts are left alone: a Stream's come from its store.
func (s *Summary) emptyListsNotNull() {
	if s.Totals == nil {
		s.Totals = []Total{}
	}
	if s.Top == nil {
		s.Top = []TopList{}
	}
	if s.Findings == nil {
		s.Findings = []Finding{}
	}
	if s.Documents == nil {
		s.Documents = []Document{}
	}
}

// jsonTieBreak orders two items by their encoding, the last resort of every
// comparison, so that no order depends on input order.
func jsonTieBreak(a, b any) int {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Compare(x, y)
}

func compareDocuments(a, b Document) int {
	if c := cmp.Or(
		strings.Compare(a.Path, b.Path),
		cmp.Compare(a.Bulletin, b.Bulletin),
		strings.Compare(a.Record, b.Record),
	); c != 0 {
		return c
	}
	// only on a tie: cmp.Or evaluates all its arguments, and encoding
	// both items for every comparison was a fifth of Analyze
	return jsonTieBreak(a, b)
}

func compareFacts(a, b Fact) int {
	if c := cmp.Or(
		strings.Compare(a.Path, b.Path),
		cmp.Compare(a.Bulletin, b.Bulletin),
		cmp.Compare(a.Start, b.Start),
		cmp.Compare(a.End, b.End),
		strings.Compare(a.Quantity, b.Quantity),
	); c != 0 {
		return c
	}
	// only on a tie: cmp.Or evaluates all its arguments, and encoding
	// both items for every comparison was a fifth of Analyze
	return jsonTieBreak(a, b)
}

func compareFindings(a, b Finding) int {
	if c := cmp.Or(
		strings.Compare(a.Kind, b.Kind),
		strings.Compare(a.Path, b.Path),
		cmp.Compare(a.Bulletin, b.Bulletin),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Start, b.Start),
		strings.Compare(a.OtherPath, b.OtherPath),
		cmp.Compare(a.OtherBulletin, b.OtherBulletin),
	); c != 0 {
		return c
	}
	// only on a tie: cmp.Or evaluates all its arguments, and encoding
	// both items for every comparison was a fifth of Analyze
	return jsonTieBreak(a, b)
}

type docKey struct {
	path     string
	bulletin int
}

func documentRef(k docKey) string { return k.path + "#" + strconv.Itoa(k.bulletin) }

// duplicateDocuments marks the bulletins, of docs sorted by
// compareDocuments, whose digest an earlier bulletin already has, and
// returns for each the bulletin kept instead.
func duplicateDocuments(docs []Document) map[docKey]docKey {
	first := map[string]docKey{}
	duplicateOf := map[docKey]docKey{}
	for i := range docs {
		d := &docs[i]
		if d.Digest == "" {
			continue
		}
		k := docKey{d.Path, d.Bulletin}
		if kept, ok := first[d.Digest]; ok {
			if kept != k {
				d.Duplicate = true
				duplicateOf[k] = kept
			}
			continue
		}
		first[d.Digest] = k
	}
	return duplicateOf
}

// markDuplicateDocuments drops every count of a bulletin whose digest an
// earlier bulletin (by path order) already has.
func markDuplicateDocuments(docs []Document, facts []Fact) []Finding {
	duplicateOf := duplicateDocuments(docs)
	if len(duplicateOf) == 0 {
		return nil
	}
	// A dropped count points at the same count of the kept bulletin when it
	// can be found there.
	keptFacts := map[string]string{}
	for _, f := range facts {
		k := docKey{f.Path, f.Bulletin}
		if _, dup := duplicateOf[k]; dup {
			continue
		}
		key := documentRef(k) + "\x00" + factKey(f)
		if _, ok := keptFacts[key]; !ok {
			keptFacts[key] = f.Ref
		}
	}
	dropped := map[docKey][]string{}
	for i := range facts {
		f := &facts[i]
		k := docKey{f.Path, f.Bulletin}
		kept, dup := duplicateOf[k]
		if !dup {
			continue
		}
		f.Dropped = DroppedDuplicateDocument
		f.DuplicateOf = keptFacts[documentRef(kept)+"\x00"+factKey(*f)]
		dropped[k] = append(dropped[k], f.Ref)
	}
	return duplicateDocumentFindings(duplicateOf, dropped)
}

// duplicateDocumentFindings reports each duplicate bulletin with the refs
// of its dropped counts, in fact order.
func duplicateDocumentFindings(duplicateOf map[docKey]docKey, dropped map[docKey][]string) []Finding {
	var out []Finding
	for k, kept := range duplicateOf {
		out = append(out, Finding{
			Kind: FindingDuplicateDocument, Path: k.path, Bulletin: k.bulletin,
			OtherPath: kept.path, OtherBulletin: kept.bulletin, Similarity: 1,
			Facts:   dropped[k],
			Message: fmt.Sprintf("same text as %s; its %d counts are dropped", documentRef(kept), len(dropped[k])),
		})
	}
	return out // sorted by the caller
}

// Similarity is the share of positions where two MinHash sketches agree; 0
// when they are empty or of different lengths (built differently).
func Similarity(a, b []uint32) float64 {
	if len(a) == 0 || len(a) != len(b) {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / float64(len(a))
}

// similarAtLeast is Similarity for pairs at or above threshold; it gives up
// as soon as too many positions differ, which is almost at once for
// unrelated bulletins and makes the all-pairs comparison affordable.
func similarAtLeast(a, b []uint32, threshold float64) (float64, bool) {
	if len(a) == 0 || len(a) != len(b) {
		return 0, false
	}
	allowed := len(a) - int(math.Ceil(threshold*float64(len(a))))
	differ := 0
	for i := range a {
		if a[i] != b[i] {
			differ++
			if differ > allowed {
				return 0, false
			}
		}
	}
	sim := float64(len(a)-differ) / float64(len(a))
	return sim, sim >= threshold
}

// nearDuplicates reports pairs of bulletins with different digests whose
// sketches are similar: usually the same bulletin saved with different site
// boilerplate. It does not drop counts itself; the repeated-fact rule drops
// the counts that the two share, sentence for sentence.
//
// Comparing all pairs is quadratic, so candidates come from bands: a pair at
// or above the threshold differs in at most d positions, so of d+1 disjoint
// bands of positions at least one is equal in both. Pairs sharing no band
// cannot qualify; the result is the same as comparing every pair.
func nearDuplicates(docs []Document) []Finding {
	byLength := map[int][]int{}
	for i, d := range docs {
		if len(d.Sketch) > 0 {
			byLength[len(d.Sketch)] = append(byLength[len(d.Sketch)], i)
		}
	}
	type pair struct{ i, j int }
	candidates := map[pair]bool{}
	for n, members := range byLength {
		bands := n - int(math.Ceil(NearDuplicateSimilarity*float64(n))) + 1
		for band := range bands {
			buckets := map[string][]int{}
			var key []byte
			for _, m := range members {
				key = key[:0]
				for pos := band; pos < n; pos += bands {
					v := docs[m].Sketch[pos]
					key = append(key, byte(v), byte(v>>8), byte(v>>16), byte(v>>24))
				}
				buckets[string(key)] = append(buckets[string(key)], m)
			}
			for _, bucket := range buckets {
				for x := range bucket {
					for y := range x {
						candidates[pair{bucket[y], bucket[x]}] = true
					}
				}
			}
		}
	}
	var out []Finding
	for p := range candidates {
		i, j := min(p.i, p.j), max(p.i, p.j) // docs are sorted: i is the earlier
		a, b := docs[i], docs[j]
		if a.Digest != "" && a.Digest == b.Digest {
			continue
		}
		sim, ok := similarAtLeast(a.Sketch, b.Sketch, NearDuplicateSimilarity)
		if !ok {
			continue
		}
		out = append(out, Finding{
			Kind: FindingNearDuplicate, Path: b.Path, Bulletin: b.Bulletin,
			OtherPath: a.Path, OtherBulletin: a.Bulletin, Similarity: sim,
			Message: fmt.Sprintf("%.0f%% similar to %s#%d", sim*100, a.Path, a.Bulletin),
		})
	}
	return out // sorted by the caller
}

// factKey is what makes two counts the same fact: value, measure and object
// in the same sentence (spaces and punctuation ignored, as the digest does).
func factKey(f Fact) string {
	return strings.Join([]string{
		strconv.FormatFloat(f.Value, 'g', -1, 64), f.Measure, f.Object, f.Text, squeeze(f.Sentence),
	}, "\x00")
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsPunct(r) {
			return -1
		}
		return r
	}, s)
}

// markRepeatedFacts drops a count that an earlier file (by path order)
// already holds, sentence for sentence.
func markRepeatedFacts(facts []Fact) []Finding {
	type firstSeen struct {
		ref string
		doc docKey
	}
	first := map[string]firstSeen{}
	type pair struct{ dropped, kept docKey }
	grouped := map[pair][]int{}
	for i := range facts {
		f := &facts[i]
		if f.Dropped != "" {
			continue
		}
		key := factKey(*f)
		k := docKey{f.Path, f.Bulletin}
		seen, ok := first[key]
		if !ok {
			first[key] = firstSeen{f.Ref, k}
			continue
		}
		if seen.doc.path == f.Path {
			// The same sentence twice in one file is the file's own business.
			continue
		}
		f.Dropped, f.DuplicateOf = DroppedRepeatedFact, seen.ref
		p := pair{k, seen.doc}
		grouped[p] = append(grouped[p], i)
	}
	var out []Finding
	for p, indexes := range grouped {
		finding := repeatedFactFinding(&facts[indexes[0]], p.dropped, p.kept)
		for _, i := range indexes {
			finding.Facts = append(finding.Facts, facts[i].Ref)
		}
		out = append(out, finishRepeatedFactFinding(finding))
	}
	return out
}

// repeatedFactFinding starts the finding of the counts of bulletin dropped
// that kept already holds, at the first of them (in fact order), f.
func repeatedFactFinding(f *Fact, dropped, kept docKey) Finding {
	return Finding{
		Kind: FindingRepeatedFact, Path: dropped.path, Bulletin: dropped.bulletin,
		Line: f.Line, Start: f.Start, Text: f.Sentence,
		OtherPath: kept.path, OtherBulletin: kept.bulletin,
	}
}

// finishRepeatedFactFinding writes the message once Facts is complete.
func finishRepeatedFactFinding(f Finding) Finding {
	f.Message = fmt.Sprintf("%d counts already in %s are dropped", len(f.Facts), documentRef(docKey{f.OtherPath, f.OtherBulletin}))
	return f
}

// unitIdentity is how totals tell units apart: by code when the gazetteer
// gave one, else by name.
func unitIdentity(code, name string) string {
	if code != "" {
		return "code:" + code
	}
	return "name:" + name
}

// markSupersededCumulative keeps, of the cumulative figures (截至目前) of one
// unit, activity, object and measure, only the latest: by bulletin date, then
// period, then path order and position. Summing them would count the same
// people once per bulletin that repeats the running total.
func markSupersededCumulative(facts []Fact) {
	latest := map[string]int{}
	later := func(a, b Fact) bool { // is a later than b?
		if c := cmp.Or(strings.Compare(a.Date, b.Date), strings.Compare(a.Period, b.Period)); c != 0 {
			return c > 0
		}
		return compareFacts(a, b) > 0
	}
	var order []string
	for i, f := range facts {
		if !f.Cumulative || f.Dropped != "" {
			continue
		}
		key := cumulativeKey(&f)
		j, ok := latest[key]
		if !ok {
			latest[key] = i
			order = append(order, key)
			continue
		}
		if later(f, facts[j]) {
			latest[key] = i
		}
	}
	for i := range facts {
		f := &facts[i]
		if !f.Cumulative || f.Dropped != "" {
			continue
		}
		key := cumulativeKey(f)
		if j := latest[key]; j != i {
			f.Dropped, f.DuplicateOf = DroppedSupersededCumulative, facts[j].Ref
		}
	}
}

// cumulativeKey is what a cumulative figure supersedes earlier figures of:
// the same unit, activity, object, category and canonical measure.
func cumulativeKey(f *Fact) string {
	return strings.Join([]string{unitIdentity(f.UnitCode, f.Unit), f.Activity, f.Object, f.Category, f.Canonical}, "\x00")
}

type totalKey struct {
	dimension, identity string
	bulletin            int
	category, measure   string
	cumulative          bool
}

type accumulator struct {
	total Total
	high  float64
	open  bool
	// lastDocument is the bulletin (totalsBuilder.document) of the last
	// count added: counts come in fact order, so those of one bulletin are
	// adjacent and a change of bulletin is a new document, without a set
	// per total.
	lastDocument int
}

// totalsBuilder sums facts, given in fact order, into totals; its memory
// grows with the number of totals, not of facts.
type totalsBuilder struct {
	accs map[totalKey]*accumulator
	// document numbers the bulletins of the facts added, from 1.
	document     int
	lastDocument docKey
}

func newTotalsBuilder() *totalsBuilder {
	return &totalsBuilder{accs: map[totalKey]*accumulator{}}
}

func computeTotals(facts []Fact) []Total {
	b := newTotalsBuilder()
	for i := range facts {
		b.add(&facts[i])
	}
	return b.totals()
}

func (b *totalsBuilder) add(f *Fact) {
	if d := (docKey{f.Path, f.Bulletin}); b.document == 0 || d != b.lastDocument {
		b.document++
		b.lastDocument = docKey{strings.Clone(d.path), d.bulletin}
	}
	if f.Dropped != "" || !f.Additive {
		return
	}
	base := totalKey{category: f.Category, measure: f.Canonical, cumulative: f.Cumulative}
	with := func(dimension, identity string, bulletin int) totalKey {
		k := base
		k.dimension, k.identity, k.bulletin = dimension, identity, bulletin
		return k
	}
	part := f.Parent != ""
	if f.Activity != "" && (!part || f.Activity != f.ParentActivity) {
		b.addTo(with(DimensionActivity, f.Activity, 0), f.Activity, "", "", false, f)
	}
	if part {
		return
	}
	if f.Unit != "" {
		b.addTo(with(DimensionUnit, unitIdentity(f.UnitCode, f.Unit), 0), f.Unit, f.UnitCode, f.UnitLevel, true, f)
		seen := map[string]bool{unitIdentity(f.UnitCode, f.Unit): true}
		for _, p := range f.Parents {
			id := unitIdentity(p.Code, p.Name)
			if seen[id] {
				continue
			}
			seen[id] = true
			b.addTo(with(DimensionUnit, id, 0), p.Name, p.Code, p.Level, false, f)
		}
	}
	b.addTo(with(DimensionCategory, f.Category, 0), f.Category, "", "", false, f)
	if period := periodOf(*f); period != "" {
		b.addTo(with(DimensionPeriod, period, 0), period, "", "", false, f)
	}
	b.addTo(with(DimensionDocument, f.Path, f.Bulletin), f.Path, "", "", false, f)
}

func (b *totalsBuilder) addTo(k totalKey, name, code, level string, direct bool, f *Fact) {
	a := b.accs[k]
	if a == nil {
		// cloned: a streamed fact's strings share one allocation (decodeFact)
		k.identity, k.category, k.measure = strings.Clone(k.identity), strings.Clone(k.category), strings.Clone(k.measure)
		a = &accumulator{
			total: Total{
				Dimension: k.dimension, Key: strings.Clone(name), Code: strings.Clone(code), Level: strings.Clone(level),
				Bulletin: k.bulletin, Category: k.category, Measure: k.measure, Cumulative: k.cumulative,
			},
		}
		b.accs[k] = a
	}
	t := &a.total
	// Facts come sorted, so the first name and level seen are stable.
	if t.Level == "" {
		t.Level = strings.Clone(level)
	}
	t.Exact += f.Value * f.Factor
	if f.Low != nil {
		t.Low += *f.Low * f.Factor
	} // an open lower bound of a count is 0: counts are not negative
	if f.High != nil {
		a.high += *f.High * f.Factor
	} else {
		a.open = true
	}
	t.N++
	if f.Bound != "" && f.Bound != "exact" {
		t.Approximate++
	}
	if direct {
		t.Direct++
	}
	if t.Documents == 0 || a.lastDocument != b.document {
		t.Documents++
		a.lastDocument = b.document
	}
}

func (b *totalsBuilder) totals() []Total {
	out := make([]Total, 0, len(b.accs))
	for _, a := range b.accs {
		t := a.total
		t.Exact, t.Low = stable(t.Exact), stable(t.Low)
		if !a.open {
			h := stable(a.high)
			t.High = &h
		}
		out = append(out, t)
	}
	slices.SortFunc(out, compareTotals)
	return out
}

// periodOf is the period a count is filed under: the one the text gives, else
// the month of the bulletin's date.
func periodOf(f Fact) string {
	if f.Period != "" {
		return f.Period
	}
	if len(f.Date) >= 7 && f.Date[4] == '-' {
		return f.Date[:7]
	}
	return ""
}

var dimensionOrder = map[string]int{
	DimensionUnit: 0, DimensionActivity: 1, DimensionCategory: 2, DimensionPeriod: 3, DimensionDocument: 4,
}

func compareTotals(a, b Total) int {
	if c := cmp.Or(
		cmp.Compare(dimensionOrder[a.Dimension], dimensionOrder[b.Dimension]),
		strings.Compare(a.Key, b.Key),
		strings.Compare(a.Code, b.Code),
		cmp.Compare(a.Bulletin, b.Bulletin),
		strings.Compare(a.Category, b.Category),
		strings.Compare(a.Measure, b.Measure),
		compareBool(a.Cumulative, b.Cumulative),
	); c != 0 {
		return c
	}
	// only on a tie: cmp.Or evaluates all its arguments, and encoding
	// both items for every comparison was a fifth of Analyze
	return jsonTieBreak(a, b)
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// stable rounds a sum to 6 decimals, so that 0.1+0.2 reads 0.3 and tiny
// float noise from conversion factors never reaches the output.
func stable(v float64) float64 {
	if math.IsInf(v, 0) || math.IsNaN(v) || math.Abs(v) >= 1e15 {
		return v
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', 6, 64), 64)
	return r
}

// topLists ranks the non-cumulative totals of units (per level), activities
// and documents within each category and measure.
func topLists(totals []Total, n int) []TopList {
	type listKey struct{ dimension, level, category, measure string }
	lists := map[listKey][]Total{}
	for _, t := range totals {
		if t.Cumulative {
			continue
		}
		switch t.Dimension {
		case DimensionUnit, DimensionActivity, DimensionDocument:
		default:
			continue
		}
		k := listKey{t.Dimension, t.Level, t.Category, t.Measure}
		lists[k] = append(lists[k], t)
	}
	out := make([]TopList, 0, len(lists))
	for k, entries := range lists {
		slices.SortFunc(entries, func(a, b Total) int {
			return cmp.Or(cmp.Compare(b.Exact, a.Exact), compareTotals(a, b))
		})
		out = append(out, TopList{
			Dimension: k.dimension, Level: k.level, Category: k.category, Measure: k.measure,
			Entries: slices.Clone(entries[:min(n, len(entries))]),
		})
	}
	slices.SortFunc(out, func(a, b TopList) int {
		return cmp.Or(
			cmp.Compare(dimensionOrder[a.Dimension], dimensionOrder[b.Dimension]),
			strings.Compare(a.Level, b.Level),
			strings.Compare(a.Category, b.Category),
			strings.Compare(a.Measure, b.Measure),
		)
	})
	return out
}

func overview(s *Summary) Overview {
	var o Overview
	for i := range s.Facts {
		o.addFact(&s.Facts[i])
	}
	o.addDocumentsAndFindings(s)
	return o
}

// addFact counts one fact in the overview.
func (o *Overview) addFact(f *Fact) {
	o.Facts++
	if f.Dropped != "" {
		o.Dropped++
	} else {
		o.Counted++
	}
	if f.Parent != "" {
		o.Parts++
	}
}

// addDocumentsAndFindings counts what the overview takes from the
// documents and findings of s.
func (o *Overview) addDocumentsAndFindings(s *Summary) {
	o.Bulletins, o.Findings = len(s.Documents), len(s.Findings)
	paths := map[string]bool{}
	for _, d := range s.Documents {
		paths[d.Path] = true
	}
	o.Files = len(paths)
	failed := map[string]bool{}
	for _, f := range s.Findings {
		if f.Kind == FindingFailedFile {
			failed[f.Path] = true
		}
	}
	o.Failed = len(failed)
}
