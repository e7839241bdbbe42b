"""What `ask` returns: an answer that keeps its sources."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.clause import Clause, DocMeta


@dataclass(frozen=True)
class Citation:
    clause: Clause
    quote: str  # a verbatim substring of clause.text, checked before it is returned
    meta: DocMeta | None = None  # the document's title, 文号, date … (set when the answer is finished)
    page: int | None = None  # for paged documents (PDF)

    @property
    def source(self) -> str:
        """`《title》（文号，date）`: how a person names the document."""
        m = self.meta
        title = (m.title if m and m.title else self.clause.title) or self.clause.doc
        extra = "，".join(x for x in ((m.doc_number, m.date) if m else ()) if x)
        page = f"，第{self.page}页" if self.page else ""
        return f"《{title}》" + (f"（{extra}{page}）" if extra or page else "")

    def to_json(self) -> dict[str, Any]:
        m = self.meta
        return {"clause_id": self.clause.id, "doc": self.clause.doc,
                "title": (m.title if m and m.title else self.clause.title),
                "doc_number": m.doc_number if m else "", "date": m.date if m else "",
                "page": self.page, "section": self.clause.section_label, "quote": self.quote}


@dataclass(frozen=True)
class Answer:
    question: str
    text: str
    answerable: bool
    intent: str
    units: tuple[str, ...] = ()
    lead_unit: str | None = None
    citations: tuple[Citation, ...] = ()
    related: tuple[Citation, ...] = ()  # nearest clause shown with a refusal, labelled as related only
    retrieved: tuple[str, ...] = ()  # clause ids, best first
    notice: str = ""  # e.g. the question was cut to the length limit
    latency_ms: float = 0.0
    understood: str = ""  # the question as answered: a follow-up completed from the turn before (`2022年呢？` → …)

    def to_json(self) -> dict[str, Any]:
        """The batch contract's keys (see README)."""
        return {
            "question": self.question, "answer": self.text, "answerable": self.answerable,
            "intent": self.intent, "units": list(self.units), "lead_unit": self.lead_unit,
            "citations": [c.to_json() for c in self.citations],
            "related": [c.to_json() for c in self.related],
            "retrieved": list(self.retrieved), "notice": self.notice,
            "latency_ms": round(self.latency_ms, 2),
        }
