package clean

import (
	"fmt"
	"strings"
	"sync"
)

var chineseDigits = map[rune]int{'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// chineseNumber reads a small Chinese numeral (一 … 九十九, 一百 …) in
// norm[start:end]; ok is false if it is not one.
func chineseNumber(norm []rune, start, end int) (int, bool) {
	if start >= end {
		return 0, false
	}
	total, current := 0, 0
	for k := start; k < end; k++ {
		r := norm[k]
		if v, ok := chineseDigits[r]; ok {
			current = current*10 + v
			continue
		}
		switch r {
		case '十':
			if current == 0 {
				current = 1
			}
			total += current * 10
			current = 0
		case '百':
			if current == 0 {
				current = 1
			}
			total += current * 100
			current = 0
		default:
			return 0, false
		}
	}
	return total + current, true
}

func isChineseNumeral(r rune) bool {
	_, ok := chineseDigits[r]
	return ok || r == '十' || r == '百'
}

// numeralRunEnd returns the end of a run of at most max Chinese numerals at k.
func numeralRunEnd(norm []rune, k, end, max int) int {
	j := k
	for j < end && j-k < max && isChineseNumeral(norm[j]) {
		j++
	}
	return j
}

// dateMatch is one date found in the text.
type dateMatch struct {
	Start, End int
	Value      string // 2024-03-15 or 2024-03
}

// findDate returns the first date in norm[from:end]: 2024年3月15日,
// 2024-03-15, 2024.3.15, 2024/3/15, 2024年3月, 二〇二四年三月十五日.
func findDate(norm []rune, from, end int) (dateMatch, bool) {
	for k := from; k < end; k++ {
		r := norm[k]
		if (r == '1' || r == '2') && (k == 0 || !isDigit(norm[k-1])) {
			if m, ok := arabicDate(norm, k, end); ok {
				return m, true
			}
		}
		if (r == '一' || r == '二') && k+4 < end {
			if m, ok := chineseDate(norm, k, end); ok {
				return m, true
			}
		}
	}
	return dateMatch{}, false
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func readInt(norm []rune, k, end, maxDigits int) (int, int) {
	v, j := 0, k
	for j < end && j-k < maxDigits && isDigit(norm[j]) {
		v = v*10 + int(norm[j]-'0')
		j++
	}
	return v, j
}

func arabicDate(norm []rune, k, end int) (dateMatch, bool) {
	year, j := readInt(norm, k, end, 4)
	if j-k != 4 || year < 1900 || year > 2100 || j >= end || (j < end && isDigit(norm[j])) {
		return dateMatch{}, false
	}
	sep := norm[j]
	if sep != '年' && sep != '-' && sep != '.' && sep != '/' {
		return dateMatch{}, false
	}
	month, m := readInt(norm, j+1, end, 2)
	if m == j+1 || month < 1 || month > 12 || (m < end && isDigit(norm[m])) {
		return dateMatch{}, false
	}
	if sep == '年' {
		if m >= end || norm[m] != '月' {
			return dateMatch{}, false
		}
		day, d := readInt(norm, m+1, end, 2)
		if d > m+1 && d < end && (norm[d] == '日' || norm[d] == '号') && day >= 1 && day <= 31 {
			return dateMatch{k, d + 1, fmt.Sprintf("%04d-%02d-%02d", year, month, day)}, true
		}
		return dateMatch{k, m + 1, fmt.Sprintf("%04d-%02d", year, month)}, true
	}
	if m >= end || norm[m] != sep {
		return dateMatch{}, false
	}
	day, d := readInt(norm, m+1, end, 2)
	if d == m+1 || day < 1 || day > 31 || (d < end && isDigit(norm[d])) {
		return dateMatch{}, false
	}
	return dateMatch{k, d, fmt.Sprintf("%04d-%02d-%02d", year, month, day)}, true
}

func chineseDate(norm []rune, k, end int) (dateMatch, bool) {
	year := 0
	j := k
	for ; j < end && j-k < 4; j++ {
		v, ok := chineseDigits[norm[j]]
		if !ok || norm[j] == '两' {
			return dateMatch{}, false
		}
		year = year*10 + v
	}
	if j-k != 4 || j >= end || norm[j] != '年' || year < 1900 || year > 2100 {
		return dateMatch{}, false
	}
	mEnd := numeralRunEnd(norm, j+1, end, 3)
	month, ok := chineseNumber(norm, j+1, mEnd)
	if !ok || month < 1 || month > 12 || mEnd >= end || norm[mEnd] != '月' {
		return dateMatch{}, false
	}
	dEnd := numeralRunEnd(norm, mEnd+1, end, 3)
	if day, ok := chineseNumber(norm, mEnd+1, dEnd); ok && day >= 1 && day <= 31 && dEnd < end && (norm[dEnd] == '日' || norm[dEnd] == '号') {
		return dateMatch{k, dEnd + 1, fmt.Sprintf("%04d-%02d-%02d", year, month, day)}, true
	}
	return dateMatch{k, mEnd + 1, fmt.Sprintf("%04d-%02d", year, month)}, true
}

var loadUnitSuffixes = sync.OnceValue(func() [][]rune {
	raw, err := dataFiles.ReadFile("data/unit_suffixes.txt")
	if err != nil {
		panic(err)
	}
	var out [][]rune
	for _, line := range strings.Split(string(raw), "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, []rune(line))
		}
	}
	return out
})

// looksLikeUnit is a short line that is only a unit's name: Chinese, no
// punctuation, ending like 办公室, 局, 委员会.
func looksLikeUnit(norm []rune, start, end int) bool {
	start, end = trim(norm, start, end)
	if end-start < 3 || end-start > 30 {
		return false
	}
	for k := start; k < end; k++ {
		if !isHan(norm[k]) && norm[k] != '(' && norm[k] != ')' {
			return false
		}
	}
	for _, suffix := range loadUnitSuffixes() {
		if end-start > len(suffix) && hasPrefixAt(norm, end-len(suffix), suffix) {
			return true
		}
	}
	return false
}

// sectionMarker is a list marker found at a position.
type sectionMarker struct {
	End   int // after the marker
	Level int
	// inline markers (一是, 第一,) may start mid-sentence after a comma
	Inline bool
}

// markerAt reads a section marker at k: 一、(1) （一）(2) 1. 1、(3) （1）(4)
// 一是 第一，(2).
func markerAt(norm []rune, k, end int) (sectionMarker, bool) {
	r := norm[k]
	switch {
	case isChineseNumeral(r) && r != '〇' && r != '零':
		j := numeralRunEnd(norm, k, end, 3)
		if j < end && norm[j] == '、' {
			return sectionMarker{End: j + 1, Level: 1}, true
		}
		if j < end && norm[j] == '是' && j+1 < end && isHan(norm[j+1]) && j-k <= 2 {
			return sectionMarker{End: j + 1, Level: 2, Inline: true}, true
		}
	case r == '第':
		j := numeralRunEnd(norm, k+1, end, 3)
		if j > k+1 && j < end && (norm[j] == ',' || norm[j] == '、') {
			return sectionMarker{End: j + 1, Level: 2, Inline: true}, true
		}
	case r == '(':
		if k+2 < end && isChineseNumeral(norm[k+1]) {
			j := numeralRunEnd(norm, k+1, end, 3)
			if j < end && norm[j] == ')' {
				return sectionMarker{End: j + 1, Level: 2}, true
			}
		}
		if k+2 < end && isDigit(norm[k+1]) {
			_, j := readInt(norm, k+1, end, 2)
			if j < end && norm[j] == ')' {
				return sectionMarker{End: j + 1, Level: 4}, true
			}
		}
	case isDigit(r):
		_, j := readInt(norm, k, end, 2)
		if j < end && (norm[j] == '.' || norm[j] == '、') && (j+1 >= end || !isDigit(norm[j+1])) && (j >= end || !isDigit(norm[j])) {
			return sectionMarker{End: j + 1, Level: 3}, true
		}
	}
	return sectionMarker{}, false
}

// startsSection reports a section marker at the start of a line.
func startsSection(norm []rune, start, end int) bool {
	_, ok := markerAt(norm, start, end)
	return ok
}
