"""Sentences as evidence: ranking the candidate sentences of a question, and views of the index they need.

One `Evidence` per knowledge base, built lazily and shared read-only by every question.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import cached_property, lru_cache
from typing import Sequence

import numpy as np

from core.clause import Clause
from core.sentences import Span, respective
from kb import extract
from kb.extract import Scored
from core.lead_rule import names_no_lead
from kb.fusion import NUMBERING, years_in
from kb.knowledge import KnowledgeBase
from kb.search import Hit

ANNOTATED_MIN = 3  # annotations a document needs before its items, not its sentences, answer who-questions
ANNOTATED_SHARE = 0.15  # … and the share of its clauses they must cover (its own or a part's closing annotation)
GENERIC_SHARE = 0.2  # a word in at least this share of the clauses (成都, 软件, 发展 …) says nothing specific


# a sub-item's label inside a clause: （一）医养结合补贴。 / (1)前置测绘。 / 1.目标。 / ——产业规模。
_SUB_LABEL = re.compile(r"(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|(?<![\d.])\d{1,2}[.．、]|——)([^。；：:，,]{2,20})[。：:]")

# a sentence that introduces a list (下列条件/以下情形/下列行为之一); its items open with a numbering mark
# a content question whose best sentence sits in a clause this short (an article, a measure of three lines) is
# answered by the whole clause, in order: its other sentences finish the best one (`…分期缴纳。` then `但须…缴纳50%`,
# `包括A和B。` then what A and B are, a rule's other 禁止 lines)
WHOLE_CHARS = 240
WHOLE_SENTENCES = 5
_INTRODUCES = re.compile(r"(下列|以下|如下)[^。；;]{0,120}[：:]")


class Evidence:
    def __init__(self, kb: KnowledgeBase, k: int = 8) -> None:
        self.kb, self.k = kb, k

    @cached_property
    def position(self) -> dict[str, int]:
        return {c.id: i for i, c in enumerate(self.kb.clauses)}

    @cached_property
    def rows_of(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for row, (ci, _, _) in enumerate(self.kb.index.sentences):
            out.setdefault(ci, []).append(row)
        return out

    @cached_property
    def idf(self) -> dict[str, float]:
        return extract.idf_table([set(self.kb.segmenter.tokens(c.text)) for c in self.kb.clauses])

    @cached_property
    def tagged(self) -> tuple[Clause, ...]:
        """Clauses with an annotation of their own (named or generic parties) in a document that annotates its
        items: the items duty answers search."""
        return tuple(c for c in self.kb.clauses if (c.units or c.generic_units) and not c.tag_scope
                     and c.doc in self.annotated_docs)

    @cached_property
    def with_columns(self) -> tuple[Clause, ...]:
        """Task-table rows with columns beyond their units (office, deadline)."""
        return tuple(c for c in self.kb.clauses if c.columns)

    @cached_property
    def annotated_docs(self) -> frozenset[str]:
        """Documents that mark who does what on their items (ANNOTATED_MIN annotations or more). A guide or a
        regulation with one `由X会同相关部门负责解释` states its duties in prose: its sentences answer, not that one."""
        own = [c for c in self.kb.clauses if (c.units or c.generic_units) and not c.tag_scope]
        counts = Counter(c.doc for c in own)
        # a regulation whose few articles say `X会同Y…` (4 of 46) states its duties in prose: its items are no table
        covered = Counter(c.doc for c in self.kb.clauses if c.units or c.generic_units)
        sizes = Counter(c.doc for c in self.kb.clauses)
        # … but tags are tags however long the annexes after them (奉贤's 12 `(牵头单位:…)` before 8 tables of rows)
        tagged = Counter(c.doc for c in own if c.tagged)
        return frozenset(d for d, n in counts.items() if n >= ANNOTATED_MIN and (
            covered[d] >= ANNOTATED_SHARE * sizes[d] or tagged[d] >= ANNOTATED_MIN))

    @cached_property
    def no_lead_docs(self) -> frozenset[str]:
        """Documents where an item listing only 责任单位 names no lead: all but those whose text or metadata says
        the first listed leads."""
        by_doc: dict[str, list[Clause]] = {}
        for c in self.kb.clauses:
            by_doc.setdefault(c.doc, []).append(c)
        documents = self.kb.index.documents
        return frozenset(d for d, cs in by_doc.items()
                         if names_no_lead(cs, documents[d].lead_convention if d in documents else ""))

    @cached_property
    def corpus_by_doc(self) -> dict[str, str]:
        out: dict[str, list[str]] = {}
        for c in self.kb.clauses:
            out.setdefault(c.doc, []).append(c.title + c.section_label + c.text)
        return {d: "".join(parts) for d, parts in out.items()}

    @lru_cache(maxsize=64)
    def scope_texts(self, docs: frozenset[str] | None) -> tuple[tuple[str, ...], str]:
        """The clause texts of the documents asked about, and their titles run together: built once per scope, not
        per question."""
        mine = [c for c in self.kb.clauses if docs is None or c.doc in docs]
        return tuple(c.text for c in mine), "".join(dict.fromkeys(c.title for c in mine))

    @lru_cache(maxsize=64)  # joined once per scope: refusal checks and the question's wording both read it
    def corpus(self, docs: frozenset[str] | None = None) -> str:
        return "".join(t for d, t in self.corpus_by_doc.items() if docs is None or d in docs)

    def corpus_years(self, docs: frozenset[str] | None = None) -> set[str]:
        return years_in(self.corpus(docs))

    @cached_property
    def generic_idf(self) -> float:
        n = len(self.kb.clauses)
        return math.log((n + 1) / (GENERIC_SHARE * n + 0.5))

    @lru_cache(maxsize=65536)
    def row_tokens(self, row: int) -> frozenset[str]:
        ci, start, end = self.kb.index.sentences[row]
        return frozenset(self.kb.segmenter.tokens(self.kb.clauses[ci].text[start:end]))

    @lru_cache(maxsize=65536)
    def sub_label(self, row: int) -> str:
        """The sub-item label a sentence sits under inside its clause (`（一）医养结合补贴。` for the sentences that
        follow it, up to the next label): what the sentence is about, said once before it; "" if none."""
        ci, start, _ = self.kb.index.sentences[row]
        before = self.kb.clauses[ci].text[:start]
        label = next(reversed(list(_SUB_LABEL.finditer(before))), None)
        return label.group(1) if label else ""

    def label_tokens(self, row: int) -> frozenset[str]:
        return frozenset(self.kb.segmenter.tokens(label)) if (label := self.sub_label(row)) else frozenset()

    @lru_cache(maxsize=None)
    def part_tokens(self, clause: Clause) -> frozenset[str]:
        """The words of the title of the part an article or item sits in (`第四章大病医疗` for 第十一条): what all its
        sentences are about, said once above them."""
        if len(clause.section) < 2:
            return frozenset()
        title = re.sub(r"^(第[一二三四五六七八九十百零〇\d]+[章节编]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])",
                       "", clause.section[-2])
        return frozenset(self.kb.segmenter.tokens(title))

    def years_of(self, clause: Clause) -> frozenset[str]:
        return self.kb.searcher.years[self.position[clause.id]]

    # --- ranking ---------------------------------------------------------------------------
    def rank(self, text: str, vector: np.ndarray, hits: Sequence[Hit], wants_number: bool,
             only: Sequence[Clause] | None = None) -> list[Scored]:
        """Sentences of the top clauses (or of `only`), best first."""
        nearest = dict(self.kb.searcher.dense_sentences(vector, 256))
        floor = min(nearest.values(), default=0.0) - 0.02
        asked = self.kb.searcher.query_tokens(text)
        clauses = list(only) if only is not None else [h.clause for h in hits[: self.k]]
        out = []
        for rank, clause in enumerate(clauses, 1):
            for row in self.rows_of.get(self.position[clause.id], []):
                _, start, end = self.kb.index.sentences[row]
                dense = nearest.get(row, floor)
                lexical = extract.overlap(asked, self.row_tokens(row) | self.label_tokens(row) | self.part_tokens(clause),
                                          self.idf)
                score = extract.score_sentence(dense, lexical, rank if only is None else 1, wants_number,
                                               clause.text[start:end])
                out.append(Scored(clause, Span(start, end), score, dense, lexical, row))
        return sorted(out, key=lambda s: -s.score)

    def best_in(self, text: str, vector: np.ndarray, clause: Clause) -> Scored | None:
        ranked = self.rank(text, vector, (), False, only=[clause])
        return ranked[0] if ranked else None

    def with_year(self, ranked: list[Scored], year: str) -> Scored | None:
        """Best sentence of a clause that itself names the year (a stage's `到2022年` paragraph), else inherits it."""
        own = next((s for s in ranked if f"{year}年" in s.clause.text), None)
        return own or next((s for s in ranked if year in self.years_of(s.clause)), None)

    @staticmethod
    def with_stage(ranked: list[Scored], stage: str) -> Scored | None:
        return next((s for s in ranked if stage in s.clause.section_label), None)

    def with_period(self, ranked: list[Scored], period: str) -> Scored | None:
        """The best sentence for a year or stage, preferring one that states a figure."""
        figures = [s for s in ranked if extract.has_quantity(s.text)]
        pick = (self.with_stage(figures, period) if "阶段" in period else self.with_year(figures, period))
        return pick or (self.with_stage(ranked, period) if "阶段" in period else self.with_year(ranked, period))

    def covering(self, text: str, picked: list[Scored], ranked: list[Scored]) -> list[Scored]:
        """A sentence near the best that carries specific words of the question the picked ones lack
        (`…哪些制度和指标体系？`: the 制度 and the 指标体系 are in consecutive sentences)."""
        asked = {t for t in self.kb.searcher.query_tokens(text) if self.idf.get(t, 0.0) >= self.generic_idf}
        covered = set().union(*(self.row_tokens(s.row) for s in picked))
        out = []
        for s in ranked[:10]:
            gain = (asked - covered) & self.row_tokens(s.row)
            if s not in picked and gain and s.score >= picked[0].score - 0.06:
                out.append(s)
                covered |= self.row_tokens(s.row)
        return out[:2]

    def part_for(self, text: str, sentence: str) -> str:
        """The comma-separated part of a sentence that shares most words with the question and states a figure
        (`…亿元以上企业超过350家，…` for a question about 亿元以上企业)."""
        if picked := respective(sentence, text):  # `A、B分别…X、Y` asked of B: B's figure, said with B
            return picked
        asked = set(self.kb.segmenter.tokens(text))
        parts = [p for p in re.split(r"(?<=[，,；;、。])", sentence) if p.strip("，,；;、。")]
        if not parts:
            return sentence

        def weight(part: str) -> float:  # rare shared words count more (亿元以上企业 vs 知名企业)
            return sum(self.idf.get(t, 1.0) for t in asked & set(self.kb.segmenter.tokens(part)))
        return max(parts, key=lambda p: (extract.has_quantity(p), weight(p)))

    def number_for(self, text: str, s: Scored) -> tuple[float, str] | None:
        """The figure of the part of a sentence that shares most words with the question."""
        return extract.first_number(self.part_for(text, s.text)) or extract.first_number(s.text)

    def unmatched(self, text: str, best: Scored) -> list[str]:
        """Specific words of the question the documents never use, when nothing specific matched."""
        words = [w for w in self.kb.segmenter.words(text) if w not in self.kb.segmenter.stopwords]
        context = set(self.row_tokens(best.row)) | self.label_tokens(best.row) | self.part_tokens(best.clause)
        return extract.unmatched_terms(self.kb.searcher.query_tokens(text), words, context, self.idf, self.generic_idf,
                                       best.text + best.clause.section_label)

    def pick(self, text: str, ranked: list[Scored], periods: list[str], support: bool, target: bool,
             whole: bool = False) -> list[Scored]:
        """The sentences to quote: the best, close runners-up, one per period asked, and a covering neighbour; with
        `whole` (a content question), the best sentence's short clause in full."""
        if len(periods) >= 2:
            picked = [s for s in (self.with_period(ranked, p) for p in periods) if s is not None]
            if picked:
                return list(dict.fromkeys(picked))
        first = ranked[0]
        if len(periods) == 1:  # one year or stage asked: quote only what is dated so
            p = periods[0]
            dated = [s for s in ranked if (p in s.clause.section_label if "阶段" in p else p in self.years_of(s.clause))]
            if dated and dated[0].score >= first.score - 0.05:
                first, ranked = dated[0], dated
        slack, room = (0.04, 3) if support else (0.02, 2)
        extra = [s for s in ranked if s is not first and s.score >= first.score - slack and s.text != first.text]
        picked = [first] + extra[:room]
        picked += self.covering(text, picked, ranked)
        if (support or target) and extract.has_quantity(first.text):
            picked += self.tiers(first, ranked, picked)
        if target:  # the same figure stated elsewhere (总体目标 vs 第三阶段): show every source
            picked += [s for s in ranked if s.clause not in {p.clause for p in picked} and extract.has_quantity(s.text)
                       and s.overlap > 0 and s.overlap >= 0.8 * first.overlap][:2]
        for lead in picked[:2]:
            picked += self.listed(lead, ranked, picked)
        if whole and not periods:
            own = self.whole_clause(first, ranked)
            picked = own + [s for s in picked if s not in own]
        return extract.with_lead_ins(picked)

    @staticmethod
    def whole_clause(first: Scored, ranked: list[Scored]) -> list[Scored]:
        """The sentences of the best one's clause in document order, when the clause is short; else none."""
        mine = sorted((s for s in ranked if s.clause.id == first.clause.id), key=lambda s: s.row)
        if len(first.clause.text) > WHOLE_CHARS or not 1 < len(mine) <= WHOLE_SENTENCES:
            return []
        return mine

    @staticmethod
    def listed(first: Scored, ranked: list[Scored], picked: list[Scored], most: int = 8) -> list[Scored]:
        """`应当具备下列条件：（一）…；（二）…；（三）…`: the conditions (or cases, or steps) a sentence introduces are
        the answer too — the items that follow it in its clause, in order, not the first one alone."""
        if not _INTRODUCES.search(first.text):
            return []
        after = sorted((s for s in ranked if s.clause.id == first.clause.id and s.row > first.row and s not in picked),
                       key=lambda s: s.row)
        out = []
        for s in after:
            if s.row != (out[-1].row if out else first.row) + 1 or not NUMBERING.match(s.text):
                break
            out.append(s)
        return out[:most]

    @staticmethod
    def tiers(first: Scored, ranked: list[Scored], picked: list[Scored], reach: int = 3, most: int = 4) -> list[Scored]:
        """The other tiers of a graded amount (`主板上市奖励300万元；…创业板200万元；新三板100万元`): sentences of
        the same clause, next to the best one, that state a figure too — one tier alone misleads the applicant."""
        near = [s for s in ranked if s.clause.id == first.clause.id and s not in picked and abs(s.row - first.row) <= reach
                and extract.has_quantity(s.text)]
        return sorted(near, key=lambda s: s.row)[:most]

    def unmatched_english(self, text: str) -> list[str]:
        """An English question none of whose words (or their translations) the documents use."""
        tokens = self.kb.searcher.query_tokens(text)
        if any(t in self.idf and not t.isdigit() and (not t.isascii() or len(t) > 3) for t in tokens):
            return []
        return [t for t in dict.fromkeys(tokens) if t.isascii() and t.isalpha() and len(t) > 3]

