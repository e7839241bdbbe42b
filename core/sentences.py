"""Sentences of a clause as spans of its text, so every quote is verbatim by construction."""
from __future__ import annotations

import re
from typing import NamedTuple

_END = re.compile(r"[。！？；!?;]|［责任单位[:：][^］]*］")


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
    return [s for s in spans if text[s.start:s.end].strip()]


def sentences(text: str) -> list[str]:
    return [text[s.start:s.end] for s in sentence_spans(text)]


def _is_label(sentence: str, heading: str) -> bool:
    """`——产业规模。`, `五大产业基地。`, `1．操作系统技术。`: a heading, not a statement."""
    return bool(heading) and sentence.lstrip("—").rstrip("。") == heading


def quotable_spans(text: str, heading: str = "") -> list[Span]:
    """Sentences worth quoting or embedding: no responsibility tag, and a bare heading joined to what follows."""
    spans = [s for s in sentence_spans(text) if not text.startswith("［责任单位", s.start)]
    if len(spans) > 1 and _is_label(text[spans[0].start:spans[0].end], heading):
        spans = [Span(spans[0].start, spans[1].end)] + spans[2:]
    return spans
