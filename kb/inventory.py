"""A document's responsibility inventory asked as a whole: `整个文件一共涉及几个牵头部门？`, `这个方案有哪些责任单位`.

Counted from the annotations (each item with a tag of its own, an item that inherits a part's tag once more), never
from the prose: the answer names every unit with how many items it leads or is listed in, and quotes where each first
appears.
"""
from __future__ import annotations

import re
from collections import Counter

from core.clause import Clause
from kb import duty, link
from kb.answer import Answer, Citation
from kb.frame import Op
from kb.handlers import DOC_ITSELF, Turn

# the units asked as a set: 几个牵头单位, 哪些部门, 多少家责任单位 — of the whole document
_SET_ASKED = re.compile(r"(几|多少|哪些|哪几)个?家?(牵头|配合|责任)?(单位|部门|机构)|"
                        r"(牵头|配合|责任)(单位|部门)(一共|总共|共)?(有|是)?(几|多少|哪些|哪几)|(单位|部门)都有谁")
_WHOLE = re.compile(r"整个|全部|所有|一共|总共|共[有计涉]|全文|涉及|点名|点了|列了|文件|方案|规划|意见|措施|办法|通知")
_ITEM_POINTER = re.compile(r"(这|那|该|此|哪|每)一?(条|项|款|部分)|第[一二三四五六七八九十百\d]+[条项部]")
_CUE_WORDS = re.compile(r"整个|全部|所有|一共|总共|共|全文|涉及|点名|点了|列了|几个|多少个?|哪些|哪几个?|都有谁|有谁|"
                        r"牵头|配合|责任|单位|部门|机构|具体|这个|这份|本|该|里|中|的|了|有|是|家|吗|呢|[^\u4e00-\u9fff]")
SHOWN = 12  # units quoted at most; the count covers them all


def asked(turn: Turn) -> bool:
    """A question about the document's units as a set, nothing in particular named besides the document."""
    text = turn.text
    if turn.frame.units or not _SET_ASKED.search(text) or not _WHOLE.search(text) or _ITEM_POINTER.search(text):
        return False
    rest = _CUE_WORDS.sub("", DOC_ITSELF.sub("", text))
    title = next((c.title for c in turn.clauses), "")
    return len(rest) <= 2 or link.coverage(title, rest) >= 0.5


_LABEL = re.compile(rf"{duty.LABEL_WORDS}[:：]")


def _part_naming(tag: str, unit: str) -> str:
    """`牵头单位:市商务局` out of `牵头单位:市商务局,责任单位:各县区人民政府,…`: the label whose list names the unit."""
    at = tag.find(unit)
    starts = [m.start() for m in _LABEL.finditer(tag)]
    if at < 0 or not starts:
        return tag
    start = max((s for s in starts if s <= at), default=0)
    end = min((s for s in starts if s > at), default=len(tag))
    return tag[start:end].rstrip("，,；;、 )）]］")


def _tasks(clauses: list[Clause]) -> list[Clause]:
    return [c for c in clauses if c.units or c.leads]


def unit_inventory(turn: Turn) -> Answer | None:
    if not asked(turn):
        return None
    doc = turn.one_doc()
    tasks = _tasks([c for c in turn.clauses if c.doc == doc])
    if not tasks:
        return None
    # a lead is one the document labels, unless it says (or its metadata does) that the first listed leads
    labelled = doc in turn.ev.no_lead_docs or any(c.lead_explicit for c in tasks)
    lead_only = "牵头" in turn.text
    partners_only = "配合" in turn.text and not lead_only

    def leads(c: Clause) -> tuple[str, ...]:
        return c.leads if labelled else c.lead_units

    counted: Counter[str] = Counter()
    led: Counter[str] = Counter()
    first: dict[str, Clause] = {}
    for c in tasks:
        named = [u for u in (leads(c) if lead_only else c.partner_units if partners_only else c.units) if u in c.units or
                 u in c.leads]
        for u in dict.fromkeys(named):
            counted[u] += 1
            first.setdefault(u, c)
        for u in leads(c):
            led[u] += 1
    if not counted and lead_only and any(c.units for c in tasks):  # only 责任单位 lists, no lead said anywhere
        units = list(dict.fromkeys(u for c in tasks for u in c.units))
        c = tasks[0]
        return Answer(turn.text, f"文件没有标注牵头单位，各项只列了责任单位（共{len(units)}个具名单位，"
                      f"按{len(tasks)}项有责任分工的条目统计）。\n出处：\n· 「{duty.task_label(c)}」“{c.tag_text or c.text}”",
                      True, Op.COUNT.value, citations=(Citation(c, c.tag_text or c.text),))
    if not counted:
        return None
    role = "牵头单位" if lead_only else "配合单位" if partners_only else "具名责任单位"
    how = "" if labelled or not lead_only else "（文件未写“牵头”，按名单首位的惯例）"
    order = sorted(counted, key=lambda u: (-counted[u], list(first).index(u)))
    shown = "、".join(f"{u}（{counted[u]}项" + (f"，其中牵头{led[u]}项" if not lead_only and led[u] else "") + "）"
                     for u in order)
    generic = sorted({g for c in tasks for g in c.generic_units})
    note = f"另有泛指的{'、'.join(generic[:4])}{'等' if len(generic) > 4 else ''}，未计入。" if generic and not lead_only else ""
    lines = [f"共{len(order)}个{role}{how}：{shown}。{note}", f"（按{len(tasks)}项有责任分工的条目统计。）", "出处："]
    cites = []
    for u in order[:SHOWN]:
        c = first[u]
        scope = next((s for s in turn.clauses if s.id == c.tag_scope), c) if c.tag_scope else c
        quote = _part_naming(scope.tag_text, u) if lead_only and labelled else scope.tag_text
        quote = quote or scope.text
        lines.append(f"· {u}：「{duty.task_label(c)}」“{quote}”")
        cites.append(Citation(scope, quote))
    return Answer(turn.text, "\n".join(lines), True, Op.COUNT.value, units=tuple(order), citations=tuple(cites))
