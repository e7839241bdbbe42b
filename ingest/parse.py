"""Turn cleaned paragraphs into a tree of citable clauses.

A clause is a paragraph under its section path; it never crosses a heading.
Ids come from the path (`<doc>#6.4`, `<doc>#3.1.产业规模`, `<doc>#c2.a12`),
so inserting text elsewhere does not renumber them.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from typing import Sequence

from ingest.clean import Artifact, Cleaned, Paragraph
from ingest.markers import (ARTICLE_RANK, PART_ARTICLE_RANK, Marker, articles_under_headings, item_after, record_markers,
                            notice_length)
from ingest.tables import lead_said_none, link_rows, row_annotation, row_columns, row_heading, row_key
from core.lead_rule import FIRST_GROUP_LEADS, FIRST_LEADS, standing_parties
from ingest.annotations import Annotation, find_annotation, find_annotations, first_group, item_tags
from core.clause import Clause, TagPart
from core.units import LEVELS, abbreviation_groups, level_prefix

log = logging.getLogger(__name__)
PREFACE = "前言"
NOTICE = "印发通知"  # the issuing notice on top of a document it issues (文号, 主送, 印发 paragraph, issuer, date)
PARSER_VERSION = "3"  # bump when clause ids or texts change


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
    rank: float
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


def _joins_article(marker: Marker | None, article_rank: float) -> bool:
    """Inside an article, a paragraph joins it: plain text and numbering below the article's rank.

    Where articles run inside parts, a `一、` / `（一）` that is a bare title is the next part or
    category and closes the article; one that is a sentence enumerates inside the article, as in a law.
    """
    if marker is None or marker.rank > article_rank:
        return True
    return article_rank == PART_ARTICLE_RANK and marker.kind in ("heading", "section") and not marker.heading_only


def _article_rank(cleaned: Cleaned, notice: int) -> float:
    """Where this document's 第X条 sits: below parts (若干措施, 司法解释) or below chapters (laws)."""
    inside_parts = articles_under_headings([p.marker for p in cleaned.paragraphs[notice:]])
    return PART_ARTICLE_RANK if inside_parts else ARTICLE_RANK


def _is_title_line(p: Paragraph) -> bool:
    """The issued document's title after its notice: short, no sentence, no numbering."""
    return p.marker is None and len(p.text) <= 60 and not re.search(r"[。；;，,：:]", p.text)


def _start() -> list[_Node]:
    """The root (never closed) and the preface, which any heading closes."""
    return [_Node(rank=-1, key="", label="", kind="root"), _Node(rank=99, key="preface", label=PREFACE, kind="preface")]


def _clause(doc: str, title: str, stack: list[_Node], p: Paragraph, order: int) -> Clause:
    marker = p.marker
    if marker is None:
        node = stack[-1]
        node.paragraphs += 1
        cid, kind, heading = _path_id(doc, stack, f"p{node.paragraphs}"), "paragraph", ""
        if node.kind == "record":  # a record's fields: one entry, titled by its title line
            kind, heading = "record", node.label
    else:
        cid, kind, heading = _path_id(doc, stack, None), marker.kind, marker.label
    clause = Clause(id=cid, doc=doc, title=title, section=tuple(n.label for n in stack[1:]), heading=heading,
                    text=p.text, kind=kind, order=order)
    return annotated(clause, find_annotation(p.text))


def _annex_list(doc: str, title: str, artifacts: tuple[Artifact, ...], order: int) -> Clause | None:
    """The list of attachments a notice ends with (附件：１．…２．…), kept as one clause of its own: the attachments
    are named there even where their text is not part of the document."""
    run: list[Artifact] = []
    for a in artifacts:  # the `附件：` line and the numbered names right below it (a blank line between allowed)
        follows = bool(run) and a.line - run[-1].line <= 2
        if a.kind == "attachment" and (follows or re.match(r"\s*附\s*件", a.text)):
            run = run + [a] if follows else [a]
        elif run:
            break
    if not run:
        return None
    text = re.sub(r"\s+", "", "".join(a.text for a in run))
    return Clause(id=f"{doc}#annexes", doc=doc, title=title, section=("附件",), heading="附件", text=text,
                  kind="annexes", order=order)


def annotated(clause: Clause, ann: Annotation | None) -> Clause:
    """The clause with the units of its own annotation (none: unchanged)."""
    if ann is None:
        return clause
    tags = item_tags(clause.text)
    parts = tuple(TagPart(tags[i - 1].span[1] if i else 0, t.span[1], t.units, t.leads, t.generic_units)
                  for i, t in enumerate(tags))
    return replace(clause, units=ann.units, generic_units=ann.generic_units, leads=ann.leads,
                   lead_explicit=ann.lead_explicit, tag_form=ann.form, tag_text=ann.text, parts=parts)


def _header_clause(doc: str, title: str, stack: list[_Node], p: Paragraph, order: int) -> Clause:
    """A table's header row, kept with its column names: what the table's columns are is asked too."""
    assert p.row is not None
    node = stack[-1]
    seen = node.children.get("header", 0)
    node.children["header"] = seen + 1
    cid = _path_id(doc, stack, "header" if seen == 0 else f"header~{seen + 1}")
    return Clause(id=cid, doc=doc, title=title, section=tuple(n.label for n in stack[1:]), heading="", text=p.text,
                  kind="header", order=order, columns=tuple((re.sub(r"\s+", "", name), "") for name in p.row.header))


def _row_clause(doc: str, title: str, stack: list[_Node], p: Paragraph, order: int) -> Clause:
    """One data row of a task table: its own clause (kind "row") under the attachment and task group."""
    assert p.row is not None
    node = stack[-1]
    node.paragraphs += 1
    key = row_key(p.row, node.paragraphs)
    seen = node.children.get(key, 0)
    node.children[key] = seen + 1
    cid = _path_id(doc, stack, key if seen == 0 else f"{key}~{seen + 1}")
    clause = Clause(id=cid, doc=doc, title=title, section=tuple(n.label for n in stack[1:]),
                    heading=row_heading(p.row), text=p.text, kind="row", order=order, columns=row_columns(p.row))
    clause = annotated(clause, row_annotation(p.row, p.text))
    # `——` in its 牵头单位 cell: the table says who leads and that nobody does (lead_explicit with no leads)
    return replace(clause, lead_explicit=True) if clause.units and lead_said_none(p.row) else clause


def _shared_prefix(clauses: list[Clause]) -> list[Clause]:
    """`（省工业和信息化厅、商务厅牵头负责）`: one 省 serves the whole list. A name without a level, where the same
    document writes it elsewhere with one (省商务厅), is that unit; a name it never writes so stays as written."""
    written = {u for c in clauses for u in c.units}
    bodies = abbreviation_groups()

    def full(name: str, shared: str) -> str:
        if level_prefix(name) or name.startswith(("国家", "中国", "中共")):
            return name
        if (elsewhere := next((p + name for p in LEVELS if p + name in written), "")):
            return elsewhere
        # a standard body (商务厅, 卫生健康委) right after a name at a level: the list's one 省 serves it too
        return shared + name if shared and (name in bodies or name.endswith("厅")) else name

    out = []
    for c in clauses:
        if c.units:
            shared, named = "", {}
            for u in c.units:
                named[u] = full(u, shared)
                # a party committee's 市委 is no level another body of the list shares (市委组织部、人社局)
                shared = lv if (lv := level_prefix(u)) and not lv.endswith("委") else shared
            if any(named[u] != u for u in c.units):
                c = replace(c, units=tuple(dict.fromkeys(named[u] for u in c.units)),
                            leads=tuple(dict.fromkeys(named.get(u, u) for u in c.leads)))
        out.append(c)
    return out


def _standing(clauses: list[Clause]) -> list[Clause]:
    """`以下任务均需各市落实，不再列出` in one annotation: those parties join every annotated item from there on,
    as generic parties (the document names them once so as not to repeat them)."""
    out, parties = list(clauses), ""
    for i, c in enumerate(out):
        parties = parties or re.sub(r"[，,]", "、", standing_parties(c.tag_text))  # one list, however it is joined
        listed = all(p in c.generic_units for p in parties.split("、"))  # the item that states them lists them itself
        if parties and (c.units or c.generic_units or c.leads) and parties not in c.generic_units and not listed:
            out[i] = replace(c, generic_units=(*c.generic_units, parties))
    return out


def _first_groups(clauses: list[Clause]) -> list[Clause]:
    """`第一个逗号前为牵头单位…，下同`, said once: every later list's units before its first comma lead too."""
    if not any(FIRST_GROUP_LEADS.search(c.tag_text) for c in clauses):
        return clauses
    out = list(clauses)
    for i, c in enumerate(out):
        if c.tag_text and c.units and not c.leads and c.tag_form == "list":
            leads = tuple(u for u in first_group(c.tag_text) if u in c.units)
            if leads:  # no comma at all: every unit stands before it, and leads
                out[i] = replace(c, leads=leads, lead_explicit=True)  # the document states who leads
    return out


def _stands_alone(marker: Marker, following: Sequence[Paragraph], article_rank: float,
                  previous: Paragraph | None = None) -> bool:
    """A short titled item (`1．展会/活动邀请函`) that heads nothing — the next line is a sibling item with text of its
    own (`2．参展证明…；`) — is an item of its own, not a heading: its text would otherwise be lost. So is the last item
    of a list of sentences that lacks its `。` (`6.…报告》（需加盖公章）。` / `7.…授权函（…）` / `三、报名方式`): the next
    line closes the list. A run of titles alone (an attachment list, `1.广州市…体系` then `2.…` then `附件1`) stays a run
    of headings."""
    nxt = following[0].marker if following else None
    if marker.kind not in ("item", "subitem") or nxt is None:
        return False
    rank = article_rank if nxt.kind == "article" else nxt.rank
    if rank < marker.rank:  # a higher level follows: the item heads nothing
        before = previous.marker if previous is not None else None
        return (before is not None and before.kind == marker.kind and before.rank == marker.rank
                and not before.heading_only)
    return marker.kind == "item" and rank == marker.rank and not nxt.heading_only


def _first_listed(clauses: list[Clause]) -> list[Clause]:
    """`列第一位的为牵头单位，下同`, said once: the first unit of every later list leads — of each list, where an item
    carries two (`…（责任单位：A、B）…（责任单位：C）` has two leads)."""
    if not any(FIRST_LEADS.search(c.tag_text) for c in clauses):
        return clauses
    out = list(clauses)
    for i, c in enumerate(out):
        if c.tag_text and c.units and not c.leads and c.tag_form == "list":
            firsts = [a.units[0] for a in find_annotations(c.text) if a.form == "list" and a.units]
            leads = tuple(dict.fromkeys(u for u in firsts if u in c.units)) or c.units[:1]
            parts = tuple(replace(p, leads=p.leads or p.units[:1]) for p in c.parts)
            out[i] = replace(c, leads=leads, lead_explicit=True, parts=parts)  # the document states who leads
    return out


def _inherit_tags(clauses: list[Clause]) -> list[Clause]:
    """A tag closing a plain paragraph governs the untagged paragraphs before it in its section."""
    out = list(clauses)
    for i, c in enumerate(out):
        if not c.units or c.kind != "paragraph":
            continue
        j = i - 1
        while j >= 0 and out[j].section[: len(c.section)] == c.section and not out[j].units:
            # tag_text stays empty: the annotation is not in this clause's text (tag_scope says where it is)
            out[j] = replace(out[j], units=c.units, generic_units=c.generic_units, leads=c.leads,
                             lead_explicit=c.lead_explicit, tag_form=c.tag_form, tag_scope=c.id)
            j -= 1
    return out


def _part_closing(clauses: list[Clause], own_tags: set[str]) -> list[Clause]:
    """`（一）…（二）…（三）…` then `牵头单位:市商务局,责任单位:…` on a line of its own, closing the part: when no
    other item of the part carries an annotation, the line governs every item of the part, not only the last."""
    out = list(clauses)
    for i, c in enumerate(out):
        if c.id not in own_tags or not c.units or len(c.section) < 2:
            continue
        parent = c.section[:-1]
        siblings = [j for j, o in enumerate(out) if o.section[:-1] == parent and o.kind == c.kind and len(o.section) == len(c.section)]
        if len(siblings) < 2 or siblings[-1] != i or any(out[j].units for j in siblings if j != i):
            continue
        for j in siblings[:-1]:
            # tag_text stays empty: the annotation is not in this clause's text (tag_scope says where it is)
            out[j] = replace(out[j], units=c.units, generic_units=c.generic_units, leads=c.leads,
                             lead_explicit=c.lead_explicit, tag_form=c.tag_form, tag_scope=c.id)
    return out


def parse(doc: str, title: str, cleaned: Cleaned) -> ParsedDocument:
    """Build clauses from cleaned paragraphs; numbering below an article stays in the article."""
    stack = _start()
    clauses: list[Clause] = []
    segments: list[Segment] = []
    notice = notice_length([p.text for p in cleaned.paragraphs])
    article_rank = _article_rank(cleaned, notice)
    if notice:
        stack[-1] = _Node(rank=99, key="notice", label=NOTICE, kind="preface")
    last_item = 0  # number of the last `N.` item, so that `11.121人才…` continues the list
    records = record_markers([p.text for p in cleaned.paragraphs],
                             [p.marker is not None or p.row is not None or n < notice for n, p in enumerate(cleaned.paragraphs)])
    own_tags: set[str] = set()  # clauses whose annotation stood on its own line
    for n, p in enumerate(cleaned.paragraphs):
        marker = p.marker or records.get(n) or (item_after(p.text, last_item) if last_item else None)
        if marker is not None and marker.kind == "item" and marker.key.isdigit():
            last_item = int(marker.key)
        if marker is not None and marker.kind == "article":
            marker = replace(marker, rank=article_rank)
        if marker is not p.marker:
            p = replace(p, marker=marker)
        if n < notice:  # the issuing notice: plain paragraphs whatever their numbering
            clauses.append(replace(_clause(doc, title, stack, replace(p, marker=None), len(clauses)), kind="notice"))
            segments.append(Segment("clause", p.text, p.line))
            continue
        if notice and n == notice:
            stack[-1] = _start()[-1]  # the issued document's own preamble
            if _is_title_line(p):
                segments.append(Segment("heading", p.text, p.line))
                continue
        if p.row is not None:
            if p.row.cells == p.row.header:
                segments.append(Segment("heading", p.text, p.line))
                clauses.append(_header_clause(doc, title, stack, p, len(clauses)))
            else:
                clauses.append(_row_clause(doc, title, stack, p, len(clauses)))
                segments.append(Segment("clause", p.text, p.line))
            continue
        if marker is None and clauses and stack[-1].kind == "record" and clauses[-1].section[-1:] == (stack[-1].label,):
            # a record's fields (`政策内容：…`, `申请渠道：…`) are one entry, as an item's sentences are
            last = clauses[-1]
            clauses[-1] = annotated(replace(last, text=last.text + p.text), find_annotation(last.text + p.text))
            segments.append(Segment("clause", p.text, p.line))
            continue
        if clauses and _in_article(stack) and _joins_article(marker, article_rank):
            last = clauses[-1]
            clauses[-1] = annotated(replace(last, text=last.text + p.text), find_annotation(last.text + p.text))
            segments.append(Segment("clause", p.text, p.line))
            continue
        if marker is not None:
            _push(stack, marker)
            if marker.heading_only and not _stands_alone(marker, cleaned.paragraphs[n + 1:n + 2], article_rank,
                                                         cleaned.paragraphs[n - 1] if n else None):
                segments.append(Segment("heading", p.text, p.line))
                continue
        clauses.append(_clause(doc, title, stack, p, len(clauses)))
        if p.own_tag:
            own_tags.add(clauses[-1].id)
        segments.append(Segment("clause", p.text, p.line))
    warnings = []
    if clauses and all(c.kind == "paragraph" for c in clauses) and not any(s.kind == "heading" for s in segments):
        warnings.append(f"{doc}: no recognisable structure; indexed as {len(clauses)} plain paragraphs")
    if (annexes := _annex_list(doc, title, cleaned.artifacts, len(clauses))) is not None:
        clauses.append(annexes)
    artifacts = [Segment("artifact", a.text, a.line) for a in cleaned.artifacts]
    ordered = sorted(segments + artifacts, key=lambda s: s.line)
    clauses = _part_closing(_inherit_tags(_first_listed(_first_groups(clauses))), own_tags)
    return ParsedDocument(doc, title, tuple(link_rows(_standing(_shared_prefix(clauses)))), tuple(ordered),
                          cleaned.artifacts, tuple(warnings))
