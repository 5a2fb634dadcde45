package render

import "testing"

func TestFormatChineseNumber(t *testing.T) {
	for _, tc := range []struct {
		value  float64
		want   string
		reason string
	}{
		{0, "0", "zero"},
		{9999, "9999", "below 万 stays plain"},
		{10000, "1万", "exactly one 万"},
		{450000, "45万", "the brief's example"},
		{123456, "12.35万", "two decimals, rounded"},
		{99999999, "1亿", "rounding up to 10000万 reads as 1亿"},
		{123456789, "1.23亿", "亿 from 1e8"},
		{3.14159, "3.14", "small values keep two decimals"},
		{-25000, "-2.5万", "negative differences keep their sign"},
	} {
		if got := formatChineseNumber(tc.value); got != tc.want {
			t.Errorf("formatChineseNumber(%g) = %q, want %q (%s)", tc.value, got, tc.want, tc.reason)
		}
	}
}

func TestFormatChineseBounds(t *testing.T) {
	v := func(f float64) *float64 { return &f }
	for _, tc := range []struct {
		exact, low float64
		high       *float64
		want       string
		reason     string
	}{
		{450000, 450000, v(450000), "45万", "exact"},
		{450000, 450000, nil, "≥ 45万", "余: open above"},
		{450000, 0, v(450000), "≤ 45万", "不足: at most"},
		{450000, 440000, v(460000), "44万–46万", "约 or a range"},
	} {
		if got := formatChineseBounds(tc.exact, tc.low, tc.high); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.reason, got, tc.want)
		}
	}
}

func TestFormatChineseDate(t *testing.T) {
	for in, want := range map[string]string{
		"2024-03-05": "2024年3月5日", "2024-03": "2024年3月", "2024": "2024年", "去年": "去年",
	} {
		if got := formatChineseDate(in); got != want {
			t.Errorf("formatChineseDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLabels(t *testing.T) {
	if got := label("category", "person_time"); got != "人次" {
		t.Errorf("person_time label = %q", got)
	}
	if got := label("category", "no_such_category"); got != "no_such_category" {
		t.Errorf("an unknown key must show as itself, got %q", got)
	}
}
