"""Tables and charts of an evaluation run (pure: Run and items in, DataFrames and charts out)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import altair as alt
import pandas as pd

from eval.runner import Run

SHOWN_METRICS = ("n", "answer_accuracy", "citation_hit", "evidence_recall", "refusal_accuracy",
                 "false_refusal_rate", "hit@5", "mrr", "latency_p50_ms")


def summary_frame(summary: Mapping[str, float]) -> pd.DataFrame:
    """One row per group ("overall" first, then categories), one column per metric in SHOWN_METRICS."""
    table: dict[str, dict[str, float]] = {}
    for key, value in summary.items():
        group, metric = key.split("/", 1)
        table.setdefault(group, {})[metric] = value
    groups = ["overall", *sorted(g for g in table if g != "overall")]
    frame = pd.DataFrame([table[g] for g in groups if g in table], index=pd.Index(
        [g for g in groups if g in table], name="类别"))
    frame = frame.reindex(columns=[m for m in SHOWN_METRICS if m in frame.columns])
    if "n" in frame.columns:
        frame["n"] = frame["n"].astype(int)
    return frame


def accuracy_chart(frame: pd.DataFrame) -> alt.Chart:
    """Answer accuracy and citation hit per category (overall left out)."""
    metrics = [m for m in ("answer_accuracy", "citation_hit") if m in frame.columns]
    long = (frame.drop(index="overall", errors="ignore")[metrics].reset_index()
            .melt(id_vars="类别", var_name="指标", value_name="得分").dropna())
    return alt.Chart(long).mark_bar().encode(
        x=alt.X("得分:Q", scale=alt.Scale(domain=[0, 1])),
        y=alt.Y("类别:N", title=None),
        yOffset="指标:N",
        color="指标:N",
        tooltip=["类别", "指标", alt.Tooltip("得分:Q", format=".2f")],
    )


def _failed(row: Mapping[str, Any]) -> bool:
    return row["answer_correct"] is False or row.get("citation_hit") is False


def failures(run: Run, items: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Questions whose answer or citations missed: what was answered beside what was expected."""
    gold = {item["id"]: item for item in items}
    results = {result["id"]: result for result in run.results}
    return [{"row": row, "gold": gold[row["id"]], "result": results[row["id"]]}
            for row in run.rows if _failed(row) and row["id"] in gold and row["id"] in results]
