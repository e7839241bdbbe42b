"""The library's documents as people name them: metadata per document, and the sidebar filter's choices (pure)."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from core.clause import DocMeta

UNKNOWN = "未注明"


def metas(kb) -> list[DocMeta]:
    """Each indexed document's metadata in index order; from `kb.meta` where it knows the document, else the manifest."""
    out = []
    for record in kb.documents:
        doc = str(record.get("doc", ""))
        meta = None
        if hasattr(kb, "meta"):
            try:
                meta = kb.meta(doc)
            except KeyError:
                meta = None
        if meta is None:
            meta = DocMeta.from_json({**(record.get("meta") or {}), "doc": doc,
                                      "title": (record.get("meta") or {}).get("title") or record.get("title") or doc})
        out.append(meta)
    return out


def title(meta: DocMeta) -> str:
    return meta.title or meta.doc


def year(meta: DocMeta) -> str:
    return meta.date[:4] if meta.date[:4].isdigit() else UNKNOWN


def issuer(meta: DocMeta) -> str:
    return meta.issuer or UNKNOWN


def source_line(meta: DocMeta) -> str:
    """`《title》（文号，date）` — how a person names a document."""
    extra = "，".join(x for x in (meta.doc_number, meta.date) if x)
    return f"《{title(meta)}》" + (f"（{extra}）" if extra else "")


@dataclass(frozen=True)
class Filter:
    docs: tuple[str, ...] = ()
    issuers: tuple[str, ...] = ()
    years: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.docs or self.issuers or self.years)

    def select(self, documents: Iterable[DocMeta]) -> set[str] | None:
        """Ids of the documents every chosen facet admits; None when nothing is chosen (all documents)."""
        if not self.active:
            return None
        return {m.doc for m in documents
                if (not self.docs or m.doc in self.docs)
                and (not self.issuers or issuer(m) in self.issuers)
                and (not self.years or year(m) in self.years)}


def options(documents: Sequence[DocMeta]) -> tuple[list[str], list[str], list[str]]:
    """Document ids, issuers and years to choose from (years newest first, unknown last)."""
    issuers = sorted({issuer(m) for m in documents}, key=lambda i: (i == UNKNOWN, i))
    years = sorted({year(m) for m in documents}, key=lambda y: (y == UNKNOWN, "" if y == UNKNOWN else str(9999 - int(y))))
    return [m.doc for m in documents], issuers, years
