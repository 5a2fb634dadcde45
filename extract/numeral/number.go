package numeral

// Kind says which script a numeral is written in.
type Kind string

const (
	KindArabic  Kind = "arabic"  // 1,234 3.5 １２３
	KindChinese Kind = "chinese" // 一千二百 壹贰叁 二〇二四
	KindMixed   Kind = "mixed"   // 3.5万 1万2千
)

// Bound says what an approximate number means. The strings are those of extract.Bound*.
type Bound string

const (
	BoundExact Bound = "exact"
	BoundLower Bound = "lower" // at least: 余 多 以上 超过 逾
	BoundUpper Bound = "upper" // at most: 近 不到 不足 以内
	BoundAbout Bound = "about" // 约 左右 来
	BoundRange Bound = "range" // 3至5, 三四十, 十几
)

// Number is one numeral found in text or parsed from a string.
//
// Value is the number as written; for ranges and vague numbers (三四十, 十几, 3至5万)
// it is Low. Low and High bound the true value: both equal Value for exact numbers,
// High is +Inf for lower bounds (720余) and Low is -Inf for upper bounds. Percent
// numbers keep their value in percent (百分之八十 and 80% are 80, 千分之三 is 0.3).
type Number struct {
	Start, End int // rune offsets into the scanned text, [Start, End)
	Text       string
	Value      float64
	Low, High  float64
	Kind       Kind
	// Approx is the inner marker as written (余 多 来 几 上), "" when there is none;
	// prefix and suffix markers (约, 以上) are found with PrefixApprox and SuffixApprox.
	Approx string
	Bound  Bound
	// Multiplier is the last 万/亿 applied (3.5万 → 1e4), 1 when there is none.
	Multiplier float64

	Percent      bool // 5% 百分之五 八成 九折 3个百分点
	PercentPoint bool // 3个百分点: a difference of percentages
	Range        bool // 3至5 2024-2025 三四十
	Vague        bool // 十几 几十 数百 上百 成千上万 三四十
	Ordinal      bool // preceded by 第
	Code         bool // phone-like digit runs and digits glued to Latin letters: not a quantity
	Fraction     bool // 1/6 三分之一
	Version      bool // v1.2.3 1.2.3
}
