"""Follow-up questions borrow the previous turn: its question (with a new year or unit) or its clauses. Pure."""
from __future__ import annotations

import re

from core.segment import Segmenter
from kb.answer import Answer
from kb.fusion import years_in
from core.units import UnitTable

_CUE = re.compile(r"^(那|那么|还有|另外|其中|它|这|该|此|上述|以上|and\b|what about)|呢[？?]?$|这项|该项|这个|那个|其牵头",
                  re.IGNORECASE)
_ASKING_WORDS = {"牵头", "谁", "负责", "单位", "部门", "责任", "年", "呢", "那", "的", "是", "哪个", "哪些", "多少"}


def _swap_years(previous: str, years: list[str]) -> str:
    old = sorted(years_in(previous))
    for y in old:
        previous = previous.replace(y, years[0])
    return previous if old else f"{years[0]}年{previous}"


def _swap_unit(previous: str, new: str, old: str, units: UnitTable) -> str:
    for form in sorted(units.get(old).forms, key=len, reverse=True):
        previous = previous.replace(form, new)
    return previous


def resolve(text: str, previous: Answer | None, segmenter: Segmenter, units: UnitTable) -> tuple[str, tuple[str, ...]]:
    """(question to answer, clause ids to focus on). `2022年呢？` → the previous question for 2022;
    `那市财政局呢？` → the previous question for that unit; `那牵头的是谁？` → the previous turn's clauses."""
    if previous is None or not (previous.citations or previous.related):
        return text, ()
    content = [t for t in segmenter.tokens(text) if t not in _ASKING_WORDS and not t.isdigit()]
    if not _CUE.search(text) and content and not years_in(text):
        return text, ()  # a question of its own (`人才谁负责`)
    if years := sorted(years_in(text)):
        return _swap_years(previous.question, years), ()
    new_units, old_units = units.find_in_text(text), units.find_in_text(previous.question)
    if new_units and old_units:
        return _swap_unit(previous.question, new_units[0], old_units[0], units), ()
    return text, tuple(c.clause.id for c in previous.citations + previous.related)
