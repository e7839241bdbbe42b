"""Sentences of a clause as spans of its text, so every quote is verbatim by construction."""
from __future__ import annotations

import re
from typing import NamedTuple

from core.brackets import OPEN
from core.labels import LABEL

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


LABELLED_TAG = rf"{LABEL}\s*[:：]"  # a bare labelled line (`牵头单位：市金融局`) is a tag, cited on its own


def _outside(spans: list[Span], text: str, tag: str) -> list[Span]:
    """The spans cut at the annotation (`（牵头单位：…；配合单位：…）`), which is cited on its own, not quoted. A tag
    that is the sentence's own words (`…，由道路建设单位牵头办理立项手续。`, no bracket) stays in its sentence."""
    if tag and not tag.startswith(tuple(OPEN)) and not re.match(LABELLED_TAG, tag):
        return spans
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


# `博士、硕士、本科毕业生分别给予一次性7万元、4万元、2万元`: categories, then 分别, then one figure each
_RESPECTIVELY = re.compile(r"(?P<cats>[^，,；;。：:]{2,80}?)[，,]?分别(?:按照?|给予|为|是|达到|不低于|不超过|奖励|补贴)*"
                           r"(?P<figs>[^，,；;。]{2,120})")
_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:万|亿|千)?(?:元|%|％|人|个|家|万人|平方米|套)?|[一二三四五六七八九十百千万]+(?:万)?元")
# `每人每年3万元(博士)、1.44万元(硕士)`: each figure labelled in brackets after it
_LABELLED_FIGURE = re.compile(r"(?P<fig>\d+(?:\.\d+)?\s*(?:万|亿|千)?元(?:/[^\s(（、，]{1,4})?)[(（](?P<label>[^()（）]{1,8})[)）]")


def respective(sentence: str, question: str) -> str:
    """The figure a sentence gives the one category the question names, where it states a figure for each of
    several (`A、B、C分别…X、Y、Z`, or `X(A)、Y(B)`): `硕士 4万元`; "" when it does not, or the question names none
    or several of them."""
    for m in _LABELLED_FIGURE.finditer(sentence):
        pairs = [(x.group("label"), x.group("fig")) for x in _LABELLED_FIGURE.finditer(sentence)]
        named = [(label, fig) for label, fig in pairs if label in question]
        return f"{named[0][0]}：{named[0][1]}" if len(named) == 1 and len(pairs) > 1 else ""
    for m in _RESPECTIVELY.finditer(sentence):
        listed = re.sub(r"^.*?(对于|对|其中|按照|按)", "", m.group("cats"))
        figs = [f.group(0) for f in _FIGURE.finditer(m.group("figs")) if re.search(r"\d|元", f.group(0))]
        # `本科毕业生和高新技术人才` may be one category of the list or two: the count of figures decides
        cats = next((c for c in ([x for x in re.split(r"、", listed) if x], [x for x in re.split(r"[、和及与]", listed) if x])
                     if len(c) == len(figs)), [])
        if len(cats) < 2:
            continue
        # the category sharing most character pairs with the question, if one alone does (`博士买房` → `…高校博士`:
        # the first of a list carries the words its siblings share)
        within = [i for i, c in enumerate(cats) if c in question]  # `3000万元` written as the list writes it
        if len(within) == 1:
            return f"{cats[within[0]]}：{figs[within[0]]}"
        shared = [len(_pairs(c) & _pairs(question)) for c in cats]
        best = max(shared)
        if best and shared.count(best) == 1:
            c = shared.index(best)
            return f"{cats[c]}：{figs[c]}"
    return ""


def _pairs(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}
