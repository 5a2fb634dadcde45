package extract

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/bulletin-tool/bulletin/extract/clean"
)

// Link methods say how a count was tied to its unit or activity.
const (
	LinkObject   = "object"   // the counted thing is the activity (宣讲活动697场次)
	LinkClause   = "clause"   // named earlier in the same clause
	LinkSentence = "sentence" // named earlier in the same sentence
	LinkSection  = "section"  // named in the section heading
	LinkIssuer   = "issuer"   // the bulletin's issuing unit
	LinkDocument = "document" // the county the document is about
)

// linkCounts ties each count to the nearest unit and activity the text
// gives for it, nearest scope first: clause, sentence, section heading, and
// for units the bulletin's issuer or the document's county.
func linkCounts(doc *clean.Document, b clean.Bulletin, qs []Quantity, units []unitMention, acts []activityMention, issuer string, du *documentUnits) {
	// an activity that is the object of a breakdown part (篮球赛661场次) names
	// that part only; later counts look past it to the total's activity
	partActivity := map[int]bool{}
	for i := range qs {
		q := &qs[i]
		s := sentenceAt(b, q.Provenance.SentenceStart)
		first := sort.Search(len(acts), func(k int) bool { return acts[k].start >= s.Start })
		for k := first; k < len(acts) && acts[k].start < s.End; k++ {
			a := acts[k]
			if q.Object != "" && a.start >= s.Start && a.end <= q.End+len([]rune(q.Object))+2 && (strings.Contains(a.name, q.Object) || strings.Contains(q.Object, a.name)) {
				q.Activity, q.ActivityLink = a.name, LinkObject
				if q.Parent != "" {
					partActivity[k] = true
				}
				break
			}
		}
	}
	for i := range qs {
		q := &qs[i]
		s := sentenceAt(b, q.Provenance.SentenceStart)
		clauseStart := clauseStartBefore(doc.Norm, s.Start, q.Start)
		if q.Activity == "" && q.Parent != "" {
			// a part of a breakdown shares its total's activity
			for j := i - 1; j >= 0; j-- {
				if qs[j].ID == q.ParentID && qs[j].Activity != "" {
					q.Activity, q.ActivityLink = qs[j].Activity, qs[j].ActivityLink
				}
			}
		}
		if q.Activity == "" {
			if a, how := nearestActivity(acts, partActivity, s, clauseStart, q.Start); a != "" {
				q.Activity, q.ActivityLink = a, how
			}
		}
		if q.Activity == "" && s.Section >= 0 && s.Section < len(b.Sections) {
			// an activity named in the section's heading
			sec := b.Sections[s.Section]
			headEnd := sec.Start + utf8.RuneCountInString(sec.Marker+sec.Title) + 1
			for k := sort.Search(len(acts), func(k int) bool { return acts[k].start >= sec.Start }); k < len(acts) && acts[k].start < headEnd; k++ {
				if acts[k].end <= headEnd {
					q.Activity, q.ActivityLink = acts[k].name, LinkSection
					break
				}
			}
		}
		// unit
		if u, how := nearestUnit(units, s, clauseStart, q.Start); u != "" {
			q.Unit, q.UnitLink = u, how
		} else if issuer != "" {
			q.Unit, q.UnitLink = issuer, LinkIssuer
		} else if du.county != nil {
			q.Unit, q.UnitLink = du.county.Name, LinkDocument
		}
	}
}

func sentenceAt(b clean.Bulletin, start int) clean.Sentence {
	i := sort.Search(len(b.Sentences), func(i int) bool { return b.Sentences[i].Start >= start })
	if i < len(b.Sentences) && b.Sentences[i].Start == start {
		return b.Sentences[i]
	}
	return clean.Sentence{Start: start, End: start, Section: -1}
}

// clauseStartBefore finds where the clause holding pos begins: after the
// last comma, semicolon or colon before it in the sentence.
func clauseStartBefore(norm []rune, sentenceStart, pos int) int {
	for k := pos - 1; k > sentenceStart; k-- {
		switch norm[k] {
		case '，', ',', '；', ';', '：', ':':
			return k + 1
		}
	}
	return sentenceStart
}

func nearestActivity(acts []activityMention, skip map[int]bool, s clean.Sentence, clauseStart, pos int) (string, string) {
	best, how := "", ""
	// activities are sorted by start: look only at those of the sentence
	first := sort.Search(len(acts), func(k int) bool { return acts[k].start >= s.Start })
	for k := first; k < len(acts) && acts[k].start < pos; k++ {
		a := acts[k]
		if skip[k] || a.end > pos {
			continue
		}
		best = a.name
		how = LinkSentence
		if a.start >= clauseStart {
			how = LinkClause
		}
	}
	return best, how
}

func nearestUnit(units []unitMention, s clean.Sentence, clauseStart, pos int) (string, string) {
	best, how := "", ""
	bestStart, bestEnd := -1, -1
	// units are sorted by start: look only at those of the sentence
	first := sort.Search(len(units), func(i int) bool { return units[i].start >= s.Start })
	for _, u := range units[first:] {
		if u.start >= pos {
			break
		}
		if u.end > pos || u.start >= bestStart && u.end <= bestEnd {
			continue // not before the count, or inside the unit already chosen (西安 in 西安办事处)
		}
		name := u.name
		if u.unit.Kind == "reference" {
			if u.unit.Resolved == "" && strings.HasPrefix(u.name, "全") {
				continue // an unresolved 全县 names no unit to total under
			}
			if u.unit.Resolved != "" {
				name = u.unit.Resolved
			}
		}
		best, bestStart, bestEnd = name, u.start, u.end
		how = LinkSentence
		if u.start >= clauseStart {
			how = LinkClause
		}
	}
	return best, how
}
