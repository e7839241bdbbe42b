"""The one record that travels from ingest to the screen: a citable clause."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.brackets import OPEN

GENERIC_UNITS = ("有关市级部门", "有关区（市）县")


@dataclass(frozen=True)
class TagPart:
    """One of several tags closing the sentences of one item (`…（A、B负责）…（C负责）`): the span of the item's text
    it governs, from the end of the tag before it to its own end, and the units it names."""

    start: int
    end: int
    units: tuple[str, ...]
    leads: tuple[str, ...] = ()
    generic_units: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "units": list(self.units), "leads": list(self.leads),
                "generic_units": list(self.generic_units)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "TagPart":
        return cls(int(data["start"]), int(data["end"]), tuple(data.get("units", ())), tuple(data.get("leads", ())),
                   tuple(data.get("generic_units", ())))


@dataclass(frozen=True)
class DocMeta:
    """What a citation says about its document; taken from the text, front matter or a sidecar."""

    doc: str
    title: str
    doc_number: str = ""  # 文号, e.g. 成办发〔2019〕22号
    issuer: str = ""  # 发布机关
    date: str = ""  # 发布日期 / 成文日期, ISO yyyy-mm-dd where known
    source: str = ""  # address or repository it came from
    status: str = ""  # 有效 | 已废止 | 已修订 | "" unknown
    path: str = ""  # file relative to the corpus folder
    format: str = ""  # txt | md | docx | pdf | html
    # `first_listed`: the issuer's practice (stated by whoever adds the document, not in its text) is that the first
    # unit an annotation lists leads; "" = only a 牵头 label or the text's own rule says who leads
    lead_convention: str = ""

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "DocMeta":
        return cls(**{k: str(data.get(k, "") or "") for k in cls.__dataclass_fields__})


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
    kind: str = "paragraph"  # chapter|section|item|target|stage|lead|article|record|paragraph
    tag_scope: str = ""  # id of the clause whose tag these units come from, if inherited
    order: int = 0  # position in the document, for display order only
    leads: tuple[str, ...] = ()  # lead units (牵头); empty = the first listed unit leads by convention
    lead_explicit: bool = False  # the document itself says 牵头 (beats the first-listed convention)
    tag_form: str = ""  # which annotation form the units came from (see ingest/annotations.py)
    tag_text: str = ""  # the annotation verbatim (a substring of `text`)
    links: tuple[str, ...] = ()  # ids of clauses this one is linked to (a task-table row ↔ its body item)
    # a task-table row's cells other than its number and task, by column name as the table heads them
    # (牵头单位, 配合单位, 市卫健委内牵头处室, 完成时限 …): what the row says, in the table's own words
    columns: tuple[tuple[str, str], ...] = ()
    parts: tuple[TagPart, ...] = ()  # an item whose sentences each close with a tag: what each tag governs

    @property
    def tagged(self) -> bool:
        """Its own annotation is a tag — a labelled list, a task-table row, a bracket closing its text — not a
        sentence's own `由A牵头` or `A会同B`: a document of such tags answers who-questions from its items."""
        return (bool(self.tag_text) and not self.tag_scope
                and (self.tag_form in ("labelled", "list", "table") or self.tag_text[:1] in OPEN))

    @property
    def lead_units(self) -> tuple[str, ...]:
        """Explicit leads, else the first named unit by convention."""
        return self.leads or self.units[:1]

    @property
    def lead_unit(self) -> str | None:
        return self.lead_units[0] if self.lead_units else None

    @property
    def partner_units(self) -> tuple[str, ...]:
        """The named units that co-operate (配合/参与): all but the leads."""
        return tuple(u for u in self.units if u not in self.lead_units)

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
            "leads": list(self.leads),
            "lead_explicit": self.lead_explicit,
            "tag_form": self.tag_form,
            "tag_text": self.tag_text,
            "links": list(self.links),
            "columns": [list(c) for c in self.columns],
            "parts": [p.to_json() for p in self.parts],
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
            leads=tuple(data.get("leads", ())),
            lead_explicit=bool(data.get("lead_explicit", False)),
            tag_form=str(data.get("tag_form", "")),
            tag_text=str(data.get("tag_text", "")),
            links=tuple(data.get("links", ())),
            columns=tuple((str(name), str(cell)) for name, cell in data.get("columns", ())),
            parts=tuple(TagPart.from_json(p) for p in data.get("parts", ())),
        )
