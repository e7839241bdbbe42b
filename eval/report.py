"""Summary tables (terminal text, Markdown), the per-category chart, and the report files.

Everything renders from :class:`eval.runner.Run` objects; only :func:`write_atomic`
and :func:`write_report` touch the disk.
"""
from __future__ import annotations

import io
import json
import logging
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any, NamedTuple

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)

from eval.diagnose import failure_record  # noqa: E402
from eval.metrics import PRIMARY_METRIC, EvalContext  # noqa: E402
from eval.runner import Run, has_gold  # noqa: E402
from core.settings import ROOT  # noqa: E402
from core.files import write_atomic  # noqa: E402,F401  (re-exported for eval.calibrate)

log = logging.getLogger(__name__)

REPORTS_DIR = ROOT / "eval" / "reports"
CHART = "accuracy_by_category.png"
CATEGORY_ORDER = ("responsibility", "lead_unit", "target_number", "stage_target", "support_policy", "layout",
                  "content", "unanswerable", "adversarial", "english")


class Column(NamedTuple):
    key: str  # metric name in a summary, after "<group>/"
    header: str
    ms: bool = False  # latency (one decimal) rather than a fraction (three)


COLUMNS = (
    Column("answer_accuracy", "answer acc"), Column("strict_accuracy", "strict acc"),
    Column("refusal_accuracy", "refusal acc"),
    Column("false_refusal_rate", "false refusal"), Column("citation_hit", "citation hit"),
    Column("evidence_recall", "evid recall"), Column("verbatim_rate", "verbatim"),
    Column("hit@1", "hit@1"), Column("hit@3", "hit@3"), Column("hit@5", "hit@5"), Column("mrr", "MRR"),
    Column("latency_p50_ms", "p50 ms", ms=True), Column("latency_p95_ms", "p95 ms", ms=True),
    Column("invariance", "invariance"),
)
SECTIONS = (("", "category"), ("doc:", "document"), ("op:", "operation"), ("phrasing:", "phrasing"))


class Table(NamedTuple):
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


# --- tables ------------------------------------------------------------------------------------
def groups(runs: Sequence[Run], prefix: str = "") -> list[str]:
    """"overall", then the categories in README order, then any others alphabetically. With ``prefix``
    (``doc:``, ``op:``, ``phrasing:``): "overall" and that kind's groups."""
    present = {key.split("/", 1)[0] for r in runs for key in r.summary} - {"overall"}
    if prefix:
        return ["overall", *sorted(g for g in present if g.startswith(prefix))]
    present = {g for g in present if not any(g.startswith(p) for p, _ in SECTIONS if p)}
    known = [c for c in CATEGORY_ORDER if c in present]
    return ["overall", *known, *sorted(present - set(known))]


def cell(summary: Mapping[str, float], group: str, column: Column) -> str:
    value = summary.get(f"{group}/{column.key}")
    if value is None:
        return "–"
    return f"{value:.1f}" if column.ms else f"{value:.3f}"


def _n(runs: Sequence[Run], group: str) -> int:
    return int(next((r.summary[f"{group}/n"] for r in runs if f"{group}/n" in r.summary), 0))


def summary_table(runs: Sequence[Run], prefix: str = "") -> Table:
    """One run: a row per group, a column per metric. Several: a row per (group, metric), a column per config.
    ``prefix`` picks the groups (see :func:`groups`); a column no group has is left out."""
    names = groups(runs, prefix)
    columns = [c for c in COLUMNS if any(f"{g}/{c.key}" in r.summary for r in runs for g in names)]
    if len(runs) == 1:
        summary = runs[0].summary
        rows = [(g.split(":", 1)[-1], str(_n(runs, g)), *(cell(summary, g, c) for c in columns)) for g in names]
        return Table(("group", "n", *(c.header for c in columns)), tuple(rows))
    rows = []
    for g in names:
        label = f"{g.split(':', 1)[-1]} (n={_n(runs, g)})"
        for c in columns:
            values = [cell(r.summary, g, c) for r in runs]
            if any(v != "–" for v in values):
                rows.append((label, c.header, *values))
                label = ""
    return Table(("group", "metric", *(r.config.name for r in runs)), tuple(rows))


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def render_text(table: Table) -> str:
    """Aligned columns for the terminal: labels left, figures right."""
    widths = [max(_width(x) for x in col) for col in zip(table.headers, *table.rows)]
    labels = 1 if table.headers[1] == "n" else 2

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c + " " * (w - _width(c)) if i < labels else " " * (w - _width(c)) + c
                         for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    return "\n".join([line(table.headers), line(["-" * w for w in widths]), *(line(r) for r in table.rows)])


def md_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " / ")


def render_markdown(table: Table) -> str:
    head = "| " + " | ".join(table.headers) + " |"
    rule = "|" + "|".join("---" if i == 0 else "---:" for i in range(len(table.headers))) + "|"
    body = ["| " + " | ".join(md_escape(c) for c in row) + " |" for row in table.rows]
    return "\n".join([head, rule, *body])


# --- chart -------------------------------------------------------------------------------------
def chart_png(runs: Sequence[Run]) -> bytes:
    """Answer accuracy per category (and overall), one bar per config in each group."""
    names = groups(runs)
    fig, ax = plt.subplots(figsize=(min(16.0, 2 + len(names) * (0.5 + 0.2 * len(runs))), 4.5))
    try:
        width = 0.8 / len(runs)
        for i, r in enumerate(runs):
            xs = [g + (i - (len(runs) - 1) / 2) * width for g in range(len(names))]
            bars = ax.bar(xs, [r.summary.get(f"{g}/answer_accuracy", 0.0) for g in names], width, label=r.config.name)
            ax.bar_label(bars, fmt="%.2f", fontsize=6, padding=1)
        ax.set_xticks(range(len(names)), [f"{g}\n(n={_n(runs, g)})" for g in names], fontsize=8)
        ax.set_ylim(0, 1.1)
        ax.set_ylabel("answer accuracy")
        ax.set_title("Answer accuracy by category")
        ax.grid(axis="y", alpha=0.3)
        if len(runs) > 1:
            ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=120)
        return buffer.getvalue()
    finally:
        plt.close(fig)


# --- report contents -----------------------------------------------------------------------
def failures(run: Run, items: Sequence[Mapping[str, Any]], ctx: EvalContext) -> dict[str, dict[str, Any]]:
    """Failure records by id for the scored items ``run`` got wrong."""
    gold = {i["id"]: i for i in items if has_gold(i)}
    results = {r["id"]: r for r in run.results}
    return {row["id"]: failure_record(results[row["id"]], gold[row["id"]], ctx)
            for row in run.rows if not row["answer_correct"]}


def report_data(runs: Sequence[Run], items: Sequence[Mapping[str, Any]], ctx: EvalContext,
                meta: Mapping[str, Any]) -> dict[str, Any]:
    """report.json: configs, summaries, and per config every scored row, failures with answer vs expected."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for r in runs:
        failed = failures(r, items, ctx)
        rows[r.config.name] = [{**row, **failed.get(row["id"], {})} for row in r.rows]
    return {**meta, "primary_metric": PRIMARY_METRIC, "configs": [asdict(r.config) for r in runs],
            "summaries": {r.config.name: r.summary for r in runs}, "rows": rows}


def _failure_lines(name: str, rows: Sequence[Mapping[str, Any]], questions: Mapping[str, str]) -> list[str]:
    failed = [row for row in rows if not row["answer_correct"]]
    lines = [f"### {name}: {len(failed)} of {len(rows)} wrong", ""]
    if not failed:
        return lines + ["None.", ""]
    lines += ["| id | category | question | answer given | expected | why |", "|---|---|---|---|---|---|"]
    for row in failed:
        given = row["answered"]["answer"] if row["answered"]["answerable"] else "（拒答）" + row["answered"]["answer"]
        expected = row["expected"]["answer"] or "（应拒答：文件未涉及）"
        cells = (row["id"], row["category"], questions.get(row["id"], ""), given[:220], expected, row["reason"])
        lines.append("| " + " | ".join(md_escape(str(c)) for c in cells) + " |")
    return lines + [""]


def section_tables(runs: Sequence[Run]) -> list[tuple[str, Table]]:
    """(title, table) for each grouping the runs have: by category, then by document, operation, phrasing."""
    return [(title, summary_table(runs, prefix)) for prefix, title in SECTIONS
            if not prefix or len(groups(runs, prefix)) > 1]


def report_markdown(data: Mapping[str, Any], table: Table, questions: Mapping[str, str],
                    more: Sequence[tuple[str, Table]] = ()) -> str:
    names = [c["name"] for c in data["configs"]]
    lines = [f"# Evaluation: {', '.join(names)}", "",
             f"Questions: `{data.get('questions_file', '?')}` · index: `{data.get('index', '?')}` · "
             f"generated {data.get('generated_at', '?')}", "",
             "Fractions in [0, 1]; refusal accuracy over unanswerable items, false refusal and citation/retrieval "
             "metrics over answerable ones; latency by nearest rank, after one untimed warm-up question. "
             "Strict accuracy also counts as wrong an answer naming a unit of the document that is neither gold "
             "nor asked about; invariance is the share of facts whose phrasings all got the same units, figures "
             "or yes/no.", "",
             render_markdown(table), ""]
    for title, extra in more:
        lines += [f"### By {title}", "", render_markdown(extra), ""]
    lines += [f"![answer accuracy by category]({CHART})", "", "## Wrong answers", ""]
    for name in names:
        lines += _failure_lines(name, data["rows"][name], questions)
    return "\n".join(lines)


# --- files ---------------------------------------------------------------------------------
def default_out_dir(names: Sequence[str]) -> Path:
    return REPORTS_DIR / "-".join(names)




def write_report(out_dir: Path, runs: Sequence[Run], items: Sequence[Mapping[str, Any]], ctx: EvalContext,
                 meta: Mapping[str, Any]) -> list[Path]:
    """report.json, report.md and the chart in ``out_dir``; returns their paths."""
    data = report_data(runs, items, ctx, meta)
    questions = {i["id"]: i["question"] for i in items}
    files = {out_dir / "report.json": json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"),
             out_dir / "report.md": report_markdown(data, summary_table(runs), questions,
                                                     section_tables(runs)[1:]).encode("utf-8"),
             out_dir / CHART: chart_png(runs)}
    for path, content in files.items():
        write_atomic(path, content)
    log.info("wrote %s", ", ".join(str(p) for p in files))
    return list(files)
