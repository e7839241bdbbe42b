"""`ask(question, history) -> Answer`: deterministic, extractive, every quote checked against its clause."""
from __future__ import annotations

import logging
import math
import re
import time
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import Sequence

import numpy as np

from core.numerals import cn_to_int
from kb import duty, extract, followup
from kb.answer import Answer, Citation
from core.clause import Clause
from kb.extract import Scored
from kb.fusion import bare_label, years_in
from kb.intent import LIST, Intent, classify
from kb.knowledge import KnowledgeBase
from kb.question import Question, prepare
from kb.refusal import out_of_scope, unmet_type
from kb.search import Hit
from core.sentences import Span

log = logging.getLogger(__name__)
REPHRASE = "没有识别出问题。请用一句话问规划里的内容，例如“市场主体目标由谁牵头？”或“有哪些融资支持政策？”。"


@dataclass(frozen=True)
class AskConfig:
    structured: bool = True  # intents answered from the tags; off = extractive only (for comparison)
    mode: str | None = None  # retrieval mode; None = the knowledge base's default
    k: int = 8  # clauses considered for quotes
    # Below these, the best sentence is taken not to answer the question; calibrated by `python -m eval.calibrate`
    min_relevance: float = 0.935
    min_relevance_en: float = 0.84
    max_chars: int = 500


class Asker:
    def __init__(self, kb: KnowledgeBase, config: AskConfig = AskConfig()) -> None:
        if config.k <= 0:
            raise ValueError(f"k must be greater than 0, got {config.k}")
        self.kb, self.config = kb, config

    # --- cached views of the index -------------------------------------------------------
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
    def corpus(self) -> str:
        return "".join(c.title + c.section_label + c.text for c in self.kb.clauses)

    @cached_property
    def corpus_years(self) -> set[str]:
        return years_in(self.corpus)

    @cached_property
    def generic_idf(self) -> float:
        """Words in at least a fifth of the clauses (成都, 软件, 发展 …) say nothing specific."""
        n = len(self.kb.clauses)
        return math.log((n + 1) / (0.2 * n + 0.5))

    @lru_cache(maxsize=65536)
    def _row_tokens(self, row: int) -> frozenset[str]:
        ci, start, end = self.kb.index.sentences[row]
        return frozenset(self.kb.segmenter.tokens(self.kb.clauses[ci].text[start:end]))

    # --- sentences -------------------------------------------------------------------------
    def rank_sentences(self, text: str, vector: np.ndarray, hits: Sequence[Hit], wants_number: bool,
                       only: set[int] | None = None) -> list[Scored]:
        """Sentences of the top clauses (or of `only` clause positions), best first."""
        nearest = dict(self.kb.searcher.dense_sentences(vector, 256))
        floor = min(nearest.values(), default=0.0) - 0.02
        asked = self.kb.searcher.query_tokens(text)
        if only is not None:
            ranked = [(rank, ci) for rank, ci in enumerate(sorted(only), 1)]
        else:
            ranked = [(rank, self.position[h.clause.id]) for rank, h in enumerate(hits[: self.config.k], 1)]
        out = []
        for rank, ci in ranked:
            clause = self.kb.clauses[ci]
            for row in self.rows_of.get(ci, []):
                _, start, end = self.kb.index.sentences[row]
                dense = nearest.get(row, floor)
                lexical = extract.overlap(asked, self._row_tokens(row), self.idf)
                score = extract.score_sentence(dense, lexical, rank, wants_number, clause.text[start:end])
                out.append(Scored(clause, Span(start, end), score, dense, lexical, row))
        return sorted(out, key=lambda s: -s.score)

    def _with_year(self, ranked: list[Scored], year: str) -> Scored | None:
        """Best sentence of a clause that itself names the year (a stage's `到2022年` paragraph), else inherits it."""
        own = next((s for s in ranked if f"{year}年" in s.clause.text), None)
        return own or next((s for s in ranked if year in self.kb.searcher.years[self.position[s.clause.id]]), None)

    def _with_stage(self, ranked: list[Scored], stage: str) -> Scored | None:
        return next((s for s in ranked if stage in s.clause.section_label), None)

    # --- structured answers ------------------------------------------------------------------
    def _evidence(self, text: str, vector: np.ndarray, clause: Clause) -> Citation | None:
        ranked = self.rank_sentences(text, vector, (), False, only={self.position[clause.id]})
        return Citation(clause, ranked[0].text) if ranked else None

    def _locate_task(self, hits: Sequence[Hit], focus: Sequence[str]) -> tuple[Clause | None, Clause | None]:
        """(the tagged clause the question is about, or None with the untagged clause it is about)."""
        for cid in focus:
            if cid in self.kb.by_id and self.kb.by_id[cid].units:
                return self.kb.by_id[cid], None
        tagged = [h for h in hits if h.clause.units]
        if not hits:
            return None, None
        if not tagged or (not hits[0].clause.units and hits[0].score - tagged[0].score > 0.008):
            return None, hits[0].clause
        return tagged[0].clause, None

    def _locate_tasks(self, text: str, hits: Sequence[Hit]) -> list[Clause]:
        """One tagged clause per task phrase of a set question (`A和B共同的责任单位`)."""
        chosen: list[Clause] = []
        for phrase in duty.task_phrases(text):
            for hit in self.kb.searcher.search(phrase, k=10, mode=self.config.mode):
                if hit.clause.units and hit.clause not in chosen:
                    chosen.append(hit.clause)
                    break
        if len(chosen) < 2:
            chosen += [h.clause for h in hits if h.clause.units and h.clause not in chosen][: 2 - len(chosen)]
        return chosen

    def _structured(self, text: str, intent: Intent, hits: Sequence[Hit], vector: np.ndarray,
                    focus: Sequence[str]) -> Answer | None:
        name = intent.name
        if name in ("reverse", "shared_tasks"):
            return duty.reverse(text, intent, self.kb.clauses, self.kb.units)
        if name == "shared_units":
            tasks = self._locate_tasks(text, hits)
            if len(tasks) >= 2:
                return duty.shared_units(text, tasks)
            name = "responsibility"
        if name not in ("responsibility", "lead", "lead_check"):
            return None
        task, untagged = self._locate_task(hits, focus)
        if task is None:
            nearest = next((h.clause for h in hits if h.clause.units), None)
            return duty.untagged(text, untagged, nearest) if untagged else None
        evidence = self._evidence(text, vector, task)
        if name == "lead_check":
            return duty.lead_check(text, task, intent.units[0], evidence)
        return (duty.lead if name == "lead" else duty.responsibility)(text, task, evidence)

    def _outline(self, text: str) -> Answer | None:
        """`保障措施有哪几条？`: the headings under a heading the question names (in any language)."""
        asked = re.sub(r"[\s，。？?！!、“”\"]", "", text) + "|" + "|".join(self.kb.searcher.query_tokens(text))
        best: tuple[int, str, int] | None = None  # (label length, full label, depth)
        for c in self.kb.clauses:
            for depth, label in enumerate(c.section[:-1]):
                bare = bare_label(label)
                if len(bare) >= 2 and bare in asked and (best is None or len(bare) > best[0]):
                    best = (len(bare), label, depth)
        if best is None:
            return None
        _, label, depth = best
        children: dict[str, Clause] = {}
        for c in self.kb.clauses:
            if len(c.section) > depth + 1 and c.section[depth] == label:
                children.setdefault(c.section[depth + 1], c)
        if len(children) < 2:
            return None
        lines = [f"「{label}」下共 {len(children)} 项："] + [f"{n}. {child}" for n, child in enumerate(children, 1)]
        firsts = [(c, extract.sentence_spans_of(c)) for c in children.values()]
        cites = tuple(Citation(c, c.text[spans[0].start:spans[0].end]) for c, spans in firsts if spans)
        return Answer(text, "\n".join(lines), True, "outline", citations=cites)

    # --- extractive answers ----------------------------------------------------------------
    def _pick(self, text: str, ranked: list[Scored], intent: Intent) -> list[Scored]:
        periods = sorted(intent.stages) + sorted(intent.years)
        if len(periods) >= 2:
            per = [self._with_stage(ranked, p) if "阶段" in p else self._with_year(ranked, p) for p in periods]
            picked = [s for s in per if s is not None]
            if picked:
                return list(dict.fromkeys(picked))
        first = ranked[0]
        if len(periods) == 1:  # one year or stage asked: quote only what is dated so
            dated = [s for s in ranked if (periods[0] in s.clause.section_label if "阶段" in periods[0]
                                           else periods[0] in self.kb.searcher.years[self.position[s.clause.id]])]
            if dated and dated[0].score >= first.score - 0.05:
                first, ranked = dated[0], dated
        slack, room = (0.04, 3) if intent.name == "support" else (0.02, 2)
        extra = [s for s in ranked if s is not first and s.score >= first.score - slack and s.text != first.text]
        picked = [first] + extra[:room]
        picked += self._covering(text, picked, ranked)
        if intent.name == "target":  # the same figure stated elsewhere (总体目标 vs 第三阶段): show every source
            picked += [s for s in ranked if s.clause not in {p.clause for p in picked} and extract.has_quantity(s.text)
                       and s.overlap > 0 and s.overlap >= 0.8 * first.overlap][:2]
        return picked

    def _covering(self, text: str, picked: list[Scored], ranked: list[Scored]) -> list[Scored]:
        """A sentence near the best that carries specific words of the question the picked ones lack
        (`…哪些制度和指标体系？`: the 制度 and the 指标体系 are in consecutive sentences)."""
        asked = {t for t in self.kb.searcher.query_tokens(text) if self.idf.get(t, 0.0) >= self.generic_idf}
        covered = set().union(*(self._row_tokens(s.row) for s in picked))
        out = []
        for s in ranked[:10]:
            gain = (asked - covered) & self._row_tokens(s.row)
            if s not in picked and gain and s.score >= picked[0].score - 0.06:
                out.append(s)
                covered |= self._row_tokens(s.row)
        return out[:2]

    def _number_for(self, text: str, s: Scored) -> tuple[float, str] | None:
        asked = set(self.kb.segmenter.tokens(text))
        parts = [p for p in re.split(r"[，,；;]", s.text) if p]
        best = max(parts, key=lambda p: len(asked & set(self.kb.segmenter.tokens(p))))
        return extract.first_number(best) or extract.first_number(s.text)

    def _compare(self, text: str, intent: Intent, ranked: list[Scored]) -> Answer | None:
        stages = sorted(intent.stages, key=lambda s: cn_to_int(s[1:-2]))
        periods = stages if len(stages) >= 2 else sorted(intent.years)
        if len(periods) < 2:
            return None
        picks = [self._with_stage(ranked, p) if "阶段" in p else self._with_year(ranked, p) for p in periods[:2]]
        if any(p is None for p in picks):
            return None
        lines = [f"· {p}（「{s.clause.section_label}」）：“{s.text}”" for p, s in zip(periods, picks)]
        a, b = (self._number_for(text, s) for s in picks)
        if a and b and a[1] == b[1]:
            diff = b[0] - a[0]
            word = "高" if diff >= 0 else "低"
            lines.append(f"按规划数字，{periods[1]}比{periods[0]}{word}{extract.fmt_number(abs(diff))}{a[1]}"
                         f"（{extract.fmt_number(b[0])}{a[1]} − {extract.fmt_number(a[0])}{a[1]}）。")
        return Answer(text, "\n".join(lines), True, "compare", citations=tuple(Citation(s.clause, s.text) for s in picks))

    def _not_found(self, text: str, reason: str, nearest: Scored | None) -> Answer:
        body = f"文件未提及：{reason}。"
        related = ()
        if nearest is not None:
            body += f"\n最相关的条款（仅供参考，并不回答该问题）：「{nearest.clause.section_label}」“{nearest.text}”"
            related = (Citation(nearest.clause, nearest.text),)
        return Answer(text, body, False, "not_found", related=related)

    def _extractive(self, text: str, intent: Intent, hits: Sequence[Hit], vector: np.ndarray,
                    english: bool = False) -> Answer:
        ranked = self.rank_sentences(text, vector, hits, intent.name in ("target", "compare"))
        if not ranked:
            return self._not_found(text, "规划中没有与此相关的内容", None)
        if (missing := unmet_type(text, [s.text for s in ranked[:6]])) is not None:
            return self._not_found(text, f"规划没有给出所问的{missing}", ranked[0])
        if not english and (unknown := extract.unmatched_terms(
                self.kb.searcher.query_tokens(text),
                [w for w in self.kb.segmenter.words(text) if w not in self.kb.segmenter.stopwords],
                set(self._row_tokens(ranked[0].row)), self.idf, self.generic_idf)):
            return self._not_found(text, f"规划中没有出现“{'”“'.join(unknown)}”", ranked[0])
        floor = self.config.min_relevance_en if english else self.config.min_relevance
        if extract.relevance(ranked[0]) < floor:
            return self._not_found(text, "规划中没有与此相关的内容", ranked[0])
        if intent.name == "compare" and (answer := self._compare(text, intent, ranked)):
            return answer
        picked = self._pick(text, ranked, intent)
        intro = {"support": "规划中与此相关的支持措施：", "target": "规划中的相关目标："}.get(intent.name, "规划原文：")
        lines = [intro] + [f"· 「{s.clause.section_label}」：“{s.text}”" for s in picked]
        numbered = {s.clause.id: s.text for s in picked if extract.has_quantity(s.text)}
        if intent.name == "target" and len(numbered) > 1:
            differ = len({tuple(extract.quantities(t)) for t in numbered.values()}) > 1
            lines.append("（上列条款给出的数字不同，均照录原文并注明出处，未作取舍。）" if differ
                         else "（数字分别出自上列不同条款，均已注明出处。）")
        name = intent.name if intent.name in ("support", "target") else "content"
        return Answer(text, "\n".join(lines), True, name, citations=tuple(Citation(s.clause, s.text) for s in picked))

    # --- follow-ups and the entry point --------------------------------------------------------
    def _finish(self, answer: Answer, q: Question, started: float, hits: Sequence[Hit] = ()) -> Answer:
        kept = tuple(c for c in answer.citations if c.quote and c.quote in c.clause.text)
        if len(kept) != len(answer.citations):
            log.error("dropped %d citation(s) whose quote is not in its clause", len(answer.citations) - len(kept))
        text = answer.text
        if q.english and answer.answerable:
            text = english_lead(answer) + "\n" + text
        return replace(answer, question=q.raw[: self.config.max_chars], text=text, citations=kept,
                       retrieved=tuple(h.clause.id for h in hits), notice=" ".join(q.notices),
                       latency_ms=(time.perf_counter() - started) * 1000)

    def ask(self, question: str, history: Sequence[Answer] = ()) -> Answer:
        started = time.perf_counter()
        q = prepare(question, self.config.max_chars)
        if q.empty:
            return self._finish(Answer(q.text, REPHRASE, False, "rephrase"), q, started)
        text, focus = followup.resolve(q.text, history[-1] if history else None, self.kb.segmenter, self.kb.units)
        units = self.kb.units.find_in_text(text)
        intent = classify(text, units) if self.config.structured else Intent("lookup", tuple(units))
        vector = self.kb.searcher.embed(text)
        hits = self.kb.searcher.search(text, k=max(10, self.config.k), mode=self.config.mode, vector=vector)
        if (reason := out_of_scope(text, self.corpus, self.corpus_years)) is not None:
            ranked = self.rank_sentences(text, vector, hits, False)
            return self._finish(self._not_found(text, reason, ranked[0] if ranked else None), q, started, hits)
        answer = self._structured(text, intent, hits, vector, focus) if self.config.structured else None
        if answer is None and self.config.structured and LIST.search(text):
            answer = self._outline(text)
        if answer is None:
            answer = self._extractive(text, intent, hits, vector, q.english)
        return self._finish(answer, q, started, hits)


def english_lead(answer: Answer) -> str:
    """A one-line English summary for English questions; the quotes stay in Chinese."""
    if answer.units:
        lead = f" (lead: {answer.lead_unit})" if answer.lead_unit else ""
        return f"Responsible units per the plan: {', '.join(answer.units)}{lead}. Details (Chinese, quoted):"
    return "According to the plan (quoted in Chinese, with the clause it comes from):"
