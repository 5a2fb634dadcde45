package gazetteer

// Resolve narrows an ambiguous hit with the codes of divisions the document
// names elsewhere: a candidate scores by the most specific context division
// it lies under (a county beats a province) or lies above. When one
// candidate scores best it becomes Resolved; when several tie, Candidates
// keeps only those and the hit stays ambiguous; with no support at all the
// hit is returned as it was.
func (g *Gazetteer) Resolve(hit Hit, context []string) Hit {
	indexes := make([]int32, 0, len(context))
	for _, code := range context {
		if i, ok := g.indexOf(code); ok {
			indexes = append(indexes, i)
		}
	}
	return g.resolve(hit, indexes)
}

func (g *Gazetteer) resolve(hit Hit, context []int32) Hit {
	if !hit.Ambiguous || len(context) == 0 {
		return hit
	}
	bestScore := 0
	var best []Division
	for _, candidate := range hit.Candidates {
		ci, _ := g.indexOf(candidate.Code)
		score := 0
		for _, c := range context {
			switch {
			case g.isUnder(ci, c):
				score = max(score, int(g.divisions[c].Level))
			case g.isUnder(c, ci):
				score = max(score, int(candidate.Level))
			}
		}
		switch {
		case score > bestScore:
			bestScore, best = score, append(best[:0], candidate)
		case score == bestScore && score > 0:
			best = append(best, candidate)
		}
	}
	if bestScore == 0 {
		return hit
	}
	hit.Candidates = best
	if len(best) == 1 {
		hit.Resolved, hit.Ambiguous = best[0], false
	}
	return hit
}

// MatchDocument matches a whole document in two passes. The first finds
// what Match finds; the divisions it pins down unambiguously become the
// document's context and its seen names. The second pass matches again with
// them (MatchOptions), so bare short forms of seen names and townships of
// mentioned counties match too, and every ambiguous hit is resolved against
// the context.
func (g *Gazetteer) MatchDocument(text []rune) []Hit {
	first := g.Match(text)
	opts := g.documentOptions(first)
	if len(opts.ContextCodes) == 0 {
		return first
	}
	// Hits resolved by the first context add to it: 城关镇 resolved under a
	// county of the document makes its own name seen.
	context := g.newMatchState(MatchOptions{ContextCodes: opts.ContextCodes}).context
	resolved := make([]Hit, len(first))
	for k, hit := range first {
		resolved[k] = g.resolve(hit, context)
	}
	opts = g.documentOptions(resolved)
	// divisions a counted list names by bare stems (卓尼、临潭2县) count as
	// seen, so that their stems match too
	for _, d := range g.countedLists(text, context) {
		opts.SeenNames = append(opts.SeenNames, g.divisions[d].Name)
	}
	return g.MatchWithOptions(text, opts)
}

func (g *Gazetteer) documentOptions(hits []Hit) MatchOptions {
	var opts MatchOptions
	seen := map[string]bool{}
	for _, hit := range hits {
		if hit.Ambiguous || seen[hit.Resolved.Code] {
			continue
		}
		seen[hit.Resolved.Code] = true
		opts.ContextCodes = append(opts.ContextCodes, hit.Resolved.Code)
		opts.SeenNames = append(opts.SeenNames, hit.Resolved.Name)
	}
	return opts
}
