"""Word .docx through python-docx: body paragraphs and tables in document order.

Structure Word keeps outside the text is written into it, so the parser sees
what a reader sees: automatic paragraph numbering becomes the number text
(`一、`, `（一）`, `1.`, `第一条` as the list level defines it), heading styles
become Markdown `#` headings when the paragraph carries no number of its own,
table rows become TAB-separated lines, and the core properties (title,
identifier, an organisation as author) become metadata.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from core.errors import DocumentError
from ingest.formats import Extracted, blocks_to_text, heading_line, table_row

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and old binary .doc files are OLE containers
_HEADING = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_ORGANISATION = re.compile(r"(政府|办公厅|办公室|委员会|局|厅|部|院|委|中心|协会|公司)$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_DIGITS = "零一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"


def int_to_cn(n: int, digits: str = _DIGITS) -> str:
    """12 -> 十二, 103 -> 一百零三, 110 -> 一百一十 (list numbers stay below 1,000)."""
    if n < 10:
        return digits[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
    if n >= 1000:
        return str(n)
    hundreds, rest = divmod(n, 100)
    if not rest:
        tail = ""
    elif rest < 10:
        tail = digits[0] + digits[rest]
    else:
        tail = (digits[1] if rest < 20 else "") + int_to_cn(rest, digits)
    return digits[hundreds] + "百" + tail


def format_number(n: int, fmt: str) -> str:
    """One list counter in a Word number format (w:numFmt)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return int_to_cn(n)
    if fmt == "chineseLegalSimplified":
        return int_to_cn(n, _LEGAL)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "decimalEnclosedCircle" and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                       (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + sym, n - value
    return out


class _Numbering:
    """Counters for Word's automatic numbering (per list, per level), rendered with each level's lvlText."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId -> ilvl -> (start, numFmt, lvlText)
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract = {a.get(qn("w:abstractNumId")): self._abstract_levels(a) for a in root.findall(qn("w:abstractNum"))}
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is not None:
                self.levels[num.get(qn("w:numId"))] = dict(abstract.get(ref.get(qn("w:val")), {}))

    @staticmethod
    def _abstract_levels(abstract) -> dict[int, tuple[int, str, str]]:
        levels = {}
        for lvl in abstract.findall(qn("w:lvl")):
            def val(tag: str, default: str) -> str:
                el = lvl.find(qn(tag))
                return el.get(qn("w:val"), default) if el is not None else default
            levels[int(lvl.get(qn("w:ilvl"), "0"))] = (int(val("w:start", "1")), val("w:numFmt", "decimal"),
                                                       val("w:lvlText", ""))
        return levels

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels or num_id == "0":
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl][0] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a higher level restarts the levels below it
        def render(m: re.Match) -> str:
            level = int(m.group(1)) - 1
            start, fmt, _ = levels.get(level, (1, "decimal", ""))
            return format_number(counters.get(level, start), fmt)
        return re.sub(r"%(\d)", render, levels[ilvl][2])


def _num_pr(paragraph: Paragraph) -> tuple[str, int] | None:
    """(numId, level) from the paragraph's own properties or its style's."""
    style = paragraph.style.element if paragraph.style is not None else None
    for holder in (paragraph._p.pPr, style.pPr if style is not None else None):
        num_pr = holder.find(qn("w:numPr")) if holder is not None else None
        if num_pr is not None:
            num_id, ilvl = num_pr.find(qn("w:numId")), num_pr.find(qn("w:ilvl"))
            if num_id is not None:
                return num_id.get(qn("w:val")), int(ilvl.get(qn("w:val"))) if ilvl is not None else 0
    return None


def _paragraph_line(paragraph: Paragraph, numbering: _Numbering) -> str:
    text = paragraph.text.strip()
    if not text:
        return ""
    num = _num_pr(paragraph)
    label = numbering.label(*num) if num else ""
    if label:
        return label + text
    style = paragraph.style.name if paragraph.style is not None else ""
    heading = _HEADING.match(style or "")
    return heading_line(text, int(heading.group(1))) if heading else text


def _table_lines(table: Table) -> list[str]:
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) not in seen:  # a merged cell is returned once per grid column it spans
                seen.add(id(cell._tc))
                cells.append(cell.text)
        lines.append(table_row(cells))
    return lines


def core_properties(document) -> dict[str, str]:
    """DocMeta fields from the document's core properties, where they look like real metadata."""
    props = document.core_properties
    out: dict[str, str] = {}
    title = (props.title or "").strip()
    if _CJK.search(title) and not title.lower().startswith("microsoft word"):
        out["title"] = title
    if (props.identifier or "").strip():
        out["doc_number"] = props.identifier.strip()
    author = (props.author or "").strip()
    if _ORGANISATION.search(author):  # authors are often a person or "Administrator": only an organisation issues
        out["issuer"] = author
    return out


def _open(path: Path, data: bytes):
    if data.startswith(_OLE):
        raise DocumentError(f"{path}: an encrypted .docx or an old binary .doc: save it as .docx without a password")
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as e:
        raise DocumentError(f"{path}: not a readable .docx file ({type(e).__name__}: {e})") from None


def read(path: Path, data: bytes) -> Extracted:
    document = _open(path, data)
    numbering = _Numbering(document)
    blocks: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            blocks += _table_lines(item)
        else:
            blocks.append(_paragraph_line(item, numbering))
    return Extracted(text=blocks_to_text(blocks), format="docx", properties=core_properties(document))
