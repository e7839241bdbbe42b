"""Numbering styles other than the plan's: laws (第X章/节/条), （1）, 1. / 1、 and Markdown."""
from __future__ import annotations

from ingest.clean import clean, strip_ws
from core.numerals import cn_to_int
from ingest.parse import parse
from ingest.read import parse_source, read_source
from tests.conftest import law


def test_chinese_numerals():
    assert [cn_to_int(n) for n in ("一", "十", "十二", "二十", "一百零三", "7")] == [1, 10, 12, 20, 103, 7]


def test_each_article_is_a_clause_under_its_chapter():
    doc = parse_source(read_source(law("公共场所卫生管理条例")))
    assert doc.title == "公共场所卫生管理条例"
    assert len(doc.clauses) == 19
    by_key = {c.id.split("#")[1]: c for c in doc.clauses}
    assert by_key["c2.a5"].section == ("第二章 卫生管理", "第五条")
    assert by_key["c4.a14"].section == ("第四章 罚则", "第十四条")
    assert by_key["c5.a19"].text == "第十九条本条例自发布之日起施行。"


def test_items_inside_an_article_stay_in_the_article():
    doc = parse_source(read_source(law("公民举报危害国家安全行为奖励办法")))
    a4 = next(c for c in doc.clauses if c.id.endswith("#c1.a4"))
    assert a4.text.startswith("第四条公民可以通过下列方式向国家安全机关举报：（一）拨打")
    assert a4.text.endswith("（六）其他举报方式。")
    assert [c.id.split("#")[1] for c in doc.clauses][-2:] == ["c5.a23", "c5.a24"]


def test_subsections_sit_between_chapter_and_article():
    doc = parse_source(read_source(law("上海市外商投资企业审批条例")))
    a6 = next(c for c in doc.clauses if c.id.endswith("#c2.j1.a6"))
    assert a6.section == ("第二章 外商投资企业的设立", "第一节 中外合资经营企业", "第六条")
    # the same 节 titles recur under 第三章 and get their own path
    assert any(c.id.split("#")[1].startswith("c3.j1.") for c in doc.clauses)


def test_law_without_chapters_numbers_articles_from_the_top():
    doc = parse_source(read_source(law("国徽法")))
    assert [c.id.split("#")[1] for c in doc.clauses][:3] == ["a1", "a2", "a3"]
    assert doc.clauses[0].section == ("第一条",)


def test_every_law_article_is_verbatim():
    for name in ("公共场所卫生管理条例", "公民举报危害国家安全行为奖励办法", "国徽法", "宁波市广播电视管理条例", "上海市外商投资企业审批条例"):
        path = law(name)
        source = strip_ws(path.read_text(encoding="utf-8"))
        doc = parse_source(read_source(path))
        assert doc.clauses and all(c.text in source for c in doc.clauses), name


def test_parenthesised_and_dotted_numbering():
    text = "一、总体要求\n\n（一）基本原则\n\n1.坚持创新。鼓励研发。\n\n（1）加大投入。\n\n（2）完善机制。\n\n2、强化保障。落实资金。\n"
    doc = parse("d", "t", clean(text))
    assert [c.id for c in doc.clauses] == ["d#1.1.1", "d#1.1.1.1", "d#1.1.1.2", "d#1.1.2"]
    assert doc.clauses[1].section == ("一、总体要求", "（一）基本原则", "1.坚持创新", "（1）加大投入")
    assert doc.clauses[3].heading == "2、强化保障"


def test_markdown_headings_make_sections():
    text = "# 某市数据条例\n\n## 总体要求\n\n加快数据要素市场建设。\n\n## 保障措施\n\n### 资金\n\n设立专项资金。\n"
    doc = parse("d", "t", clean(text))
    assert [(c.section, c.text) for c in doc.clauses] == [
        (("某市数据条例", "总体要求"), "加快数据要素市场建设。"),
        (("某市数据条例", "保障措施", "资金"), "设立专项资金。"),
    ]
