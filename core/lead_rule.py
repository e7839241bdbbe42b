"""Notes an annotation makes for the whole document: who leads when 牵头 is not labelled, and parties that stand
behind every later item. Shared by ingest (reading them) and kb (answering about them). Pure."""
from __future__ import annotations

import re
from typing import Iterable

from core.clause import Clause

# `列第一位者为牵头单位，下同` / `排在第一位的部门为牵头部门` / `各项举措中排序第一的责任单位为该项牵头单位`: the
# first-listed unit of every annotation leads
FIRST_LEADS = re.compile(r"(列|排|排序|排名)(在)?(第一|首)(位|个)?的?(责任)?(者|单位|部门)?(为|是)(该项|该条|本项)?牵头")
FIRST_LISTED = "first_listed"  # a document's metadata saying the same (DocMeta.lead_convention)
# `第一个逗号前为牵头单位，多个牵头部门的按照职责分工负责，下同`: every unit before an annotation's first comma leads
FIRST_GROUP_LEADS = re.compile(r"(第一个|首个|第一)?(逗号|，)(之)?前(的|面的)?(单位|部门)?(均)?(为|是)牵头")
# the note itself: where a list's units end and what the document says about them begins
LEAD_NOTE = re.compile(f"{FIRST_LEADS.pattern}|{FIRST_GROUP_LEADS.pattern}")


# `以下措施均需江北新区管委会、各区政府落实，不再单独列出`: parties named once for every later item
STANDING = re.compile(r"[，,；;。]?\s*以下(?:措施|任务|事项|各项|工作)?(?:均|都|全部)(?:需|由|要|需要)?(?P<parties>[^；;。]{2,40}?)"
                      r"(?:负责)?落实[，,]?\s*不再(?:单独|一一)?列出")

def standing_parties(tag: str) -> str:
    """The parties an annotation says stand behind all later items (`江北新区管委会、各区政府`), or ""."""
    m = STANDING.search(tag)
    return m.group("parties").strip() if m else ""


def first_listed_leads(clauses: Iterable[Clause], convention: str = "") -> bool:
    """Does the document say, in its text or its metadata, that the first unit an annotation lists leads?"""
    return convention == FIRST_LISTED or any(FIRST_LEADS.search(c.tag_text) or FIRST_LEADS.search(c.text)
                                             for c in clauses)


def names_no_lead(clauses: Iterable[Clause], convention: str = "") -> bool:
    """Does an item of this document that lists only 责任单位 state no lead? Yes, unless the document (or whoever
    added it, in its metadata) says that the first listed leads: a list is a list, its order no appointment."""
    return not first_listed_leads(clauses, convention)


def states_no_lead(c: Clause, no_lead: bool) -> bool:
    """An item listing only 责任单位 (`(责任单位:X、Y)`, `(省X、Y按职责分工负责)`) in a document where such a list
    names no lead (`no_lead`, from :func:`names_no_lead`)."""
    # a division table's row whose 牵头单位 cell says none (`——`, marked lead_explicit with no leads by ingest)
    # states no lead, whatever the document's convention: the first partner is no lead
    table_none = c.tag_form == "table" and c.lead_explicit and not c.leads
    return bool(c.units and not c.leads and (c.tag_form in ("list", "inline") and no_lead or table_none))
