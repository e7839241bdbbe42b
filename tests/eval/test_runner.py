"""The evaluation runner and CLI on the real corpus and the session's index (tests/conftest.py)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eval.metrics import PRIMARY_METRIC
from eval.runner import CONFIGS, EvalConfig, context, load_questions, run
from tests.conftest import DOC, ROOT

DEV = ROOT / "eval" / "data" / "dev.jsonl"
BATCH_KEYS = {"id", "question", "answer", "answerable", "intent", "units", "lead_unit", "citations", "related",
              "retrieved", "notice", "latency_ms"}


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _dev_head(tmp_path: Path, n: int = 5) -> Path:
    return _write(tmp_path / "head.jsonl", DEV.read_text(encoding="utf-8").splitlines()[:n])


def _eval(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "eval", "--quiet", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)


# --- load_questions ------------------------------------------------------------------------
def test_load_questions_rejects_a_malformed_line_naming_file_and_line(tmp_path):
    path = _write(tmp_path / "bad.jsonl", ['{"id": "A", "question": "市场主体目标由谁牵头？"}', "",
                                           '{"id": "B", "question": "缺了括号"'])
    with pytest.raises(ValueError, match=r"bad\.jsonl:3: not valid JSON"):
        load_questions(path)


def test_load_questions_rejects_an_item_without_a_question(tmp_path):
    path = _write(tmp_path / "q.jsonl", ['{"id": "A", "question": "谁牵头？"}', '{"id": "B"}'])
    with pytest.raises(ValueError, match=r"q\.jsonl:2: 'question' must be a non-empty string"):
        load_questions(path)


def test_load_questions_rejects_a_repeated_id(tmp_path):
    path = _write(tmp_path / "q.jsonl", ['{"id": "A", "question": "一"}', '{"id": "A", "question": "二"}'])
    with pytest.raises(ValueError, match=r"q\.jsonl:2: id 'A' already used on line 1"):
        load_questions(path)


def test_load_questions_reads_the_dev_set_in_file_order():
    items = load_questions(DEV)
    assert [i["id"] for i in items] == [f"D{n:03d}" for n in range(1, 41)]


def test_eval_config_rejects_an_unknown_mode():
    with pytest.raises(ValueError, match="mode must be one of"):
        EvalConfig("x", mode="sparse")


def test_configs_cover_fused_bm25_dense_and_extractive():
    assert CONFIGS["fused"] == EvalConfig("fused", "hybrid", True)
    assert CONFIGS["bm25"].mode == "bm25" and CONFIGS["dense"].mode == "dense"
    assert CONFIGS["extractive"] == EvalConfig("extractive", "hybrid", False)


# --- context and run ---------------------------------------------------------------------
def test_context_holds_every_clause_the_27_units_and_the_stripped_source(kb):
    ctx = context(kb)
    assert len(ctx.clause_text) == len(kb.clauses)
    assert ctx.clause_units[f"{DOC}#3.1.融资体系"] == ("市经信局", "市科技局", "市金融监管局", "市财政局", "市国资委", "成都产业集团")
    assert len(ctx.known_units) == 27
    assert set(ctx.sources) == {DOC} and "年均新增市场主体数量不少于1.8万个" in ctx.sources[DOC]
    assert not any(ch.isspace() for ch in ctx.sources[DOC])


def test_run_answers_five_dev_items_in_order_with_the_batch_keys(kb):
    items = load_questions(DEV)[:5]
    calls: list[tuple[int, int]] = []
    result = run(kb, items, CONFIGS["fused"], progress=lambda done, total: calls.append((done, total)))
    assert [r["id"] for r in result.results] == ["D001", "D002", "D003", "D004", "D005"]
    assert all(set(r) == BATCH_KEYS for r in result.results)
    assert [r["question"] for r in result.results] == [i["question"] for i in items]
    assert [row["id"] for row in result.rows] == ["D001", "D002", "D003", "D004", "D005"]
    assert calls == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]
    assert result.summary["overall/n"] == pytest.approx(5.0)
    assert 0.0 <= result.summary[PRIMARY_METRIC] <= 1.0


def test_run_asks_but_does_not_score_items_without_gold(kb):
    items = [{"id": "Q1", "question": "市场主体目标由谁牵头？"}]
    result = run(kb, items, CONFIGS["bm25"])
    assert [r["id"] for r in result.results] == ["Q1"] and result.results[0]["lead_unit"] == "市经信局"
    assert result.rows == [] and result.summary == {}


# --- the CLI ---------------------------------------------------------------------------------
@pytest.mark.slow
def test_cli_writes_the_report_and_prints_the_table(index_dir, tmp_path):
    out = tmp_path / "report"
    done = _eval(str(_dev_head(tmp_path)), "--index", str(index_dir), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "answer acc" in done.stdout and "hit@5" in done.stdout and "p95 ms" in done.stdout
    assert any(line.startswith("overall ") for line in done.stdout.splitlines())
    assert any(line.startswith("responsibility ") for line in done.stdout.splitlines())
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [c["name"] for c in data["configs"]] == ["fused"]
    assert [r["id"] for r in data["rows"]["fused"]] == ["D001", "D002", "D003", "D004", "D005"]
    assert "| overall | 5 |" in (out / "report.md").read_text(encoding="utf-8")
    assert (out / "accuracy_by_category.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert not list(out.glob(".*.tmp"))


@pytest.mark.slow
def test_cli_compare_puts_each_config_in_its_own_column(index_dir, tmp_path):
    out = tmp_path / "cmp"
    done = _eval(str(_dev_head(tmp_path, 3)), "--compare", "fused", "bm25", "--index", str(index_dir), "--out", str(out))
    assert done.returncode == 0, done.stderr
    out_lines = done.stdout.splitlines()
    header = out_lines[out_lines.index("by category:") + 1].split()  # the tables follow "by <grouping>:" lines
    assert header == ["group", "metric", "fused", "bm25"]
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert set(data["summaries"]) == {"fused", "bm25"}


def test_cli_without_an_index_exits_1_and_says_how_to_build_one(tmp_path):
    done = _eval(str(_dev_head(tmp_path, 1)), "--index", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o"))
    assert done.returncode == 1
    assert "python -m ingest" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_cli_with_a_malformed_question_file_exits_2_naming_the_line(tmp_path):
    bad = _write(tmp_path / "bad.jsonl", ['{"id": "A", "question": "谁牵头？"}', "{oops"])
    done = _eval(str(bad), "--index", str(tmp_path / "nowhere"))
    assert done.returncode == 2
    assert "bad.jsonl:2: not valid JSON" in done.stderr and "Traceback" not in done.stderr
