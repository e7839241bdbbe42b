"""The responsibility matrix of one document, built from its clauses (pure: clauses in, DataFrames out).

A task is a clause with its own responsibility annotation (named units, not
inherited). It is named by its own short title — its heading, else the last
label of its section path, numbering removed — made unique within the document.
Each cell says whether the unit leads (牵头) or co-operates (配合), from
`Clause.lead_units` / `partner_units`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import altair as alt
import pandas as pd

from core.clause import Clause

LEAD, PARTNER = "牵头", "配合"
UNIT, TASK = "责任单位", "任务"
_NUMBERING = re.compile(r"^\s*(?:第[零〇一二三四五六七八九十百千\d]+[编章节条]\s*|[一二三四五六七八九十百]+[、．.]\s*"
                        r"|[（(][一二三四五六七八九十百\d]+[）)]\s*|\d{1,3}(?:[．.、]\d{1,3})*[．.、]\s*|——|—)")
MAX_TITLE = 24


@dataclass(frozen=True)
class Task:
    label: str  # short, unique within the document
    path: str  # the whole section path, for tooltips and cards
    clause: Clause


def tasks_of(clauses: Iterable[Clause], doc: str) -> list[Clause]:
    """The document's clauses with their own annotation, in document order."""
    return sorted((c for c in clauses if c.doc == doc and c.units and not c.tag_scope), key=lambda c: c.order)


def docs_with_tasks(clauses: Iterable[Clause]) -> list[str]:
    return list(dict.fromkeys(c.doc for c in clauses if c.units and not c.tag_scope))


def short_title(clause: Clause) -> str:
    """The clause's own heading, else its last section label, else its first words; numbering removed."""
    raw = clause.heading or (clause.section[-1] if clause.section else "") or clause.text
    text = _NUMBERING.sub("", raw, count=1).strip().rstrip("。；;，,：:") or raw.strip()
    text = re.split(r"[。；;]", text, maxsplit=1)[0] or text
    return text if len(text) <= MAX_TITLE else text[:MAX_TITLE - 1] + "…"


def named_tasks(task_clauses: Sequence[Clause]) -> list[Task]:
    """Short titles, made unique with the parent section's title, then a number."""
    titles = [short_title(c) for c in task_clauses]
    labels = []
    for clause, text in zip(task_clauses, titles):
        if titles.count(text) > 1 and len(clause.section) > 1:
            parent = _NUMBERING.sub("", clause.section[-2], count=1).strip()
            text = f"{text}（{parent[:10]}）"
        labels.append(text)
    seen: dict[str, int] = {}
    unique = []
    for text in labels:
        seen[text] = seen.get(text, 0) + 1
        unique.append(text if seen[text] == 1 else f"{text} {seen[text]}")
    return [Task(label, c.section_label, c) for label, c in zip(unique, task_clauses)]


def role(clause: Clause, unit: str) -> str:
    if unit in clause.lead_units:
        return LEAD
    return PARTNER if unit in clause.units else ""


def units_of(tasks: Sequence[Task], order: Sequence[str] = ()) -> list[str]:
    """Units named by the tasks: in `order` (the unit table's) first, then in order of appearance."""
    named = dict.fromkeys(u for t in tasks for u in t.clause.units)
    rank = {u: i for i, u in enumerate(order)}
    return sorted(named, key=lambda u: (rank.get(u, len(rank)), list(named).index(u)))


def matrix(tasks: Sequence[Task], units: Sequence[str]) -> pd.DataFrame:
    """Units × tasks ("牵头"/"配合"/""), the unit names as a column (to pin it), not as the index."""
    rows = [{UNIT: unit, **{t.label: role(t.clause, unit) for t in tasks}} for unit in units]
    return pd.DataFrame(rows, columns=[UNIT, *(t.label for t in tasks)], dtype=object)


def transposed(tasks: Sequence[Task], units: Sequence[str]) -> pd.DataFrame:
    """Tasks × units, the task titles as a column."""
    rows = [{TASK: t.label, **{u: role(t.clause, u) for u in units}} for t in tasks]
    return pd.DataFrame(rows, columns=[TASK, *units], dtype=object)


def should_transpose(tasks: Sequence[Task], units: Sequence[str]) -> bool:
    """Tasks as rows when there are more tasks than units (fewer, wider columns)."""
    return len(tasks) > len(units)


def text_width(text: str, minimum: int = 56, maximum: int = 320) -> int:
    """Pixels a header or cell needs to show `text` whole (a CJK character is about 14 px at the default size)."""
    wide = sum(1 for ch in text if ord(ch) > 0x2E80)
    return max(minimum, min(maximum, 14 * wide + 8 * (len(text) - wide) + 28))


def unit_tasks(tasks: Sequence[Task], unit: str) -> list[tuple[Task, str]]:
    return [(t, r) for t in tasks if (r := role(t.clause, unit))]


def loads(tasks: Sequence[Task], units: Sequence[str]) -> pd.DataFrame:
    """One row per (unit, role) with the number of tasks, for the chart."""
    rows = []
    for unit in units:
        roles = [role(t.clause, unit) for t in tasks]
        for r in (LEAD, PARTNER):
            if (n := roles.count(r)):
                rows.append({"单位": unit, "角色": r, "任务数": n, "合计": sum(1 for x in roles if x)})
    return pd.DataFrame(rows, columns=["单位", "角色", "任务数", "合计"])


def loads_chart(frame: pd.DataFrame) -> alt.Chart:
    """Horizontal stacked bars: tasks each unit leads and co-operates on, busiest first."""
    order = list(frame.sort_values(["合计", "单位"], ascending=[False, True])["单位"].drop_duplicates())
    return alt.Chart(frame).mark_bar().encode(
        x=alt.X("任务数:Q", title="任务数"),
        y=alt.Y("单位:N", sort=order, title=None),
        color=alt.Color("角色:N", scale=alt.Scale(domain=[LEAD, PARTNER], range=["#e4572e", "#4c78a8"])),
        order=alt.Order("角色:N", sort="descending"),
        tooltip=["单位", "角色", "任务数", "合计"],
    )
