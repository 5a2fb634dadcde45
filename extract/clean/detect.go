package clean

import "strings"

// lineInfo is what the boilerplate passes learn about one line.
type lineInfo struct {
	lineSpan
	trimStart, trimEnd int
	reason             string // whole line removed for this reason, "" if not
	flagged            bool   // a specific signal (not position) marked it
	prose              bool
	empty              bool
}

// detector finds boilerplate in one normalised text.
type detector struct {
	norm    []rune
	lines   []lineInfo
	spans   []Removed // partial removals (inside lines)
	masked  []Span
	mask    []bool // positions covered by spans, for line shapes
	data    *boilerplateData
	titleAt int // line kept as the document title in the leading run, or -1
}

func detectBoilerplate(norm []rune, lines []lineSpan) *detector {
	d := &detector{norm: norm, data: loadBoilerplate(), mask: make([]bool, len(norm)), titleAt: -1}
	d.lines = make([]lineInfo, len(lines))
	for i, l := range lines {
		s, e := trim(norm, l.Start, l.End)
		d.lines[i] = lineInfo{lineSpan: l, trimStart: s, trimEnd: e, empty: s == e}
	}
	d.frontMatter()
	for i := range d.lines {
		if !d.lines[i].empty && d.lines[i].reason == "" {
			d.inline(i)
			d.classify(i)
		}
	}
	d.repeated()
	d.relatedLists()
	for i := range d.lines {
		l := &d.lines[i]
		if l.reason == "" && !l.empty {
			l.prose = measure(norm, l.trimStart, l.trimEnd, d.mask).prose()
		}
	}
	d.brokenBrackets()
	d.linkLists()
	d.leadingRun()
	d.trailingRun()
	d.smooth()
	return d
}

// brokenBrackets keeps a line that is only an opening bracket when prose
// follows: the bracket of （三） wrapped away from its numeral, not chrome.
func (d *detector) brokenBrackets() {
	for i, l := range d.lines {
		if l.reason != ReasonMarkup || !l.flagged || l.trimEnd-l.trimStart != 1 || !isOpeningBracket(d.norm[l.trimStart]) {
			continue
		}
		if next := d.neighbour(i, +1); next >= 0 && d.lines[next].reason == "" && d.lines[next].prose {
			d.lines[i].reason, d.lines[i].flagged = "", false
		}
	}
}

func isOpeningBracket(r rune) bool {
	switch r {
	case '(', '[', '【', '《', '“', '〔', '「':
		return true
	}
	return false
}

// Link lists: after the text's last full paragraph, a run of at least
// minLinkListLines headline-shaped lines (short, without a full stop) is a
// list of links, even when some headlines end in ? or ! and so look like
// sentences. Before it, short lines are titles, mastheads and headings.
const (
	minLinkListLines   = 4
	maxLinkListLineLen = 40
	minHeadlineHan     = 8 // shorter lines (好文, 评论) are menu words, neutral
)

// linkLists takes the prose flag from the lines of a trailing link list,
// so that the positional rules see where the article ends, and removes
// them when site chrome follows. Removed, empty and other non-prose lines
// neither break nor lengthen a run.
func (d *detector) linkLists() {
	lastParagraph := -1
	for i := len(d.lines) - 1; i >= 0; i-- {
		if d.lines[i].prose && !d.headlineShaped(i) {
			lastParagraph = i
			break
		}
	}
	// chromeAfter[i]: site chrome follows line i, so the page frame has
	// begun; a document without it (a bulletin, a table) keeps its lines.
	chromeAfter := make([]bool, len(d.lines)+1)
	for i := len(d.lines) - 1; i >= 0; i-- {
		chromeAfter[i] = chromeAfter[i+1] || d.lines[i].flagged && siteChromeReason(d.lines[i].reason)
	}
	runStart, count := -1, 0
	flush := func(end int) {
		if count >= minLinkListLines {
			for k := runStart; k < end; k++ {
				d.lines[k].prose = false
				if chromeAfter[k] && !d.lines[k].empty {
					d.markPositional(k, ReasonRelatedList)
				}
			}
		}
		runStart, count = -1, 0
	}
	for i := lastParagraph + 1; i < len(d.lines); i++ {
		l := d.lines[i]
		if l.flagged && siteChromeReason(l.reason) {
			flush(i) // a toolbar or menu between: the text's end is not a list
			continue
		}
		if l.empty || l.reason != "" || measure(d.norm, l.trimStart, l.trimEnd, d.mask).han < minHeadlineHan {
			continue
		}
		if !d.headlineShaped(i) {
			if l.prose {
				flush(i)
			}
			continue
		}
		if runStart < 0 {
			runStart = i
		}
		count++
	}
	flush(len(d.lines))
}

// headlineShaped is a short kept line with no full stop and at most two
// ? or ! (a headline, a menu item, a caption).
func (d *detector) headlineShaped(i int) bool {
	l := d.lines[i]
	if l.trimEnd-l.trimStart > maxLinkListLineLen {
		return false
	}
	sh := measure(d.norm, l.trimStart, l.trimEnd, d.mask)
	return sh.periods == 0 && sh.stops <= 2
}

func (d *detector) mark(i int, reason string) {
	l := &d.lines[i]
	if l.reason == "" {
		l.reason = reason
		l.flagged = true
	}
}

func (d *detector) addSpan(start, end int, reason string) {
	if end <= start {
		return
	}
	d.spans = append(d.spans, Removed{Start: start, End: end, Reason: reason})
	for k := start; k < end; k++ {
		d.mask[k] = true
	}
}

func (d *detector) text(i int) string {
	l := d.lines[i]
	return string(d.norm[l.trimStart:l.trimEnd])
}

// frontMatter removes a leading --- … --- block (Markdown/YAML front matter).
func (d *detector) frontMatter() {
	first := -1
	for i, l := range d.lines {
		if !l.empty {
			first = i
			break
		}
	}
	if first < 0 || d.text(first) != "---" {
		return
	}
	for j := first + 1; j < len(d.lines) && j < first+200; j++ {
		if d.text(j) == "---" {
			for k := first; k <= j; k++ {
				d.mark(k, ReasonFrontMatter)
			}
			return
		}
	}
}

var (
	imageOpen = []rune("![")
	boldMark  = []rune("**")
)

// inline finds removals and masks inside a line: image links, bold marks,
// heading marks, masked characters, self-referring site sentences.
func (d *detector) inline(i int) {
	l := d.lines[i]
	norm := d.norm
	// Markdown heading marks "## ".
	if norm[l.trimStart] == '#' {
		k := l.trimStart
		for k < l.trimEnd && norm[k] == '#' {
			k++
		}
		if k < l.trimEnd && norm[k] == ' ' {
			d.addSpan(l.trimStart, k+1, ReasonMarkup)
		}
	}
	for k := l.trimStart; k < l.trimEnd; k++ {
		switch {
		case norm[k] == '<':
			// an HTML tag left in text (<p>, <br>, </strong>): the tag is
			// markup, the text between tags is kept
			if end := htmlTagEnd(norm, k, l.trimEnd); end > 0 {
				d.addSpan(k, end, ReasonMarkup)
				k = end - 1
			}
		case hasPrefixAt(norm, k, imageOpen):
			if end := markdownLinkEnd(norm, k+1, l.trimEnd); end > 0 {
				d.addSpan(k, end, ReasonMarkup)
				k = end - 1
			}
		case norm[k] == '*' || norm[k] == '□' || norm[k] == '■':
			run := k
			for run < l.trimEnd && norm[run] == norm[k] {
				run++
			}
			nextToHan := (k > l.Start && isHan(norm[k-1])) || (run < l.End && isHan(norm[run]))
			switch {
			case norm[k] == '*' && run-k == 2:
				// Markdown bold; a masked word has three or more stars.
				d.addSpan(k, run, ReasonMarkup)
			case (norm[k] == '*' && run-k >= 3 || norm[k] != '*') && nextToHan:
				d.masked = append(d.masked, Span{Start: k, End: run})
			}
			k = run - 1
		}
	}
	d.selfReferringSentences(i)
}

// htmlTagEnd returns the end of an HTML tag starting at open (<p>, </div>,
// <img src="…">, <!-- … -->), or -1 when the < starts no tag.
func htmlTagEnd(norm []rune, open, end int) int {
	k := open + 1
	if k < end && (norm[k] == '/' || norm[k] == '!') {
		k++
	}
	if k >= end || !(norm[k] >= 'a' && norm[k] <= 'z' || norm[k] >= 'A' && norm[k] <= 'Z' || norm[k] == '-') {
		return -1
	}
	for j := k; j < end && j < open+400; j++ {
		if norm[j] == '>' {
			return j + 1
		}
		if norm[j] == '<' {
			return -1
		}
	}
	return -1
}

// markdownLinkEnd returns the end of "[text](url)" starting at open, or -1.
func markdownLinkEnd(norm []rune, open, end int) int {
	if open >= end || norm[open] != '[' {
		return -1
	}
	k := open + 1
	for k < end && norm[k] != ']' {
		k++
	}
	if k+1 >= end || norm[k+1] != '(' {
		return -1
	}
	for j := k + 2; j < end; j++ {
		if norm[j] == ')' {
			return j + 1
		}
	}
	return -1
}

// selfReferringSentences removes sentences in which the site speaks of the
// document, its download or upload: two different self-reference words in
// one sentence of at most 400 characters.
func (d *detector) selfReferringSentences(i int) {
	l := d.lines[i]
	start := l.trimStart
	for k := l.trimStart; k <= l.trimEnd; k++ {
		if k < l.trimEnd && !isStop(d.norm[k]) {
			continue
		}
		end := k
		if k < l.trimEnd {
			end = k + 1
		}
		if end-start <= 400 && d.selfReferenceWords(start, end) >= 2 {
			s, e := trim(d.norm, start, end)
			d.addSpan(s, e, ReasonDownloadPrompt)
		}
		start = end
	}
}

func (d *detector) selfReferenceWords(start, end int) int {
	var found uint64 // one bit per word; the list is far shorter than 64
	for k := start; k < end; k++ {
		for _, w := range d.data.selfReferenceByFirst[d.norm[k]] {
			if hasPrefixAt(d.norm, k, d.data.selfReference[w]) && end-k >= len(d.data.selfReference[w]) {
				found |= 1 << uint(w%64)
			}
		}
	}
	n := 0
	for ; found != 0; found &= found - 1 {
		n++
	}
	return n
}

func isStop(r rune) bool {
	return r == '。' || r == '!' || r == '?' || r == ';'
}

// classify marks a whole line by its own signals.
func (d *detector) classify(i int) {
	l := d.lines[i]
	norm := d.norm
	length := l.trimEnd - l.trimStart
	text := "" // every string rule below is for lines of at most 150 runes
	if length <= 150 {
		text = d.text(i)
	}
	sh := measure(norm, l.trimStart, l.trimEnd, d.mask)
	if sh.runes == 0 {
		// Nothing left: inline rules removed it all, or bare marks.
		d.mark(i, d.spanReasonIn(l.Start, l.End, ReasonMarkup))
		return
	}
	if sh.han == 0 && sh.digits == 0 && sh.latin == 0 {
		d.mark(i, ReasonMarkup) // rules of === or ---, lone brackets, bullets
		return
	}
	noStop := sh.stops == 0
	if length <= 150 && sh.stops == 0 && isDistributionLine(text) {
		d.mark(i, ReasonMetadata) // 报：县委、县政府  送：各乡镇
		return
	}
	if length <= 100 && isFileName(text) {
		d.mark(i, ReasonMetadata)
		return
	}
	if end := pageCounterEnd(norm, l.trimStart, l.trimEnd); end > 0 {
		rest := measure(norm, end, l.trimEnd, d.mask)
		if rest.runes == 0 || (rest.han <= 12 && rest.stops == 0) {
			d.mark(i, ReasonPageCounter)
			return
		}
	}
	if length <= 150 && !containsRune(norm, l.trimStart, l.trimEnd, '。') {
		for _, p := range d.data.phrases {
			if p.scope == scopeLine && containsIn(norm, l.trimStart, l.trimEnd, p.text) {
				d.mark(i, p.reason)
				return
			}
		}
		if strings.Contains(text, "://") || strings.Contains(text, "www.") {
			d.mark(i, ReasonURL)
			return
		}
		if strings.Contains(text, "@") && sh.latin >= 3 && noStop {
			d.mark(i, ReasonSiteInfo)
			return
		}
	}
	if reason, ok := d.data.exact[stripChrome(text)]; ok && length <= 40 {
		d.mark(i, reason)
		return
	}
	if length <= 40 && noStop {
		for _, p := range d.data.phrases {
			if p.scope == scopeShort && containsIn(norm, l.trimStart, l.trimEnd, p.text) {
				d.mark(i, p.reason)
				return
			}
		}
	}
	if length <= 80 && noStop && (strings.Count(text, ">") >= 2 || strings.Count(text, "›") >= 2 || strings.Count(text, "»") >= 2 || text == ">") {
		d.mark(i, ReasonNavigation) // breadcrumb 首页 > 新闻 > …
		return
	}
	if length <= 80 && noStop && sh.separators >= 3 {
		d.mark(i, ReasonNavigation)
	}
}

// spanReasonIn is the reason of the last partial removal inside [start, end).
func (d *detector) spanReasonIn(start, end int, otherwise string) string {
	for k := len(d.spans) - 1; k >= 0 && d.spans[k].End > start; k-- {
		if d.spans[k].Start < end {
			return d.spans[k].Reason
		}
	}
	return otherwise
}

func containsRune(norm []rune, start, end int, r rune) bool {
	for k := start; k < end; k++ {
		if norm[k] == r {
			return true
		}
	}
	return false
}

// stripChrome drops the brackets, bars, colons and spaces that toolbars wrap
// their words in: "【字体：" → "字体".
func stripChrome(text string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '【', '】', '[', ']', '|', ':', ' ', '\t', '\r', '(', ')', '>', '<', '«', '»':
			return -1
		}
		return r
	}, text)
}

var fileExtensions = []string{".docx", ".doc", ".pdf", ".wps", ".txt", ".pptx", ".ppt", ".xlsx", ".xls", ".rar", ".zip"}

func isFileName(text string) bool {
	lower := strings.ToLower(text)
	for _, ext := range fileExtensions {
		if strings.HasSuffix(lower, ext) {
			return true
		}
	}
	return false
}

// pageCounterEnd returns the end of a "1/6" page counter at the start of
// [start, end), or -1.
func pageCounterEnd(norm []rune, start, end int) int {
	k := skipDigits(norm, start, end)
	if k == start {
		return -1
	}
	for k < end && norm[k] == ' ' {
		k++
	}
	if k >= end || norm[k] != '/' {
		return -1
	}
	k++
	for k < end && norm[k] == ' ' {
		k++
	}
	j := skipDigits(norm, k, end)
	if j == k || (j < end && !isSpace(norm[j])) {
		return -1
	}
	return j
}

func skipDigits(norm []rune, k, end int) int {
	for k < end && norm[k] >= '0' && norm[k] <= '9' {
		k++
	}
	return k
}

// repeated marks short non-prose lines seen earlier in the file: menus and
// bylines repeat, sentences do not. The first occurrence stays.
func (d *detector) repeated() {
	seen := map[string]bool{}
	for i, l := range d.lines {
		if l.empty || l.trimEnd-l.trimStart > 50 {
			continue
		}
		if measure(d.norm, l.trimStart, l.trimEnd, d.mask).prose() {
			continue
		}
		key := d.text(i)
		if seen[key] {
			d.mark(i, ReasonRepeatedLine)
		}
		seen[key] = true
	}
}

// relatedLists removes the titles listed under a 相关文档 style heading, up to
// the next line with a full stop.
func (d *detector) relatedLists() {
	for i := 0; i < len(d.lines); i++ {
		if d.lines[i].reason != ReasonRelatedList {
			continue
		}
		for j := i + 1; j < len(d.lines); j++ {
			l := d.lines[j]
			if l.empty {
				continue
			}
			if l.trimEnd-l.trimStart > 80 || containsRune(d.norm, l.trimStart, l.trimEnd, '。') {
				break
			}
			d.mark(j, ReasonRelatedList)
			i = j
		}
	}
}

// leadingRun removes the chrome before the first prose line: every line up
// to the last one that a specific signal flagged, except the one most like
// the document's title. Lines after that flag (a subtitle, a dateline, 各位代表：)
// are the start of the text and stay.
func (d *detector) leadingRun() {
	firstProse := -1
	for i, l := range d.lines {
		if l.prose {
			firstProse = i
			break
		}
	}
	if firstProse < 0 {
		return
	}
	lastFlag := -1
	for i := 0; i < firstProse; i++ {
		if d.lines[i].flagged {
			lastFlag = i
		}
	}
	repeatedTitle := -1
	for i := 0; i <= lastFlag; i++ {
		l := d.lines[i]
		if l.reason != "" || l.empty {
			continue
		}
		sh := measure(d.norm, l.trimStart, l.trimEnd, d.mask)
		if sh.han >= 6 && sh.separators < 2 && l.trimEnd-l.trimStart <= 60 {
			// The last such line: site names come first, the title last;
			// but a title the page repeats as its masthead wins.
			d.titleAt = i
			if repeatedTitle < 0 && d.repeatsLater(i) {
				repeatedTitle = i
			}
		}
	}
	if repeatedTitle >= 0 {
		d.titleAt = repeatedTitle
	}
	if headline := d.pageTitleHeadline(firstProse); headline >= 0 {
		// What comes before the page's own headline is the site's frame.
		d.titleAt = headline
		lastFlag = max(lastFlag, headline-1)
	}
	subtitle := -1
	if d.titleAt >= 0 {
		// A second headline right under the title (引题 or 副题) is text.
		if next := d.neighbour(d.titleAt, +1); next >= 0 && d.lines[next].reason == "" {
			l := d.lines[next]
			sh := measure(d.norm, l.trimStart, l.trimEnd, d.mask)
			if sh.han >= 6 && sh.separators < 2 && sh.stops == 0 && l.trimEnd-l.trimStart <= 60 {
				subtitle = next
			}
		}
	}
	for i := 0; i <= lastFlag; i++ {
		if i != d.titleAt && i != subtitle && !d.lines[i].empty && !d.isSubtitle(i) {
			d.markPositional(i, ReasonLowProseHeader)
		}
	}
}

// pageTitleSeparators join a page title to its channel and site:
// 标题_频道_网站, 标题-新华网, 栏目｜标题.
var pageTitleSeparators = []rune{'_', '-', '|', '｜', '丨', '–'}

// pageTitleHeadline finds, up to the first prose line, the line that
// repeats the headline part of the page title (the first line, as
// 标题_频道_网站): that line is the document's title, whatever menus
// repeat. It returns -1 when there is none.
func (d *detector) pageTitleHeadline(firstProse int) int {
	first := d.neighbour(-1, +1)
	if first < 0 || first >= firstProse || d.lines[first].reason != "" && d.lines[first].reason != ReasonLowProseHeader {
		return -1
	}
	l := d.lines[first]
	var segments []string
	start := l.trimStart
	for k := l.trimStart; k <= l.trimEnd; k++ {
		if k < l.trimEnd && !containsRuneIn(pageTitleSeparators, d.norm[k]) {
			continue
		}
		if s, e := trim(d.norm, start, k); measure(d.norm, s, e, nil).han >= 6 {
			segments = append(segments, string(d.norm[s:e]))
		}
		start = k + 1
	}
	whole := d.text(first)
	for i := first + 1; i <= firstProse; i++ {
		if d.lines[i].empty || d.lines[i].reason != "" {
			continue
		}
		text := d.text(i)
		for _, segment := range segments {
			if text == segment && segment != whole {
				return i
			}
		}
		// 标题 网站名: the headline, then a space and the site's name.
		if rest, ok := strings.CutPrefix(whole, text); ok && strings.HasPrefix(rest, " ") && measure(d.norm, d.lines[i].trimStart, d.lines[i].trimEnd, nil).han >= 6 {
			return i
		}
	}
	return -1
}

func containsRuneIn(set []rune, r rune) bool {
	for _, c := range set {
		if c == r {
			return true
		}
	}
	return false
}

// isSubtitle is a ——-led line (——在某某会议上的讲话): a document's subtitle,
// which no menu or toolbar has.
func (d *detector) isSubtitle(i int) bool {
	l := d.lines[i]
	return l.reason == "" && l.trimEnd-l.trimStart >= 4 && (d.norm[l.trimStart] == '—' || d.norm[l.trimStart] == '─') &&
		measure(d.norm, l.trimStart, l.trimEnd, d.mask).han >= 4
}

func (d *detector) repeatsLater(i int) bool {
	text := d.text(i)
	for j := i + 1; j < len(d.lines) && j < i+200; j++ {
		if d.lines[j].reason == ReasonRepeatedLine && d.text(j) == text {
			return true
		}
	}
	return false
}

// trailingRun removes what follows the last prose line from the first line
// a specific signal flagged: a closing line (特此通报。) or a signature before
// it stays, the colophon and site footer after it go.
func (d *detector) trailingRun() {
	lastProse := -1
	for i := len(d.lines) - 1; i >= 0; i-- {
		if d.lines[i].prose {
			lastProse = i
			break
		}
	}
	if lastProse < 0 {
		return
	}
	lastProse = d.skipStrandedProse(lastProse)
	firstFlag := -1
	for i := lastProse + 1; i < len(d.lines); i++ {
		if d.lines[i].flagged {
			firstFlag = i
			break
		}
	}
	if firstFlag < 0 {
		return
	}
	for i := firstFlag; i < len(d.lines); i++ {
		if !d.lines[i].empty {
			d.markPositional(i, ReasonLowProseFooter)
		}
	}
}

// Stranded prose: a short prose-shaped line (a site notice such as
// 本网提示：使用…浏览器可以获得最佳浏览效果！) that site chrome separates from
// the text above it is part of the footer.
const (
	maxStrandedHan          = 60
	minStrandingChromeLines = 3
)

// skipStrandedProse walks the last prose line back over stranded ones and
// returns the line where the text really ends.
func (d *detector) skipStrandedProse(last int) int {
	for {
		l := d.lines[last]
		if measure(d.norm, l.trimStart, l.trimEnd, d.mask).han > maxStrandedHan {
			return last
		}
		chrome, previous := 0, -1
		for j := last - 1; j >= 0; j-- {
			if d.lines[j].prose {
				previous = j
				break
			}
			if d.lines[j].flagged && siteChromeReason(d.lines[j].reason) {
				chrome++
			}
		}
		if previous < 0 || chrome < minStrandingChromeLines {
			return last
		}
		last = previous
	}
}

// siteChromeReason: reasons that only a web site's frame produces; markup,
// metadata and repeated lines also occur between paragraphs of a text.
func siteChromeReason(reason string) bool {
	switch reason {
	case ReasonCopyright, ReasonSiteInfo, ReasonURL, ReasonNavigation, ReasonToolbar, ReasonRelatedList, ReasonDownloadPrompt:
		return true
	}
	return false
}

func (d *detector) markPositional(i int, reason string) {
	if d.lines[i].reason == "" {
		d.lines[i].reason = reason
	}
}

// smooth removes short non-prose lines caught between removed lines: the
// one menu item no rule knew.
func (d *detector) smooth() {
	for pass := 0; pass < 3; pass++ {
		changed := false
		for i := range d.lines {
			l := d.lines[i]
			if l.empty || l.reason != "" || l.prose || i == d.titleAt {
				continue
			}
			sh := measure(d.norm, l.trimStart, l.trimEnd, d.mask)
			if sh.runes > 12 || sh.stops > 0 || startsSection(d.norm, l.trimStart, l.trimEnd) {
				continue
			}
			prev, next := d.neighbour(i, -1), d.neighbour(i, +1)
			if prev >= 0 && next >= 0 && d.lines[prev].reason != "" && d.lines[next].reason != "" {
				d.markPositional(i, ReasonNavigation)
				changed = true
			}
		}
		if !changed {
			return
		}
	}
}

func (d *detector) neighbour(i, step int) int {
	for j := i + step; j >= 0 && j < len(d.lines); j += step {
		if !d.lines[j].empty {
			return j
		}
	}
	return -1
}

// removed returns all removed spans, sorted and merged. A removed line takes
// its line break with it so that the kept text does not fill with blank lines.
func (d *detector) removed() []Removed {
	out := make([]Removed, 0, len(d.spans)+len(d.lines)/4)
	for _, l := range d.lines {
		if l.reason == "" {
			continue
		}
		end := l.End
		if end < len(d.norm) {
			end++ // the '\n'
		}
		out = append(out, Removed{Start: l.Start, End: end, Reason: l.reason})
	}
	out = append(out, d.spans...)
	return mergeSpans(out)
}

// distributionLabels open the distribution footer of a printed bulletin:
// whom it is reported and sent to.
var distributionLabels = []string{"报:", "送:", "抄:", "发:", "报送:", "抄送:", "抄报:", "分送:", "发送:", "主送:"}

// isDistributionLine reports a line that starts with such a label.
func isDistributionLine(line string) bool {
	line = strings.TrimSpace(line)
	for _, l := range distributionLabels {
		if strings.HasPrefix(line, l) {
			return true
		}
	}
	return false
}
