"""Sentences of a clause as spans of its text, so every quote is verbatim by construction."""
from __future__ import annotations

import re
from typing import NamedTuple

_END = re.compile(r"[。！？；!?;]|［责任单位[:：][^］]*］")
# A rule's next tier after `；`: `逾期不改的，处…罚款`, `货值金额一万元以上的，并处…`, `面积为90平方米以上的，减按1.5%…`,
# `情节严重的，…` — a condition (`…的，`) that names no new party (`对…的` starts another rule) and no list marker.
_TIER = re.compile(r"(?![对凡])[^，,。；;：:（）()“”]{1,30}?的[，,]")
_MARKER = re.compile(r"\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.．、]|[①-⑳])")
TIER_REACH = 260  # a sentence joined with its tiers stays a quotable length


class Span(NamedTuple):
    start: int
    end: int


def sentence_spans(text: str) -> list[Span]:
    """Split after 。！？； and keep a responsibility tag as a span of its own."""
    spans: list[Span] = []
    start = 0
    for m in _END.finditer(text):
        if m.group(0).startswith("［"):
            if m.start() > start:
                spans.append(Span(start, m.start()))
            spans.append(Span(m.start(), m.end()))
        else:
            spans.append(Span(start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append(Span(start, len(text)))
    return _join_tiers([s for s in spans if text[s.start:s.end].strip()], text)


def _join_tiers(spans: list[Span], text: str) -> list[Span]:
    """A sentence cut at `；` keeps its tiers: the fine after `逾期不改的` belongs to the rule it escalates."""
    out: list[Span] = []
    for s in spans:
        if out and text[out[-1].end - 1] in "；;" and s.end - out[-1].start <= TIER_REACH:
            rest = text[s.start:s.end].lstrip()
            if _TIER.match(rest) and not _MARKER.match(rest):
                out[-1] = Span(out[-1].start, s.end)
                continue
        out.append(s)
    return out


def sentences(text: str) -> list[str]:
    return [text[s.start:s.end] for s in sentence_spans(text)]


def _is_label(sentence: str, heading: str) -> bool:
    """`——产业规模。`, `五大产业基地。`, `1．操作系统技术。`: a heading, not a statement."""
    return bool(heading) and sentence.lstrip("—").rstrip("。") == heading


def _outside(spans: list[Span], text: str, tag: str) -> list[Span]:
    """The spans cut at the annotation (`（牵头单位：…；配合单位：…）`), which is cited on its own, not quoted."""
    at = text.rfind(tag) if tag else -1
    if at < 0:
        return spans
    out = []
    for s in spans:
        if s.start >= at and s.end <= at + len(tag):
            continue
        end = at if s.start < at < s.end else s.end
        if text[s.start:end].strip("，,；;。 "):
            out.append(Span(s.start, end))
    return out


def quotable_spans(text: str, heading: str = "", tag: str = "") -> list[Span]:
    """Sentences worth quoting or embedding: no responsibility annotation, and a bare heading joined to what follows."""
    spans = _outside([s for s in sentence_spans(text) if not text.startswith("［责任单位", s.start)], text, tag)
    if len(spans) > 1 and _is_label(text[spans[0].start:spans[0].end], heading):
        spans = [Span(spans[0].start, spans[1].end)] + spans[2:]
    return spans


_ITEM_MARK = re.compile(r"\s*(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|[①-⑳])")
LEAD_IN_REACH = 1500  # characters of items between a lead-in and the item quoted


def lead_in(text: str, start: int) -> Span | None:
    """`有下列行为之一的，由X处二十元罚款：（一）…；（二）…；（三）…`: for the item starting at `start`, the words before
    the colon that introduce the list (who acts, what follows) — an item alone says neither."""
    if not _ITEM_MARK.match(text, start):
        return None
    colon = max(text.rfind("：", 0, start), text.rfind(":", 0, start))
    if colon < 0 or start - colon > LEAD_IN_REACH or (text[colon + 1:start].strip() and not _ITEM_MARK.match(text, colon + 1)):
        return None
    opening = max(text.rfind(ch, 0, colon) for ch in "。！？；!?;") + 1
    if _ITEM_MARK.match(text, opening) or colon + 1 - opening < 6:  # a sub-list's own item, or a bare `具体如下：`
        return None
    return Span(opening, colon + 1)
