package clean

import (
	"strings"
	"testing"
)

func TestDistributionFooterIsRemoved(t *testing.T) {
	text := "工作简报\n全县开展活动3场。参与群众达200人次。\n\n报：县委、县政府\n送：各乡镇党委\n抄送：县直各单位\n共印30份\n"
	d := Process(text, Options{})
	if len(d.Bulletins) != 1 {
		t.Fatalf("%d bulletins", len(d.Bulletins))
	}
	clean := d.CleanText(d.Bulletins[0])
	for _, leak := range []string{"报：", "送：", "抄送", "共印"} {
		if strings.Contains(clean, leak) {
			t.Errorf("distribution footer %q kept:\n%s", leak, clean)
		}
	}
	if !strings.Contains(clean, "参与群众达200人次。") {
		t.Errorf("prose lost:\n%s", clean)
	}
	// a heading that ends in 简报: is no distribution line
	d = Process("创建民族团结工作简报：\n全县开展活动3场。\n", Options{})
	if !strings.Contains(d.CleanText(d.Bulletins[0]), "工作简报") {
		t.Errorf("heading removed as distribution line")
	}
}
