package clean

import (
	"strings"
	"testing"
)

// TestPositionalRules: each case is a small page; want lists lines that must
// be removed, keep lines that must survive.
func TestPositionalRules(t *testing.T) {
	paragraph := "全县开展宣传活动697场次，受教育群众55373人次，覆盖全部行政村和社区。"
	last := "下一步，我们将继续深化民族团结进步创建工作，推动各项任务落地见效。"
	cases := []struct {
		name, text   string
		remove, keep []string
		title        string
		reason       string
	}{
		{
			name: "glued headlines",
			text: "标题一则-某某网\n\n某某县开展民族团结宣传月活动\n某某县开展民族团结宣传月活动沙特2020年财政支出预计达2720亿美元年内已出台19条开放措施金融开放政策加速落地阿富汗南部发生两起爆炸导致14人死亡\n搜索\n首页\n来源：某某网\n" +
				paragraph + "\n" + last + "\n",
			remove: []string{"2720亿美元"},
			keep:   []string{paragraph, last},
			reason: "a long line of headlines without commas or full stops is no prose, so it falls in the header",
		},
		{
			name:   "trailing link list",
			text:   paragraph + "\n" + last + "\n热帖\n这些美出天际的公路 你走过吗？\n这是浙江最美的7个秋游地\n隐藏在浙江15个绝美古村落\n从高点降价700元！飞天茅台供货，黄牛慌了\n宁波联合检查培训机构 开出6张停办通知书\n网站地图\n",
			remove: []string{"7个秋游地", "15个绝美", "700元", "6张停办"},
			keep:   []string{paragraph, last},
			reason: "four and more short headlines after the last paragraph are a link list, even with ? and ! in them",
		},
		{
			name:   "short closing line",
			text:   paragraph + "\n" + last + "\n一座城市，有历史，有文化，还有勇于创新的精神！\n好文\n钦佩\n喜欢\n分享到：\n新浪微博\n这是浙江最美的7个秋游地\n隐藏在浙江15个绝美古村落\n宁波联合检查培训机构开出6张停办通知书\n外卖骑手成高危职业两外卖平台设弹性时间\n版权所有\n",
			remove: []string{"7个秋游地", "6张停办"},
			keep:   []string{"一座城市，有历史，有文化，还有勇于创新的精神！"},
			reason: "a short last line that toolbars separate from the link list below is the text's, not the list's",
		},
		{
			name:   "stranded footer notice",
			text:   paragraph + "\n" + last + "\n扫一扫在手机打开当前页面\n首页\n网站地图\nhttp://www.example.gov.cn\n版权所有：某某省人民政府\n某某省人民政府网提示：使用大于1366*768分辨率的浏览器可以获得最佳浏览效果！\n",
			remove: []string{"网提示", "版权所有"},
			keep:   []string{last},
			reason: "a short prose-shaped notice below site chrome belongs to the footer",
		},
		{
			name:   "page title headline",
			text:   "疫情防控常态化下，长春市的新经济之路_宁波频道_凤凰网\n首页\n资讯\n视频\n疫情防控常态化下，长春市的新经济之路\n2020年09月11日 18:05\n宁波频道图片新闻精选\n来源：商讯\n" + paragraph + "\n" + last + "\n",
			remove: []string{"_宁波频道_凤凰网", "资讯", "视频", "图片新闻精选"},
			keep:   []string{paragraph},
			title:  "疫情防控常态化下，长春市的新经济之路",
			reason: "the line repeating the page title's headline part is the title; the joined page title and menus before it go",
		},
		{
			name:   "dash subtitle",
			text:   "2026年某某市政府工作报告\n来源URL: https://example.org/a.html\n打印\n2026年某某市政府工作报告\n——2026年1月26日在某某市第十八届人民代表大会第四次会议上\n来源：某某日报\n各位代表：\n" + paragraph + "\n",
			keep:   []string{"——2026年1月26日在某某市第十八届人民代表大会第四次会议上", paragraph},
			reason: "a ——-led subtitle in the header is the document's, not the site's",
		},
		{
			name:   "wrapped bracket",
			text:   paragraph + "\n（\n三）改革开放持续深化、互促共进。\n" + paragraph + "\n",
			keep:   []string{"（\n三）"},
			reason: "a lone opening bracket before prose is a wrapped line, not markup",
		},
		{
			name:   "lone closing bracket",
			text:   paragraph + "\n【字体：\n大\n中\n小\n】\n" + paragraph + "\n",
			remove: []string{"】"},
			reason: "a lone closing bracket is still markup",
		},
	}
	for _, c := range cases {
		d := Process(c.text, Options{})
		checkInvariants(t, d)
		clean := ""
		for _, b := range d.Bulletins {
			clean += d.CleanText(b) + "\n"
		}
		for _, w := range c.remove {
			if strings.Contains(clean, w) {
				t.Errorf("%s (%s): kept %q in\n%s", c.name, c.reason, w, clean)
			}
		}
		for _, w := range c.keep {
			if !strings.Contains(clean, w) {
				t.Errorf("%s (%s): lost %q from\n%s", c.name, c.reason, w, clean)
			}
		}
		if c.title != "" {
			if len(d.Bulletins) == 0 || d.Bulletins[0].Title == nil || d.Bulletins[0].Title.Text != c.title {
				t.Errorf("%s (%s): title %+v, want %q", c.name, c.reason, d.Bulletins[0].Title, c.title)
			}
		}
	}
}

func TestProseShape(t *testing.T) {
	cases := []struct {
		line   string
		prose  bool
		reason string
	}{
		{"全县开展宣传活动697场次，受教育群众55373人次。", true, "a sentence with a full stop"},
		{"疫情防控常态化下，长春市的新经济之路_宁波频道_凤凰网", false, "two _ joints: a page title"},
		{"大半夜在贵州嗦粉是种什么体验？吃完不怕冻！贵州人冬天必不可少的美食大雪雪盛情深我家的审计三十年一家四代百年传承探访多伦马具博物馆百米高空他们用这种方式保护长江", false, "seventy Han with two stops and no full stop: glued headlines"},
		{"行政管理专业本科生支部正式党员汪湛说：“我在《习近平与大学生朋友们》这本书中深切地感受到了习近平总书记对我们青年的关怀与期待。", true, "a long clause is prose when a full stop ends it"},
		{"15.以色列宣布解除南部地区民防应急状态 巴方称以军仍在袭击加沙地带 联合国机构报告显示巴以冲突致加沙地带经济下降近九成；", true, "a list item closed by ； is a statement"},
	}
	for _, c := range cases {
		norm := []rune(NormalizeString(c.line, Options{}))
		if got := measure(norm, 0, len(norm), nil).prose(); got != c.prose {
			t.Errorf("%s: prose(%q) = %v", c.reason, c.line, got)
		}
	}
}

func TestMastheadSplit(t *testing.T) {
	text := "工作简报\n第5期\n某某县民族团结办公室编  2024年3月15日\n全县开展宣传活动697场次，受教育群众55373人次。\n\n" +
		"工作简报\n第6期\n某某县民族团结办公室编  2024年4月15日\n全县组织培训12期，培训干部800人次。\n"
	d := Process(text, Options{})
	checkInvariants(t, d)
	if len(d.Bulletins) != 2 {
		t.Fatalf("a repeated masthead with issues 5 and 6 should give two bulletins, got %d", len(d.Bulletins))
	}
	for i, want := range []struct{ issue, date, text string }{{"5", "2024-03-15", "697场次"}, {"6", "2024-04-15", "800人次"}} {
		b := d.Bulletins[i]
		if b.Issue == nil || b.Issue.Value != want.issue {
			t.Errorf("bulletin %d issue %+v, want %s", i, b.Issue, want.issue)
		}
		if b.Date == nil || b.Date.Value != want.date {
			t.Errorf("bulletin %d date %+v, want %s", i, b.Date, want.date)
		}
		if b.Issuer == nil || b.Issuer.Text != "某某县民族团结办公室" {
			t.Errorf("bulletin %d issuer %+v, want the unit before 编", i, b.Issuer)
		}
		if !strings.Contains(d.CleanText(b), want.text) {
			t.Errorf("bulletin %d lacks %s", i, want.text)
		}
	}
	// One masthead, one issue: no split.
	single := Process("工作简报\n第5期\n全县开展宣传活动697场次。\n工作简报的编写要求如下。\n", Options{})
	if len(single.Bulletins) != 1 {
		t.Errorf("one issue number should give one bulletin, got %d", len(single.Bulletins))
	}
	// Same issue twice (a masthead reprinted on each page): no split.
	same := Process("工作简报\n第5期\n全县开展宣传活动697场次。\n工作简报\n第5期\n受教育群众55373人次。\n", Options{})
	if len(same.Bulletins) != 1 {
		t.Errorf("the same issue number twice should give one bulletin, got %d", len(same.Bulletins))
	}
}

func TestIssuer(t *testing.T) {
	body := "全县开展宣传活动697场次，受教育群众55373人次，覆盖全部行政村和社区。\n"
	cases := []struct {
		text, want, reason string
	}{
		{"工作简报\n某某县民族团结办公室编\n" + body, "某某县民族团结办公室", "unit then 编 in the masthead"},
		{"工作简报\n第3期  某某市教育局主办  2024年3月15日\n" + body, "某某市教育局", "unit then 主办 among other masthead parts"},
		{"工作简报\n编印：某某县委宣传部\n" + body, "某某县委宣传部", "labelled 编印："},
		{"工作简报\n" + body + "某某县农业农村局办公室\n2024年3月15日\n", "某某县农业农村局办公室", "signature: unit line, then date line"},
		{"工作简报\n" + body + "某某县农业农村局办公室 2024年3月15日\n", "某某县农业农村局办公室", "signature: unit and date on one line"},
		{"工作简报\n" + body, "", "not written: no guess"},
		{"工作简报\n主编：张三\n" + body, "", "a person's name is no unit"},
	}
	for _, c := range cases {
		d := Process(c.text, Options{})
		checkInvariants(t, d)
		got := ""
		if b := d.Bulletins[0]; b.Issuer != nil {
			got = b.Issuer.Text
			if string(d.Text[b.Issuer.Start:b.Issuer.End]) != got {
				t.Errorf("%s: issuer span does not map to its text", c.reason)
			}
		}
		if got != c.want {
			t.Errorf("%s: issuer %q, want %q", c.reason, got, c.want)
		}
	}
}

// TestCorpusNewsPageEnds: the headline list glued into the xinhuanet page
// goes, the article's last paragraph stays; the same for other scraped
// pages whose footers carry link lists and notices.
func TestCorpusNewsPageEnds(t *testing.T) {
	cases := []struct {
		file         string
		remove, keep []string
	}{
		{"messy_html_gne/xinhuanet_1_visibletext.txt",
			[]string{"沙特2020年财政支出预计达2720亿美元", "年内已出台19条开放措施", "阿富汗南部发生两起爆炸导致14人死亡", "5万名大一新生体检结果", "四川一明代古墓出土500年前鸡蛋"},
			[]string{"目标是逐步将目前法国各行业的42种退休制度合并成一个统一方案", "新华社巴黎12月9日电"}},
		{"messy_html_gne/ifeng_3_visibletext.txt",
			[]string{"_宁波频道_凤凰网", "这是浙江最美的7个秋游地", "74家中介承诺不骚扰", "开出6张停办通知书"},
			[]string{"它就是长春！", "还有李静、吉杰、大左等明星主播和100余名主播"}},
		{"messy_html_gne/shanxi_1_visibletext.txt",
			[]string{"分辨率", "领导动态"},
			[]string{"南美站活动将先后在巴西、乌拉圭、阿根廷举行", "成功举办中国（山西）－巴西双向经贸投资推介会"}},
	}
	for _, c := range cases {
		d := Process(readCorpus(t, c.file), Options{})
		checkInvariants(t, d)
		clean := ""
		for _, b := range d.Bulletins {
			clean += d.CleanText(b) + "\n"
		}
		for _, w := range c.remove {
			if strings.Contains(clean, w) {
				t.Errorf("%s: kept %q", c.file, w)
			}
		}
		for _, w := range c.keep {
			if !strings.Contains(clean, w) {
				t.Errorf("%s: lost %q", c.file, w)
			}
		}
	}
}
