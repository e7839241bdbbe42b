"""The knowledge base: one loaded index, its embedder and segmenter, shared read-only."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from core.embed import Embedder, load_embedder
from core.segment import Segmenter, default_segmenter
from core.clause import Clause
from kb.index import LoadedIndex, check_embedder, check_segmenter, load_index
from kb.search import Hit, SearchConfig, Searcher
from core.settings import Settings
from core.units import UnitTable, load_units

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class KnowledgeBase:
    index: LoadedIndex
    embedder: Embedder
    segmenter: Segmenter
    units: UnitTable
    search_config: SearchConfig = SearchConfig()

    @classmethod
    def load(cls, settings: Settings | None = None, embedder: Embedder | None = None,
             search_config: SearchConfig = SearchConfig()) -> "KnowledgeBase":
        """Load and check the index first (cheap, clear errors), then the model it was built with."""
        settings = settings or Settings.from_env()
        index = load_index(Path(settings.index_dir))
        segmenter = default_segmenter()
        check_segmenter(index, segmenter.fingerprint)
        model = embedder or load_embedder(settings.embedder)
        check_embedder(index, model.name, model.dim)
        return cls(index, model, segmenter, load_units(), search_config)

    @cached_property
    def searcher(self) -> Searcher:
        return Searcher(self.index, self.embedder, self.segmenter, self.units, self.search_config)

    @cached_property
    def by_id(self) -> dict[str, Clause]:
        return {c.id: c for c in self.index.clauses}

    @property
    def clauses(self) -> tuple[Clause, ...]:
        return self.index.clauses

    @property
    def documents(self) -> list[dict]:
        return list(self.index.manifest.get("documents", []))

    def search(self, query: str, k: int = 5, mode: str | None = None) -> list[Hit]:
        return self.searcher.search(query, k=k, mode=mode)
