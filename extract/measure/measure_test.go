package measure

import "testing"

func TestDefaultParses(t *testing.T) {
	lex := Default()
	if len(lex.Words()) < 50 {
		t.Fatalf("lexicon has %d words, want the full list", len(lex.Words()))
	}
}

func TestMatchPrefixLongestWins(t *testing.T) {
	lex := Default()
	cases := []struct {
		text, want, category string
		reason               string
	}{
		{"人次，", "人次", "person_time", "人次 is person-times, not persons"},
		{"人参加", "人", "person", "a bare 人 is persons"},
		{"场次", "场次", "event", "场次 before 场"},
		{"条次", "条次", "composite", "composite words are their own category"},
		{"平方公里", "平方公里", "area", "longest of 平方米/平方公里"},
		{"个百分点", "个百分点", "rate_point", "percentage points are not percents"},
		{"%", "%", "rate", "percent sign"},
	}
	for _, c := range cases {
		w, ok := lex.MatchPrefix([]rune(c.text), 0)
		if !ok || w.Word != c.want || w.Category != c.category {
			t.Errorf("MatchPrefix(%q) = %q/%q, want %q/%q (%s)", c.text, w.Word, w.Category, c.want, c.category, c.reason)
		}
	}
	if _, ok := lex.MatchPrefix([]rune("年"), 0); ok {
		t.Errorf("年 is not a measure word of counts")
	}
}

func TestParseRejectsBadLines(t *testing.T) {
	for _, bad := range []string{"人\tperson\t人", "人\tperson\t人\tx", "人\tperson\t人\t1\n人\tperson\t人\t1"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) accepted a bad lexicon", bad)
		}
	}
}

func TestConversionFactors(t *testing.T) {
	lex := Default()
	w, _ := lex.Lookup("公里")
	if w.Canonical != "米" || w.Factor != 1000 {
		t.Errorf("公里 = %v, want 1000 米", w)
	}
}
