package extract

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/bulletin-tool/bulletin/internal/testutil"
)

func unitNames(recs []Record) map[string]Unit {
	out := map[string]Unit{}
	for _, r := range recs {
		for _, u := range r.Units {
			out[u.Name] = u
		}
	}
	return out
}

func activityNames(recs []Record) map[string]bool {
	out := map[string]bool{}
	for _, r := range recs {
		for _, a := range r.Activities {
			out[a.Name] = true
		}
	}
	return out
}

// The seed names its county, towns, communities and a village; the towns
// roll up to 鄯善县 → 吐鲁番市 → 新疆维吾尔自治区, and the renamed 辟展乡 is
// today's 辟展镇.
func TestSeedUnits(t *testing.T) {
	shared := testutil.SharedDir(t)
	recs, err := extractorForTest(t).ExtractFile(Input{Path: filepath.Join(shared, "corpus", "seed", "000_315fdb9f15213726.txt")})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 {
		t.Fatalf("%d bulletins, want 2", len(recs))
	}
	units := unitNames(recs)
	for _, name := range []string{"鄯善县", "七克台镇", "连木沁镇", "鲁克沁镇", "辟展乡", "吐峪沟乡", "东巴扎", "鸿雁社区", "庭子路社区", "蝴蝶泉社区", "迪坎村"} {
		if _, ok := units[name]; !ok {
			t.Errorf("unit %s not found", name)
		}
	}
	// 鄯善镇 is named only in 鄯善镇滨沙社区: the community is the unit, and
	// the town, with its code, is its first parent
	community := ""
	for name := range units {
		if strings.HasSuffix(name, "滨沙社区") {
			community = name
		}
	}
	if community == "" {
		t.Fatalf("滨沙社区 not found")
	}
	if ps := units[community].Parents; len(ps) == 0 || ps[0].Name != "鄯善镇" || ps[0].Code != "650421100" {
		t.Errorf("%s has parents %v, want 鄯善镇 (650421100) first", community, ps)
	} else {
		units["鄯善镇"] = Unit{Name: "鄯善镇", Code: ps[0].Code, Parents: ps[1:]}
	}
	if u := units["辟展乡"]; u.Resolved != "辟展镇" || u.Code == "" {
		t.Errorf("辟展乡 resolved to %q (%s), want 辟展镇", u.Resolved, u.Code)
	}
	for _, town := range []string{"七克台镇", "连木沁镇", "鲁克沁镇", "辟展乡", "吐峪沟乡", "鄯善镇"} {
		u := units[town]
		var chain []string
		for _, p := range u.Parents {
			chain = append(chain, p.Name)
		}
		if strings.Join(chain, "→") != "鄯善县→吐鲁番市→新疆维吾尔自治区" {
			t.Errorf("%s (%s) rolls up to %v", town, u.Code, chain)
		}
	}
	acts := activityNames(recs)
	for _, a := range []string{"“文化之冬”活动", "篮球赛", "民间艺人培训", "“入户交友”活动"} {
		if !acts[a] {
			t.Errorf("activity %s not found", a)
		}
	}
}

func TestOrganisationsByRule(t *testing.T) {
	cases := []struct {
		sentence string
		want     []string
		not      []string
		reason   string
	}{
		{"鄯善县人民医院组织义诊。", []string{"鄯善县人民医院"}, nil, "left boundary by segmentation, place name included"},
		{"物理学院本科生党支部开展主题党日活动。", []string{"物理学院本科生党支部"}, nil, "a party branch named by its modifiers"},
		{"全县党员干部参加培训。", nil, []string{"党员干部"}, "干部 ends in 部 but is no unit"},
		{"新建绿色工厂301家。", nil, []string{"绿色工厂"}, "a kind being counted is no unit"},
		{"打造301家绿色工厂。", nil, []string{"绿色工厂"}, "a kind after a count is no unit either"},
		{"社区居民积极参与。", nil, []string{"社区"}, "a bare suffix names nothing"},
		{"新建县级医院和综合医院，打造购物中心。", nil, []string{"县级医院", "综合医院", "购物中心"}, "a facility named only by common words is a kind"},
		{"重组组建省工业控股集团，成立省足球运动管理中心，中国代表团夺金。", []string{"省工业控股集团", "省足球运动管理中心", "中国代表团"}, nil, "the province's own body is one; 控股 stands in names; 代表团"},
		{"吴健雄纪念馆和南京理工大学兵器博物馆开馆。", []string{"吴健雄纪念馆", "南京理工大学兵器博物馆"}, nil, "a facility with a proper part (a person, a place) is a unit"},
		{"支持比亚迪、上汽、奇瑞、宇通等企业扩量提质。", []string{"比亚迪", "上汽", "奇瑞", "宇通"}, nil, "companies named without a suffix, listed before 等企业"},
		{"支持平煤神马等5家企业建设世界一流企业。", []string{"平煤神马"}, nil, "a count may stand between 等 and the head"},
		{"引入国机集团、中国通用、中国国新等央企。", []string{"中国通用", "中国国新"}, []string{"引入国机集团"}, "the verb before the list is no part of the first name"},
		{"扩大环境保护、节能节水等企业所得税优惠。", nil, []string{"扩大环境保护", "节能节水", "环境保护"}, "a list of common words names fields, not firms"},
		{"使工业、农业、交通运输业和商业等企业。", nil, []string{"使工业", "工业", "商业"}, "industries are no companies"},
		{"上海海关缉私局成立联合专案组。", []string{"上海海关缉私局"}, nil, "a verb before a one-character suffix says what the office does"},
		{"成都自然博物馆开馆。", []string{"成都自然博物馆"}, nil, "a noun the dictionary tags as an adverb stays in the name"},
		{"哈尔滨市南岗区博物馆开展活动。", []string{"哈尔滨市南岗区博物馆"}, []string{"岗区博物馆"}, "a token across a place name's edge (市南) is cut there"},
		{"据法国交管部门统计，有关部门要加强监管。", []string{"法国交管部门"}, []string{"有关部门"}, "部门 needs a proper part; characters the dictionary left alone stay together (交/管)"},
		{"公共管理学院开展活动，公管学院师生参加。", []string{"公共管理学院"}, []string{"公管学院"}, "an abbreviation joins the full name"},
		{"河南大学和河南电子科技大学合作。", []string{"河南大学", "河南电子科技大学"}, nil, "a shorter name that is a prefix is another unit"},
		{"孔庙国子监所收藏的文物。", nil, []string{"孔庙国子监所", "国子监所"}, "the particle 所 is no institute"},
		{"中共河北省委召开会议，省委书记讲话。", []string{"中共河北省委"}, []string{"省委"}, "a known institution's short name joins its full name"},
		{"国办发〔2004〕7号\n国务院办公厅通报。", []string{"国务院办公厅"}, []string{"国办"}, "the code of a document number names no unit"},
		{"城市院线观影人次为12.99亿。", nil, []string{"城市院"}, "a one-character suffix cut out of a longer word (院线)"},
		{"国家医学中心落地实施。", []string{"国家医学中心"}, nil, "国家 designates one facility"},
		{"安徽省淮北矿业（集团）公司芦岭煤矿发生事故。", []string{"安徽省淮北矿业（集团）公司芦岭煤矿"}, []string{"公司芦岭煤矿"}, "a bracketed word inside a name"},
		{"力促石衡沧港城际铁路建成投运，建设一流大学郑州研究院，学院党委书记讲话。", nil, []string{"石衡沧港", "大学郑州研究院", "学院党委"}, "ports naming a railway; a kind of body before a name"},
		{"由清华大学中国-非洲领导力发展中心主办，南京审计大学货币博物馆里的展品，南京林业大学树木标本馆里的标本。", []string{"清华大学中国-非洲领导力发展中心", "南京审计大学货币博物馆", "南京林业大学树木标本馆"}, []string{"非洲领导力发展中心", "南京审计大学"}, "two places joined by a hyphen; a suffix glued to the locative after it (馆里)"},
		{"大同市杏儿沟煤矿发生爆炸。山西杏儿沟煤矿事故的直接原因。郑州市人民医院和洛阳市人民医院合作。", []string{"大同市杏儿沟煤矿", "郑州市人民医院", "洛阳市人民医院"}, []string{"山西杏儿沟煤矿"}, "one mine named after its province and its city; a kind in two cities stays two"},
		{"受到海关总署的高度重视。?９?安部刑侦局局长表示。", nil, []string{"安部刑侦局"}, "a name whose start was lost to a broken encoding"},
		{"提升国家区域医疗中心功能，建设省级区域医疗中心。", nil, []string{"国家区域医疗中心", "省级区域医疗中心"}, "regional centres are a class of facilities"},
		{"用心用情为群众办实事、解难事办实事。", nil, []string{"群众办", "难事办"}, "办 with an object is a verb, not an office"},
		{"建设法治政府、效能政府，编制全口径政府投资计划，县政府和日本政府表态。", []string{"县政府", "日本政府"}, []string{"效能政府", "口径政府"}, "政府 needs a place or a level"},
		{"可可盖等11处煤矿建成试运转。", nil, []string{"处煤矿"}, "the measure word of a count opens no name"},
		{"加快建设进度，培育人工智能陕西实验室。", []string{"人工智能陕西实验室"}, []string{"培育人工智能陕西实验室"}, "a governing verb opens no name"},
		{"山西杏儿沟煤业有限责任公司（以下简称杏煤公司）北风井负责人受到处分。杏煤公司整改。", []string{"山西杏儿沟煤业有限责任公司"}, []string{"杏煤公司"}, "a defined short name joins the full name; 有限责任 is part of it"},
		{"该项费用纳入医保，医保定额支付每人次40元。", nil, []string{"保定"}, "a bare stem inside a word (医保/定额) is no place"},
		{"四川大学博物馆是国家一级博物馆。", []string{"四川大学博物馆"}, []string{"四川"}, "a name opening with a numeral character (四川) is no count"},
		{"武汉大学研究生会举办活动。", []string{"武汉大学研究生会"}, nil, "研究生会 and 学生会 are organisations"},
		{"上海海关缉私局成立联合专案组，中国现代农业联合研究生院完成首届招生，县委联合县政府开展工作。", []string{"联合专案组", "中国现代农业联合研究生院", "县委", "县政府"}, []string{"县委联合县政府"}, "a body set up jointly; 联合 between two bodies is a verb"},
		{"西安交通大学公共政策与管理学院迎来新生，县委与县政府联合发文。", []string{"西安交通大学公共政策与管理学院", "县委", "县政府"}, []string{"县委与县政府"}, "a school of two fields joined by 与; two bodies stay two"},
		{"支持中原农谷与崖州湾国家实验室深度合作。", []string{"崖州湾国家实验室"}, []string{"中原农谷与崖州湾国家实验室"}, "与 after a name joins two bodies, not two fields"},
		{"中国农业银行常德分行承办，中国人民银行常德市中心支行主办。", []string{"中国农业银行常德分行", "中国人民银行常德市中心支行"}, nil, "a bank's branches are units"},
		{"退伍大学生“家国情怀”宣讲团代表发言。", []string{"大学生“家国情怀”宣讲团"}, nil, "a quoted name after a noun is part of the unit's name"},
		{"公共管理学院、体育学院分党校举行开班典礼。", []string{"公共管理学院、体育学院分党校", "体育学院"}, []string{"体育学院分党校"}, "a joint unit of two organisations of one kind, each a unit too"},
		{"3月3日，“梧桐”民族团结教育辅导员工作室、公共管理学院“公管之声”宣讲团聚焦会议精神。", []string{"“梧桐”民族团结教育辅导员工作室", "公共管理学院“公管之声”宣讲团"}, nil, "a quotation may open a name or stand inside it"},
		{"从漳州的小小渔村到银川的多民族社区，健全城市社区服务设施，新增投入运营社区养老服务站。", nil, []string{"小小渔村", "渔村", "多民族社区", "民族社区", "城市社区", "运营社区"}, "a kind of village or community is none of them"},
		{"鄯善镇滨沙社区、迪坎村、雨坛村开展活动。", []string{"鄯善镇滨沙社区", "迪坎村", "雨坛村"}, nil, "villages and communities by name"},
		{"基本实现采补平衡，塞罕坝林场荣获奖项，做大做强雄安中关村科技园等平台。", []string{"塞罕坝林场", "雄安中关村科技园"}, []string{"做大做强雄安中关村科技园", "罕坝林场"}, "a name the dictionary split into characters, after an idiom of verbs"},
		{"在全国率先开展转诊中心试点，推进德江、盘州机场建设。", nil, []string{"诊中心", "州机场"}, "a left edge inside a two-character word"},
		{"压减省级机关事业单位公用经费，完成省市县三级科技管理部门机构改革。", nil, []string{"压减省级机关", "省市县三级科技管理部门"}, "a verb cut into characters and a kind at several levels"},
		{"全省政府系统要永葆忠诚，把老百姓的事办好办实。", nil, []string{"全省政府", "事办"}, "the governments of a province; 办 with a complement"},
		{"优化中山大学附属第一医院贵州医院运营管理模式。", []string{"中山大学"}, []string{"优化中山大学"}, "a leading verb before a name that stands alone"},
		{"加沙地带持续降雨 流离失所者帐篷被淹。", nil, []string{"流离失所"}, "an idiom ending in 所"},
		{"早在2011年，《国家文物局、教育部关于加强高校博物馆建设与发展的通知》印发。", []string{"国家文物局", "教育部"}, nil, "the issuers before 关于 in a document's title are units"},
		{"新华网北京4月9日电 清华大学开展活动。", []string{"清华大学"}, []string{"北京"}, "a dateline's place is where the report was filed"},
		{"建好北方（沧州）跨境电商物流基地。", nil, []string{"沧州"}, "a place in brackets after a name says where that is"},
		{"在内蒙古鄂尔多斯东胜区，堆雪人活动精彩纷呈；在北国江城吉林市，寓意幸福安康。", nil, []string{"内蒙古鄂尔多斯东胜区", "鄂尔多斯东胜区", "吉林市"}, "after 在, across a function word glued to the place (在内/蒙古) and across epithets (北国江城)"},
		{"疏解北京非首都功能，积极参与北京（京津冀）国际科技创新中心建设。", nil, []string{"北京"}, "a place qualifying a noun, across a prefix or a bracket"},
		{"宝鸡至中卫铁路平凉至中卫段扩能改造工程开建。", nil, []string{"宝鸡", "中卫", "平凉"}, "the ends of a route are places"},
		{"建成周口港中心作业区一期工程，推进郑州国家中心城市建设。", nil, []string{"周口港中心", "郑州国家中心"}, "中心 begins a longer word"},
		{"保护历史文化名镇名村，已经移送司法机关依法处理。", nil, []string{"历史文化名镇名村", "司法机关"}, "kinds of village and of organ"},
		{"海关对美国纽约发往浙江台州的包裹进行检查。", nil, []string{"浙江台州"}, "where a parcel is sent is a place"},
		{"开展永城、潢川、鲁山等机场前期工作。", nil, []string{"永城", "潢川", "鲁山"}, "places listed as the sites of facilities"},
		{"开工建设赛尔龙至郎木寺、永登至天堂寺公路。", nil, []string{"永登"}, "the end of a route whose other end the gazetteer lacks"},
		{"与省外高水平大学合作，压减省级机关经费，加强上市公司监测，建设创新型产业社区、商务社区。", nil, []string{"高水平大学", "省级机关", "上市公司", "创新型产业社区", "商务社区"}, "kinds of institution and of community"},
		{"麦积山石窟‘东方微笑’跨越千年。", nil, []string{"东方"}, "a county-level city whose stem is a common word"},
		{"中国星网、中国中化、中国华能总部等标志性疏解项目迁驻运营。", []string{"中国星网", "中国中化", "中国华能"}, nil, "firms listed by their headquarters"},
		{"中共中央总书记、国家主席、中央军委主席习近平发表讲话。", nil, []string{"中共中央", "中央军委"}, "an institution in a leader's title"},
		{"在此，我代表省人民政府，向驻豫人民解放军、武警部队官兵，向各民主党派致以崇高敬意！", []string{"省人民政府"}, []string{"武警部队"}, "those a report thanks are greeted, not reported on"},
		{"中央政治局常委出席，充分发挥国家级新区作用。", nil, []string{"中央政治局常委", "充分发挥国家级新区"}, "a member of a committee is a person; 充分发挥 opens no name"},
		{"紧密地团结在以习近平同志为核心的党中央周围。", nil, []string{"党中央"}, "a set phrase of allegiance reports nothing the body did"},
		{"团结在以习近平同志为核心的党中央周围，落实党中央决策部署。", []string{"党中央"}, nil, "the body named elsewhere as an actor stays"},
		{"壮大曹妃甸区、北戴河生命健康产业创新示范区等平台，建设省预防医学科学院。", []string{"北戴河生命健康产业创新示范区", "省预防医学科学院"}, nil, "an adjective between nouns and verbs that name a field stay in the name"},
		{"支持科研院所、高等院校与企业合作。", nil, []string{"科研院所", "高等院校"}, "kinds of institution are no units"},
		{"在南京市博物总馆副馆长看来，中原科技城集聚平台。", []string{"南京市博物总馆", "中原科技城"}, nil, "总馆 and 科技城 end names"},
	}
	for _, c := range cases {
		units := unitNames(extractString(t, c.sentence))
		for _, w := range c.want {
			if _, ok := units[w]; !ok {
				t.Errorf("%s: unit %s not found in %v (%s)", c.sentence, w, keys(units), c.reason)
			}
		}
		for _, n := range c.not {
			if _, ok := units[n]; ok {
				t.Errorf("%s: %s reported as a unit (%s)", c.sentence, n, c.reason)
			}
		}
	}
}

func TestActivitiesByRule(t *testing.T) {
	cases := []struct {
		sentence string
		want     []string
		not      []string
		reason   string
	}{
		{"开展“民族团结模范事迹”宣讲活动697场次。", []string{"“民族团结模范事迹”宣讲活动"}, nil, "quoted name with its heads"},
		{"组织开展民间艺人培训。", []string{"民间艺人培训"}, []string{"开展民间艺人培训"}, "a framing verb is not part of the name"},
		{"深入开展党纪学习教育。", []string{"党纪学习教育"}, nil, "a head made of two words"},
		{"举办知识竞赛、板报比赛、送医送药等活动。", []string{"知识竞赛", "板报比赛", "送医送药"}, nil, "items listed before 等活动"},
		{"群众性文化活动覆盖率达到100%。", nil, []string{"群众性文化活动"}, "a head that modifies a noun names no activity"},
		{"丰富多彩的文化活动。", nil, []string{"文化活动"}, "generic modifiers name nothing"},
		{"实施乡村建设提质工程。", []string{"乡村建设提质工程"}, []string{"提质工程"}, "the whole object of a governing verb, verbs inside it included"},
		{"开展中原农谷建设新一轮三年行动。", []string{"中原农谷建设新一轮三年行动"}, nil, "a numeral inside the object does not cut the name"},
		{"深化新一轮找矿突破战略行动。", []string{"新一轮找矿突破战略行动"}, []string{"一轮找矿突破战略行动"}, "新 stays before the numeral it qualifies"},
		{"举办更多演唱演出活动。", []string{"演唱演出活动"}, []string{"更多演唱演出活动"}, "how much or how often is no part of the name"},
		{"到处活动。", nil, []string{"到处活动"}, "an adverb before the head is the verb's"},
		{"开展第五次全国经济普查。", []string{"第五次全国经济普查"}, nil, "an ordinal names the edition"},
		{"自觉参与到创建活动中来。", nil, []string{"到创建活动"}, "a verb's complement is not part of the name"},
		{"举办2020年中国人文地理学术年会。", []string{"2020年中国人文地理学术年会"}, nil, "an event's edition by its year"},
		{"第十一届环青海湖国际公路自行车赛今天开赛。", []string{"第十一届环青海湖国际公路自行车赛"}, nil, "an event's edition by its ordinal"},
		{"办好兰洽会、文博会、药博会。", []string{"兰洽会", "文博会", "药博会"}, nil, "expos named by one character and an abbreviated head"},
		{"社会各界交会于此。", nil, []string{"交会", "各界交会"}, "an abbreviated head after a longer word is a verb"},
		{"围绕“社会文化地理”、“乡村振兴与乡村地理”等议题作报告。", nil, []string{"“乡村振兴与乡村地理”"}, "quoted items closed by 等 and a noun are topics"},
		{"围绕“人文地理学创新”的大会主题开展研讨。", nil, []string{"“人文地理学创新”的大会"}, "a head that modifies a noun names no activity"},
		{"分党校举行第18期发展对象培训班、第17期入党积极分子培训班开班典礼。", []string{"第18期发展对象培训班", "第17期入党积极分子培训班", "开班典礼"}, []string{"期发展对象培训班", "期入党积极分子培训班开班典礼"}, "an edition cut by the segmenter (第/18/期), and a ceremony of an event named before it"},
		{"大会开幕式在西南大学举行，嘉宾出席开幕式。", []string{"大会开幕式"}, []string{"出席开幕式"}, "a ceremony keeps what it opens, not who attends"},
		{"第五次全国经济普查现场登记工作启动。", []string{"第五次全国经济普查"}, nil, "an edition-numbered event is named even as a modifier"},
		{"习近平在全国生态环境保护大会上讲话。", []string{"全国生态环境保护大会"}, nil, "大/会上 cut by the segmenter ends the head 大会"},
		{"中国人民大学博物馆“宝藏老师进人博”系列讲座，定期面向公众。", []string{"“宝藏老师进人博”系列讲座"}, nil, "a quoted name, 系列 and the head"},
		{"辽宁昌图县“12·30”特大烟花爆竹爆炸事故正在调查处理中。", []string{"“12·30”特大烟花爆竹爆炸事故"}, nil, "a verb may stand between the quote and its head"},
		{"瞄准人形机器人、高端仪器装备等赛道。", nil, []string{"人形机器人", "高端仪器装备"}, "赛 cut out of 赛道 is no head"},
		{"退伍大学生“家国情怀”宣讲团代表发言。", nil, []string{"“家国情怀”宣讲"}, "a head inside a longer word (宣讲团) names no activity"},
		{"是江苏高校来华留学生中国国情教育社会实践活动基地。", nil, []string{"江苏高校来华留学生中国国情教育", "来华留学生中国国情教育社会实践"}, "a chain of heads that qualifies a noun names no activity"},
		{"打铁花、创意灯展等表演吸引了众多市民游客。", []string{"打铁花", "创意灯展"}, nil, "items listed before 等表演"},
		{"在加沙地带发动军事行动，连续实施民生工程。", nil, []string{"军事行动", "民生工程"}, "军事 and 民生 name kinds, not activities"},
		{"作为我国历史上最早的“摊煎饼神器”，铁鏊见证了历史。", nil, []string{"“摊煎饼神器”"}, "a quotation after 的 is a term"},
		{"建成袁湾水库主体工程，实施粮食产能提升工程。", []string{"粮食产能提升工程"}, []string{"袁湾水库主体工程", "水库主体工程"}, "a work of construction is no programme of work"},
		{"全县干部参与的“进农家干农活暖民心”、“入户交友”活动实现了团结。", []string{"“进农家干农活暖民心”", "“入户交友”活动"}, nil, "quoted names listed before a head they share"},
		{"《纲要（草案）》经大会通过后，将成为纲领。", nil, []string{"《纲要（草案）》经大会"}, "a framing verb never stands between a quote and its head"},
		{"中国式现代化河北实践的每一点积极进步。", nil, []string{"中国式现代化河北实践"}, "a province's practice of a policy is no activity"},
		{"6部作品荣获“五个一工程”优秀奖，学习运用“千万工程”经验。", nil, []string{"“五个一工程”", "“千万工程”"}, "a quoted name that qualifies a noun names no activity"},
		{"建设天蓝地绿水秀的美丽河北。", nil, []string{"绿水秀"}, "秀 ends an idiom, not a show"},
		{"承办的2019“金融知识普及月 金融知识进万家”宣传活动在广场启动。", []string{"“金融知识普及月 金融知识进万家”宣传活动"}, nil, "a kind of activity (宣传) after a quoted name"},
		{"践行“接地气、除四风”实际行动。", nil, []string{"“接地气、除四风”实际行动"}, "a quality (实际) after a quotation names nothing"},
		{"作《推进全过程人民民主建设的公共管理策略与实践》报告。", nil, []string{"《推进全过程人民民主建设的公共管理策略与实践》"}, "a title ending in 实践 is a work, not an event"},
		{"活动安排了金融知识有奖问答环节。", []string{"金融知识有奖问答"}, nil, "a part of the event (环节) after the head"},
		{"开展主题党日活动，主题党日当天大家参观。", []string{"主题党日活动"}, []string{"主题党日"}, "one activity with and without 活动"},
		{"开展学习贯彻习近平新时代中国特色社会主义思想主题教育。", []string{"学习贯彻习近平新时代中国特色社会主义思想主题教育"}, nil, "a long object of a governing verb"},
		{"实施国企改革深化提升行动，召开全省“富矿精开”推进大会。", []string{"国企改革深化提升行动", "“富矿精开”推进大会"}, nil, "an abbreviation inside a name; 推进大会 is one head"},
		{"推进中国式现代化是一个系统工程。", nil, []string{"中国式现代化是一个系统工程", "系统工程"}, "a copula ends the object; a system engineering is a metaphor"},
		{"开展招商活动和展会活动，打击违法犯罪活动。", nil, []string{"招商活动", "展会活动", "违法犯罪活动"}, "kinds of activity"},
		{"巴黎奥运会、残奥会上中国队夺金。", []string{"巴黎奥运会"}, nil, "the Olympic games are events"},
		{"同学们参加暑期实践和元旦晚会。", []string{"暑期实践", "元旦晚会"}, nil, "seasons and holidays stand in activities' names"},
		{"将学习成果转化为实际行动，欢度建军节。", nil, []string{"学习成果转化为实际行动", "实际行动", "建军节"}, "a generic head after a verb names nothing; a holiday is no activity"},
		{"出席金砖国家领导人会晤，筹办北京冬奥会，外国驻华使节参观展览。", []string{"金砖国家领导人会晤", "北京冬奥会"}, []string{"出席金砖国家领导人会晤", "筹办北京冬奥会", "外国驻华使节"}, "attending and preparing open no name; an envoy is no festival"},
		{"庆祝香港回归祖国15周年大会在香港举行，参观交通大学党组织成立100周年纪念展。", []string{"庆祝香港回归祖国15周年大会", "交通大学党组织成立100周年纪念展"}, nil, "the anniversary an event marks is in its name"},
		{"胜利召开中国共产党第二十次全国代表大会，在河南省第十四届人民代表大会上作报告。", []string{"中国共产党第二十次全国代表大会"}, []string{"河南省第十四届人民代表大会"}, "a congress's session is an event, its term is the body"},
		{"中央军委政治工作会议在延安召开。防汛抗洪救灾现场工作会在长沙召开。", []string{"中央军委政治工作会议", "防汛抗洪救灾现场工作会"}, nil, "meetings are events"},
		{"刘芳围绕党史学习教育进行专题党课讲授。", []string{"专题党课"}, nil, "a party lecture is an activity; its delivery does not make it a modifier"},
		{"宣布启动“中朝友好年”，今年是“十四五”开局之年。", []string{"“中朝友好年”"}, []string{"“十四五”", "开局之年"}, "a themed year is a campaign; a year of something is not"},
		{"---\naliases:\n  - 暑期实践 | 公管学院基层实践团探访乡村治理\n---\n\n队员们走进汨罗市开展调研。", []string{"暑期实践"}, nil, "a title kept in front matter still names the activity"},
		{"开展民族团结进步模范创建活动。群众参与民族团结先进模范创建活动。", []string{"民族团结进步模范创建活动"}, []string{"民族团结先进模范创建活动"}, "one campaign with a word replaced"},
		{"开工赵口灌区现代化改造等工程。", []string{"赵口灌区现代化改造"}, []string{"开工赵口灌区现代化改造"}, "a framing verb opens no listed name"},
		{"在乡村文艺演出中寓教于乐，文艺演出1235场次。", []string{"乡村文艺演出"}, []string{"文艺演出"}, "an activity qualified by where it happens is the same activity"},
	}
	for _, c := range cases {
		acts := activityNames(extractString(t, c.sentence))
		for _, w := range c.want {
			if !acts[w] {
				t.Errorf("%s: activity %s not found in %v (%s)", c.sentence, w, acts, c.reason)
			}
		}
		for _, n := range c.not {
			if acts[n] {
				t.Errorf("%s: %s reported (%s)", c.sentence, n, c.reason)
			}
		}
	}
}

// An organisation named after its town rolls up through it.
func TestOrganisationsInheritParents(t *testing.T) {
	units := unitNames(extractString(t, "鄯善县人民医院组织义诊20场。鄯善镇滨沙社区开展宣讲3场。"))
	for name, want := range map[string]string{
		"鄯善县人民医院": "鄯善县→吐鲁番市→新疆维吾尔自治区",
		"鄯善镇滨沙社区": "鄯善镇→鄯善县→吐鲁番市→新疆维吾尔自治区",
	} {
		var chain []string
		for _, p := range units[name].Parents {
			chain = append(chain, p.Name)
		}
		if got := strings.Join(chain, "→"); got != want {
			t.Errorf("%s rolls up to %q, want %q", name, got, want)
		}
	}
}

func TestReferencesResolve(t *testing.T) {
	recs := extractString(t, "鄯善县开展宣讲活动。七克台镇举办培训。全县共开展活动30场。")
	units := unitNames(recs)
	if _, ok := units["全县"]; ok {
		t.Errorf("全县 is 鄯善县, not a unit of its own: %v", keys(units))
	}
	q := allQuantities(recs)
	if len(q) != 1 || q[0].Unit != "鄯善县" {
		t.Errorf("the count of 全县 belongs to 鄯善县: %+v", q)
	}
}

func keys(m map[string]Unit) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func placeNames(recs []Record) map[string]bool {
	out := map[string]bool{}
	for _, r := range recs {
		for _, p := range r.Places {
			out[p.Name] = true
		}
	}
	return out
}

// A bare stem used as a place is no actor; the same stem as an actor, a
// name in full, or a chain of divisions written together is a unit.
func TestPlacesAreNotUnits(t *testing.T) {
	cases := []struct {
		sentence string
		units    []string
		places   []string
		reason   string
	}{
		{"在贵州榕江的美丽乡村，人们在比赛中拼搏奋进。", nil, []string{"贵州"}, "after a locative word"},
		{"在江西南昌，灯光秀在城市楼宇间上演。", nil, []string{"江西南昌"}, "a chain of divisions after a locative word is one place"},
		{"去年，河北涿州、甘肃积石山等地发生自然灾害。", nil, []string{"河北", "甘肃"}, "a list closed by 等地"},
		{"广州白云国际机场、广州南站响起歌声。", []string{"广州白云国际机场"}, []string{"广州"}, "a stem that qualifies a noun"},
		{"郑州入选全球性国际邮政快递枢纽承载城市。", []string{"郑州"}, nil, "a stem as the subject is an actor"},
		{"支持郑州、洛阳建设国际消费中心城市。", []string{"郑州", "洛阳"}, nil, "stems listed as the ones supported are actors"},
		{"鄯善县开展宣讲活动。", []string{"鄯善县"}, nil, "a division as the subject is an actor"},
		{"在鄯善县开展宣讲活动。", nil, []string{"鄯善县"}, "only named as where something happened, even in full"},
		{"在鄯善县开展宣讲活动20场。", []string{"鄯善县"}, nil, "a count linked to it makes it a unit"},
		{"广州白云国际机场、鄯善县人民医院", []string{"鄯善县人民医院"}, nil, "a division in full inside an organisation's name is no place of its own"},
		{"在太湖边的苏州湾，烟花秀在夜空绽放。", nil, []string{"苏州"}, "a stem before a character the dictionary left alone is part of a place name"},
		{"广东连州市发生事故。", []string{"广东连州市"}, []string{}, "a division after its province is one unit, named as written"},
	}
	for _, c := range cases {
		recs := extractString(t, c.sentence)
		units, places := unitNames(recs), placeNames(recs)
		for _, w := range c.units {
			if _, ok := units[w]; !ok {
				t.Errorf("%s: unit %s not found in %v (%s)", c.sentence, w, keys(units), c.reason)
			}
			if places[w] {
				t.Errorf("%s: %s listed as a place (%s)", c.sentence, w, c.reason)
			}
		}
		for _, w := range c.places {
			if !places[w] {
				t.Errorf("%s: place %s not found in %v (%s)", c.sentence, w, places, c.reason)
			}
			if _, ok := units[w]; ok {
				t.Errorf("%s: %s listed as a unit (%s)", c.sentence, w, c.reason)
			}
		}
	}
}
