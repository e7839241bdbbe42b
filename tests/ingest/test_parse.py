"""The plan parsed into clauses: structure, tags, units and the coverage invariant."""
from __future__ import annotations

import re

from ingest.clean import clean, strip_ws
from ingest.parse import parse
from tests.conftest import DOC, plan_text

SIX_FOUR = ("市经信局", "市发改委", "市教育局", "市科技局", "市人社局")


def test_sixteen_tags_are_found(plan):
    tagged = [c for c in plan.clauses if c.units and not c.tag_scope]
    assert len(tagged) == 16
    assert len(re.findall("责任单位", strip_ws(plan_text()))) == 16


def test_section_six_four_units_and_lead(clauses_by_id):
    c = clauses_by_id["6.4"]
    assert c.section == ("六、重点任务", "（四）打造公共平台人才基地汇聚高端人才")
    assert c.units == SIX_FOUR
    assert c.lead_unit == "市经信局"
    assert c.generic_units == ("有关市级部门", "有关区（市）县")


def test_section_seven_four_is_led_by_supervision_office(clauses_by_id):
    assert clauses_by_id["7.4"].lead_unit == "市政府督查室"
    assert clauses_by_id["7.4"].units == ("市政府督查室", "市经信局", "市统计局")


def test_districts_and_organisations_are_named_units(clauses_by_id):
    assert clauses_by_id["6.7"].units[-2:] == ("成都高新区", "青白江区")
    assert clauses_by_id["6.7"].lead_unit == "市商务局"
    assert clauses_by_id["3.1.融资体系"].units[-1] == "成都产业集团"
    assert clauses_by_id["3.1.融资体系"].generic_units == ()
    assert "国家税务总局成都市税务局" in clauses_by_id["7.3"].units


def test_each_target_item_carries_its_own_tag(clauses_by_id):
    targets = {k: c for k, c in clauses_by_id.items() if c.kind == "target"}
    assert list(targets) == ["3.1.产业规模", "3.1.市场主体", "3.1.创新实力", "3.1.专业载体", "3.1.融资体系"]
    assert targets["3.1.创新实力"].lead_unit == "市发改委"
    assert targets["3.1.产业规模"].section == ("三、发展目标", "（一）总体目标", "产业规模")


def test_split_tags_are_joined(clauses_by_id):
    # `［责` / `任单位：` in 三（一）专业载体 and `有关区（市）` / `县］` in 六（一）
    assert "［责任单位：市经信局、市科技局、市商务局、市规划和自然资源局" in clauses_by_id["3.1.专业载体"].text
    assert clauses_by_id["6.1"].text.endswith("有关市级部门，有关区（市）县］")


def test_stage_paragraphs_and_their_year_paragraph(clauses_by_id):
    stage = clauses_by_id["3.2.s1"]
    year = clauses_by_id["3.2.s1.p1"]
    assert stage.kind == "stage" and stage.heading == "第一阶段，提质增效（2019—2020年）"
    assert year.section == stage.section and year.text.startswith("到2020年，世界500强")
    assert clauses_by_id["3.2.s3.p1"].text.endswith("软件从业人员达到80万人。")


def test_lead_phrase_paragraphs_are_clauses(clauses_by_id):
    assert [k for k in clauses_by_id if k.startswith("2.")] == ["2.创新驱动", "2.特色引领", "2.市场导向", "2.协同发展"]
    assert clauses_by_id["5.核心聚集区"].section == ("五、发展布局", "核心聚集区")
    assert clauses_by_id["4.1.2"].heading == "2．“云大物移智”技术"


def test_no_figure_caption_or_attachment_inside_any_clause(plan):
    assert [a.kind for a in plan.artifacts] == ["caption", "caption", "attachment", "attachment"]
    for c in plan.clauses:
        assert "成都市软件产业高质量发展总体架构" not in c.text and "总体布局示意图" not in c.text
        assert "附件" not in c.text or c.kind == "annexes"
    # the list of attachments (附件：1-1．… / 1-2．…) is not body text, but it names them: one clause of its own
    (listing,) = [c for c in plan.clauses if c.kind == "annexes"]
    assert listing.text.startswith("附件：1-1．") and "1-2．成都市软件产业重点领域" in listing.text


def test_every_clause_is_a_verbatim_substring_of_the_source(plan):
    source = strip_ws(plan_text())
    assert all(c.text in source for c in plan.clauses)


def test_clauses_headings_and_artifacts_rebuild_the_source(plan):
    rebuilt = "".join(strip_ws(s.text) for s in plan.segments)
    assert rebuilt == strip_ws(plan_text())
    without_artifacts = "".join(s.text for s in plan.segments if s.kind != "artifact")
    assert len(without_artifacts) == len(rebuilt) - sum(len(strip_ws(a.text)) for a in plan.artifacts)


def test_ids_are_unique_and_stable_when_text_is_inserted():
    text = plan_text()
    before = {c.id: c.text for c in parse(DOC, "t", clean(text)).clauses}
    edited = text.replace("二、发展原则", "二、发展原则\n\n本节为新增段落。", 1)
    after = {c.id: c.text for c in parse(DOC, "t", clean(edited)).clauses}
    assert len(before) == 52  # 51 of the text and the list of its attachments
    assert set(after) - set(before) == {f"{DOC}#2.p1"}
    assert all(after[k] == v for k, v in before.items())


def test_preface_is_its_own_section(clauses_by_id):
    assert clauses_by_id["preface.p1"].section == ("前言",)
    assert "全省96.0%" in clauses_by_id["preface.p1"].text
