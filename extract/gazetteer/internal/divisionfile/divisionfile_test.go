package divisionfile

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

var sample = []Record{
	{Code: "650421101", Parent: "650421", Level: LevelTownship, Name: "七克台镇"},
	{Code: "65", Level: LevelProvince, Name: "新疆维吾尔自治区"},
	{Code: "650421", Parent: "6504", Level: LevelCounty, Name: "鄯善县"},
	{Code: "6504", Parent: "65", Level: LevelPrefecture, Name: "吐鲁番市"},
}

func TestEncodeIsDeterministic(t *testing.T) {
	first, err := EncodeToBytes(sample)
	if err != nil {
		t.Fatal(err)
	}
	shuffled := slices.Clone(sample)
	slices.Reverse(shuffled)
	second, err := EncodeToBytes(shuffled)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Error("the same records in another order gave other bytes")
	}
	// gzip header: bytes 4..7 are the modification time, flag byte 3 says
	// whether a file name follows; both must be empty.
	if first[3] != 0 || !bytes.Equal(first[4:8], []byte{0, 0, 0, 0}) {
		t.Errorf("gzip header carries a name or time: % x", first[:10])
	}
}

func TestRoundTrip(t *testing.T) {
	encoded, err := EncodeToBytes(sample)
	if err != nil {
		t.Fatal(err)
	}
	decoded, err := Decode(bytes.NewReader(encoded))
	if err != nil {
		t.Fatal(err)
	}
	want := slices.Clone(sample)
	slices.SortFunc(want, func(a, b Record) int { return compareCodes(a.Code, b.Code) })
	if !slices.Equal(decoded, want) {
		t.Errorf("round trip = %v, want %v", decoded, want)
	}
}

func compareCodes(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestEncodeRejects(t *testing.T) {
	cases := []struct {
		records []Record
		reason  string
	}{
		{[]Record{{Code: "65", Level: 1, Name: "新疆"}, {Code: "65", Level: 1, Name: "新疆"}}, "duplicate code"},
		{[]Record{{Code: "65", Level: 1, Name: "新\t疆"}}, "tab in a name would shift the columns"},
		{[]Record{{Code: "65", Level: 1, Name: ""}}, "empty name"},
	}
	for _, c := range cases {
		if _, err := EncodeToBytes(c.records); err == nil {
			t.Errorf("Encode accepted %v (%s)", c.records, c.reason)
		}
	}
}

func TestParseRejects(t *testing.T) {
	cases := []struct{ text, reason string }{
		{"code\tname\n", "wrong header"},
		{Header + "\n65\t\t1\n", "missing name column"},
		{Header + "\n65\t\t9\t新疆\n", "level out of range"},
		{Header + "\n66\t\t1\t青海\n65\t\t1\t新疆\n", "unsorted rows"},
	}
	for _, c := range cases {
		if _, err := Parse(c.text); err == nil {
			t.Errorf("Parse accepted %q (%s)", c.text, c.reason)
		}
	}
}

func TestReadChinaDivision(t *testing.T) {
	// A miniature of the npm package's dist/ folder, in its CSV dialect.
	dir := t.TempDir()
	files := map[string]string{
		"provinces.csv": "code,name\n65,\"新疆维吾尔自治区\"\n",
		"cities.csv":    "code,name,provinceCode\n6504,\"吐鲁番市\",65\n",
		"areas.csv":     "code,name,cityCode,provinceCode\n650421,\"鄯善县\",6504,65\n",
		"streets.csv":   "code,name,areaCode,provinceCode,cityCode\n650421101,\"七克台镇\",650421,65,6504\n",
		"villages.csv":  "code,name,streetCode,provinceCode,cityCode,areaCode\n650421101001,\"七克台村委会\",650421101,65,6504,650421\n",
	}
	if err := os.Mkdir(filepath.Join(dir, "dist"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, "dist", name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	records, err := ReadChinaDivision(dir, SourceOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := EncodeToBytes(records)
	want, _ := EncodeToBytes(sample)
	if !bytes.Equal(got, want) {
		t.Errorf("read %v, want %v", records, sample)
	}
	withVillages, err := ReadChinaDivision(filepath.Join(dir, "dist"), SourceOptions{Villages: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(withVillages) != 5 || withVillages[4].Level != LevelVillage || withVillages[4].Parent != "650421101" {
		t.Errorf("with villages: %v", withVillages)
	}
}
