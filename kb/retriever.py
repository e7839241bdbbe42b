"""The knowledge base as a LangChain retriever, so it plugs into any chain."""
from __future__ import annotations

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, Field

from kb.knowledge import KnowledgeBase


class ClauseRetriever(BaseRetriever):
    """Returns clauses as Documents; metadata carry the clause id, section path and units."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    kb: KnowledgeBase
    k: int = Field(default=5, gt=0)
    mode: str | None = None

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        return [
            Document(
                page_content=h.clause.text,
                id=h.clause.id,
                metadata={
                    "clause_id": h.clause.id, "doc": h.clause.doc, "title": h.clause.title,
                    "section": list(h.clause.section), "units": list(h.clause.units),
                    "lead_unit": h.clause.lead_unit, "score": h.score, "ranks": h.ranks,
                },
            )
            for h in self.kb.search(query, k=self.k, mode=self.mode)
        ]
