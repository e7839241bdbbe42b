"""Task-division tables: TAB, space and Markdown rows become row clauses linked to the body items they name."""
from __future__ import annotations

import pytest

from ingest.clean import clean, strip_ws
from ingest.parse import parse
from ingest.tables import TableRow, continued, is_header, split_cells

BODY = """一、重点任务
1.建设人才公寓。统筹各类园区资源，建设人才公寓。
2.完善人才服务平台。整合人才服务事项，实现一网通办。（牵头单位：市人社局）
附件
重点任务分工表
"""

TAB = "序号\t工作任务\t牵头单位\t配合单位\t完成时限\n1\t建设人才公寓\t市住建局\t市规划和自然资源局、各区政府\t2023年底\n2\t完善人才服务平台\t市人社局\t市政务服务数据管理局\t2024年\n"
SPACES = "序号  重点任务        牵头单位    配合单位        完成时限\n1     建设人才公寓    市住建局    市规划和自然资源局、各区政府    2023年底\n2     完善人才服务平台    市人社局    市政务服务数据管理局    2024年\n"
MARKDOWN = "| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |\n| --- | --- | --- | --- | --- |\n| 1 | 建设人才公寓 | 市住建局 | 市规划和自然资源局、各区政府 | 2023年底 |\n| 2 | 完善人才服务平台 | 市人社局 | 市政务服务数据管理局 | 2024年 |\n"


@pytest.mark.parametrize("table", [TAB, SPACES, MARKDOWN], ids=["tab", "spaces", "markdown"])
def test_each_row_is_a_clause_with_its_units_and_links(table):
    text = BODY + table
    doc = parse("d", "t", clean(text))
    by_id = {c.id.split("#")[1]: c for c in doc.clauses}
    rows = [c for c in doc.clauses if c.kind == "row"]
    assert [r.id for r in rows] == ["d#appendix.r1", "d#appendix.r2"]
    r1, r2 = rows
    assert (r1.heading, r1.units, r1.leads, r1.partner_units, r1.generic_units, r1.tag_form) == (
        "建设人才公寓", ("市住建局", "市规划和自然资源局"), ("市住建局",), ("市规划和自然资源局",), ("各区政府",), "table")
    assert r1.section == ("附件",) and r1.tag_text in r1.text
    # the body item without an annotation takes the row's units; the annotated one keeps its own
    assert r1.links == ("d#1.1",) and by_id["1.1"].links == ("d#appendix.r1",)
    assert by_id["1.1"].units == ("市住建局", "市规划和自然资源局") and by_id["1.1"].tag_scope == "d#appendix.r1"
    assert by_id["1.2"].units == ("市人社局",) and by_id["1.2"].links == ("d#appendix.r2",) and by_id["1.2"].tag_scope == ""
    source = strip_ws(text)
    assert all(c.text in source for c in doc.clauses)
    assert "".join(strip_ws(s.text) for s in doc.segments) == source


def test_header_is_found_by_column_names_in_any_order():
    assert is_header(("完成时限", "配合单位", "主要内容", "牵头部门"))
    assert not is_header(("一级指标", "二级指标", "评价标准"))
    assert not is_header(("序号", "名称"))


def test_a_row_continuing_a_task_takes_its_number_task_and_empty_unit_cells():
    header = ("序号", "工作事项", "主要内容", "牵头单位", "配合单位")
    first = TableRow(("1", "有序扩大家庭医生来源。", "现阶段…", "各区政府", "市卫生健康委"), header, "tab")
    cells, style = split_cells("\t\t根据服务人口…\t\t市人社局", "tab")
    row = continued(TableRow(cells, header, style), first)
    assert row.cells == ("1", "有序扩大家庭医生来源。", "根据服务人口…", "各区政府", "市人社局") and row.part == 2


HEADER = ("序号", "工作任务", "主要工作内容", "牵头单位", "配合单位")
FIRST = TableRow(("（二）", "加强源头监管", "落实工地数字化监督管理。", "区城运中心", "区数据局、区建设管理委"), HEADER, "tab")


@pytest.mark.parametrize("line,expected", [
    ("加强拆房工地监督管理。\t区房管局\t——", ("（二）", "加强源头监管", "加强拆房工地监督管理。", "区房管局", "——")),
    ("加强装修垃圾监督管理。\t区绿化市容局\t区房管局、区城管执法局、属地街镇",
     ("（二）", "加强源头监管", "加强装修垃圾监督管理。", "区绿化市容局", "区房管局、区城管执法局、属地街镇")),
    ("落实消纳场所属地管理\t属地街镇\t——", ("（二）", "加强源头监管", "落实消纳场所属地管理", "属地街镇", "——")),
    ("开展码头备案工作。\t区绿化市容局 区建设管理委\t/",
     ("（二）", "加强源头监管", "开展码头备案工作。", "区绿化市容局 区建设管理委", "/")),
    ("加强河道疏浚监督管理。\t区水务局\t区生态环境局", ("（二）", "加强源头监管", "加强河道疏浚监督管理。", "区水务局", "区生态环境局")),
])
def test_a_row_that_leaves_out_the_cells_a_rowspan_covered_is_aligned_from_the_right(line, expected):
    """Class: a division table copied out of HTML with rowspans, the covered cells left out rather than left empty —
    the row's last cells are its unit columns, its number and task the row's above."""
    cells, style = split_cells(line, "tab")
    row = continued(TableRow(cells, HEADER, style), FIRST)
    assert row.cells == expected and row.part == 2


@pytest.mark.parametrize("line", ["二\t构建全链条全过程闭环管理体系", "（三）\t强化数字赋能"])
def test_a_group_heading_inside_a_table_is_not_aligned_as_units(line):
    cells, style = split_cells(line, "tab")
    assert continued(TableRow(cells, HEADER, style), FIRST).cells == cells


def test_rows_of_one_task_are_named_apart_by_their_own_work():
    text = BODY + "\n".join(["序号\t工作任务\t主要工作内容\t牵头单位\t配合单位",
                             "1\t加强源头监管\t落实工地数字化监督管理。\t区城运中心\t区数据局",
                             "加强拆房工地监督管理。\t区房管局\t——",
                             "2\t法治保障\t推动行刑衔接。\t区司法局\t——"]) + "\n"
    rows = [c for c in parse("d", "t", clean(text)).clauses if c.kind == "row"]
    assert [(c.heading, c.leads) for c in rows] == [
        ("加强源头监管：落实工地数字化监督管理", ("区城运中心",)), ("加强源头监管：加强拆房工地监督管理", ("区房管局",)),
        ("法治保障", ("区司法局",))]


@pytest.mark.parametrize("none", ["——", "—", "/", "无", "-"])
def test_a_lead_cell_that_says_none_states_no_lead(none):
    """Class: `——` under 牵头单位 beside a 配合单位 list — the table says nobody leads; the first partner is no lead."""
    from core.lead_rule import states_no_lead
    text = BODY + f"序号\t工作任务\t牵头单位\t配合单位\n1\t运用数据平台\t{none}\t区数据局、区城运中心\n"
    row = next(c for c in parse("d", "t", clean(text)).clauses if c.kind == "row")
    assert row.leads == () and row.units == ("区数据局", "区城运中心") and states_no_lead(row, no_lead=False)


def test_generic_lead_column_leads_and_named_units_co_operate():
    text = BODY + "序号\t工作任务\t牵头单位\t配合单位\n1\t建设人才公寓\t各区政府\t市住建局\n"
    row = next(c for c in parse("d", "t", clean(text)).clauses if c.kind == "row")
    assert (row.leads, row.units, row.partner_units) == (("各区政府",), ("市住建局",), ("市住建局",))


@pytest.mark.parametrize("table", [TAB, SPACES, MARKDOWN], ids=["tab", "spaces", "markdown"])
def test_columns_beyond_the_units_are_kept_by_their_names(table):
    """A deadline column (and any column the reader does not know) stays with its row, in the table's words."""
    rows = [c for c in parse("d", "t", clean(BODY + table)).clauses if c.kind == "row"]
    assert [r.columns for r in rows] == [(("完成时限", "2023年底"),), (("完成时限", "2024年"),)]


OFFICES = ("序号\t工作事项\t主要内容\t牵头单位\t配合单位\t市卫健委内牵头处室\t市卫健委内配合处室\n"
           "1\t优化转诊服务。\t预留号源给家庭医生。\t市卫生健康委、各区政府\t市医保局\t医政处\t基层处\n"
           "2\t加强中医药服务。\t建设中医馆。\t市卫生健康委\t/\t中医药处\t/\n")


def test_office_columns_of_a_division_table_stay_apart_from_the_units():
    """Class: 分工表 with extra responsibility columns (内设处室, 责任领导): kept as columns, never taken as units."""
    rows = [c for c in parse("d", "t", clean(BODY + OFFICES)).clauses if c.kind == "row"]
    first, second = rows
    assert first.units == ("市卫生健康委", "市医保局") and first.partner_units == ("市医保局",)
    assert first.columns == (("市卫健委内牵头处室", "医政处"), ("市卫健委内配合处室", "基层处"))
    assert second.partner_units == () and second.columns == (("市卫健委内牵头处室", "中医药处"), ("市卫健委内配合处室", "/"))


def test_a_list_that_names_who_oversees_each_measure_is_a_division_table():
    """Class: a 推广清单 / 事项清单 whose unit column is 指导部门 (or 主管部门, 实施部门, 承办单位) and whose task column is
    改革举措 (举措, 事项): each row is a task with its units, the first listed leading by convention."""
    from ingest.tables import column_role

    assert [column_role(c) for c in ("序号", "改革举措", "主 要 内 容", "指导部门", "推广范围")] == \
        ["number", "task", "task", "responsible", ""]
    assert {column_role(c) for c in ("主管部门", "实施部门", "承办单位", "指导单位", "责任主体")} == {"responsible"}
    assert column_role("事项") == "task" and column_role("主办单位") == "lead"


# Several attachments, each with its own table: `附件2` ends the task table before it (its title line is no wrapped
# cell of the last row, its rows no task rows); a cell listing units apart by spaces lists them one by one; a body
# named by its kind (区党政机关, 公共机构) is every one of that kind, no unit.
ATTACHMENTS = (
    "一、主要任务\n1.推进垃圾分类。全面推进。\n附件1\n工作任务清单\n"
    "序号\t任务名称\t任务内容\t牵头部门\t配合部门\t时间节点\n"
    "1\t加强组织领导\t召开动员大会。\t区政府办公室\t各联席会议成员单位\t2019年3月\n"
    "2\t\t纳入绩效评价。\t区委组织部\t区商务委 区绿化市容局\t2019年\n"
    "3\t推进全面覆盖\t党政机关完成全覆盖。\t区机管局\t区绿化市容局 区党政机关、公共机构\t2019年9月\n"
    "{next}\n目标任务分解表\n街镇\t目标任务\n罗店镇\t创建达标61个小区。\n"
)


@pytest.mark.parametrize("next_line", ["附件2", "附件2：", "附件二", "附件 2", "附件２"])
def test_the_next_attachment_ends_a_task_table(next_line):
    doc = parse("d", "t", clean(ATTACHMENTS.format(next=next_line)))
    rows = [c for c in doc.clauses if c.kind == "row"]
    assert [r.id.split("#")[1] for r in rows] == ["appendix1.r1", "appendix1.r2", "appendix1.r3"]
    assert rows[-1].columns[-1] == ("时间节点", "2019年9月")  # no `附件2` or title glued to the last cell
    assert rows[1].units == ("区委组织部", "区商务委", "区绿化市容局")
    assert rows[2].units == ("区机管局", "区绿化市容局") and rows[2].generic_units == ("区党政机关", "公共机构")
    assert not any(c.units for c in doc.clauses if c.section[:1] != ("附件1",) and c.kind != "item")
