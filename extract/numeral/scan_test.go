package numeral

import (
	"math"
	"strings"
	"testing"
)

// want describes one expected numeral; flags is a space-separated list of the bool
// fields that are set (percent range vague ordinal code fraction version point).
type want struct {
	text   string
	value  float64
	approx string
	bound  Bound
	flags  string
}

func flagsOf(num Number) string {
	var flags []string
	for _, f := range []struct {
		name string
		on   bool
	}{{"percent", num.Percent}, {"point", num.PercentPoint}, {"range", num.Range}, {"vague", num.Vague},
		{"ordinal", num.Ordinal}, {"code", num.Code}, {"fraction", num.Fraction}, {"version", num.Version}} {
		if f.on {
			flags = append(flags, f.name)
		}
	}
	return strings.Join(flags, " ")
}

func TestScan(t *testing.T) {
	exact := BoundExact
	tests := []struct {
		text   string
		want   []want
		reason string
	}{
		{"动宣传语720余条次", []want{{"720余", 720, "余", BoundLower, ""}}, "余 means at least"},
		{"参与群众达45万余人次", []want{{"45万余", 450000, "余", BoundLower, ""}}, "余 after the multiplier"},
		{"把10万余份宣传资料", []want{{"10万余", 100000, "余", BoundLower, ""}}, "余 after 万"},
		{"各级干部1200余人", []want{{"1200余", 1200, "余", BoundLower, ""}}, "余 after digits"},
		{"三十多名干部", []want{{"三十多", 30, "多", BoundLower, ""}}, "多 means at least"},
		{"500余万元", []want{{"500余万", 5e6, "余", BoundLower, ""}}, "余 before the multiplier: the suite's 5000000 with 余 kept"},
		{"十来个村", []want{{"十来", 10, "来", BoundAbout, ""}}, "来 means about"},
		{"其中20来自农村", []want{{"20", 20, "", BoundExact, ""}}, "来自 is a verb, not the marker 来"},
		{"5兆瓦", []want{{"5", 5, "", BoundExact, ""}}, "兆瓦 is megawatt, not 5e12"},
		{"三四十人", []want{{"三四十", 30, "", BoundRange, "vague"}}, "neighbouring digits before a unit are a vague range"},
		{"五六个", []want{{"五六", 5, "", BoundRange, "vague"}}, "a pair of digits is a range"},
		{"十几个", []want{{"十几", 10, "几", BoundRange, "vague"}}, "几 is a digit from 1 to 9"},
		{"几十年", []want{{"几十", 10, "几", BoundRange, "vague"}}, "几 before a unit"},
		{"数百人", []want{{"数百", 100, "数", BoundRange, "vague"}}, "数 before a unit is like 几"},
		{"上百家企业", []want{{"上百", 100, "上", BoundLower, "vague"}}, "上百 is a hundred or more"},
		{"成千上万的群众", []want{{"成千上万", 1000, "", BoundLower, "vague"}}, "a number word from data/number_words.tsv"},
		{"3至5人", []want{{"3至5", 3, "", BoundRange, "range"}}, "至 joins a range"},
		{"3-5人", []want{{"3-5", 3, "", BoundRange, "range"}}, "a hyphen joins a range"},
		{"3～5天", []want{{"3～5", 3, "", BoundRange, "range"}}, "a full-width tilde joins a range"},
		{"3到5万元", []want{{"3到5万", 30000, "", BoundRange, "range"}}, "the multiplier applies to both ends"},
		{"2024-2025年", []want{{"2024-2025", 2024, "", BoundRange, "range"}}, "a range of years"},
		{"2024-01-05", []want{{"2024", 2024, "", exact, ""}, {"01", 1, "", exact, ""}, {"05", 5, "", exact, ""}}, "a date is not a range"},
		{"2024年", []want{{"2024", 2024, "", exact, ""}}, "a year is a number; the caller decides"},
		{"第18期", []want{{"18", 18, "", exact, "ordinal"}}, "第 makes an ordinal"},
		{"电话13912345678", []want{{"13912345678", 13912345678, "", exact, "code"}}, "a mobile number is a code"},
		{"0571888888", []want{{"0571888888", 571888888, "", exact, "code"}}, "a leading zero makes a code"},
		{"1/6", []want{{"1/6", 1.0 / 6, "", exact, "fraction"}}, "a slash fraction"},
		{"v1.2.3版", []want{{"1.2.3", 1.2, "", exact, "version"}}, "a version"},
		{"增长1.2倍", []want{{"1.2", 1.2, "", exact, ""}}, "a decimal"},
		{"占5%", []want{{"5%", 5, "", exact, "percent"}}, "percent sign"},
		{"提高3个百分点", []want{{"3个百分点", 3, "", exact, "percent point"}}, "percentage points"},
		{"达百分之八十", []want{{"百分之八十", 80, "", exact, "percent"}}, "百分之"},
		{"八成以上", []want{{"八成", 80, "", exact, "percent"}}, "成 is tenths; 以上 is left to SuffixApprox"},
		{"建成3个", []want{{"3", 3, "", exact, ""}}, "建成 is a verb"},
		{"三分之一的村", []want{{"三分之一", 1.0 / 3, "", exact, "fraction"}}, "Chinese fraction"},
		{"一起学习", nil, "一起 is a word"},
		{"进一步加强", nil, "进一步 is a word"},
		{"其中之一", nil, "之一 is a word"},
		{"百分之一", []want{{"百分之一", 1, "", exact, "percent"}}, "之一 does not cover the whole percent"},
		{"千万不要", nil, "千万 as an adverb"},
		{"投资千万元", []want{{"千万", 1e7, "", exact, ""}}, "千万 as a number"},
		{"老百姓", nil, "a bare 百 is not a number"},
		{"50千克", []want{{"50", 50, "", exact, ""}}, "千克 is a unit, not 千"},
		{"十分重要", nil, "十分 is an adverb"},
		{"两会期间", nil, "两会 is a word"},
		{"一个民族团结", []want{{"一", 1, "", exact, ""}}, "一 before a measure word is a count"},
		{"一万零五百人", []want{{"一万零五百", 10500, "", exact, ""}}, "a Chinese numeral in text"},
		{"二〇二四年", []want{{"二〇二四", 2024, "", exact, ""}}, "a year written digit by digit"},
		{"1, 234", []want{{"1", 1, "", exact, ""}, {"234", 234, "", exact, ""}}, "a comma and a space make a list"},
		{"共有3.5万人", []want{{"3.5万", 35000, "", exact, ""}}, "a decimal with a multiplier"},
		{"队伍", nil, "伍 alone is a word character"},
		{"约3000人", []want{{"3000", 3000, "", exact, ""}}, "约 is a prefix marker, found by PrefixApprox"},
		{"见 http://a.cn/x?id=30%25 页", nil, "numbers inside URLs are skipped"},
		{"负3.9%", []want{{"负3.9%", -3.9, "", exact, "percent"}}, "negative percent"},
		{"COVID-19", []want{{"19", 19, "", exact, ""}}, "a hyphen after a letter is not a minus"},
		{"A20210721", []want{{"20210721", 20210721, "", exact, "code"}}, "digits glued to a letter are a code"},
	}
	for _, tt := range tests {
		got := Scan([]rune(tt.text))
		if len(got) != len(tt.want) {
			t.Errorf("Scan(%q) (%s): got %d numbers %v, want %d", tt.text, tt.reason, len(got), texts(got), len(tt.want))
			continue
		}
		for k, w := range tt.want {
			g := got[k]
			if g.Text != w.text || !close(g.Value, w.value) || g.Approx != w.approx || g.Bound != w.bound || flagsOf(g) != w.flags {
				t.Errorf("Scan(%q) #%d = %q %v approx %q bound %s flags %q; want %q %v %q %s %q (%s)",
					tt.text, k, g.Text, g.Value, g.Approx, g.Bound, flagsOf(g), w.text, w.value, w.approx, w.bound, w.flags, tt.reason)
			}
			if string([]rune(tt.text)[g.Start:g.End]) != g.Text {
				t.Errorf("Scan(%q) #%d: span [%d,%d) does not map back to %q", tt.text, k, g.Start, g.End, g.Text)
			}
		}
	}
}

func texts(nums []Number) []string {
	var out []string
	for _, n := range nums {
		out = append(out, n.Text)
	}
	return out
}

func TestScanBounds(t *testing.T) {
	tests := []struct {
		text      string
		low, high float64
		reason    string
	}{
		{"720余", 720, math.Inf(1), "a lower bound is open above"},
		{"三四十", 30, 40, "a pair of digits gives both ends"},
		{"二十几万", 200000, 290000, "几 after 十 is 0 to 9"},
		{"几百万", 1e6, 9e6, "几 before 百 is 1 to 9"},
		{"3到5万", 30000, 50000, "a range keeps both ends"},
		{"一两个", 1, 2, "一两 is one or two"},
	}
	for _, tt := range tests {
		got := Scan([]rune(tt.text))
		if len(got) != 1 {
			t.Errorf("Scan(%q): got %v, want one number (%s)", tt.text, texts(got), tt.reason)
			continue
		}
		if got[0].Low != tt.low || got[0].High != tt.high {
			t.Errorf("Scan(%q): Low, High = %v, %v; want %v, %v (%s)", tt.text, got[0].Low, got[0].High, tt.low, tt.high, tt.reason)
		}
	}
}

func TestScanKind(t *testing.T) {
	tests := []struct {
		text   string
		kind   Kind
		reason string
	}{
		{"720余", KindArabic, "an inner marker does not change the script"},
		{"3.5万", KindMixed, "Arabic digits and a Chinese unit"},
		{"十五", KindChinese, "Chinese only"},
		{"百分之2.4", KindMixed, "百分之 around Arabic digits"},
	}
	for _, tt := range tests {
		got := Scan([]rune(tt.text))
		if len(got) != 1 || got[0].Kind != tt.kind {
			t.Errorf("Scan(%q): got %v, want one %s numeral (%s)", tt.text, got, tt.kind, tt.reason)
		}
	}
}

func TestApproxHelpers(t *testing.T) {
	tests := []struct {
		text       string
		numeral    string
		prefix     string
		suffix     string
		suffixFrom string // when set, the suffix is looked for after this text (the measure word)
		bound      Bound
		reason     string
	}{
		{"约3000人", "3000", "约", "", "", BoundAbout, "约 before the number"},
		{"将近3000人", "3000", "将近", "", "", BoundUpper, "the longest prefix wins over 近"},
		{"超过 50家", "50", "超过", "", "", BoundLower, "spaces between marker and number"},
		{"100人以上", "100", "", "以上", "人", BoundLower, "the suffix after the measure word"},
		{"50%左右", "50%", "", "左右", "", BoundAbout, "the suffix right after the number"},
		{"不足10个", "10", "不足", "", "", BoundUpper, "不足 is at most"},
	}
	for _, tt := range tests {
		text := []rune(tt.text)
		nums := Scan(text)
		if len(nums) != 1 || nums[0].Text != tt.numeral {
			t.Errorf("Scan(%q) = %v, want %q", tt.text, texts(nums), tt.numeral)
			continue
		}
		num := nums[0]
		marker, markerStart := PrefixApprox(text, num.Start)
		if marker != tt.prefix {
			t.Errorf("PrefixApprox(%q) = %q, want %q (%s)", tt.text, marker, tt.prefix, tt.reason)
		}
		if marker != "" && string(text[markerStart:markerStart+len([]rune(marker))]) != marker {
			t.Errorf("PrefixApprox(%q): start %d does not hold %q", tt.text, markerStart, marker)
		}
		end := num.End + len([]rune(tt.suffixFrom))
		suffix, suffixEnd := SuffixApprox(text, end)
		if suffix != tt.suffix {
			t.Errorf("SuffixApprox(%q) = %q, want %q (%s)", tt.text, suffix, tt.suffix, tt.reason)
		}
		if suffix != "" && string(text[suffixEnd-len([]rune(suffix)):suffixEnd]) != suffix {
			t.Errorf("SuffixApprox(%q): end %d does not close %q", tt.text, suffixEnd, suffix)
		}
		found := marker
		if found == "" {
			found = suffix
		}
		if bound, ok := ApproxBound(found); !ok || bound != tt.bound {
			t.Errorf("ApproxBound(%q) = %s, %v; want %s (%s)", found, bound, ok, tt.bound, tt.reason)
		}
	}
}
