package extract_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/bulletin-tool/bulletin/extract"
	"github.com/bulletin-tool/bulletin/internal/testutil"
)

// schemaNode is the part of a JSON Schema this test reads.
type schemaNode struct {
	Ref        string                 `json:"$ref"`
	Const      any                    `json:"const"`
	Type       any                    `json:"type"`
	Properties map[string]*schemaNode `json:"properties"`
	Required   []string               `json:"required"`
	Items      *schemaNode            `json:"items"`
	Defs       map[string]*schemaNode `json:"$defs"`
}

func loadRecordSchema(t *testing.T) (root *schemaNode, path string) {
	t.Helper()
	mod, err := testutil.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(mod, "docs", "record.schema.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	root = &schemaNode{}
	if err := json.Unmarshal(data, root); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return root, path
}

// resolve follows a local $ref ("#/$defs/name").
func (root *schemaNode) resolve(t *testing.T, n *schemaNode) *schemaNode {
	t.Helper()
	for n != nil && n.Ref != "" {
		name, ok := strings.CutPrefix(n.Ref, "#/$defs/")
		if !ok || root.Defs[name] == nil {
			t.Fatalf("unresolvable $ref %q", n.Ref)
		}
		n = root.Defs[name]
	}
	return n
}

// goFields lists the JSON paths of a struct type (quantities[].provenance.line)
// with whether each is omitted when empty.
func goFields(typ reflect.Type, prefix string, out map[string]bool) {
	for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice {
		typ = typ.Elem()
	}
	if typ.Kind() != reflect.Struct {
		return
	}
	for i := range typ.NumField() {
		f := typ.Field(i)
		tag := f.Tag.Get("json")
		name, opts, _ := strings.Cut(tag, ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		path := prefix + name
		out[path] = strings.Contains(opts, "omitempty")
		elem := f.Type
		if elem.Kind() == reflect.Slice {
			path += "[]"
		}
		goFields(elem, path+".", out)
	}
}

// schemaFields lists the JSON paths a schema node describes, with whether
// each is required.
func (root *schemaNode) schemaFields(t *testing.T, n *schemaNode, prefix string, out map[string]bool) {
	n = root.resolve(t, n)
	for name, prop := range n.Properties {
		path := prefix + name
		p := root.resolve(t, prop)
		out[path] = slices.Contains(n.Required, name)
		if p.Items != nil {
			path += "[]"
			p = root.resolve(t, p.Items)
		}
		if len(p.Properties) > 0 {
			root.schemaFields(t, p, path+".", out)
		}
	}
}

// TestRecordSchemaMatchesStruct keeps docs/record.schema.json and the Record
// struct in step: every JSON field of Record (recursively) is in the schema
// and every schema property is a field, fields always written are required
// and omitempty ones are not, and the schema's const names SchemaVersion.
func TestRecordSchemaMatchesStruct(t *testing.T) {
	root, path := loadRecordSchema(t)
	fromGo := map[string]bool{}
	goFields(reflect.TypeFor[extract.Record](), "", fromGo)
	fromSchema := map[string]bool{}
	root.schemaFields(t, root, "", fromSchema)

	var paths []string
	for p := range fromGo {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		required, ok := fromSchema[p]
		if !ok {
			t.Errorf("field %s of Record is not in %s", p, path)
			continue
		}
		if omitEmpty := fromGo[p]; required == omitEmpty {
			t.Errorf("%s: required=%v in the schema, but the Go field has omitempty=%v", p, required, omitEmpty)
		}
	}
	for p := range fromSchema {
		if _, ok := fromGo[p]; !ok {
			t.Errorf("schema property %s is no field of Record", p)
		}
	}
	if len(fromGo) < 50 {
		t.Errorf("only %d fields found by reflection: the walk is broken", len(fromGo))
	}
	schemaConst := root.resolve(t, root.Properties["schema"]).Const
	if schemaConst != extract.SchemaVersion {
		t.Errorf("schema const %v, want %q", schemaConst, extract.SchemaVersion)
	}
}

// validateScript validates each JSON line of argv[2] against the schema in
// argv[1] and prints one line per error.
const validateScript = `
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
errors = 0
for number, line in enumerate(open(sys.argv[2], encoding="utf-8"), 1):
    for e in validator.iter_errors(json.loads(line)):
        errors += 1
        print("line %d: %s: %s" % (number, "/".join(map(str, e.absolute_path)), e.message[:300]))
sys.exit(1 if errors else 0)
`

// TestRecordsValidateAgainstSchema extracts the bundled example archive and
// the bad-input set's readable files and validates every record with
// python3's jsonschema, when it is installed (.ci/run installs it).
func TestRecordsValidateAgainstSchema(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	if err := exec.Command(python, "-c", "import jsonschema").Run(); err != nil {
		t.Skip("python3 has no jsonschema module (apt-get install python3-jsonschema)")
	}
	_, schemaPath := loadRecordSchema(t)
	mod, _ := testutil.ModuleRoot()
	inputs, _ := extract.Discover([]string{filepath.Join(mod, "testdata", "example"), filepath.Join(mod, "testdata", "bad")}, extract.DiscoverOptions{})
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	records := 0
	err = x.Batch(context.Background(), inputs, extract.BatchOptions{}, func(r extract.Result) error {
		for i := range r.Records {
			records++
			if err := enc.Encode(&r.Records[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if records < 5 {
		t.Fatalf("only %d records from the example archive", records)
	}
	recordsPath := filepath.Join(t.TempDir(), "records.jsonl")
	if err := os.WriteFile(recordsPath, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, "-c", validateScript, schemaPath, recordsPath).CombinedOutput()
	if err != nil {
		t.Errorf("records do not validate against %s: %v\n%s", schemaPath, err, out)
	}
}
