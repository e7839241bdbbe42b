"""Structure that survives real layouts: items end at their annotation, the issuing notice, attachments,
and a real document's items and annotations counted by hand (tests/fixtures/policies/SOURCES.md)."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.clean import clean, strip_ws
from ingest.parse import NOTICE, parse
from ingest.read import parse_source, read_source

POLICIES = Path(__file__).parents[1] / "fixtures" / "policies"

# Items not indented, no blank lines, lines ending in `）`: the layout that merged items 2–8 into one clause.
FLUSH_ITEMS = """（一）加强人才引进
1.实施高层次人才引进计划。面向全球引进领军人才。（牵头单位：市委组织部；配合单位：市人社局、市科技局）
2.完善人才落户政策。放宽人才落户条件，全面取消高校毕业生、技能人才落户的社保年限要求，优化
落户办理流程。（牵头单位：市公安局，配合单位：各区人民政府）
3.建设人才驿站。为来访人才提供短期免费住宿。
（牵头单位：市人社局）
4.设立人才发展专项资金。（牵头单位：市财政局）
5.举办人才交流活动。（市人社局负责）
6.优化人才子女入学服务。
（二）强化人才服务
7.推行人才服务专员制度。（牵头单位：市人社局，配合单位：有关区（市）县）
"""


def _by_key(doc):
    return {c.id.split("#")[1]: c for c in doc.clauses}


def test_each_numbered_item_is_one_clause_and_keeps_its_own_annotation():
    doc = parse("d", "t", clean(FLUSH_ITEMS))
    items = [c for c in doc.clauses if c.kind == "item"]
    assert [c.id for c in items] == [f"d#1.{n}" for n in range(1, 7)] + ["d#2.7"]
    by = _by_key(doc)
    assert by["1.1"].leads == ("市委组织部",) and by["1.1"].partner_units == ("市人社局", "市科技局")
    assert by["1.2"].text.endswith("（牵头单位：市公安局，配合单位：各区人民政府）") and by["1.2"].generic_units == ("各区人民政府",)
    assert by["1.3"].leads == ("市人社局",)  # the annotation on its own line belongs to the item above
    assert by["1.5"].units == ("市人社局",) and by["1.5"].tag_form == "inline" and not by["1.5"].lead_explicit
    assert by["1.6"].units == ()  # no tag leaks onto the next item or heading
    assert by["2.7"].generic_units == ("有关区（市）县",)
    assert all(c.tag_text in c.text for c in doc.clauses)


def test_annotation_on_its_own_paragraph_joins_the_item_above():
    text = "一、任务\n\n1.做好A。\n\n（牵头单位：市经信局，配合单位：市财政局）\n\n2.做好B。\n"
    doc = parse("d", "t", clean(text))
    assert [c.id for c in doc.clauses] == ["d#1.1", "d#1.2"]
    assert doc.clauses[0].leads == ("市经信局",) and doc.clauses[1].units == ()


NOTICE_DOC = """广州市人民政府办公厅关于印发广州市促进人才发展实施方案的通知
穗府办〔2022〕12号
各区人民政府，市政府各部门、各直属机构：
《广州市促进人才发展实施方案》已经市人民政府同意，现印发给你们，请认真贯彻执行。
广州市人民政府办公厅
2022年3月1日
（此件公开发布）
广州市促进人才发展实施方案
为加快建设人才强市，制定本方案。
一、重点任务
1.建设人才公寓。（牵头单位：市住房城乡建设局）
附件：重点任务分工表
序号	工作任务	牵头单位	配合单位
1	建设人才公寓	市住房城乡建设局	各区人民政府
"""


def test_issuing_notice_is_its_own_preface_and_the_attachment_its_own_section():
    doc = parse("d", "t", clean(NOTICE_DOC))
    notice = [c for c in doc.clauses if c.section == (NOTICE,)]
    assert [c.kind for c in notice] == ["notice"] * 7 and notice[1].text == "穗府办〔2022〕12号"
    assert "广州市促进人才发展实施方案" not in [c.text for c in doc.clauses]  # the issued document's title line is a heading
    by = _by_key(doc)
    assert by["preface.p1"].text == "为加快建设人才强市，制定本方案。"
    assert by["appendix.r1"].section == ("附件：重点任务分工表",) and by["appendix.r1"].links == ("d#1.1",)
    assert "".join(strip_ws(s.text) for s in doc.segments) == strip_ws(NOTICE_DOC)


def test_guangzhou_party_building_items_and_annotations_counted_by_hand():
    path = POLICIES / "guangzhou-party-building-innovation.txt"
    doc = parse_source(read_source(path))
    items = [c for c in doc.clauses if c.kind == "item"]
    assert [c.heading.split(".")[0] for c in items] == ["1", "2", "3", "4", "5", "8", "9", "12", "13"]
    assert [c.id.split("#")[1] for c in items if c.units] == ["2.2", "2.3", "2.4", "3.5", "3.8", "3.9", "4.12", "4.13"]
    by = _by_key(doc)
    assert by["2.2"].leads == ("市委宣传部",) and by["2.2"].partner_units == ("市委党校", "市委组织部")
    assert by["2.4"].partner_units == ("市委党校", "市人力资源和社会保障局", "市国资委", "市科技和信息化局", "市卫生局", "市教育局")
    assert by["3.5"].units == ("市委组织部",) and by["3.8"].partner_units == ("市国资委", "市教育局")
    assert by["4.12"].partner_units == ("市民政局", "市财政局", "市农业局")
    assert all(c.lead_explicit and c.tag_form == "labelled" for c in items if c.units)
    assert all(c.text.endswith(c.tag_text) for c in items if c.units)
    source = strip_ws(path.read_text(encoding="utf-8"))
    assert all(c.text in source for c in doc.clauses)


from ingest.markers import record_markers  # noqa: E402

_GUIDE = ["就业政策清单", "服务对象：高校毕业生", "求职补贴", "政策内容：每人1000元。", "申请渠道：所在高校",
          "见习补贴", "政策内容：按最低工资标准。", "文件依据：《某意见》", "申请渠道：区就业服务机构",
          "服务对象：企业", "社保补贴", "对招用困难人员的单位给予补贴。", "文件依据：《某办法》", "申请渠道：街道窗口"]


@pytest.mark.parametrize("lines,taken,expected", [
    # a policy list: titles, their fields, and the groups whose label first comes before any record
    (_GUIDE, None, {1: "group", 2: "record", 5: "record", 9: "group", 10: "record"}),
    # a service guide's entries: 办理条件 / 申请材料 / 办理地点 after each title, no groups
    (["公租房申请", "办理条件：本市户籍。", "申请材料：身份证。", "办理地点：区住房保障窗口",
      "租赁补贴申请", "办理条件：收入低于标准。", "申请材料：收入证明。",
      "续租申请", "办理条件：租期届满。", "办理地点：原受理窗口"], None, {0: "record", 4: "record", 7: "record"}),
    # two records are no list
    (["求职补贴", "政策内容：1000元。", "申请渠道：高校", "见习补贴", "政策内容：最低工资。", "申请渠道：区机构"], None, {}),
    # a notice's header block of labelled lines is one block, not records
    (["关于印发某办法的通知", "发布机关：市政府", "发布日期：2020年1月1日", "文号：某发〔2020〕1号", "第一条为了规范管理，制定本办法。"],
     None, {}),
    # numbered headings keep their own markers
    (["一、求职补贴", "政策内容：1000元。", "申请渠道：高校", "二、见习补贴", "政策内容：最低工资。", "申请渠道：区机构",
      "三、社保补贴", "政策内容：全额。", "申请渠道：窗口"], [True, False, False] * 3, {}),
])
def test_a_list_of_records_reads_each_title_as_an_entry(lines, taken, expected):
    """Class: a policy list or guide exported from a database — an unnumbered title line, then `标签：内容` fields;
    a field line standing before the first record (`服务对象：…`) groups the records after it."""
    markers = record_markers(lines, taken or [False] * len(lines))
    assert {i: m.kind for i, m in markers.items()} == expected


@pytest.mark.parametrize("text,last", [
    # 乐清's 申报材料: the list's last line lacks its `。`, and a higher heading follows
    ("二、申报材料\n1.申请表（附件1）。\n2.承诺书（附件2）。\n3.品牌授权函（授权期限需涵盖全年）\n三、报名方式\n（一）现场报送。",
     "3.品牌授权函（授权期限需涵盖全年）"),
    ("一、申请条件\n1.在本市注册登记。\n2.无违法记录\n二、申请材料\n1.营业执照。", "2.无违法记录"),
    ("（一）材料\n1.身份证复印件；\n2.户口簿复印件；\n3.购房合同\n（二）流程\n先申请，后审核。", "3.购房合同"),
    ("三、补贴对象\n（1）高校毕业生；\n（2）退役军人\n四、补贴标准\n每人1000元。", "（2）退役军人"),
    ("一、条件\n1.年满18周岁。\n2.具有本市户籍。\n3.信用良好\n二、办理地点\n市民之家。", "3.信用良好"),
])
def test_a_lists_last_item_without_its_full_stop_is_kept_as_an_item(text, last):
    """Class: a list of sentences whose last item lacks its `。` before the next heading: it heads nothing, so it
    is an item of its own, not a heading whose text would be lost."""
    doc = parse("d", "t", clean(text))
    assert any(c.text == last for c in doc.clauses), [c.text for c in doc.clauses]


def test_a_run_of_titles_alone_stays_headings():
    """An attachment list (titles alone, no sentence) before the next part is still a run of headings."""
    doc = parse("d", "t", clean("一、总则\n1.广州市基层医疗卫生服务体系\n2.家庭医生签约服务体系\n二、任务\n做好签约服务。"))
    assert not any(c.text.startswith(("1.广州市", "2.家庭医生")) for c in doc.clauses if c.kind == "item")
