"""Hybrid retrieval over clauses: dense (FAISS) and BM25 (jieba tokens), fused."""
from __future__ import annotations

import logging
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import NamedTuple, Sequence

import faiss
import numpy as np

from core.embed import Embedder
from core.segment import Segmenter
from core.clause import Clause, DocMeta
from kb.fusion import clause_years, rrf, stages_in, structure_bonus, years_in
from kb.index import LoadedIndex
from kb.synonyms import load_synonyms
from core.units import UnitTable

log = logging.getLogger(__name__)
MODES = ("hybrid", "bm25", "dense")


_CJK4 = re.compile(r"[\u4e00-\u9fff]+")


def known_parts(token: str, vocab: Collection[str]) -> list[str]:
    """The longest words of `vocab` inside `token`, left to right, not overlapping (改托育 → 托育)."""
    out, i = [], 0
    while i < len(token) - 1:
        j = next((j for j in range(len(token), i + 1, -1) if token[i:j] in vocab and j - i < len(token)), None)
        if j is None:
            i += 1
        else:
            out.append(token[i:j])
            i = j
    return out


SPELLED_SCAN = 2_000_000  # characters of text scanned for a short form's spelled-out pair


class Hit(NamedTuple):
    clause: Clause
    score: float
    ranks: dict[str, int | None]  # 1-based rank in each ranker, None where it did not retrieve


@dataclass(frozen=True)
class SearchConfig:
    mode: str = "hybrid"
    candidates: int = 50  # taken from each ranker before fusion
    rrf_k: int = 60
    weights: dict[str, float] = field(default_factory=lambda: {"bm25": 1.0, "dense": 1.0})
    structure_weight: float = 0.01  # a full unit/year match is worth about a top-40 rank in one ranker
    max_query_chars: int = 500  # longer queries are cut: the model reads 512 tokens at most anyway

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, got {self.mode!r}")
        if self.candidates <= 0:
            raise ValueError(f"candidates must be greater than 0, got {self.candidates}")


@dataclass(frozen=True)
class DocumentFilter:
    """Which documents a search may return: by id / title / 文号, issuing body and year (all given must match)."""

    docs: tuple[str, ...] = ()  # a document id, or a substring of its title or 文号
    issuer: str = ""  # a substring of the issuing body
    year: int | None = None  # the year of the document's date

    def matches(self, meta: DocMeta) -> bool:
        named = not self.docs or any(d == meta.doc or d in meta.title or (meta.doc_number and d in meta.doc_number)
                                     for d in self.docs)
        return (named and (not self.issuer or self.issuer in meta.issuer)
                and (self.year is None or meta.date[:4] == str(self.year)))

    def __str__(self) -> str:
        parts = [f"--doc {d}" for d in self.docs] + ([f"--issuer {self.issuer}"] if self.issuer else [])
        return " ".join(parts + ([f"--year {self.year}"] if self.year is not None else [])) or "(no filter)"

    def select(self, documents: dict[str, DocMeta]) -> frozenset[str]:
        return frozenset(doc for doc, meta in documents.items() if self.matches(meta))


class Searcher:
    """`docs`: the documents searched by default (None = all); `search(..., docs=…)` overrides it per call."""

    def __init__(self, index: LoadedIndex, embedder: Embedder, segmenter: Segmenter, units: UnitTable,
                 config: SearchConfig = SearchConfig(), docs: Collection[str] | None = None) -> None:
        self.index, self.embedder, self.segmenter, self.units, self.config = index, embedder, segmenter, units, config
        self.docs = frozenset(docs) if docs is not None else None

    @lru_cache(maxsize=16)
    def _allowed(self, docs: frozenset[str]) -> tuple[np.ndarray, np.ndarray]:
        """(clause mask for BM25, sentence rows for FAISS) of the clauses of `docs`."""
        mask = np.array([c.doc in docs for c in self.index.clauses], dtype=np.float32)
        rows = np.array([r for r, (i, _, _) in enumerate(self.index.sentences) if mask[i]], dtype=np.int64)
        return mask, rows

    def _scope(self, docs: Collection[str] | None) -> frozenset[str] | None:
        return frozenset(docs) if docs is not None else self.docs

    @cached_property
    def years(self) -> list[frozenset[str]]:
        return clause_years(self.index.clauses)

    def embed(self, query: str) -> np.ndarray:
        return np.ascontiguousarray(self.embedder.embed_queries([query]), dtype=np.float32)

    def dense_sentences(self, vector: np.ndarray, n: int, docs: Collection[str] | None = None) -> list[tuple[int, float]]:
        """(sentence row, cosine) of the n sentences nearest to the query vector (of `docs` only, if given)."""
        scope = self._scope(docs)
        if scope is None:
            scores, ids = self.index.dense.search(vector, min(n, self.index.dense.ntotal))
        else:
            rows = self._allowed(scope)[1]
            if not len(rows):
                return []
            kind = faiss.SearchParametersHNSW if isinstance(self.index.dense, faiss.IndexHNSW) else faiss.SearchParameters
            scores, ids = self.index.dense.search(vector, min(n, len(rows)), params=kind(sel=faiss.IDSelectorBatch(rows)))
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]

    def _dense(self, vector: np.ndarray, n: int, docs: frozenset[str] | None = None) -> list[int]:
        """Clauses ranked by their best sentence (sentences keep long clauses within the model's reach)."""
        ranked: list[int] = []
        for row, _ in self.dense_sentences(vector, n * 8, docs):
            clause = self.index.sentences[row][0]
            if clause not in ranked:
                ranked.append(clause)
        return ranked[:n]

    def query_tokens(self, query: str) -> list[str]:
        """BM25 tokens of a question, widened with the plan's words for what users type and with the documents'
        own short forms of a four-character term (技术改造 → 技改, 商业办公 → 商办) or its long form."""
        tokens = self._in_lexicon_words(self.segmenter.tokens(query))
        return tokens + [t for t in dict.fromkeys(self._abbreviations(tokens)) if t not in tokens]

    def _in_lexicon_words(self, tokens: Sequence[str]) -> list[str]:
        """The tokens widened with the lexicon's official words; a typed word the documents never write (个税)
        gives way to an official word they do (个人所得税), so that it is not counted as a term no sentence holds."""
        synonyms, vocab = load_synonyms(), self.index.bm25.vocab_dict
        out = []
        for t in tokens:
            forms = list(synonyms.get(t, ()))
            out += ([] if t not in vocab and any(f in vocab for f in forms) else [t]) + forms
        return list(dict.fromkeys(out))

    def _abbreviations(self, tokens: Sequence[str]) -> list[str]:
        vocab = self.index.bm25.vocab_dict
        out = [t[0] + t[2] for t in tokens if len(t) == 4 and _CJK4.fullmatch(t) and t[0] + t[2] in vocab]
        for t in tokens:
            # a short form the documents write less often than its spelled-out pair (商办 only inside 市招商办,
            # 商业办公 twenty times) is still a short form
            if not _CJK4.fullmatch(t) or t in vocab and not (len(t) == 2 and self._rarer_than_spelled(t)):
                continue
            if len(t) == 2:  # 商办 → 商业 办公: a short form of two words the documents write apart
                out += self._long_forms.get(t, ()) or self._spelled_out(t)
            elif len(t) >= 3:  # 改托育 (a segmenter's run) → 托育: the documents' words inside it
                out += known_parts(t, vocab)
        return out

    @lru_cache(maxsize=512)
    def _rarer_than_spelled(self, short: str) -> bool:
        if len(self._text) > SPELLED_SCAN:  # a large collection: the vocabulary decides, no scan per question word
            return False
        pair = self._spelled_out(short)
        return len(pair) == 2 and self._text.count(short) < self._text.count(pair[0] + pair[1])

    @lru_cache(maxsize=512)
    def _spelled_out(self, short: str) -> tuple[str, ...]:
        """The two words `short` abbreviates by their first characters (商办 → 商业 办公), where the documents
        write exactly one such pair (most often, by four in five of its uses)."""
        vocab = self.index.bm25.vocab_dict
        seen: dict[tuple[str, str], int] = {}
        for m in re.finditer(rf"{short[0]}([\u4e00-\u9fff]){short[1]}([\u4e00-\u9fff])", self._text):
            pair = (short[0] + m.group(1), short[1] + m.group(2))
            if pair[0] in vocab and pair[1] in vocab:
                seen[pair] = seen.get(pair, 0) + 1
        if not seen:
            return ()
        best = max(seen, key=lambda p: seen[p])
        return best if seen[best] >= 0.8 * sum(seen.values()) else ()

    @cached_property
    def _text(self) -> str:
        return "\n".join(c.text for c in self.index.clauses)

    @cached_property
    def _long_forms(self) -> dict[str, tuple[str, ...]]:
        """短称 → the four-character words of the documents it abbreviates (改造 words by first characters)."""
        out: dict[str, list[str]] = {}
        for word in self.index.bm25.vocab_dict:
            if len(word) == 4 and _CJK4.fullmatch(word):
                out.setdefault(word[0] + word[2], []).append(word)
        return {k: tuple(v) for k, v in out.items() if len(v) == 1}  # ambiguous short forms expand to nothing

    def _bm25(self, query: str, n: int, docs: frozenset[str] | None = None) -> list[int]:
        tokens = self.query_tokens(query)
        if not tokens:
            return []
        mask = self._allowed(docs)[0] if docs is not None else None
        found, scores = self.index.bm25.retrieve([tokens], k=n, show_progress=False, n_threads=1, weight_mask=mask)
        return [int(d) for d, s in zip(found[0], scores[0]) if s > 0 and (mask is None or mask[int(d)])]

    def rankings(self, query: str, mode: str, vector: np.ndarray | None = None,
                 docs: Collection[str] | None = None) -> dict[str, list[int]]:
        scope = self._scope(docs)
        n = min(self.config.candidates, len(self.index.clauses))
        out: dict[str, list[int]] = {}
        if mode in ("hybrid", "bm25"):
            out["bm25"] = self._bm25(query, n, scope)
        if mode in ("hybrid", "dense"):
            out["dense"] = self._dense(self.embed(query) if vector is None else vector, n, scope)
        return out

    def search(self, query: str, k: int = 5, mode: str | None = None, units: list[str] | None = None,
               vector: np.ndarray | None = None, docs: Collection[str] | None = None) -> list[Hit]:
        """Top-k clauses for `query`; `units` (canonical names) default to those the query names.

        `docs`: document ids to search in (None: the searcher's default, normally all documents).
        """
        if k <= 0:
            raise ValueError(f"k must be greater than 0, got {k}")
        mode = mode or self.config.mode
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
        query = query[: self.config.max_query_chars]
        rankings = self.rankings(query, mode, vector, docs)
        scores = rrf(rankings, self.config.weights, self.config.rrf_k)
        named = self.units.find_in_text(query) if units is None else units
        years, stages = years_in(query), stages_in(query)
        for i in scores:
            bonus = structure_bonus(self.index.clauses[i], self.years[i], query, named, years, stages)
            scores[i] += self.config.structure_weight * bonus
        best = sorted(scores, key=lambda i: (-scores[i], i))[:k]
        position = {name: {doc: r for r, doc in enumerate(ranking, 1)} for name, ranking in rankings.items()}
        return [Hit(self.index.clauses[i], scores[i], {name: position[name].get(i) for name in rankings}) for i in best]
