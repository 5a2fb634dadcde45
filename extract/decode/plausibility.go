package decode

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed common_hanzi.txt
var commonHanziData string

const (
	hanFirst = 0x4E00
	hanLast  = 0x9FFF
)

// hanClass gives the frequency class (1 most common … 3, 0 not listed) of
// each CJK Unified Ideograph, from common_hanzi.txt.
var hanClass = sync.OnceValue(func() []uint8 {
	classes := make([]uint8, hanLast-hanFirst+1)
	for _, line := range strings.Split(commonHanziData, "\n") {
		class, chars, ok := strings.Cut(line, "\t")
		if !ok || strings.HasPrefix(line, "#") || len(class) != 1 || class[0] < '1' || class[0] > '9' {
			continue
		}
		for _, r := range chars {
			if r >= hanFirst && r <= hanLast {
				classes[r-hanFirst] = class[0] - '0'
			}
		}
	}
	return classes
})

// classWeight is the plausibility of an ideograph of each frequency class.
// Mojibake lands on ideographs about uniformly, so it rarely hits the few
// thousand common ones that make up almost all real text.
var classWeight = [...]float64{0: 0.25, 1: 1, 2: 0.9, 3: 0.75}

// runeWeight says how plausible r is in a Chinese or Western text file: 1 for
// what real text is made of, 0 for what is possible but unusual, negative for
// what a right decoding should not produce.
func runeWeight(r rune, classes []uint8) float64 {
	switch {
	case r >= 0x20 && r < 0x7F, r == '\n', r == '\r', r == '\t':
		return 1
	case r >= hanFirst && r <= hanLast:
		return classWeight[classes[r-hanFirst]]
	case r < 0x20, r >= 0x7F && r < 0xA0: // C0 and C1 controls
		return -1
	case r == utf8.RuneError:
		return -1
	case r >= 0x3000 && r <= 0x3017: // 、。《》「」【】 …
		return 1
	case r >= 0xFF01 && r <= 0xFF5E: // fullwidth ，：；！？（）０-９
		return 0.9
	case r >= 0x2010 && r <= 0x2027: // dashes, curly quotes, ellipsis
		return 0.9
	case r >= 0x2460 && r <= 0x249B, r >= 0x2160 && r <= 0x217F: // ① ⑴ Ⅰ
		return 0.6
	case r >= 0xFFE0 && r <= 0xFFE6, r == 0x00B7, r == 0x00D7, r == 0x00F7, r == 0x00B0: // ￥ · × ÷ °
		return 0.6
	case r >= 0xA0 && r <= 0x24F, r >= 0x370 && r <= 0x4FF: // Latin, Greek, Cyrillic letters
		return 0.2
	case r >= 0x2030 && r <= 0x22FF, r >= 0x2500 && r <= 0x25FF: // symbols, arrows, maths, boxes
		return 0.3
	case r >= 0x3040 && r <= 0x30FF: // kana
		return 0.2
	case r >= 0xE000 && r <= 0xF8FF, r >= 0xF0000: // private use
		return -0.5
	case r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
		return -1
	}
	return 0 // ext A ideographs, Hangul, other scripts: possible, not evidence
}

// plausibility scores decoded text as the mean rune weight, 0 … 1.
func plausibility(text string) float64 {
	classes := hanClass()
	var sum float64
	n := 0
	for _, r := range text {
		sum += runeWeight(r, classes)
		n++
	}
	if n == 0 {
		return 0
	}
	return max(0, min(1, sum/float64(n)))
}
