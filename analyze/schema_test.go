package analyze

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/bulletin-tool/bulletin/internal/testutil"
)

const schemaFile = "docs/summary.schema.json"

func readSchema(t *testing.T) (string, map[string]any) {
	t.Helper()
	root, err := testutil.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(root, schemaFile)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatalf("%s: %v", schemaFile, err)
	}
	return path, schema
}

// jsonFields lists, per struct type reachable from Summary, its JSON field names.
func jsonFields(t reflect.Type, out map[string][]string) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || out[t.Name()] != nil {
		return
	}
	out[t.Name()] = []string{}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		out[t.Name()] = append(out[t.Name()], name)
		jsonFields(f.Type, out)
	}
}

// TestSchemaListsEveryField keeps docs/summary.schema.json and the Go types
// from drifting: each struct's JSON fields are the properties of its
// definition (Summary's of the root), no more, no fewer.
func TestSchemaListsEveryField(t *testing.T) {
	_, schema := readSchema(t)
	fields := map[string][]string{}
	jsonFields(reflect.TypeOf(Summary{}), fields)
	defs, _ := schema["$defs"].(map[string]any)
	for typeName, names := range fields {
		var object map[string]any
		if typeName == "Summary" {
			object = schema
		} else if d, ok := defs[typeName].(map[string]any); ok {
			object = d
		} else {
			t.Errorf("%s: no $defs/%s", schemaFile, typeName)
			continue
		}
		props, _ := object["properties"].(map[string]any)
		for _, name := range names {
			if _, ok := props[name]; !ok {
				t.Errorf("%s: %s.%s is missing", schemaFile, typeName, name)
			}
		}
		for name := range props {
			if !contains(names, name) {
				t.Errorf("%s: %s.%s is not a field of the Go type", schemaFile, typeName, name)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestSummaryValidatesAgainstSchema validates a real summary with Python's
// jsonschema when it is installed.
func TestSummaryValidatesAgainstSchema(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is absent")
	}
	if exec.Command(python, "-c", "import jsonschema").Run() != nil {
		t.Skip("python3 jsonschema is absent")
	}
	path, _ := readSchema(t)
	file := filepath.Join(t.TempDir(), "summary.json")
	if err := os.WriteFile(file, encode(t, analyzeFixture(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	script := `import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
jsonschema.Draft202012Validator(schema).validate(json.load(open(sys.argv[2])))`
	if out, err := exec.Command(python, "-c", script, path, file).CombinedOutput(); err != nil {
		t.Errorf("summary does not validate against %s: %v\n%s", schemaFile, err, out)
	}
}
