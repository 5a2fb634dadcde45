package extract

import (
	"math"
	"strings"
)

// linkBreakdowns marks the parts of a breakdown introduced by 其中: in
// 6979场次(其中篮球赛661场次、…) or 1.68万个项目，其中先进制造业项目9718个 each
// part after 其中 gets the count before it as its parent, as long as the
// parts measure the same kind of thing.
func linkBreakdowns(norm []rune, start, end int, counts []clauseCount) {
	text := string(norm[start:end])
	for searchFrom := 0; ; {
		idx := strings.Index(text[searchFrom:], "其中")
		if idx < 0 {
			return
		}
		bytePos := searchFrom + idx
		searchFrom = bytePos + len("其中")
		at := start + len([]rune(text[:bytePos]))
		// the total: the last count ending before 其中
		total := -1
		for i := range counts {
			if counts[i].q.End <= at {
				total = i
			}
		}
		if total < 0 {
			continue
		}
		// parts run to the closing bracket when 其中 opens one, else to the
		// end of the sentence.
		stop := end
		if at > start && (norm[at-1] == '(' || norm[at-1] == '（') {
			for k := at; k < end; k++ {
				if norm[k] == ')' || norm[k] == '）' {
					stop = k
					break
				}
			}
		}
		t := &counts[total].q
		if t.Category == "rate" || t.Category == "rate_point" || t.Category == "ratio" {
			continue // percentages of different bases do not add up to a total
		}
		for i := total + 1; i < len(counts); i++ {
			p := &counts[i].q
			if p.Start < at || p.Start >= stop {
				continue
			}
			if p.Category != t.Category || p.Parent != "" {
				continue
			}
			p.Parent = t.Text // the ID is set by resolveParents
		}
	}
}

// resolveParents turns the provisional parent indexes into record IDs.
func resolveParents(qs []Quantity) {
	// A sentence's counts are contiguous in qs: the total is the nearest
	// count before the part, in the same sentence, with the parent's text.
	for i := range qs {
		if qs[i].Parent == "" {
			continue
		}
		qs[i].ParentID = ""
		for j := i - 1; j >= 0; j-- {
			if qs[j].Provenance.SentenceStart != qs[i].Provenance.SentenceStart {
				break
			}
			if qs[j].Text == qs[i].Parent && qs[j].Parent == "" {
				qs[i].ParentID = qs[j].ID
				break
			}
		}
		if qs[i].ParentID == "" {
			qs[i].Parent = ""
		}
	}
}

// breakdownChecks compares each total with the sum of its parts.
func breakdownChecks(qs []Quantity) []Check {
	checks := []Check{}
	byID := map[string]int{}
	for i, q := range qs {
		byID[q.ID] = i
	}
	var order []string
	parts := map[string][]int{}
	for i, q := range qs {
		if q.ParentID == "" {
			continue
		}
		if _, seen := parts[q.ParentID]; !seen {
			order = append(order, q.ParentID)
		}
		parts[q.ParentID] = append(parts[q.ParentID], i)
	}
	for _, id := range order {
		t := qs[byID[id]]
		c := Check{Kind: "breakdown", Total: id, Expected: t.Value}
		approx := t.Bound != BoundExact
		other := false
		for _, i := range parts[id] {
			p := qs[i]
			c.Parts = append(c.Parts, p.ID)
			c.Sum += p.Value
			approx = approx || p.Bound != BoundExact
			other = other || strings.HasPrefix(p.Object, "其他") || strings.HasPrefix(p.Object, "其它")
		}
		c.Diff = c.Expected - c.Sum
		switch {
		case math.Abs(c.Diff) <= 1e-9*math.Max(1, math.Abs(c.Expected)):
			c.Status = "consistent"
		case c.Diff < 0 && !approx:
			c.Status = "mismatch"
			c.Note = "分项之和大于总数"
		case other && !approx:
			c.Status = "mismatch"
			c.Note = "分项含“其他”，其和应等于总数"
		case approx:
			c.Status = "partial"
			c.Note = "含约数，只能按上下限比较"
		default:
			c.Status = "partial"
			c.Note = "分项只列出总数的一部分"
		}
		checks = append(checks, c)
	}
	return checks
}
