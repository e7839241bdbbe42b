"""Link the words of a question to the document's own inventory: items, headings, target labels. Pure.

Two signals settle a subject: how much of a clause's own label (heading, section
title, target name) the phrase covers — loosely, by character pairs, so a label
quoted with a word left out or changed still links — and the rank retrieval gives
the clause for the phrase (meaning, for paraphrases that share no label words).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Sequence

from core.clause import Clause
from kb.fusion import bare_label

STRONG = 0.75  # share of a label's character pairs a phrase must carry to name it (`融资体系建设` → 融资体系)
MIN_LABEL = 2
WEIGHT_RETRIEVAL = 0.2  # below a named label, retrieval rank and the item's own wording settle the item
WEIGHT_WORDING = 0.6
TITLED_MOST = 3  # items whose titles may share a short quoted term that names them
QUOTED_MIN = 6  # a phrase this long found verbatim in an item's text (产业规模突破3000亿元) names that item


def bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)} if len(text) > 1 else {text}


def in_sequence(short: str, long: str) -> bool:
    """`食药监` in 食品药品监督管理: the short name's characters, in order, within the long one."""
    rest = iter(long)
    return all(ch in rest for ch in short)


def coverage(phrase: str, label: str) -> float:
    """Share of the label's character pairs that the phrase carries (1.0 when the label is inside it)."""
    if len(label) < MIN_LABEL or not phrase:
        return 0.0
    if label in phrase:
        return 1.0
    return len(bigrams(label) & bigrams(phrase)) / len(bigrams(label))


def labels(c: Clause) -> list[str]:
    """What a clause is called: its own heading and its section titles, deepest first."""
    out = [bare_label(c.heading)] if c.heading else []
    out += [bare_label(s) for s in reversed(c.section)]
    return [l for l in dict.fromkeys(out) if len(l) >= MIN_LABEL]


@dataclass(frozen=True)
class Link:
    clause: Clause
    label: str  # the label the phrase named ("" when only retrieval linked it)
    score: float


MIN_INSIDE = 3  # a phrase this long found inside a label names it too (`招大引强` in 分领域分层次专业化招大引强育骨干)


def match(phrase: str, label: str) -> float:
    """How well a phrase names a label: it carries the label, or (long enough) it is carried by it."""
    inside = coverage(label, phrase) if len(phrase) >= MIN_INSIDE else 0.0
    return max(coverage(phrase, label), inside)


def label_score(phrase: str, c: Clause) -> tuple[float, str]:
    """Best label match, the deepest label winning ties (the item, not its chapter)."""
    best, name = 0.0, ""
    for depth, label in enumerate(labels(c)):
        score = match(phrase, label) - 0.01 * depth
        if score > best:
            best, name = score, label
    return best, name


def wording(phrase: str, clauses: Sequence[Clause]) -> dict[str, float]:
    """Share of the phrase's character pairs each clause carries, rare pairs weighing more.

    A paraphrase that names no label still repeats the item's own words (开发商失信联合惩戒
    → 建立诚信体系…联合惩戒); pairs every item shares (推进, 加强) say little about which."""
    pairs = bigrams(re.sub(r"\W", "", phrase)) if phrase else set()
    if not pairs or not clauses:
        return {}
    held = {c.id: {p for p in pairs if p in c.text or p in c.heading} for c in clauses}
    n = len(clauses)
    df = {p: sum(p in h for h in held.values()) for p in pairs}
    weight = {p: math.log(1 + n / (1 + df[p])) for p in pairs}
    total = sum(weight.values()) or 1.0
    return {cid: sum(weight[p] for p in h) / total for cid, h in held.items()}


def rank_tasks(phrase: str, ranked: Sequence[Clause], pool: Sequence[Clause], quoted: Sequence[str] = ()) -> list[Link]:
    """Clauses with responsible units, best first: a label the phrase names beats wording and retrieval order."""
    order = {c.id: i for i, c in enumerate(ranked)}
    tasks = [c for c in pool if c.units or c.generic_units]  # 〔牵头单位:属地人民政府〕 is a duty too
    words = wording(phrase, tasks)
    # a short term the question quotes (打击“黑车”) that one or two items' own titles quote too names them
    short = [q for q in quoted if len(q) < QUOTED_MIN]
    def quotes(c: Clause, q: str) -> bool:  # the title quotes the term itself (“黑车”), not a longer one holding it
        return f"“{q}”" in c.heading or f'"{q}"' in c.heading
    titled = {q for q in short if 0 < sum(quotes(c, q) for c in tasks) <= TITLED_MOST}
    # of the titles that quote it, the one the term is most of (严打“黑车”运营, not 严查非法排放、“黑车”运营、…)
    share = {c.id: max((len(q) / len(c.heading) for q in titled if quotes(c, q)), default=0.0) for c in tasks}
    most = max(share.values(), default=0.0)
    links = []
    for c in tasks:
        score, label = label_score(phrase, c) if phrase else (0.0, "")
        verbatim = [q for q in (phrase, *(q for q in quoted if q in phrase or phrase in q))
                    if len(q) >= QUOTED_MIN and q in c.text]
        if verbatim:  # a metric quoted from the item's own text names it best
            score, label = 1.0, verbatim[0]
        named = score >= STRONG
        retrieval = 1.0 / (1 + order[c.id]) if c.id in order else 0.0
        term = next((q for q in titled if quotes(c, q)), "") if most and share[c.id] == most else ""
        tier = 2.0 if verbatim else 1.5 if term else 1.0 if named else 0.0
        links.append(Link(c, label if named else term,
                          tier + score * 0.1 + retrieval * WEIGHT_RETRIEVAL + words.get(c.id, 0.0) * WEIGHT_WORDING))
    return sorted((l for l in links if l.score > 0), key=lambda l: -l.score)


def heading_of(phrase: str, clauses: Sequence[Clause]) -> tuple[str, int, str] | None:
    """(section label, depth, doc) of the heading the phrase names best, for outlines and per-item lists."""
    best: tuple[float, str, int, str] | None = None
    for c in clauses:
        for depth, label in enumerate(c.section[:-1] if c.kind != "row" else c.section):
            bare = bare_label(label)
            score = match(phrase, bare) + 0.001 * len(bare)  # the heading named whole, or a distinctive part of it
            if score >= STRONG and (best is None or score > best[0]):
                best = (score, label, depth, c.doc)
    return None if best is None else best[1:]


def children(clauses: Sequence[Clause], doc: str, label: str, depth: int) -> dict[str, list[Clause]]:
    """The parts directly under a heading, each with its clauses, in document order."""
    out: dict[str, list[Clause]] = {}
    for c in clauses:
        if c.doc == doc and len(c.section) > depth + 1 and c.section[depth] == label:
            out.setdefault(c.section[depth + 1], []).append(c)
    return out
