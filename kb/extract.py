"""Extractive answers: pick the clause sentences that answer the question and quote them."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Callable, Collection, Mapping, Sequence

from core.clause import Clause
from core.numerals import numeral_forms
from core.sentences import Span, lead_in, quotable_spans

# a figure's measure: money, things counted, areas and lengths (80平方公里, 3000套, 500吨)
_MEASURE = r"元|美元|家|个|人|件|项|次|平方公里|平方千米|平方米|公顷|亩|公里|千米|吨|辆|套|台|座|户|名"
_NUMBER = re.compile(rf"(\d+(?:\.\d+)?)(万|亿)?({_MEASURE})?(?:以上)?")
_QUANTITY = re.compile(rf"\d+(?:\.\d+)?\s*(?:%|万|亿|倍|{_MEASURE})")
_CJK_WORD = re.compile(r"[\u4e00-\u9fff]+")


@dataclass(frozen=True)
class Scored:
    clause: Clause
    span: Span
    score: float
    dense: float
    overlap: float
    row: int  # sentence row in the index, for cached tokens

    @property
    def text(self) -> str:
        return self.clause.text[self.span.start:self.span.end]


def idf_table(token_sets: Sequence[set[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency over clauses."""
    n = len(token_sets)
    df: dict[str, int] = {}
    for tokens in token_sets:
        for t in tokens:
            df[t] = df.get(t, 0) + 1
    return {t: math.log((n + 1) / (d + 0.5)) for t, d in df.items()}


def overlap(question: Sequence[str], sentence: set[str], idf: Mapping[str, float]) -> float:
    """Share of the question's IDF mass that the sentence carries (0…1)."""
    default = max(idf.values(), default=1.0)
    # an English word the plan never uses (and no synonym translated) cannot match; it is not evidence against
    asked = {t for t in question if t in idf or not t.isascii()}
    total = sum(idf.get(t, default) for t in asked)
    return sum(idf.get(t, default) for t in asked & sentence) / total if total else 0.0


def in_order(word: str, text: str) -> bool:
    """A colloquial short form inside the written one: `电动车` in 电动自行车, `挂牌` in 悬挂号牌, `上路` in 上道路 —
    the word's characters in order, at most two apart, within one phrase."""
    if len(word) < 2 or not _CJK_WORD.fullmatch(word):
        return False
    if word in text:
        return True
    gap = "".join(f"[^，,。；;：:、]{{0,2}}?{re.escape(ch)}" for ch in word[1:])
    return re.search(re.escape(word[0]) + gap, text) is not None


WRITTEN_MIN = 2  # times the written form must occur: a term of the document, not a coincidence of characters
WRITTEN_SCAN = 2_000_000  # characters of scoped text searched; beyond that a question is taken as written


def written_form(word: str, corpus: str) -> str | None:
    """The document's own form of a colloquial short form the document never writes: 电动车 → 电动自行车, 上路 → 上道路
    — the word's characters in order with at most two more between each pair, inside one phrase, the commonest such
    span occurring at least twice."""
    if len(word) < 2 or not _CJK_WORD.fullmatch(word) or word in corpus or len(corpus) > WRITTEN_SCAN:
        return None
    gap = "".join(f"[^，,。；;：:、“”（）()\\s]{{0,2}}?{re.escape(ch)}" for ch in word[1:])
    found: dict[str, int] = {}
    for m in re.finditer(re.escape(word[0]) + gap, corpus):
        found[m.group(0)] = found.get(m.group(0), 0) + 1
    best = max(found, key=lambda k: (found[k], -len(k)), default=None)
    return best if best is not None and found[best] >= WRITTEN_MIN else None


def in_document_words(words: Sequence[str], text: str, corpus: str, keep: Callable[[str], bool] = lambda w: False,
                      lexicon: Collection[str] = ()) -> str:
    """The question with each short form replaced by its spelled-out span in the documents (电动车 → 电动自行车), or a
    grade written the documents' way (一级 → 1级) — never a word of the lexicon (关门 is 停业, not the 关…门 of
    有关部门: :func:`official_words` adds its words); `keep` names words left as they are."""
    for w in dict.fromkeys(words):
        if w in corpus or w not in text or keep(w):
            continue
        form = next((f for f in numeral_forms(w)[1:] if f in corpus), None)
        if form is None and w not in lexicon:
            form = written_form(w, corpus)
        if form is not None:
            text = text.replace(w, form)
    return text


def official_words(text: str, corpus: str, lexicon: Mapping[str, Sequence[str]],
                   keep: Callable[[str], bool] = lambda w: False) -> str:
    """The text to search: after each everyday word of the lexicon the documents never write, the official words for
    it they do (爸妈 → 爸妈父母赡养; the typed word stays), the longest word first and once, so that 公租房 is not also
    租房; `keep` names words left without them."""
    keys = [k for k in lexicon if len(k) >= 2 and k in text and k not in corpus and not keep(k)]
    if not keys:
        return text
    def added(m: re.Match[str]) -> str:
        return m.group(0) + "".join(s for s in lexicon[m.group(0)] if s in corpus)
    return re.sub("|".join(map(re.escape, sorted(keys, key=len, reverse=True))), added, text)


def unmatched_terms(question: Sequence[str], words: Sequence[str], best: set[str], idf: Mapping[str, float],
                    generic_idf: float, text: str = "") -> list[str]:
    """Chinese words of the question the documents never use, when nothing specific of it matched.

    `成都的房价是多少？`: 成都 is everywhere (generic), 房价 appears nowhere, so the quote found is about
    something else. An empty list means no such evidence against answering.
    """
    specific = [t for t in question if idf.get(t, 99.0) >= generic_idf]
    if any(t in best or in_order(t, text) for t in specific):
        return []
    return [w for w in dict.fromkeys(words) if w not in idf and len(w) >= 2 and _CJK_WORD.fullmatch(w)]


def quantities(text: str) -> list[str]:
    """`年均增长15%以上；` → ['15%']: the figures a sentence states, for telling sources apart."""
    return [m.group(0).replace(" ", "") for m in _QUANTITY.finditer(text)]


def has_quantity(text: str) -> bool:
    return bool(_QUANTITY.search(text))


def relevance(s: Scored) -> float:
    """How well the best sentence matches at all, independent of its clause's rank: the refusal gate."""
    return s.dense + 0.25 * s.overlap


def score_sentence(dense: float, lexical: float, rank: int, wants_number: bool, text: str) -> float:
    """Dense similarity carries meaning across wording and languages; overlap rewards exact terms."""
    score = dense + 0.25 * lexical + 0.02 / rank
    if wants_number and _QUANTITY.search(text):
        score += 0.02
    return score


def first_number(text: str) -> tuple[float, str] | None:
    """`超过200亿元` → (200.0, '亿元')."""
    for m in _NUMBER.finditer(text):
        if m.group(2) or m.group(3):
            return float(m.group(1)), (m.group(2) or "") + (m.group(3) or "")
    return None


def fmt_number(value: float) -> str:
    return f"{value:.10g}"


def sentence_spans_of(c: Clause) -> list[Span]:
    return quotable_spans(c.text, c.heading, c.tag_text)


def lead_in_of(s: Scored) -> Scored | None:
    """The words introducing the list an item belongs to (`有下列行为之一的，由X处二十元罚款：`), as a quote."""
    span = lead_in(s.clause.text, s.span.start)
    return None if span is None else Scored(s.clause, span, s.score, s.dense, s.overlap, s.row)


def with_lead_ins(picked: list[Scored]) -> list[Scored]:
    """Each quoted item preceded by its list's lead-in, once: the fine or the doer an item alone does not state."""
    out: list[Scored] = []
    for s in picked:
        lead = lead_in_of(s)
        if lead is not None and not any(o.clause.id == s.clause.id and o.span.start <= lead.span.start
                                         and lead.span.end <= o.span.end for o in out + picked):
            out.append(lead)
        out.append(s)
    return out
