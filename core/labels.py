"""The labels of a responsibility annotation's parts and the role each gives. Pure data.

A label is one or two role words and 单位/部门 (`牵头单位：`, `配合部门：`, `牵头责任单位：`, `主要责任部门：`): the
word that says who leads or who helps decides, so a composed label never needs its own entry.
"""
from __future__ import annotations

import re

LEAD_WORDS = ("牵头", "主责", "主办", "主要", "主体")
PARTNER_WORDS = ("配合", "参与", "协同", "协办", "协作", "协助")
DUTY_WORDS = ("责任", "负责", "实施", "指导", "主管", "承办", "落实")
_WORD = "|".join(LEAD_WORDS + PARTNER_WORDS + DUTY_WORDS)
NAMED = rf"(?:(?:{_WORD}){{1,2}}(?:单位|部门))"  # a label naming 单位/部门 (not the bare 牵头)
LABEL = rf"(?:{NAMED}|牵头)"

_LEAD = re.compile("|".join(LEAD_WORDS))
_PARTNER = re.compile("|".join(PARTNER_WORDS))


def role(label: str) -> str:
    """`lead`, `partner` or `responsible` (责任单位 alone names who is responsible without saying who leads)."""
    if _LEAD.search(label):
        return "lead"
    if _PARTNER.search(label):
        return "partner"
    return "responsible"
