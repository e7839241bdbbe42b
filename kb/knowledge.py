"""The knowledge base: one loaded index, its embedder and segmenter, shared read-only."""
from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from core.embed import Embedder, load_embedder
from core.segment import Segmenter, corpus_segmenter
from core.clause import Clause, DocMeta
from core.errors import PolicyKBError
from kb.index import LoadedIndex, check_embedder, check_segmenter, load_index
from kb.search import DocumentFilter, Hit, SearchConfig, Searcher
from core.settings import Settings
from core.units import UnitTable, alias_files_for

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class KnowledgeBase:
    index: LoadedIndex
    embedder: Embedder
    segmenter: Segmenter
    units: UnitTable
    search_config: SearchConfig = SearchConfig()
    docs: frozenset[str] | None = None  # documents searched (None: all); see `scoped`

    @classmethod
    def load(cls, settings: Settings | None = None, embedder: Embedder | None = None,
             search_config: SearchConfig = SearchConfig()) -> "KnowledgeBase":
        """Load and check the index first (cheap, clear errors), then the model it was built with."""
        settings = settings or Settings.from_env()
        index = load_index(Path(settings.index_dir))
        segmenter = corpus_segmenter(index.segmenter_words)  # the exact dictionary the index was tokenised with
        check_segmenter(index, segmenter.fingerprint)
        model = embedder or load_embedder(settings.embedder)
        check_embedder(index, model.name, model.dim)
        return cls(index, model, segmenter, UnitTable.from_clauses(index.clauses, alias_files_for(index.manifest.get("documents", []), settings.corpus_dir)), search_config)

    @cached_property
    def searcher(self) -> Searcher:
        return Searcher(self.index, self.embedder, self.segmenter, self.units, self.search_config, self.docs)

    @cached_property
    def by_id(self) -> dict[str, Clause]:
        return {c.id: c for c in self.index.clauses}

    @property
    def clauses(self) -> tuple[Clause, ...]:
        return self.index.clauses

    @property
    def documents(self) -> list[dict]:
        return list(self.index.manifest.get("documents", []))

    def meta(self, doc: str) -> DocMeta:
        """A document's metadata (title, 文号, issuer, date, source, status, path, format)."""
        try:
            return self.index.documents[doc]
        except KeyError:
            raise KeyError(f"no document {doc!r} in the index at {self.index.path}") from None

    def page(self, clause_id: str) -> int | None:
        """The page a clause starts on, for documents with pages (PDF)."""
        return self.index.pages.get(clause_id)

    def select(self, flt: DocumentFilter) -> frozenset[str]:
        """Ids of the documents a filter matches; none matching is an error naming the filter."""
        chosen = flt.select(self.index.documents)
        if not chosen:
            raise NoDocumentError(f"no document matches {flt}: the index holds "
                                  + "; ".join(f"{m.doc} ({m.title}, {m.issuer or '?'}, {m.date or '?'})"
                                              for m in list(self.index.documents.values())[:10]))
        return chosen

    def scoped(self, docs: Collection[str] | DocumentFilter | None) -> "KnowledgeBase":
        """The same knowledge base searching only `docs` (ids, or those a filter matches); None: all."""
        if isinstance(docs, DocumentFilter):
            docs = self.select(docs)
        return replace(self, docs=frozenset(docs) if docs is not None else None)

    def search(self, query: str, k: int = 5, mode: str | None = None,
               docs: Collection[str] | None = None) -> list[Hit]:
        return self.searcher.search(query, k=k, mode=mode, docs=docs)


class NoDocumentError(PolicyKBError, ValueError):
    """A document filter that matches nothing in the index."""
