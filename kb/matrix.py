"""The responsibility matrix: which unit leads (牵头) or shares (参与) which tagged task.

A *task* is a clause that carries its own responsibility tag: non-empty
`units` and empty `tag_scope` (clauses that inherit a tag are not counted
again). The first named unit of a tag leads; the others take part.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd

from core.clause import Clause

LEAD = "牵头"
SHARE = "参与"


class MatrixRow(NamedTuple):
    """One unit's roles, keyed by task label (the section path); tasks it has no part in are absent."""

    unit: str
    roles: dict[str, str]


@dataclass(frozen=True)
class UnitLoad:
    unit: str
    leads: int
    shares: int

    @property
    def total(self) -> int:
        return self.leads + self.shares


def tasks(clauses: Iterable[Clause]) -> list[Clause]:
    """Clauses with their own tag, in document order."""
    return sorted((c for c in clauses if c.units and not c.tag_scope), key=lambda c: c.order)


def role(clause: Clause, unit: str) -> str:
    """LEAD, SHARE or "" for `unit` in `clause`'s tag."""
    if unit not in clause.units:
        return ""
    return LEAD if clause.lead_unit == unit else SHARE


def _unit_order(task_list: Sequence[Clause], units: Sequence[str] | None) -> list[str]:
    """The given order (e.g. the unit table's), else first appearance in the tags."""
    if units is not None:
        return list(units)
    seen: dict[str, None] = {}
    for clause in task_list:
        seen.update(dict.fromkeys(clause.units))
    return list(seen)


def responsibility_matrix(clauses: Iterable[Clause], units: Sequence[str] | None = None) -> list[MatrixRow]:
    """One row per unit (in `units` order, default: order of first appearance in the tags)."""
    task_list = tasks(clauses)
    return [MatrixRow(unit, {t.section_label: r for t in task_list if (r := role(t, unit))})
            for unit in _unit_order(task_list, units)]


def unit_loads(clauses: Iterable[Clause], units: Sequence[str] | None = None) -> list[UnitLoad]:
    """How many tasks each unit leads and shares."""
    rows = responsibility_matrix(clauses, units)
    return [UnitLoad(row.unit, sum(r == LEAD for r in row.roles.values()), sum(r == SHARE for r in row.roles.values()))
            for row in rows]


def clauses_of(clauses: Iterable[Clause], unit: str) -> list[Clause]:
    """The tasks `unit` is named in, in document order."""
    return [c for c in tasks(clauses) if unit in c.units]


def matrix_frame(clauses: Iterable[Clause], units: Sequence[str] | None = None,
                 parts: Sequence[str] | None = None) -> pd.DataFrame:
    """Units × tasks as a DataFrame ("牵头"/"参与"/""), optionally only the tasks of some parts (section[0]).

    Rows are the given units (all of them, even with no task in the chosen
    parts); columns are task labels in document order.
    """
    task_list = [t for t in tasks(clauses) if parts is None or t.section[0] in parts]
    labels = [t.section_label for t in task_list]
    rows = responsibility_matrix(task_list, units)
    frame = pd.DataFrame([[row.roles.get(label, "") for label in labels] for row in rows],
                         index=pd.Index([row.unit for row in rows], name="责任单位"), columns=labels, dtype=object)
    return frame


def parts(clauses: Iterable[Clause]) -> list[str]:
    """The parts of the plan (section[0]) that hold tasks, in document order."""
    return list(dict.fromkeys(t.section[0] for t in tasks(clauses)))
