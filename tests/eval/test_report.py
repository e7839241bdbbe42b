"""Tables, failure reasons and atomic writes, on hand-made runs (no index needed)."""
from __future__ import annotations

import pytest

from eval.diagnose import missing_strings, reason
from eval.metrics import EvalContext
from eval.report import render_markdown, render_text, summary_table, write_atomic
from eval.runner import EvalConfig, Run

SUMMARY = {"overall/n": 2.0, "overall/answer_accuracy": 0.5, "overall/refusal_accuracy": 1.0,
           "overall/latency_p50_ms": 12.34, "unanswerable/n": 1.0, "unanswerable/answer_accuracy": 1.0,
           "lead_unit/n": 1.0, "lead_unit/answer_accuracy": 0.0}
TAG = "［责任单位：市经信局、市市场监管局，有关市级部门］"
CTX = EvalContext(clause_text={"c1": "年均新增市场主体数量不少于1.8万个。" + TAG, "c2": "其他。［责任单位：市统计局］"},
                  clause_units={"c1": ("市经信局", "市市场监管局"), "c2": ("市统计局",)},
                  known_units=("市经信局", "市市场监管局", "市统计局"))
GOLD = {"id": "L1", "category": "lead_unit", "question": "市场主体目标由谁牵头？", "answer": "市经信局。",
        "answer_units": ["市经信局"], "must_contain": ["市经信局"], "evidence": ["年均新增市场主体数量不少于1.8万个"]}


def _run(name: str, summary: dict[str, float]) -> Run:
    return Run(EvalConfig(name), [], [], summary)


def test_single_run_table_has_a_row_per_group_overall_first_in_readme_order():
    table = summary_table([_run("fused", SUMMARY)])
    assert [r[0] for r in table.rows] == ["overall", "lead_unit", "unanswerable"]
    # columns no group has are left out: answer acc, refusal acc, p50 ms remain
    assert table.headers == ("group", "n", "answer acc", "refusal acc", "p50 ms")
    assert table.rows[0] == ("overall", "2", "0.500", "1.000", "12.3")
    assert table.rows[1] == ("lead_unit", "1", "0.000", "–", "–")


def test_prefixed_groups_get_their_own_table_without_the_prefix():
    summary = {**SUMMARY, "op:lead/n": 1.0, "op:lead/answer_accuracy": 0.0, "op:lead/strict_accuracy": 0.0,
               "doc:plan/n": 2.0, "doc:plan/answer_accuracy": 0.5}
    assert [r[0] for r in summary_table([_run("fused", summary)]).rows] == ["overall", "lead_unit", "unanswerable"]
    ops = summary_table([_run("fused", summary)], "op:")
    assert [r[0] for r in ops.rows] == ["overall", "lead"]
    assert ops.headers == ("group", "n", "answer acc", "strict acc", "refusal acc", "p50 ms")


def test_compare_table_has_a_column_per_config_and_skips_metrics_no_config_has():
    table = summary_table([_run("fused", SUMMARY), _run("bm25", {**SUMMARY, "overall/answer_accuracy": 0.25})])
    assert table.headers == ("group", "metric", "fused", "bm25")
    assert table.rows[0] == ("overall (n=2)", "answer acc", "0.500", "0.250")
    assert ("", "hit@1", "–", "–") not in table.rows


def test_text_and_markdown_tables_render_every_row():
    table = summary_table([_run("fused", SUMMARY)])
    text, md = render_text(table).splitlines(), render_markdown(table).splitlines()
    assert len(text) == len(md) == 2 + len(table.rows)
    assert md[1].startswith("|---|---:|") and md[2].startswith("| overall | 2 | 0.500 |")
    assert len({len(line) for line in text[:2]}) == 1  # header and rule line up


def test_missing_strings_fold_width_and_whitespace():
    assert missing_strings("目标 １０％，由市经信局牵头", {**GOLD, "must_contain": ["10%", "2家"]}) == ["2家"]


@pytest.mark.parametrize(("result", "why"), [
    ({"answerable": False, "answer": "文件未提及：规划中没有与此相关的内容。"}, "refused an answerable question: 文件未提及"),
    ({"answerable": True, "answer": "由市市场监管局牵头。"}, "missing 市经信局"),
    ({"answerable": True, "answer": "市经信局牵头，市统计局参与。"}, "names units outside the gold clauses: 市统计局"),
])
def test_reason_says_why_an_answer_failed(result, why):
    assert reason({"id": "L1", "intent": "lead", **result}, GOLD, CTX).startswith(why)


def test_reason_for_answering_an_unanswerable_question():
    gold = {**GOLD, "evidence": [], "answer": None}
    assert reason({"answerable": True, "answer": "…", "intent": "content"}, gold, CTX).startswith("answered (intent content)")


def test_write_atomic_replaces_the_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "sub" / "report.json"
    write_atomic(target, b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]
