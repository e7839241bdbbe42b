"""The responsibility matrix on the real index.

Figures worked out by hand from the plan's 16 ［责任单位：…］ tags (first named unit leads):
  市经信局 leads 11: 三（一）产业规模, 市场主体, 专业载体, 融资体系; 六（一）–（六）; 七（二);
           and shares 5: 三（一）创新实力, 六（七）, 七（一）, 七（三）, 七（四）-> in all 16 tasks.
  市发改委 leads 2: 三（一）创新实力, 七（三）.
  市政府督查室 leads 2: 七（一）, 七（四）.
  市商务局 leads 1: 六（七）; shares 5: 产业规模, 专业载体, 六（三）, 七（二）, 七（三）.
  11 + 2 + 2 + 1 = 16 leads, one per task.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from core.clause import Clause
from kb.index import load_index
from kb.matrix import (LEAD, SHARE, clauses_of, matrix_frame, parts, responsibility_matrix, role, tasks,
                       unit_loads)
from core.units import load_units

DOC = "chengdu-software-plan-2019-2025"


@pytest.fixture(scope="module")
def clauses(index_dir: Path) -> tuple[Clause, ...]:
    return load_index(index_dir).clauses


@pytest.fixture(scope="module")
def loads(clauses) -> dict[str, tuple[int, int]]:
    return {u.unit: (u.leads, u.shares) for u in unit_loads(clauses, load_units().names())}


def test_tasks_are_the_16_tagged_clauses_in_document_order(clauses) -> None:
    assert [t.id.split("#")[1] for t in tasks(clauses)] == [
        "3.1.产业规模", "3.1.市场主体", "3.1.创新实力", "3.1.专业载体", "3.1.融资体系",
        "6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.7", "7.1", "7.2", "7.3", "7.4"]


def test_matrix_has_a_row_for_each_of_the_27_units_in_table_order(clauses) -> None:
    rows = responsibility_matrix(clauses, load_units().names())
    assert [r.unit for r in rows] == list(load_units().names())
    assert len(rows) == 27
    assert all(r.roles for r in rows)  # every named unit has at least one task


def test_default_unit_order_is_first_appearance_in_the_tags(clauses) -> None:
    rows = responsibility_matrix(clauses)
    assert [r.unit for r in rows] == list(load_units().names())


def test_lead_counts_match_the_tags(loads) -> None:
    leaders = {unit: lead for unit, (lead, _) in loads.items() if lead}
    assert leaders == {"市经信局": 11, "市发改委": 2, "市政府督查室": 2, "市商务局": 1}
    assert sum(lead for lead, _ in loads.values()) == 16


def test_share_counts_for_the_busiest_units(loads) -> None:
    assert loads["市经信局"] == (11, 5)
    assert loads["市商务局"] == (1, 5)
    assert loads["市科技局"] == (0, 8)
    assert loads["市统计局"] == (0, 1)


def test_supervision_office_leads_chapter_seven_one_and_four(clauses) -> None:
    led = [t.section_label for t in clauses_of(clauses, "市政府督查室") if role(t, "市政府督查室") == LEAD]
    assert led == ["七、保障措施 > （一）强化组织领导统筹推进", "七、保障措施 > （四）强化运行分析科学督导"]


def test_commerce_bureau_leads_only_the_belt_and_road_task(clauses) -> None:
    rows = {r.unit: r.roles for r in responsibility_matrix(clauses)}
    led = [label for label, r in rows["市商务局"].items() if r == LEAD]
    assert led == ["六、重点任务 > （七）借力“一带一路”加快拓展国际市场"]
    assert rows["市商务局"]["七、保障措施 > （三）优化政务服务营商环境"] == SHARE


def test_market_entities_target_cells(clauses) -> None:
    frame = matrix_frame(clauses, load_units().names())
    column = frame["三、发展目标 > （一）总体目标 > 市场主体"]
    assert column[column != ""].to_dict() == {"市经信局": LEAD, "市市场监管局": SHARE, "市投促局": SHARE,
                                              "市金融监管局": SHARE}


def test_frame_filtered_to_a_part_keeps_all_units_and_only_its_tasks(clauses) -> None:
    frame = matrix_frame(clauses, load_units().names(), parts=["七、保障措施"])
    assert frame.shape == (27, 4)
    assert all(label.startswith("七、保障措施") for label in frame.columns)


def test_parts_holding_tasks(clauses) -> None:
    assert parts(clauses) == ["三、发展目标", "六、重点任务", "七、保障措施"]


def test_inherited_tags_are_not_counted_as_tasks() -> None:
    own = Clause(id=f"{DOC}#9", doc=DOC, title="t", section=("九",), heading="", text="x", units=("A", "B"))
    inherited = Clause(id=f"{DOC}#9.1", doc=DOC, title="t", section=("九", "1"), heading="", text="y",
                       units=("A", "B"), tag_scope=f"{DOC}#9", order=1)
    assert tasks([inherited, own]) == [own]
    assert [(u.unit, u.leads, u.shares) for u in unit_loads([own, inherited])] == [("A", 1, 0), ("B", 0, 1)]
