"""Notes an annotation makes for the whole document: who leads when 牵头 is not labelled, and parties that stand
behind every later item. Shared by ingest (reading them) and kb (answering about them). Pure."""
from __future__ import annotations

import re
from typing import Iterable

from core.clause import Clause

# `列第一位者为牵头单位，下同` / `排在第一位的部门为牵头部门`: the first-listed unit of every annotation leads
FIRST_LEADS = re.compile(r"(列|排)(在)?第一(位|个)的?(者|单位|部门)?(为|是)牵头")


# `以下措施均需江北新区管委会、各区政府落实，不再单独列出`: parties named once for every later item
STANDING = re.compile(r"[，,；;。]?\s*以下(?:措施|任务|事项|各项|工作)?(?:均|都|全部)(?:需|由|要|需要)?(?P<parties>[^；;。]{2,40}?)"
                      r"(?:负责)?落实[，,]?\s*不再(?:单独|一一)?列出")

def standing_parties(tag: str) -> str:
    """The parties an annotation says stand behind all later items (`江北新区管委会、各区政府`), or ""."""
    m = STANDING.search(tag)
    return m.group("parties").strip() if m else ""


def labels_leads(clauses: Iterable[Clause]) -> bool:
    """Does a document label 牵头 where it means it (`牵头单位：…`, `(省X牵头负责)`), without saying that the first
    listed always leads? Then an item of it with only 责任单位 states no lead."""
    clauses = list(clauses)
    labelled = any(c.lead_explicit and (c.tag_form == "labelled" or c.tag_form == "inline" and "牵头" in c.tag_text)
                   for c in clauses)
    return labelled and not any(FIRST_LEADS.search(c.tag_text) for c in clauses)


def states_no_lead(c: Clause, labelled: bool) -> bool:
    """An item listing only 责任单位 (`(省X、Y按职责分工负责)`) in a document that labels 牵头 elsewhere."""
    return bool(c.units and not c.leads and c.tag_form in ("list", "inline") and labelled)
