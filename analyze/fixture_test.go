package analyze

import (
	"github.com/bulletin-tool/bulletin/extract"
)

// fixture returns a small, realistic set of records exercising every rule:
// roll-up, categories, conversion, bounds, cumulative figures, breakdowns,
// duplicate and near-duplicate bulletins, repeated facts and masked text.
func fixture() []extract.Record {
	var records []extract.Record

	// A township bulletin: counts linked to 七克台镇, a breakdown and a cumulative figure.
	b := newRecord("corpus/shanshan/qiketai-2023-05.txt", 1).date("2023-05-12").units(unitQiketai())
	total := b.sentence("七克台镇共开展宣讲活动36场次，覆盖群众1200余人次。",
		c("36场次", ex(36), "场次", "event", "宣讲活动").in("七克台镇", "宣讲活动"),
		c("1200余人次", ge(1200), "人次", "person_time", "群众").in("七克台镇", "宣讲活动"))
	b.sentence("其中，入户宣讲20场次，集中宣讲18场次。",
		c("20场次", ex(20), "场次", "event", "入户宣讲").in("七克台镇", "入户宣讲").partOf(total[0]),
		c("18场次", ex(18), "场次", "event", "集中宣讲").in("七克台镇", "宣讲活动").partOf(total[0]))
	b.check(extract.Check{Kind: "breakdown", Total: total[0], Parts: []string{"q3", "q4"}, Status: "mismatch",
		Expected: 36, Sum: 38, Diff: -2})
	b.sentence("发放补助资金4.5万元，惠及农户86户、320人。",
		c("4.5万元", ex(45000), "元", "money", "补助资金").in("七克台镇", ""),
		c("86户", ex(86), "户", "household", "农户").in("七克台镇", ""),
		c("320人", ex(320), "人", "person", "农户").in("七克台镇", ""))
	b.sentence("截至目前，累计培训农民工1500人。",
		c("1500人", ex(1500), "人", "person", "农民工").in("七克台镇", "技能培训").cumulative())
	b.sentence("农村电商交易额同比增长12.5%。",
		c("12.5%", ex(12.5), "%", "rate", "交易额").in("七克台镇", ""))
	records = append(records, b.done())

	// The next month of the same township: the cumulative figure grows, and
	// money is written in 万元 as a measure of its own.
	b = newRecord("corpus/shanshan/qiketai-2023-06.txt", 1).date("2023-06-09").units(unitQiketai(), unitPizhan())
	b.sentence("截至目前，累计培训农民工2100人。",
		c("2100人", ex(2100), "人", "person", "农民工").in("七克台镇", "技能培训").cumulative())
	b.sentence("辟展乡组织义诊活动5场，服务群众300-400人。",
		c("5场", ex(5), "场", "event", "义诊活动").in("辟展乡", "义诊活动"),
		c("300-400人", rng(300, 400), "人", "person", "群众").in("辟展乡", "义诊活动"))
	b.sentence("拨付专项资金12万元。",
		c("12万元", ex(12), "万元", "money", "专项资金").in("辟展乡", ""))
	b.masked("＊＊村", 40)
	records = append(records, b.done())

	// The county's own bulletin, which repeats the township's sentence word for word.
	b = newRecord("corpus/shanshan/county-2023-05.txt", 1).date("2023-05-15").units(unitShanshan(), unitQiketai())
	b.sentence("鄯善县开展“民族团结一家亲”活动120场次，参与干部4500余人。",
		c("120场次", ex(120), "场次", "event", "活动").in("鄯善县", "民族团结一家亲"),
		c("4500余人", ge(4500), "人", "person", "干部").in("鄯善县", "民族团结一家亲"))
	b.sentence("七克台镇共开展宣讲活动36场次，覆盖群众1200余人次。",
		c("36场次", ex(36), "场次", "event", "宣讲活动").in("七克台镇", "宣讲活动"),
		c("1200余人次", ge(1200), "人次", "person_time", "群众").in("七克台镇", "宣讲活动"))
	records = append(records, b.done())

	// A file holding two bulletins, the second from another county.
	b = newRecord("corpus/gaochang/2023-05.txt", 1).date("2023-05-20").units(unitGaochang())
	b.sentence("高昌区清运垃圾320吨、回收废旧农膜800公斤。",
		c("320吨", ex(320), "吨", "weight", "垃圾").in("高昌区", "人居环境整治"),
		c("800公斤", ex(800), "公斤", "weight", "废旧农膜").in("高昌区", "人居环境整治"))
	records = append(records, b.done())
	b = newRecord("corpus/gaochang/2023-05.txt", 2).date("2023-05-27").units(unitGaochang())
	b.sentence("高昌区排查隐患问题45条，已整改40条。",
		c("45条", ex(45), "条", "item", "隐患问题").in("高昌区", "安全生产"),
		c("40条", ex(40), "条", "item", "整改").in("高昌区", "安全生产"))
	b.sentence("本周共接待来访群众60人次。", c("60人次", ex(60), "人次", "person_time", "来访群众").in("", "信访").during("本周"))
	records = append(records, b.done())

	// The same bulletin saved twice: byte-identical text under another name.
	b = newRecord("corpus/gaochang/copy-of-2023-05.txt", 1).date("2023-05-27").units(unitGaochang())
	b.sentence("高昌区排查隐患问题45条，已整改40条。",
		c("45条", ex(45), "条", "item", "隐患问题").in("高昌区", "安全生产"),
		c("40条", ex(40), "条", "item", "整改").in("高昌区", "安全生产"))
	b.sentence("本周共接待来访群众60人次。", c("60人次", ex(60), "人次", "person_time", "来访群众").in("", "信访").during("本周"))
	records = append(records, b.done())

	// The township bulletin once more, as a web page with the site's footer left in.
	b = newRecord("web/qiketai-news.html", 1).date("2023-05-12").units(unitQiketai())
	b.sentence("七克台镇共开展宣讲活动36场次，覆盖群众1200余人次。",
		c("36场次", ex(36), "场次", "event", "宣讲活动").in("七克台镇", "宣讲活动"),
		c("1200余人次", ge(1200), "人次", "person_time", "群众").in("七克台镇", "宣讲活动"))
	b.sentence("其中，入户宣讲20场次，集中宣讲18场次。")
	b.sentence("发放补助资金4.5万元，惠及农户86户、320人。",
		c("4.5万元", ex(45000), "元", "money", "补助资金").in("七克台镇", ""),
		c("86户", ex(86), "户", "household", "农户").in("七克台镇", ""),
		c("320人", ex(320), "人", "person", "农户").in("七克台镇", ""))
	b.sentence("截至目前，累计培训农民工1500人。")
	b.sentence("农村电商交易额同比增长12.5%。")
	b.sentence("版权所有。")
	records = append(records, b.done())
	return records
}

func fixtureFailures() []extract.Failure {
	return []extract.Failure{
		{Schema: extract.FailureSchema, Path: "corpus/old/2019.wps", Stage: "read", Message: "unsupported format wps"},
	}
}
