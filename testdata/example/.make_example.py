#!/usr/bin/env python3
"""Writes the bundled example archive (testdata/example/).

Run from the repository root:  python3 testdata/example/make_example.py
The output is committed; rerunning it rewrites the same bytes (the .docx
zip entries carry a fixed timestamp). Every bulletin here was written for
this project: the units are real place names, the people, events and
figures are invented but shaped like real work bulletins.
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))

# 1. UTF-8 text: a county's monthly work bulletin.
UTF8 = """工作简报
第3期
鄯善县民族团结进步创建工作领导小组办公室          2024年4月10日

一季度民族团结进步创建工作进展情况

一、宣传教育覆盖城乡。一季度，全县各类媒体共播报民族团结专题新闻84条，播出公益广告48期，播报荧屏滚动宣传语720余条次。各乡（镇、场）开展“民族团结模范事迹”宣讲活动697场次，受教育群众55373人次。
二、文化活动丰富多彩。全县开展“文化之冬”活动1235场次（其中文艺演出600场次、体育比赛400场次、民间艺人培训235场次），参与群众达4万余人次。
三、结对帮扶持续深化。全县6269名干部职工与40586户农户结对子，发放宣传资料10万余份，帮助群众解决实际困难1300多件。
四、下一步工作。继续开展“入户交友”活动，确保每月走访不少于2次。

（报：县委、县政府领导  送：各乡镇、县直各部门  共印30份）
"""

# 2. GBK text: a township's volunteer-service bulletin.
GBK = """连木沁镇工作动态
2024年第5期（总第41期）

连木沁镇开展“学雷锋志愿服务月”活动
3月以来，连木沁镇党委组织各村（社区）开展“学雷锋志愿服务月”活动。全镇共组建志愿服务队18支，注册志愿者1200余名，开展环境整治、政策宣讲、关爱老人等志愿服务活动156场次，服务群众8600余人次。
其中，各村党支部组织党员清理村内垃圾320余吨，为独居老人上门服务94户，义诊活动覆盖群众2100人次。
下一步，镇党委将把志愿服务与网格化管理结合起来，推动志愿服务常态化。

连木沁镇党政办公室　　2024年4月2日
"""

# 3. UTF-16LE text with a byte order mark: a school's party-branch bulletin.
UTF16 = """党建工作简报
2024年第2期
中共某某大学公共管理学院委员会编

公共管理学院开展“党章学习月”主题党日活动
4月18日，公共管理学院党委组织8个学生党支部开展“党章学习月”主题党日活动，236名党员参加。活动中，学院举办专题党课3场，组织知识竞赛1次，评选优秀学习笔记20篇。
学院还组织师生党员赴八路军西安办事处纪念馆开展现场教学，参观党员和入党积极分子共计120余人。
"""

# 4. .docx: a county government's quarterly summary, with a breakdown.
DOCX_PARAGRAPHS = [
    "情况通报",
    "吐峪沟乡人民政府  2024年7月5日",
    "吐峪沟乡上半年乡村振兴工作情况通报",
    "一、产业发展",
    "上半年，全乡新建设施农业大棚120座，发展葡萄种植3200亩，培育农民专业合作社6家，带动农户450户增收。",
    "二、就业保障",
    "全乡组织就业技能培训15期，培训农村劳动力680人次，转移就业1460人（其中区外就业320人、县内就业1140人）。",
    "三、基础设施",
    "完成农村道路硬化12.5公里，新建文化活动室3个，改造危旧房屋48户。",
    "四、存在问题",
    "部分村产业项目规模偏小，带动能力不强，下一步将重点推进2个产业示范园建设。",
]

# 5. HTML page with navigation chrome around the bulletin.
HTML = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>七克台镇召开平安建设推进会-鄯善县人民政府网</title>
<style>body{font-family:sans-serif}</style>
<script>var _hmt = _hmt || [];</script>
</head>
<body>
<div class="header">
  <a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/bsfw/">办事服务</a> | <a href="/hdjl/">互动交流</a>
  <form action="/search"><input name="q" placeholder="请输入关键字"><button>搜索</button></form>
</div>
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/gzdt/">工作动态</a> &gt; 乡镇动态</div>
<div class="article">
  <h1>七克台镇召开平安建设推进会</h1>
  <div class="info">发布时间：2024-05-20 来源：七克台镇 浏览次数：1024 【字体：大 中 小】 【打印】 【关闭】</div>
  <div class="content">
    <p>5月18日，七克台镇召开平安建设工作推进会，镇村两级干部共计86人参加会议。</p>
    <p>会议通报了今年以来平安建设工作情况：全镇共排查化解矛盾纠纷73起，化解率达98.6%；开展安全生产检查42次，整改隐患115处；组织反诈宣传进村入户活动30场次，发放宣传资料5000余份。</p>
    <p>会议要求，各村要压实责任，每周开展巡逻不少于3次，确保辖区社会大局稳定。</p>
  </div>
</div>
<div class="share">分享到：微信 微博 QQ空间</div>
<div class="footer">
  <p>主办单位：鄯善县人民政府办公室 | 网站标识码：6521220001 | 新ICP备12000000号-1</p>
  <p>联系电话：0995-0000000 | 网站地图 | 联系我们</p>
</div>
</body>
</html>
"""


def docx_bytes(paragraphs):
    def para(text):
        return '<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % text

    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '</Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>'
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + "".join(para(p) for p in paragraphs)
        + '<w:sectPr/></w:body></w:document>'
    )
    import io
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [("[Content_Types].xml", content_types), ("_rels/.rels", rels), ("word/document.xml", document)]:
            info = zipfile.ZipInfo(name, date_time=(2024, 7, 5, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8"))
    return buf.getvalue()


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def main():
    write("01_鄯善县民族团结工作简报.txt", UTF8.encode("utf-8"))
    write("02_连木沁镇工作动态.GBK.txt", GBK.encode("gbk"))
    write("03_公共管理学院党建简报.UTF-16LE.txt", b"\xff\xfe" + UTF16.encode("utf-16-le"))
    write("04_吐峪沟乡情况通报.docx", docx_bytes(DOCX_PARAGRAPHS))
    write("05_七克台镇平安建设.html", HTML.encode("utf-8"))


if __name__ == "__main__":
    main()
