package gazetteer

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// NameTag is the part-of-speech tag suggested for division names in a
// segmenter's user dictionary: gse and jieba tag place names ns.
const NameTag = "ns"

// UserWord is one word for a segmenter's user dictionary.
type UserWord struct {
	Word  string
	Tag   string // NameTag
	Level Level  // the highest level the word names
	Form  Form   // FormOfficial when the word is some division's official name
}

// Names returns every official name and the stems that can stand alone
// (provinces', prefectures' and counties' of two runes or more, townships'
// of three or more, minus the stoplist), sorted and without duplicates.
// Loading them into the segmenter keeps 七克台镇 one word instead of
// 七克/台/镇.
func (g *Gazetteer) Names() []UserWord {
	words := map[string]UserWord{}
	add := func(word string, level Level, form Form) {
		if old, ok := words[word]; ok {
			old.Form, old.Level = min(old.Form, form), min(old.Level, level)
			words[word] = old
			return
		}
		words[word] = UserWord{Word: word, Tag: NameTag, Level: level, Form: form}
	}
	for i, d := range g.divisions {
		if d.Placeholder {
			continue
		}
		add(d.Name, d.Level, FormOfficial)
		stem := g.stems[i]
		runes := utf8.RuneCountInString(stem)
		if stem == d.Name || runes < 2 || (d.Level == LevelTownship && runes < 3) || g.tables.shortStoplist[d.Level][stem] {
			continue
		}
		add(stem, d.Level, FormShort)
	}
	out := make([]UserWord, 0, len(words))
	for _, w := range words {
		out = append(out, w)
	}
	slices.SortFunc(out, func(a, b UserWord) int { return strings.Compare(a.Word, b.Word) })
	return out
}
