"""Repair PDF-extracted text: join wrapped lines into paragraphs, set layout aside.

Pure: text in, paragraphs and artifacts out. Paragraph text has all whitespace
removed, so it is a verbatim substring of the whitespace-stripped source.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from ingest.annotations import find_annotation, is_annotation_only, is_label_line, opens_annotation
from ingest.markers import DOC_NUMBER, Marker, appendix_marker, match_markdown, match_marker
from ingest.tables import TableRow, continued, is_header, is_rule, split_cells

_WS = re.compile(r"\s+")
_TERMINAL = tuple("。！？；：］】!?;:")
_CAPTION = re.compile(r"^\s*[图表]\s*\d+(?:[-－.．]\d+)?\s+\S")
_ATTACHMENT = re.compile(r"^\s*附\s*件\s*[:：]\s*(?:\S|$)")  # a list of attachments not in the text
_ATTACHMENT_ITEM = re.compile(r"^\s*\d+(?:[-－]\d+)?[．.、]")
_COMMENT = re.compile(r"<!--.*?-->")
_ANNOTATION_TAIL = 400  # characters searched for a closing annotation: longer than any real one
_DATE_LINE = re.compile(r"^(?:\d{4}|[〇○零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日$")
_SHORT_LINE = 0.7  # of the widest line: a wrapped paragraph's last line is shorter
_WRAPPED_SHARE = 0.3  # share of lines ending mid-sentence above which text is wrapped


@dataclass(frozen=True)
class Paragraph:
    text: str  # whitespace removed
    line: int  # 1-based line of the source where it starts
    marker: Marker | None
    row: TableRow | None = None  # a task-table line (its header too: cells == header)
    own_tag: bool = False  # its annotation stood on a line of its own after it (it may close a whole part)


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


def closes_annotation(text: str) -> bool:
    """`text` ends with a whole responsibility annotation: the item it closes ends there too."""
    tail = text[-_ANNOTATION_TAIL:]
    ann = find_annotation(tail)
    return ann is not None and ann.span[1] == len(tail)


def ends_sentence(text: str) -> bool:
    """An item ends where its sentence (`。` …) or its annotation (`…牵头）`) ends."""
    return text.endswith(_TERMINAL) or closes_annotation(text)


def _is_wrapped(lines: list[str]) -> bool:
    body = [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith(("#", "|")) and "\t" not in ln.strip()]
    if len(body) < 5:
        return False
    # only a long line can be a wrapped one: short lines without punctuation are titles, 文号, dates, headings
    widest = max(_width(ln) for ln in body)
    open_ended = sum(1 for ln in body if not ends_sentence(ln) and _width(ln) >= _SHORT_LINE * widest)
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


def _opens_attachment(lines: list[str], at: int) -> bool:
    """An `附件：X` line followed by the attachment itself, not a list of names ending the text or a notice.

    A list of attachments (`附件：1．…` `2．…`) sits at the end of a document or before the
    issuer and date of a notice; an attachment that is part of the text is followed by its body.
    """
    for line in (ln.strip() for ln in lines[at + 1:]):
        if not line or _ATTACHMENT_ITEM.match(line):
            continue
        return not (_DATE_LINE.match(strip_ws(line)) or len(line) <= 30 and line.endswith(("政府", "办公厅", "办公室", "局", "委员会")))
    return False


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
            prev = self.paragraphs[-1] if self.paragraphs else None
            if prev and is_annotation_only(text) and not (prev.marker and prev.marker.heading_only) \
                    and (not closes_annotation(prev.text) or is_label_line(text)):
                # an annotation on its own line closes the item above; a further label line (责任单位:…) joins it
                self.paragraphs[-1] = Paragraph(prev.text + text, prev.line, prev.marker, own_tag=True)
            else:
                self.paragraphs.append(Paragraph(text, self.line, match_marker(text, self.allow_lead)))
        self.parts = []

    def _heading_only(self) -> bool:
        marker = match_marker("".join(self.parts), self.allow_lead)
        return marker is not None and marker.heading_only

    def _starts_paragraph(self, text: str) -> tuple[bool, bool]:
        """(new paragraph?, may it open with a lead phrase?)"""
        if not self.parts:
            return True, True
        if not self.wrapped:  # one line per paragraph, except a long line cut mid-sentence (a stray line break)
            cut = not ends_sentence(strip_ws(self.prev)) and _width(self.prev.strip()) >= _SHORT_LINE * self.widest
            own_line = match_marker(text, False) is not None or DOC_NUMBER.search(text) or _DATE_LINE.match(text)
            return not (cut and not self._heading_only() and not own_line), True
        terminal = ends_sentence(strip_ws(self.prev)) or closes_annotation("".join(self.parts))
        if self._heading_only():
            return True, True
        if text.startswith("［") or opens_annotation(text):  # a responsibility annotation always closes its paragraph
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


_APPENDIX_LINE = re.compile(r"^附件[一二三四五六七八九十\d]*[:：]?$")


class _Table:
    """Lines of a task table after its header: rows, group headings, wrapped cells; anything else ends it."""

    def __init__(self, header: tuple[str, ...], style: str) -> None:
        self.header, self.style = header, style
        self.last: TableRow | None = None  # the previous data row, which an empty-keyed row continues

    def take(self, builder: _Builder, artifacts: list[Artifact], number: int, line: str) -> bool:
        """Whether the line belonged to the table (and was placed)."""
        if is_rule(line):
            artifacts.append(Artifact(number, "table-rule", line))
            return True
        cells, _ = split_cells(line, self.style)
        flat = strip_ws(line)
        if len(cells) >= 2:
            self.last = continued(TableRow(cells, self.header, self.style), self.last)
            builder.paragraphs.append(Paragraph(flat, number, None, self.last))
            return True
        if _APPENDIX_LINE.match(flat):  # `附件2`: the next attachment (its own table, if any) begins
            return False
        marker = match_marker(flat, allow_lead=False)
        if marker and marker.kind in ("heading", "section"):  # a task group inside the table
            builder.paragraphs.append(Paragraph(flat, number, replace(marker, heading_only=True)))
            return True
        last = builder.paragraphs[-1] if builder.paragraphs else None
        if last and last.row and last.row.cells != last.row.header and not flat.endswith("。") and len(flat) <= 60:
            row = replace(last.row, cells=last.row.cells[:-1] + (last.row.cells[-1] + flat,))  # a wrapped cell
            builder.paragraphs[-1] = Paragraph(last.text + flat, last.line, None, row)
            return True
        return False


def _table_header(line: str) -> _Table | None:
    cells, style = split_cells(line)
    return _Table(cells, style) if len(cells) >= 2 and is_header(cells) else None


def clean(text: str) -> Cleaned:
    """Paragraphs (whitespace removed, wrapped lines joined) and the layout set aside."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start, artifacts, title = _front_matter(lines)
    body = lines[start:]
    wrapped = _is_wrapped(body)
    builder = _Builder(wrapped, max((_width(ln.strip()) for ln in body), default=0))
    in_attachment = False
    table: _Table | None = None
    for number, raw in enumerate(body, start + 1):
        line = raw.strip()
        if not line:
            if not wrapped:
                builder.flush()
            continue
        if table is not None:
            builder.flush()
            if table.take(builder, artifacts, number, raw):
                continue
            table = None
        header = _table_header(raw)
        if header is not None:
            builder.flush()
            table = header
            builder.paragraphs.append(Paragraph(strip_ws(line), number, None, TableRow(header.header, header.header, header.style)))
            continue
        kind = _artifact_kind(line, in_attachment)
        if kind == "attachment" and _ATTACHMENT.match(line) and _opens_attachment(body, number - start - 1):
            builder.flush()  # an attachment that follows in the text opens its own top-level section
            builder.paragraphs.append(Paragraph(strip_ws(line), number, appendix_marker(strip_ws(line))))
            in_attachment = False
            continue
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
