"""The one record that travels from ingest to the screen: a citable clause."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

GENERIC_UNITS = ("有关市级部门", "有关区（市）县")


@dataclass(frozen=True)
class Clause:
    """The smallest structural unit of a document.

    `text` is verbatim from the source with all whitespace removed (PDF line
    breaks joined), heading marker and responsibility tag included, so any
    substring of it is a quote that can be checked against the source.
    """

    id: str  # "<doc>#<path keys>", derived from the structure, not a counter
    doc: str
    title: str
    section: tuple[str, ...]  # heading labels from the chapter down to this clause
    heading: str  # this clause's own label ("" for a plain paragraph)
    text: str
    units: tuple[str, ...] = ()  # named responsible units, in tag order
    generic_units: tuple[str, ...] = ()
    kind: str = "paragraph"  # chapter|section|item|target|stage|lead|article|paragraph
    tag_scope: str = ""  # id of the clause whose tag these units come from, if inherited
    order: int = 0  # position in the document, for display order only

    @property
    def lead_unit(self) -> str | None:
        """The first named unit leads (牵头) by convention."""
        return self.units[0] if self.units else None

    @property
    def section_label(self) -> str:
        return " > ".join(self.section)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "doc": self.doc,
            "title": self.title,
            "section": list(self.section),
            "heading": self.heading,
            "text": self.text,
            "units": list(self.units),
            "lead_unit": self.lead_unit,
            "generic_units": list(self.generic_units),
            "kind": self.kind,
            "tag_scope": self.tag_scope,
            "order": self.order,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Clause":
        return cls(
            id=str(data["id"]),
            doc=str(data["doc"]),
            title=str(data.get("title", "")),
            section=tuple(data["section"]),
            heading=str(data.get("heading", "")),
            text=str(data["text"]),
            units=tuple(data.get("units", ())),
            generic_units=tuple(data.get("generic_units", ())),
            kind=str(data.get("kind", "paragraph")),
            tag_scope=str(data.get("tag_scope", "")),
            order=int(data.get("order", 0)),
        )
