package numeral

import (
	"errors"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		input  string
		want   float64
		reason string
	}{
		{"1,234", 1234, "thousands separators"},
		{"1，234", 1234, "full-width comma as a separator"},
		{"1,234.56", 1234.56, "separators and decimals"},
		{"１２３", 123, "full-width digits"},
		{"一千二百", 1200, "units"},
		{"两万", 20000, "两 as a digit"},
		{"二〇二四", 2024, "digit by digit with 〇"},
		{"二零二四", 2024, "digit by digit with 零"},
		{"十五万", 150000, "leading 十 without a digit"},
		{"一万零五百", 10500, "零 for the skipped thousands"},
		{"十", 10, "bare 十"},
		{"百", 100, "bare 百 is a numeral when it is the whole string"},
		{"千万", 1e7, "units multiply"},
		{"亿", 1e8, "bare 亿"},
		{"万亿", 1e12, "万亿 compounds"},
		{"四万万", 4e8, "万万 compounds"},
		{"壹贰叁", 123, "financial digits, digit by digit"},
		{"壹仟贰佰", 1200, "financial units"},
		{"廿三", 23, "廿 is twenty"},
		{"卅", 30, "卅 is thirty"},
		{"3.5万", 35000, "decimal with a multiplier"},
		{"1.2亿", 1.2e8, "decimal with 亿"},
		{"1万2千", 12000, "mixed digits and units"},
		{"2千万", 2e7, "Arabic digit before 千万"},
		{"三万五", 35000, "spoken form: the last digit takes the next lower unit"},
		{"一百二", 120, "spoken form after 百"},
		{"百分之八十", 80, "percent value in percent"},
		{"八成", 80, "成 is tenths"},
		{"5%", 5, "percent sign"},
		{"5％", 5, "full-width percent sign"},
		{"千分之三", 0.3, "per mille in percent"},
		{"三点五", 3.5, "Chinese decimal point"},
		{"负三点五", -3.5, "negative"},
		{"三分之一", 1.0 / 3, "fraction"},
		{"1/4", 0.25, "slash fraction"},
		{"壹拾壹元壹角壹分", 11.11, "money with 角 and 分"},
		{"三四十", 30, "a vague range gives its low end"},
		{"3至5万", 30000, "the multiplier of the high end applies to the low end"},
		{"720余", 720, "余 keeps the written value"},
	}
	for _, tt := range tests {
		got, err := Parse(tt.input)
		if err != nil {
			t.Errorf("Parse(%q) (%s): %v", tt.input, tt.reason, err)
			continue
		}
		if !close(got, tt.want) {
			t.Errorf("Parse(%q) = %v, want %v (%s)", tt.input, got, tt.want, tt.reason)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		input  string
		strict bool
		reason string
	}{
		{"", false, "empty"},
		{"点五", false, "no integer before 点"},
		{"零点", false, "no digit after 点"},
		{"10.1万零100", false, "nothing but a larger unit may follow a decimal and its unit"},
		{"五千克", false, "千克 is a unit of weight: only 五 is a numeral"},
		{"十一十二", false, "units out of order"},
		{"abc", false, "not a numeral"},
		{"一一", true, "strict: no digit-by-digit numerals"},
		{"三万五", true, "strict: no spoken forms"},
		{"一百十一", true, "strict: 十 needs its digit after 百"},
		{"十万零一千", true, "strict: 零 only before a number below 1000"},
		{"壹拾壹元", true, "strict: 元 needs 整 or 角分"},
		{"3", true, "strict: no Arabic digits"},
	}
	for _, tt := range tests {
		_, err := ParseNumber(tt.input, ParseOptions{Strict: tt.strict})
		if err == nil {
			t.Errorf("ParseNumber(%q, strict=%v) succeeded, want an error (%s)", tt.input, tt.strict, tt.reason)
			continue
		}
		if !errors.Is(err, ErrNotNumeral) {
			t.Errorf("ParseNumber(%q): error %v does not wrap ErrNotNumeral", tt.input, err)
		}
	}
}

func TestParseNumberDetails(t *testing.T) {
	tests := []struct {
		input   string
		percent bool
		kind    Kind
		bound   Bound
		reason  string
	}{
		{"百分之八十", true, KindChinese, BoundExact, "百分之 makes a percent"},
		{"八成", true, KindChinese, BoundExact, "成 makes a percent"},
		{"3.5万", false, KindMixed, BoundExact, "Arabic digits with a Chinese unit are mixed"},
		{"1,234", false, KindArabic, BoundExact, "Arabic only"},
		{"三十多", false, KindChinese, BoundLower, "多 is a lower bound"},
		{"十来", false, KindChinese, BoundAbout, "来 is about"},
		{"十几", false, KindChinese, BoundRange, "几 is a vague range"},
	}
	for _, tt := range tests {
		num, err := ParseNumber(tt.input, ParseOptions{})
		if err != nil {
			t.Errorf("ParseNumber(%q): %v", tt.input, err)
			continue
		}
		if num.Percent != tt.percent || num.Kind != tt.kind || num.Bound != tt.bound {
			t.Errorf("ParseNumber(%q) = percent %v kind %s bound %s, want %v %s %s (%s)",
				tt.input, num.Percent, num.Kind, num.Bound, tt.percent, tt.kind, tt.bound, tt.reason)
		}
	}
}

func TestFormatChinese(t *testing.T) {
	tests := []struct {
		n      int64
		want   string
		reason string
	}{
		{0, "零", "zero"},
		{10, "十", "a leading 十 drops its 一"},
		{15, "十五", "teens"},
		{110, "一百一十", "十 keeps its 一 after a larger unit"},
		{10500, "一万零五百", "零 for the skipped thousands"},
		{101000, "十万一千", "no 零 when the lower section has its thousands"},
		{100000001, "一亿零一", "one 零 for several skipped units"},
		{3500000000000, "三万五千亿", "the part above 亿 has its own 万"},
		{-12, "负十二", "negative"},
	}
	for _, tt := range tests {
		if got := FormatChinese(tt.n); got != tt.want {
			t.Errorf("FormatChinese(%d) = %q, want %q (%s)", tt.n, got, tt.want, tt.reason)
		}
	}
}
