"""Follow-ups complete a question that cannot stand on its own; a complete question is never rewritten. Pure.

Incomplete means: no subject of its own (`那配合单位有哪些？`, `牵头的是谁？`), or only a new
year, unit or subject ending in 呢 (`2022年呢？`, `那市财政局呢？`, `融资体系呢？`). The first borrow the
previous turn's clauses; the others become the previous question with the year, unit or subject swapped.
"""
from __future__ import annotations

import re
from typing import Callable, NamedTuple

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


# `融资体系呢？`, `那从业人员呢`: only a new subject, asked as the previous question was
_SUBJECT_ONLY = re.compile(r"^(?:那么|那|还有|再看看|再问)?[，,\s]*(?P<x>[\u4e00-\u9fff“”\"A-Za-z0-9+]{2,16}?)(?:呢|怎么样|如何)[？?。.!！]*$")
_ASKS_ITSELF = re.compile(r"谁|哪|什么|多少|几|吗|是否|有没有")


def _swap_subject(previous: str, new: str, old: str) -> str:
    """The previous question about `new` instead: its subject replaced where it is written whole, else `new` put
    in front (`市财政局在不在里面？` → `融资体系市财政局在不在里面？`)."""
    return previous.replace(old, new, 1) if old and old in previous else f"{new}{previous}"


def complete(text: str, frame: Frame, previous: Answer | None, units: UnitTable,
             subject: Callable[[str], str] = lambda q: "") -> Completed:
    if previous is None or not (previous.citations or previous.related):
        return Completed(text, ())
    asked = previous.understood or previous.question  # the turn before as it was answered, completed if it was
    only = _SUBJECT_ONLY.match(text.strip())
    if (only and frame.subject_text and not frame.units and not years_in(text)
            and not _ASKS_ITSELF.search(only.group("x"))):
        return Completed(_swap_subject(asked, only.group("x"), subject(asked)), ())
    if not incomplete(text, frame):
        return Completed(text, ())
    swap = bool(_ONLY_SWAP.search(text))
    if swap and (years := sorted(years_in(text))):
        return Completed(_swap_years(asked, years), ())
    if swap and frame.units:
        old = units.find_in_text(asked)
        if old:
            return Completed(_swap_unit(asked, frame.units[0], old[0], units), ())
    return Completed(text, tuple(c.clause.id for c in previous.citations + previous.related))
