package extract

import (
	"strings"
	"unicode/utf8"
)

// activityMentions finds the named activities of one sentence:
//   - a quoted or book-titled name followed by an activity head
//     (“文化之冬”活动, 《化石及恐龙奥秘》科普讲座, “5·13”事故);
//   - a quoted name whose own text ends in a head (“现代的回望：非洲艺术展”);
//   - a quoted action named after a framing verb (借助“联乡驻村入户”和…);
//   - an activity head with its modifiers (民间艺人培训, 提振消费专项行动).
func (f *UnitFinder) activityMentions(norm []rune, start, end int, toks []Token) []activityMention {
	var out []activityMention
	toks = splitMeetingTime(toks)
	for i := 0; i < len(toks); i++ {
		if isOpenQuote(toks[i].Text) {
			m, next, ok := f.quotedActivity(norm, end, toks, i)
			if ok {
				out = append(out, m)
			}
			if ok || m.kind == "rejected" {
				i = next
			}
			continue
		}
		first, ok := f.headEndingAt(norm, toks, i)
		if !ok {
			continue
		}
		if first > 0 && toks[first-1].Text == "等" {
			out = append(out, f.listedBeforeDeng(norm, toks, first-1)...)
			continue
		}
		if m, ok := f.nounActivity(norm, toks, first, i); ok {
			out = append(out, m)
		}
	}
	return out
}

// splitMeetingTime cuts a 会上, 会前 or 会后 the segmenter made of the end
// of a meeting's name and the time after it (在…大/会上讲话) into 会 and
// the locative, so that the head 大会 ends on a token. toks is copied only
// when some is cut.
func splitMeetingTime(toks []Token) []Token {
	var out []Token
	for k, t := range toks {
		r := []rune(t.Text)
		cut := len(r) == 2 && r[0] == '会' && strings.ContainsRune("上中前后", r[1]) && k > 0 && toks[k-1].End == t.Start
		if cut && out == nil {
			out = append(make([]Token, 0, len(toks)+1), toks[:k]...)
		}
		switch {
		case cut:
			out = append(out, Token{Text: "会", Pos: "n", Start: t.Start, End: t.Start + 1}, Token{Text: string(r[1]), Pos: "f", Start: t.Start + 1, End: t.End})
		case out != nil:
			out = append(out, t)
		}
	}
	if out == nil {
		return toks
	}
	return out
}

// quotedActivity reads the quoted name opening at token i. It returns the
// mention, the index of the last token it used, and whether it names an
// activity.
func (f *UnitFinder) quotedActivity(norm []rune, end int, toks []Token, i int) (activityMention, int, bool) {
	open := toks[i]
	j := i + 1
	for j < len(toks) && !isCloseQuote(toks[j].Text) && j-i < 30 {
		j++
	}
	if j >= len(toks) || !isCloseQuote(toks[j].Text) || j == i+1 {
		return activityMention{}, i, false
	}
	closeEnd := toks[j].End
	inner := string(norm[open.End:toks[j].Start])
	// a head right after the quote, possibly after a few modifiers
	// (《…》科普讲座, “…”系列讲座)
	k := j + 1
	for k < len(toks) && k-j <= 5 {
		if _, ok := f.headEndingAtAny(norm, toks, k, true); ok && toks[k].Start-closeEnd <= 8 {
			allGeneric := k > j+1
			for m := j + 1; m < k; m++ {
				// kinds of activity (宣传, 主题) may follow a quoted name:
				// “…”宣传活动 is named by its quote
				allGeneric = allGeneric && (f.genericMods[toks[m].Text] || toks[m].Pos == "a") && toks[m].Pos != "q"
			}
			if allGeneric {
				break // “接地气、除四风”实际行动: a quotation, then a generic head
			}
			stop := k
			// extend over a following head (“…”宣讲活动)
			for stop+1 < len(toks) {
				if _, ok := f.headEndingAt(norm, toks, stop+1); !ok {
					break
				}
				stop++
			}
			if stop+1 < len(toks) && toks[stop+1].Start == toks[stop].End && nounLike(toks[stop+1]) && toks[stop+1].Pos != "ns" {
				break // “…”的大会主题: the head modifies a noun
			}
			if !strings.ContainsAny(string(norm[closeEnd:toks[k].Start]), "，,。;；：:、") {
				return activityMention{name: strings.TrimSpace(string(norm[open.Start:toks[stop].End])), kind: "quoted", start: open.Start, end: toks[stop].End}, stop, true
			}
		}
		// nouns, adjectives, 的, a two-character verb or measure word may
		// stand between the quote and its head (“12·21”特大道路交通事故,
		// “…”的系列讲座, “12·30”特大烟花爆竹爆炸事故, “…”系列/q讲座)
		between := nounLike(toks[k]) || toks[k].Text == " " || toks[k].Text == "的" || toks[k].Pos == "a" || toks[k].Pos == "b" ||
			(toks[k].Pos == "v" || toks[k].Pos == "q") && utf8.RuneCountInString(toks[k].Text) >= 2
		if !between || f.framingVerbs[toks[k].Text] {
			break
		}
		k++
	}
	if _, stop, ok := f.headAt(norm, closeEnd, end); ok && endsToken(toks[j+1:], stop) {
		// quoted-only heads (“…”创建)
		return activityMention{name: string(norm[open.Start:stop]), kind: "quoted", start: open.Start, end: stop}, j, true
	}
	// the quoted text itself names an event (“现代的回望：非洲艺术展”)
	if innerRunes := []rune(inner); len(innerRunes) >= 4 {
		for _, r := range f.heads {
			if open.Text == "《" && !isEventHead(r.suffix) && !strings.HasSuffix(r.suffix, "讲座") && !strings.HasSuffix(r.suffix, "展览") {
				continue // 《…策略与实践》: a title ending in a head word is a work, not an event
			}
			// not when it qualifies a noun after it (荣获“五个一工程”优秀奖,
			// “千万工程”经验)
			qualifies := j+1 < len(toks) && toks[j+1].Start == closeEnd && (toks[j+1].Pos == "n" || toks[j+1].Pos == "nz" || toks[j+1].Pos == "ng")
			if r.kind != "quoted" && strings.HasSuffix(inner, r.suffix) && !f.notActs[inner] {
				if qualifies {
					// the quoted name is rejected whole: nothing inside it
					// names an activity either
					return activityMention{kind: "rejected"}, j, false
				}
				return activityMention{name: string(norm[open.Start:closeEnd]), kind: "quoted", start: open.Start, end: closeEnd}, j, true
			}
		}
	}
	// a themed year (启动“中朝友好年”, “营商环境突破年”): a campaign by its name
	if themedYear([]rune(inner)) && !(j+1 < len(toks) && toks[j+1].Start == closeEnd && nounLike(toks[j+1])) {
		return activityMention{name: string(norm[open.Start:closeEnd]), kind: "quoted", start: open.Start, end: closeEnd}, j, true
	}
	// one of quoted names listed before a head they share (参与的“进农家干农活
	// 暖民心”、“入户交友”活动)
	if f.sharesHead(norm, toks, j+1) {
		return activityMention{name: string(norm[open.Start:closeEnd]), kind: "quoted", start: open.Start, end: closeEnd}, j, true
	}
	// a quoted action after a framing verb, closed by punctuation or 和
	// (借助“联乡驻村入户”和“三民”活动): it must read as an action of some
	// length, not a slogan of numbers (“四个认同”) or a word (“并重”); after
	// 的 a quotation is a term (最早的“摊煎饼神器”), not an action
	if open.Text == "“" && i > 0 && (f.framingVerbs[toks[i-1].Text] || toks[i-1].Text == "和" || toks[i-1].Text == "、") && endsName(toks, j+1) && !f.topicList(norm, toks, j+1) {
		innerRunes := []rune(inner)
		hasVerb := false
		for _, t := range toks[i+1 : j] {
			// the dictionary often leaves such slogans' verbs as single
			// unknown characters (进/x 农家 干/zg 农活)
			oneChar := utf8.RuneCountInString(t.Text) == 1 && (t.Pos == "x" || t.Pos == "zg")
			hasVerb = hasVerb || t.Pos == "v" || oneChar && isHan([]rune(t.Text)[0])
		}
		if len(innerRunes) >= 4 && hasVerb && !isChineseDigit(innerRunes[0]) {
			return activityMention{name: string(norm[open.Start:closeEnd]), kind: "quoted", start: open.Start, end: closeEnd}, j, true
		}
	}
	return activityMention{}, j, false
}

// congressSession reports whether a congress's name in norm[start:end]
// carries the number of a session (中国共产党第二十次全国代表大会): an event, not
// the standing body (河南省第十四届人民代表大会, a term of the body).
func congressSession(norm []rune, start, end int) bool {
	for p := start; p < end; p++ {
		if norm[p] == '第' {
			q := p + 1
			for q < end && (isASCIIDigit(norm[q]) || isChineseDigit(norm[q])) {
				q++
			}
			if q > p+1 && q < end && norm[q] == '次' {
				return true
			}
		}
	}
	return false
}

// themedYear reports whether a quoted text names a year given to a theme
// (中朝友好年, 营商环境突破年): four characters or more, ending in 年, with
// no digit and not a year of something (开局之年).
func themedYear(inner []rune) bool {
	n := len(inner)
	if n < 4 || inner[n-1] != '年' || inner[n-2] == '之' {
		return false
	}
	for _, r := range inner {
		if !isHan(r) || isChineseDigit(r) {
			return false
		}
	}
	return true
}

// sharesHead reports whether toks from k on list further quoted names
// (、“…”, 和“…”) the last of which a head follows directly: the names
// before share it.
func (f *UnitFinder) sharesHead(norm []rune, toks []Token, k int) bool {
	listed := false
	for n := 0; n < 6 && k+1 < len(toks); n++ {
		if t := toks[k].Text; t != "、" && t != "和" && t != "与" {
			break
		}
		if !isOpenQuote(toks[k+1].Text) {
			break
		}
		c := k + 2
		for c < len(toks) && c-k < 30 && !isCloseQuote(toks[c].Text) {
			c++
		}
		if c >= len(toks) || !isCloseQuote(toks[c].Text) {
			return false
		}
		listed = true
		k = c + 1
	}
	if !listed || k >= len(toks) || toks[k].Start != toks[k-1].End {
		return false
	}
	_, ok := f.headEndingAtAny(norm, toks, k, true)
	return ok && !f.modifiesNoun(norm, toks, k)
}

// endsToken reports whether some token of toks ends at p: a head matched
// on the text must end a word (“家国情怀”宣讲团 holds no 宣讲).
func endsToken(toks []Token, p int) bool {
	for _, t := range toks {
		if t.End == p {
			return true
		}
		if t.Start >= p {
			break
		}
	}
	return false
}

// topicList reports whether the quoted items listed from token k on are
// closed by 等 and a noun that is no activity head (“乡村振兴与乡村地理”、
// “新型城镇化与城乡统筹”等议题): they are topics, themes or slogans.
func (f *UnitFinder) topicList(norm []rune, toks []Token, k int) bool {
	for k < len(toks) {
		switch t := toks[k].Text; {
		case t == "、" || t == "和" || t == "与" || t == "及":
			k++
		case isOpenQuote(t):
			for k < len(toks) && !isCloseQuote(toks[k].Text) {
				k++
			}
			k++
		case t == "等" || t == "等等":
			if k+1 >= len(toks) {
				return false
			}
			_, head := f.headEndingAt(norm, toks, k+1)
			return !head && nounLike(toks[k+1])
		default:
			return false
		}
	}
	return false
}

// nounActivity builds the activity whose head spans tokens first..last,
// with the modifiers to its left.
func (f *UnitFinder) nounActivity(norm []rune, toks []Token, first, last int) (activityMention, bool) {
	head := string(norm[toks[first].Start:toks[last].End])
	rule, _ := f.headOf(head)
	if rule.kind == "abbreviation" {
		return abbreviatedEvent(toks, first, last, head, rule.suffix)
	}
	ceremony := isCeremonyHead(head)
	j := first
	for j > 0 && first-j < maxModifierTokens {
		if j > 1 && toks[j-1].Text == "周年" && numeralToken(toks[j-2]) {
			j -= 2 // 庆祝香港回归祖国15周年大会: the anniversary the event marks
			continue
		}
		if !(activityModifier(toks[j-1], f.framingVerbs) || j < first && mistaggedAdverb(toks, j-1) || f.occasions[toks[j-1].Text]) {
			break
		}
		if ceremony && j == first-1 && j > 0 {
			if _, inner := f.headEndingAt(norm, toks, j-1); inner && f.ceremonyVerbs[toks[j].Text] {
				break // 培训班/开班/典礼: the ceremony of an event named before it
			}
		}
		j--
	}
	j = trimLeadingQuantity(toks, f.extendToFramingVerb(toks, j, first), first)
	// a verb at the left edge belongs to the name only when it takes an
	// object inside it (提振消费专项行动), not when it governs the head itself
	// (采取行动); a ceremony is named by what it opens (开班典礼, 揭牌仪式)
	for j < first && !(ceremony && j+1 == first && f.ceremonyVerbs[toks[j].Text]) && (toks[j].Pos == "v" || toks[j].Pos == "a") && (j+1 == first || toks[j+1].Pos == "v" && j+2 == first) {
		j++
	}
	// a generic word opens no name, except before a numeral it qualifies
	// (新一轮, 新一批)
	for j < first && (f.genericMods[toks[j].Text] || f.stopMods[toks[j].Text]) && toks[j+1].Pos != "m" {
		j++
	}
	allGeneric := true
	for k := j; k < first; k++ {
		if toks[k].Pos == "v" && k+1 < first {
			allGeneric = true // 学习成果转化为/v实际行动: what follows a verb decides
			continue
		}
		allGeneric = allGeneric && (f.genericActs[toks[k].Text] || f.genericMods[toks[k].Text])
	}
	if allGeneric {
		j = first // 文化活动, 专项行动: no name
	}
	if head == "实践" && j < first && toks[first-1].Pos == "ns" {
		return activityMention{}, false // 中国式现代化河北实践: a province's practice of a policy
	}
	if head == "工程" && j < first && f.builtThings[toks[first-1].Text] {
		// a work of construction named by what is built (袁湾水库主体工程,
		// 互联网核心节点工程), not a programme named by what it does
		// (粮食产能提升工程, 文明乡风建设工程)
		return activityMention{}, false
	}
	// the head word may itself be a name (篮球赛, 运动会) when it is a noun
	// longer than a generic head
	selfNamed := rule.kind == "alone" ||
		first == last && utf8.RuneCountInString(head) > utf8.RuneCountInString(rule.suffix) &&
			utf8.RuneCountInString(rule.suffix) >= 2 && isNounTag(toks[first].Pos) &&
			!f.genericActs[strings.TrimSuffix(head, rule.suffix)]
	if j == first && !selfNamed {
		return activityMention{}, false
	}
	// an event numbered by its edition is named even as a modifier
	// (第五次全国经济普查现场登记工作)
	edition := editionPrefix(norm, toks[j].Start, false) < toks[j].Start || editionEnd(norm, toks[j].Start) > toks[j].Start
	if !edition && f.modifiesNoun(norm, toks, last) {
		return activityMention{}, false // 活动覆盖率, 活动阵地: the head modifies a noun
	}
	start := toks[j].Start
	if name := string(norm[start:toks[last].End]); utf8.RuneCountInString(name) < 2 || f.notActs[name] || strings.HasSuffix(name, "代表大会") && !congressSession(norm, toks[j].Start, toks[last].End) {
		return activityMention{}, false
	}
	start = editionPrefix(norm, start, isEventHead(head))
	return activityMention{name: string(norm[start:toks[last].End]), kind: "noun", start: start, end: toks[last].End}, true
}

// modifiesNoun reports whether the head ending at token last qualifies a
// noun after it (活动覆盖率, 国情教育社会实践活动基地) rather than ending a name:
// other heads may follow first (培训班开班典礼), and the last of them decides.
func (f *UnitFinder) modifiesNoun(norm []rune, toks []Token, last int) bool {
	for hops := 0; hops < 4; hops++ {
		if last+1 >= len(toks) || !nounLike(toks[last+1]) || toks[last+1].Pos == "ns" || f.eventParts[toks[last+1].Text] {
			return false
		}
		next := -1
		for k := last + 1; k <= last+2 && k < len(toks); k++ {
			if _, ok := f.headEndingAt(norm, toks, k); ok {
				next = k // 社会/实践, 开班/典礼
				break
			}
		}
		if next < 0 {
			return true
		}
		last = next
	}
	return false
}

// abbreviatedEvent reads an expo or fair named by one character and an
// abbreviated head (兰洽会, 文博会, 服贸会): the character may be its own
// token or part of the head's, but never the end of a longer word (各界交会
// is a verb).
func abbreviatedEvent(toks []Token, first, last int, head, suffix string) (activityMention, bool) {
	n := utf8.RuneCountInString(suffix)
	switch utf8.RuneCountInString(head) {
	case n + 1:
		if first == last {
			return activityMention{name: head, kind: "noun", start: toks[first].Start, end: toks[last].End}, true
		}
	case n:
		if first > 0 {
			prev := toks[first-1]
			r, size := utf8.DecodeRuneInString(prev.Text)
			if size == len(prev.Text) && isHan(r) && prev.End == toks[first].Start {
				return activityMention{name: prev.Text + head, kind: "noun", start: prev.Start, end: toks[last].End}, true
			}
		}
	}
	return activityMention{}, false
}

// isEventHead reports whether head names a recurring event (年会, 论坛,
// 运动会, 艺术节, 自行车赛), whose editions are named by year or ordinal.
func isEventHead(head string) bool {
	for _, end := range []string{"会", "论坛", "节", "赛", "展", "典礼"} {
		if strings.HasSuffix(head, end) {
			return true
		}
	}
	return false
}

// isCeremonyHead reports whether head names a ceremony, which is named by
// what it opens or closes (开班典礼, 揭牌仪式, 开幕式).
func isCeremonyHead(head string) bool {
	for _, end := range []string{"典礼", "仪式", "开幕式", "闭幕式", "开班式", "结业式"} {
		if strings.HasSuffix(head, end) {
			return true
		}
	}
	return false
}

// editionEnd returns where the ordinal 第…届/次/期 opening at k ends, or k.
func editionEnd(norm []rune, k int) int {
	if k >= len(norm) || norm[k] != '第' {
		return k
	}
	d := k + 1
	for d < len(norm) && d-k <= 5 && (isASCIIDigit(norm[d]) || isChineseDigit(norm[d])) {
		d++
	}
	if d > k+1 && d < len(norm) && strings.ContainsRune("届次期", norm[d]) {
		return d + 1
	}
	return k
}

// editionPrefix moves start left over the ordinal that names an edition,
// written right before it (第八届北京－东京论坛, 第18期发展对象培训班,
// 第五次全国经济普查), and, when year is set, over the year of an event
// (2020年中国人文地理学术年会). A name that begins with the counter itself
// (期发展对象培训班, cut so by the segmenter) takes the ordinal before it.
func editionPrefix(norm []rune, start int, year bool) int {
	k := start
	if k < len(norm) && strings.ContainsRune("届次期", norm[k]) {
		k++
	}
	// 第 + numeral + 届/次/期
	if k >= 3 && (norm[k-1] == '届' || norm[k-1] == '次' || norm[k-1] == '期') {
		d := k - 2
		for d >= 0 && (isASCIIDigit(norm[d]) || isChineseDigit(norm[d])) && k-1-d <= 4 {
			d--
		}
		if d >= 0 && d < k-2 && norm[d] == '第' {
			return d
		}
	}
	k = start
	// a four-digit year + 年
	if year && k >= 5 && norm[k-1] == '年' && isASCIIDigit(norm[k-2]) && isASCIIDigit(norm[k-3]) && isASCIIDigit(norm[k-4]) && isASCIIDigit(norm[k-5]) && (k == 5 || !isASCIIDigit(norm[k-6])) {
		return k - 5
	}
	return start
}

// maxModifierTokens bounds the modifiers of an activity's head, so that a
// run of nouns is not read as one name (学习贯彻习近平新时代中国特色社会主义
// 思想主题教育 has seven).
const maxModifierTokens = 8

// maxFramedTokens bounds the object of a framing verb read as one name.
const maxFramedTokens = 8

// extendToFramingVerb widens a name that starts at token j over the words
// between it and the framing verb that governs it, verbs included: the
// object of 实施, 开展 or 启动 that ends in a head is the name of what is
// carried out (实施乡村建设提质工程, 开展中原农谷建设新一轮三年行动),
// however the segmenter tagged its words. A function word, a pronoun or a
// list mark in between means the verb governs something else; the name
// then starts at j as before.
func (f *UnitFinder) extendToFramingVerb(toks []Token, j, first int) int {
	for k := j - 1; k >= 0 && first-k <= maxFramedTokens; k-- {
		t := toks[k]
		if f.governingVerbs[t.Text] {
			if next := toks[k+1]; utf8.RuneCountInString(next.Text) == 1 && (next.Pos == "v" || next.Pos == "p") {
				return j // 参与到创建活动中: the verb's complement, not a name
			}
			if k+1 < j {
				return k + 1
			}
			return j
		}
		r, _ := utf8.DecodeRuneInString(t.Text)
		if !isHan(r) || t.Text == "是" {
			return j // 推进中国式现代化是一个系统工程: a copula ends the object
		}
		switch t.Pos[0] {
		case 'p', 'c', 'u', 'r', 'q', 'f':
			return j // 在, 和, 的, 其, 次 …
		case 'd':
			if !mistaggedAdverb(toks, k) {
				return j // 更多, 不断: the verb's adverbs
			}
		}
	}
	return j
}

// trimLeadingQuantity drops what says how much or how often from the left
// edge of a name (首次发布会, 更多演出活动, 一系列讲座); an ordinal names the
// edition and stays (第五次全国经济普查).
func trimLeadingQuantity(toks []Token, j, first int) int {
	for j < first && (toks[j].Pos == "m" || toks[j].Pos == "d" || toks[j].Pos == "q") && !strings.HasPrefix(toks[j].Text, "第") {
		j++
	}
	return j
}

func isNounTag(pos string) bool {
	switch pos {
	case "n", "nz", "vn", "l", "i", "nt":
		return true
	}
	return false
}

// headEndingAt reports whether an activity head ends with token i: the
// token itself ends in a head (篮球赛), or the head spans it and up to two
// tokens before (学习/教育). It returns the first token of the head.
func (f *UnitFinder) headEndingAt(norm []rune, toks []Token, i int) (int, bool) {
	return f.headEndingAtAny(norm, toks, i, false)
}

// headEndingAtAny is headEndingAt that, afterQuote, also accepts the heads
// that follow only a quoted name (“5·13”事故).
func (f *UnitFinder) headEndingAtAny(norm []rune, toks []Token, i int, afterQuote bool) (int, bool) {
	if end := toks[i].End; end == 0 || !f.headTable.finals[norm[end-1]] {
		return 0, false // no head ends in this character
	}
	for k := max(0, i-2); k <= i; k++ {
		if k < i && toks[i].End-toks[k].Start > 8 {
			continue // longer than any head
		}
		text := string(norm[toks[k].Start:toks[i].End])
		var rule suffixRule
		var ok bool
		if k < i {
			// a multi-token head must be exactly the head
			rule, ok = f.headTable.byWord[text]
			ok = ok && (afterQuote || rule.kind != "quoted")
		} else {
			rule, ok = f.headOfAny(text, afterQuote)
		}
		if !ok {
			continue
		}
		if f.notActs[toks[i].Text] && k == i && text != rule.suffix {
			continue
		}
		if k == i && text != rule.suffix && utf8.RuneCountInString(rule.suffix) == 1 && !isNounTag(toks[i].Pos) {
			continue // 优秀, 调节: words that only end in 秀 or 节
		}
		if k == i && utf8.RuneCountInString(text) == 1 && i+1 < len(toks) && splitWordAfter(toks[i], toks[i+1]) {
			continue // 赛/道: a word the segmenter cut, not a 赛
		}
		return k, true
	}
	return 0, false
}

// endsName reports whether the token at i closes a name: the end of the
// sentence, punctuation or a conjunction, not a noun the name modifies
// (“三台一报”媒体).
func endsName(toks []Token, i int) bool {
	if i >= len(toks) {
		return true
	}
	t := toks[i]
	return t.Text == "和" || t.Text == "、" || t.Text == "等" || t.Pos == "x" && !isHan([]rune(t.Text)[0]) || t.Text == "活动"
}

func (f *UnitFinder) headOf(word string) (suffixRule, bool) { return f.headOfAny(word, false) }

func (f *UnitFinder) headOfAny(word string, afterQuote bool) (suffixRule, bool) {
	return f.headTable.match(word, func(r suffixRule) bool { return afterQuote || r.kind != "quoted" })
}

// headAt matches an activity head right at position k (after a closing quote).
func (f *UnitFinder) headAt(norm []rune, k, end int) (string, int, bool) {
	for _, r := range f.heads {
		n := utf8.RuneCountInString(r.suffix)
		if k+n <= end && string(norm[k:k+n]) == r.suffix {
			return r.suffix, k + n, true
		}
	}
	return "", k, false
}

// mistaggedAdverb: a two-character "adverb" right before a noun inside a
// name is a noun the dictionary tags wrongly (民族团结进步/d模范创建活动);
// real adverbs stand before verbs (深入/d开展) or the head (到处/d活动).
func mistaggedAdverb(toks []Token, k int) bool {
	return toks[k].Pos == "d" && utf8.RuneCountInString(toks[k].Text) == 2 && k+1 < len(toks) && strings.HasPrefix(toks[k+1].Pos, "n")
}

func activityModifier(t Token, framing map[string]bool) bool {
	if framing[t.Text] && t.Pos != "j" {
		return false // 深入/d开展, 推动/vn; 国企改革深化/j提升行动 keeps an abbreviation
	}
	switch t.Pos {
	case "n", "nz", "vn", "b", "an", "j", "nt", "ns", "eng", "l", "nr", "nrt":
		return true
	case "x", "zg":
		// characters the dictionary does not know (进校园: 进校/园), not
		// function words it left untagged (转化/为/zg)
		r := []rune(t.Text)
		return len(r) == 1 && isHan(r[0]) && !strings.ContainsRune(functionChars, r[0])
	case "v", "a":
		// 升国旗活动 keeps its verb; a one-character verb (听, 到, 受) is
		// the sentence's, not the name's
		return utf8.RuneCountInString(t.Text) >= 2
	}
	return false
}

// listedBeforeDeng reads the activities listed before 等 in
// "举办知识竞赛、板报比赛、深入民族聚居区送医送药等活动": each item between
// list marks, without the framing verbs that open the first.
func (f *UnitFinder) listedBeforeDeng(norm []rune, toks []Token, deng int) []activityMention {
	var out []activityMention
	end := deng
	for k := deng - 1; k >= -1; k-- {
		atBreak := k < 0 || toks[k].Text == "、" || isClauseBreak([]rune(toks[k].Text)[0]) || f.framingVerbs[toks[k].Text]
		if !atBreak && end-k <= 8 {
			continue
		}
		if end-(k+1) >= 1 && end-(k+1) <= 8 {
			start := k + 1
			for start < end && (f.framingVerbs[toks[start].Text] || f.genericMods[toks[start].Text]) {
				start++
			}
			if start < end {
				name := string(norm[toks[start].Start:toks[end-1].End])
				if utf8.RuneCountInString(name) >= 2 && !f.notActs[name] && !strings.ContainsAny(name, "“”《》") {
					out = append(out, activityMention{name: name, kind: "listed", start: toks[start].Start, end: toks[end-1].End})
				}
			}
		}
		if k < 0 || toks[k].Text != "、" {
			break
		}
		end = k
	}
	return out
}
