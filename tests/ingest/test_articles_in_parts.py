"""Articles numbered inside parts (若干措施, 实施意见, many 司法解释: `一、` > `（一）` > `第N条`) nest under
their part and category; laws (`第一章` > `第一条` > `（一）`) and plans without articles keep their shape.

The shapes below are written for these tests, not copied from the liuhe document the rule was found on;
the last test checks that real document."""
from __future__ import annotations

import pytest

from ingest.clean import clean
from ingest.parse import PREFACE, parse
from ingest.read import parse_source, read_source
from tests.conftest import LIBRARY

PARTS = """关于支持数字经济发展的若干措施
为加快数字经济发展，制定如下措施。
一、政策支持
第1条 设立数字经济发展专项资金，列入市财政预算。
专项资金按照有关管理办法使用。
二、支持范围
第2条 对新认定的数字经济重点企业，给予一次性奖励50万元。
第3条 对年营业收入首次突破1亿元的企业，给予奖励30万元。
三、附则
第4条 本措施自发布之日起施行。
"""

CATEGORIES = """一、总体要求
第一条 为促进制造业高质量发展，制定本意见。
二、支持措施
（一）技术改造奖励
第二条 对设备投资500万元以上的技术改造项目，按设备投资额的10%给予奖励。
第三条 对列入省级技术改造重点项目的，再给予20万元奖励。
(二)人才奖励
第四条 对企业引进的高层次人才，按学历给予安家补贴：
1.博士研究生每人10万元；
2.硕士研究生每人5万元。
三、组织保障
第五条 成立领导小组，统筹推进各项工作。
"""

# a PDF's letter spacing: `第 1 0 条`; the label keeps the source's own numerals once the spaces go
SPACED = "一、支持政策\n" + "".join(
    ("二、其他\n" if n == 10 else "") + f"第 {' '.join(str(n))} 条 对符合条件的企业给予第{n}项奖励。\n" for n in range(1, 12))

JUDICIAL = """# 最高人民法院关于审理某类合同纠纷案件适用法律问题的解释

<!-- INFO END -->

## 一、一般规定

第一条 当事人有下列情形之一的，人民法院应予支持：

（一）合同已经依法成立的；

（二）合同已经部分履行的。

第二条 本解释所称合同，是指依法成立的书面合同。

## 二、附则

第三条 本解释自公布之日起施行。
"""

LAW = """第一章 总则
第一条 为了规范养老服务，制定本办法。
第二条 本办法适用于本市行政区域内的养老服务活动。
第二章 服务管理
第三条 养老服务机构应当遵守下列规定：
（一）建立健全安全管理制度；
（二）配备专业服务人员。
第四条 违反本办法的，依法处理。
"""

LAW_WITHOUT_CHAPTERS = """第一条 为了加强档案管理，制定本办法。
第二条 本办法所称档案，包括：
一、文书档案；
二、科技档案。
第三条 档案工作实行分级管理：
（一）市档案局负责全市档案工作；
（二）区档案局负责本区档案工作。
"""

PLAN = """一、总体要求
到2025年，软件产业规模达到5000亿元。
二、重点任务
（一）培育龙头企业
1.实施龙头企业培育计划。（牵头单位：市经信局）
2.支持企业兼并重组。（牵头单位：市国资委）
（二）建设产业园区
3.建设软件产业园区。（牵头单位：高新区管委会）
"""

# an amending decision: its `一、` are sentences, then the amended text's articles follow from the top
AMENDMENT = """现决定对《某某规定》作如下修改：
一、删除第一条第二项。
二、将第五条中的“三十日”修改为“十五日”。
第一条 为了规范某某工作，制定本规定。
第二条 本规定自公布之日起施行。
"""

# (name, text, section path of every clause in order)
CASES = [
    ("parts with running articles", PARTS, [
        (PREFACE,), (PREFACE,),
        ("一、政策支持", "第1条"),
        ("二、支持范围", "第2条"), ("二、支持范围", "第3条"),
        ("三、附则", "第4条")]),
    ("parts, categories and articles", CATEGORIES, [
        ("一、总体要求", "第一条"),
        ("二、支持措施", "（一）技术改造奖励", "第二条"), ("二、支持措施", "（一）技术改造奖励", "第三条"),
        ("二、支持措施", "(二)人才奖励", "第四条"),
        ("三、组织保障", "第五条")]),
    ("articles written 第 1 0 条", SPACED,
        [("一、支持政策", f"第{n}条") for n in range(1, 10)] + [("二、其他", "第10条"), ("二、其他", "第11条")]),
    ("judicial interpretation in Markdown parts", JUDICIAL, [
        ("一、一般规定", "第一条"), ("一、一般规定", "第二条"), ("二、附则", "第三条")]),
    ("law with chapters (unchanged)", LAW, [
        ("第一章总则", "第一条"), ("第一章总则", "第二条"),
        ("第二章服务管理", "第三条"), ("第二章服务管理", "第四条")]),
    ("law without chapters (unchanged)", LAW_WITHOUT_CHAPTERS, [("第一条",), ("第二条",), ("第三条",)]),
    ("plan without articles (unchanged)", PLAN, [
        ("一、总体要求",),
        ("二、重点任务", "（一）培育龙头企业", "1.实施龙头企业培育计划"),
        ("二、重点任务", "（一）培育龙头企业", "2.支持企业兼并重组"),
        ("二、重点任务", "（二）建设产业园区", "3.建设软件产业园区")]),
    ("amending decision then articles (unchanged)", AMENDMENT, [
        (PREFACE,), ("一、删除第一条第二项",), ("二、将第五条中的“三十日”修改为“十五日”",), ("第一条",), ("第二条",)]),
]


@pytest.mark.parametrize(("text", "sections"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_section_path_of_every_clause(text, sections):
    doc = parse("d", "t", clean(text))
    assert [c.section for c in doc.clauses] == sections


def test_ids_follow_part_category_and_article():
    doc = parse("d", "t", clean(CATEGORIES))
    assert [c.id for c in doc.clauses] == ["d#1.a1", "d#2.1.a2", "d#2.1.a3", "d#2.2.a4", "d#3.a5"]
    assert [c.heading for c in doc.clauses] == ["第一条", "第二条", "第三条", "第四条", "第五条"]


def test_text_below_an_article_stays_in_it_until_the_next_part_or_category():
    by_label = {c.section[-1]: c for c in parse("d", "t", clean(CATEGORIES)).clauses}
    assert by_label["第三条"].text == "第三条对列入省级技术改造重点项目的，再给予20万元奖励。"  # `(二)人才奖励` not glued on
    assert by_label["第四条"].text.endswith("1.博士研究生每人10万元；2.硕士研究生每人5万元。")
    first = parse("d", "t", clean(PARTS)).clauses[2]
    assert first.text == "第1条设立数字经济发展专项资金，列入市财政预算。专项资金按照有关管理办法使用。"


def test_enumerations_stay_inside_articles_whatever_the_shape():
    judicial = parse("d", "t", clean(JUDICIAL)).clauses
    assert judicial[0].text.endswith("（一）合同已经依法成立的；（二）合同已经部分履行的。")
    assert judicial[1].text == "第二条本解释所称合同，是指依法成立的书面合同。"  # the next part's heading not glued on
    law = parse("d", "t", clean(LAW)).clauses
    assert law[2].text.endswith("（一）建立健全安全管理制度；（二）配备专业服务人员。")
    flat = parse("d", "t", clean(LAW_WITHOUT_CHAPTERS)).clauses
    assert flat[1].text == "第二条本办法所称档案，包括：一、文书档案；二、科技档案。"
    assert flat[2].text.endswith("（一）市档案局负责全市档案工作；（二）区档案局负责本区档案工作。")


LIUHE_PARTS = {"一、政策支持": range(1, 2), "二、支持范围": range(2, 20), "三、组织保障": range(20, 21),
               "四、政策兑现": range(21, 23), "五、其他": range(23, 27)}
LIUHE_CATEGORIES = {"(一)固定资产投资奖励": (2, 3), "(二)绩效奖励": (4,), "(三)总部经济奖励": (5, 6),
                    "(四)鼓励企业技术进步、科技创新": (7, 8, 9, 10), "(五)鼓励企业做大做强": tuple(range(11, 19)),
                    "(六)鼓励乡镇、街道开展招商引资": (19,)}


def test_liuhe_articles_sit_under_their_part_and_category():
    doc = parse_source(read_source(LIBRARY / "liuhe-key-industries-support-2023.txt"))
    articles = [c for c in doc.clauses if c.kind == "article"]
    assert [c.section[-1] for c in articles] == [f"第{n}条" for n in range(1, 27)]  # `第 1 0 条` → 第10条
    expected = {n: (part,) for part, numbers in LIUHE_PARTS.items() for n in numbers}
    for category, numbers in LIUHE_CATEGORIES.items():
        expected.update({n: ("二、支持范围", category) for n in numbers})
    assert {n: c.section[:-1] for n, c in enumerate(articles, 1)} == expected
    assert articles[11].id == "liuhe-key-industries-support-2023#2.5.a12"
    assert articles[0].text.endswith("用于旅游产业发展补助和奖励。")  # its second paragraph, and no `二、支持范围`
    assert list(dict.fromkeys(c.section[0] for c in doc.clauses)) == [PREFACE, *LIUHE_PARTS]
