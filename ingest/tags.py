"""Responsibility tags: `［责任单位：市经信局、市教育局，有关市级部门，有关区（市）县］`."""
from __future__ import annotations

import re
from dataclasses import dataclass

from core.clause import GENERIC_UNITS

TAG = re.compile(r"［责任单位[:：]([^［］]*)］")
_OPEN = re.compile(r"［责任单位")
_SPLIT = re.compile(r"[、，,；;]")


@dataclass(frozen=True)
class Tag:
    units: tuple[str, ...]  # named units in order; the first leads
    generic_units: tuple[str, ...]
    text: str  # the tag verbatim


def find_tag(text: str) -> Tag | None:
    """The last responsibility tag in a paragraph (tags close what they govern)."""
    matches = list(TAG.finditer(text))
    if not matches:
        return None
    m = matches[-1]
    names = [n for n in _SPLIT.split(m.group(1)) if n]
    units = tuple(dict.fromkeys(n for n in names if n not in GENERIC_UNITS))
    generic = tuple(dict.fromkeys(n for n in names if n in GENERIC_UNITS))
    return Tag(units, generic, m.group(0))


def unclosed_tag(text: str) -> int | None:
    """Offset of a tag that opens and never closes, if any."""
    for m in _OPEN.finditer(text):
        if "］" not in text[m.end():].split("［", 1)[0]:
            return m.start()
    return None
