"""Repair PDF-extracted text: join wrapped lines into paragraphs, set layout aside.

Pure: text in, paragraphs and artifacts out. Paragraph text has all whitespace
removed, so it is a verbatim substring of the whitespace-stripped source.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ingest.markers import Marker, match_markdown, match_marker

_WS = re.compile(r"\s+")
_TERMINAL = tuple("。！？；：］】!?;:")
_CAPTION = re.compile(r"^\s*[图表]\s*\d+(?:[-－.．]\d+)?\s+\S")
_ATTACHMENT = re.compile(r"^\s*附\s*件\s*[:：]\s*\S")  # a list of attachments not in the text
_ATTACHMENT_ITEM = re.compile(r"^\s*\d+(?:[-－]\d+)?[．.、]")
_COMMENT = re.compile(r"<!--.*?-->")
_SHORT_LINE = 0.7  # of the widest line: a wrapped paragraph's last line is shorter
_WRAPPED_SHARE = 0.3  # share of lines ending mid-sentence above which text is wrapped


@dataclass(frozen=True)
class Paragraph:
    text: str  # whitespace removed
    line: int  # 1-based line of the source where it starts
    marker: Marker | None


@dataclass(frozen=True)
class Artifact:
    line: int
    kind: str  # caption|attachment|front-matter|comment
    text: str


@dataclass(frozen=True)
class Cleaned:
    paragraphs: tuple[Paragraph, ...]
    artifacts: tuple[Artifact, ...]
    wrapped: bool
    title: str = ""  # from a leading Markdown `# ` heading, if any


def strip_ws(text: str) -> str:
    return _WS.sub("", text)


def _width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def _is_wrapped(lines: list[str]) -> bool:
    body = [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    if len(body) < 5:
        return False
    open_ended = sum(1 for ln in body if not ln.endswith(_TERMINAL))
    return open_ended / len(body) > _WRAPPED_SHARE


def _front_matter(lines: list[str]) -> tuple[int, list[Artifact], str]:
    """Skip YAML front matter and a law file's header up to `<!-- INFO END -->`."""
    artifacts: list[Artifact] = []
    start, title = 0, ""
    if lines and lines[0].strip() == "---":
        for i in range(1, min(len(lines), 50)):
            if lines[i].strip() == "---":
                artifacts += [Artifact(n + 1, "front-matter", lines[n].strip()) for n in range(0, i + 1)]
                start = i + 1
                break
    for i in range(start, min(len(lines), start + 60)):
        if "INFO END" in lines[i]:
            for n in range(start, i + 1):
                text = lines[n].strip()
                if text:
                    artifacts.append(Artifact(n + 1, "front-matter", text))
                md = match_markdown(text)
                if md and md.kind == "markdown" and not title:
                    title = md.label
            return i + 1, artifacts, title
    return start, artifacts, title


def _artifact_kind(line: str, in_attachment: bool) -> str | None:
    if _COMMENT.fullmatch(line):
        return "comment"
    if _CAPTION.match(line):
        return "caption"
    if _ATTACHMENT.match(line) or (in_attachment and _ATTACHMENT_ITEM.match(line)):
        return "attachment"
    return None


class _Builder:
    """Accumulates lines into paragraphs; decides where a wrapped paragraph ends."""

    def __init__(self, wrapped: bool, widest: int) -> None:
        self.wrapped, self.widest = wrapped, widest
        self.paragraphs: list[Paragraph] = []
        self.parts: list[str] = []
        self.line = 0
        self.allow_lead = True
        self.prev = ""  # previous content line, stripped

    def flush(self) -> None:
        if self.parts:
            text = "".join(self.parts)
            self.paragraphs.append(Paragraph(text, self.line, match_marker(text, self.allow_lead)))
        self.parts = []

    def _heading_only(self) -> bool:
        marker = match_marker("".join(self.parts), self.allow_lead)
        return marker is not None and marker.heading_only

    def _starts_paragraph(self, text: str) -> tuple[bool, bool]:
        """(new paragraph?, may it open with a lead phrase?)"""
        if not self.parts or not self.wrapped:
            return True, True
        terminal = self.prev.endswith(_TERMINAL)
        if self._heading_only():
            return True, True
        if text.startswith("［"):  # a responsibility tag always closes its paragraph
            return False, False
        marker = match_marker(text, allow_lead=terminal)
        if marker and (terminal or marker.rank <= 5):
            return True, terminal
        if terminal and re.match(r"^到\d{4}年[，,]", text):
            return True, False
        short = _width(self.prev) < _SHORT_LINE * self.widest
        return terminal and short, False

    def add(self, number: int, line: str) -> None:
        text = strip_ws(line)
        new, allow_lead = self._starts_paragraph(text)
        if new:
            self.flush()
            self.line, self.allow_lead = number, allow_lead
        self.parts.append(text)
        self.prev = line


def clean(text: str) -> Cleaned:
    """Paragraphs (whitespace removed, wrapped lines joined) and the layout set aside."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start, artifacts, title = _front_matter(lines)
    body = lines[start:]
    wrapped = _is_wrapped(body)
    builder = _Builder(wrapped, max((_width(ln.strip()) for ln in body), default=0))
    in_attachment = False
    for number, raw in enumerate(body, start + 1):
        line = raw.strip()
        if not line:
            if not wrapped:
                builder.flush()
            continue
        kind = _artifact_kind(line, in_attachment)
        in_attachment = kind == "attachment"
        if kind:
            artifacts.append(Artifact(number, kind, line))
            continue
        md = match_markdown(line)
        if md is not None:
            builder.flush()
            if md.rank == 0 and not title:
                title = md.label
            builder.paragraphs.append(Paragraph(strip_ws(md.label), number, md))
            continue
        builder.add(number, _COMMENT.sub("", line))
    builder.flush()
    return Cleaned(tuple(builder.paragraphs), tuple(artifacts), wrapped, title)
