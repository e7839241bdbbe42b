"""Follow-ups complete a question that cannot stand on its own; a complete question is never rewritten. Pure.

Incomplete means: no subject of its own (`那配合单位有哪些？`, `牵头的是谁？`), or only a new
year or unit ending in 呢 (`2022年呢？`, `那市财政局呢？`). The first borrow the previous
turn's clauses; the second become the previous question with the year or unit swapped.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from core.units import UnitTable
from kb.answer import Answer
from kb.frame import Frame, Op
from kb.fusion import years_in

_ONLY_SWAP = re.compile(r"(呢|怎么样|如何|又是多少|是多少)[？?。.!！]*$|^(那|那么|还有|and|what about)\b", re.IGNORECASE)
_STANDALONE_OPS = (Op.REVERSE, Op.SHARED_TASKS)  # a unit is subject enough


class Completed(NamedTuple):
    text: str  # the question to answer
    focus: tuple[str, ...]  # clause ids borrowed from the previous turn


def incomplete(text: str, frame: Frame) -> bool:
    """No subject of its own; a unit alone is subject enough unless the question only swaps it in (`那X呢？`)."""
    if frame.subject_text:
        return False
    standalone = frame.op in _STANDALONE_OPS and frame.units and not frame.unit_hints
    return not standalone or bool(_ONLY_SWAP.search(text))


def _swap_years(previous: str, years: list[str]) -> str:
    old = sorted(years_in(previous))
    for y in old:
        previous = previous.replace(y, years[0])
    return previous if old else f"{years[0]}年{previous}"


def _swap_unit(previous: str, new: str, old: str, units: UnitTable) -> str:
    unit = units.get(old)
    for form in sorted(unit.forms if unit else (old,), key=len, reverse=True):
        previous = previous.replace(form, new)
    return previous


def complete(text: str, frame: Frame, previous: Answer | None, units: UnitTable) -> Completed:
    if previous is None or not (previous.citations or previous.related) or not incomplete(text, frame):
        return Completed(text, ())
    swap = bool(_ONLY_SWAP.search(text))
    if swap and (years := sorted(years_in(text))):
        return Completed(_swap_years(previous.question, years), ())
    if swap and frame.units:
        old = units.find_in_text(previous.question)
        if old:
            return Completed(_swap_unit(previous.question, frame.units[0], old[0], units), ())
    return Completed(text, tuple(c.clause.id for c in previous.citations + previous.related))
