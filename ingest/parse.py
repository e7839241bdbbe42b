"""Turn cleaned paragraphs into a tree of citable clauses.

A clause is a paragraph under its section path; it never crosses a heading.
Ids come from the path (`<doc>#6.4`, `<doc>#3.1.产业规模`, `<doc>#c2.a12`),
so inserting text elsewhere does not renumber them.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace

from ingest.clean import Artifact, Cleaned, Paragraph
from ingest.markers import ARTICLE_RANK, Marker
from ingest.tags import find_tag
from core.clause import Clause

log = logging.getLogger(__name__)
PREFACE = "前言"
PARSER_VERSION = "1"  # bump when clause ids or texts change


@dataclass(frozen=True)
class Segment:
    """One piece of the document in order, for the coverage invariant."""

    kind: str  # heading|clause|artifact
    text: str
    line: int


@dataclass(frozen=True)
class ParsedDocument:
    doc: str
    title: str
    clauses: tuple[Clause, ...]
    segments: tuple[Segment, ...]
    artifacts: tuple[Artifact, ...]
    warnings: tuple[str, ...] = ()


@dataclass
class _Node:
    rank: int
    key: str
    label: str
    kind: str = "heading"
    paragraphs: int = 0  # plain paragraphs seen under this node
    children: dict[str, int] = field(default_factory=dict)  # key → times seen, for unique ids


def _path_id(doc: str, stack: list[_Node], leaf: str | None) -> str:
    keys = [n.key for n in stack[1:]] + ([leaf] if leaf else [])
    return f"{doc}#{'.'.join(keys) or 'p1'}"


def _push(stack: list[_Node], marker: Marker) -> None:
    while stack[-1].rank >= marker.rank:  # the root (rank -1) is never popped
        stack.pop()
    parent = stack[-1]
    seen = parent.children.get(marker.key, 0)  # repeated keys under one parent (two `1．` lists) stay unique
    parent.children[marker.key] = seen + 1
    key = marker.key if seen == 0 else f"{marker.key}~{seen + 1}"
    stack.append(_Node(marker.rank, key, marker.label, marker.kind))


def _in_article(stack: list[_Node]) -> bool:
    return any(n.kind == "article" for n in stack)


def _start() -> list[_Node]:
    """The root (never closed) and the preface, which any heading closes."""
    return [_Node(rank=-1, key="", label="", kind="root"), _Node(rank=99, key="preface", label=PREFACE, kind="preface")]


def _clause(doc: str, title: str, stack: list[_Node], p: Paragraph, order: int) -> Clause:
    marker = p.marker
    if marker is None:
        node = stack[-1]
        node.paragraphs += 1
        cid, kind, heading = _path_id(doc, stack, f"p{node.paragraphs}"), "paragraph", ""
    else:
        cid, kind, heading = _path_id(doc, stack, None), marker.kind, marker.label
    tag = find_tag(p.text)
    return Clause(
        id=cid, doc=doc, title=title, section=tuple(n.label for n in stack[1:]), heading=heading,
        text=p.text, units=tag.units if tag else (), generic_units=tag.generic_units if tag else (),
        kind=kind, order=order,
    )


def _inherit_tags(clauses: list[Clause]) -> list[Clause]:
    """A tag closing a plain paragraph governs the untagged paragraphs before it in its section."""
    out = list(clauses)
    for i, c in enumerate(out):
        if not c.units or c.kind != "paragraph":
            continue
        j = i - 1
        while j >= 0 and out[j].section[: len(c.section)] == c.section and not out[j].units:
            out[j] = replace(out[j], units=c.units, generic_units=c.generic_units, tag_scope=c.id)
            j -= 1
    return out


def parse(doc: str, title: str, cleaned: Cleaned) -> ParsedDocument:
    """Build clauses from cleaned paragraphs; numbering below an article stays in the article."""
    stack = _start()
    clauses: list[Clause] = []
    segments: list[Segment] = []
    for p in cleaned.paragraphs:
        marker = p.marker
        if clauses and _in_article(stack) and (marker is None or marker.rank > ARTICLE_RANK):
            last = clauses[-1]
            merged = find_tag(last.text + p.text)
            clauses[-1] = replace(last, text=last.text + p.text,
                                  units=merged.units if merged else last.units,
                                  generic_units=merged.generic_units if merged else last.generic_units)
            segments.append(Segment("clause", p.text, p.line))
            continue
        if marker is not None:
            _push(stack, marker)
            if marker.heading_only:
                segments.append(Segment("heading", p.text, p.line))
                continue
        clauses.append(_clause(doc, title, stack, p, len(clauses)))
        segments.append(Segment("clause", p.text, p.line))
    warnings = []
    if clauses and all(c.kind == "paragraph" for c in clauses) and not any(s.kind == "heading" for s in segments):
        warnings.append(f"{doc}: no recognisable structure; indexed as {len(clauses)} plain paragraphs")
    artifacts = [Segment("artifact", a.text, a.line) for a in cleaned.artifacts]
    ordered = sorted(segments + artifacts, key=lambda s: s.line)
    return ParsedDocument(doc, title, tuple(_inherit_tags(clauses)), tuple(ordered),
                          cleaned.artifacts, tuple(warnings))
