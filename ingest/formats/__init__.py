"""Format readers: one module per file format, each turning bytes into plain text lines.

Every reader returns an `Extracted`: the text the cleaner and parser read
(paragraphs on their own lines, separated by blank lines; a table row as one
line with its cells separated by TAB), the page of every line where the format
has pages, and the metadata the format itself carries (front matter, docx core
properties, an HTML page's meta block). A file that cannot be read raises
`DocumentError` naming the file and why.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

TABLE_CELL = "\t"  # cells of one table row, on one line
# a line that carries its own numbering (一、 （一） 1． 第三条 …): a heading style adds no `#` to it
_OWN_NUMBER = re.compile(r"^\s*(?:第[零〇一二三四五六七八九十百千\d]+[编章节条]|[一二三四五六七八九十]+、"
                         r"|[（(][一二三四五六七八九十\d]+[）)]|\d{1,3}[．.、](?!\d))")


@dataclass(frozen=True)
class Extracted:
    text: str
    format: str  # txt | md | docx | pdf | html
    encoding: str = "utf-8"
    pages: tuple[int, ...] = ()  # page (1-based) of each line of `text`; empty when the format has none
    properties: dict[str, str] = field(default_factory=dict)  # DocMeta field -> value stated by the format
    header: tuple[str, ...] = ()  # lines outside the text that state metadata (an HTML page's info table)


Reader = Callable[[Path, bytes], Extracted]


def _readers() -> dict[str, Reader]:
    from ingest.formats import docx, html, markdown, pdf, text

    return {".txt": text.read, ".md": markdown.read, ".markdown": markdown.read, ".docx": docx.read,
            ".pdf": pdf.read, ".html": html.read, ".htm": html.read}


SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".pdf", ".html", ".htm")


def reader_for(path: Path) -> Reader | None:
    return _readers().get(path.suffix.lower())


def blocks_to_text(blocks: list[str]) -> str:
    """Paragraphs and table rows, each on its own line and separated by a blank line."""
    return "\n\n".join(b for b in blocks if b.strip()) + "\n"


def table_row(cells: list[str]) -> str:
    """One table row as one line; cells lose their inner line breaks (a row of empty cells is dropped)."""
    flat = [" ".join(cell.split()) for cell in cells]
    return TABLE_CELL.join(flat) if any(flat) else ""


def has_own_number(text: str) -> bool:
    return bool(_OWN_NUMBER.match(text))


def heading_line(text: str, level: int) -> str:
    """A heading as the parser reads it: its own numbering if it has one, else a Markdown heading."""
    return text if has_own_number(text) else f"{'#' * max(1, min(level, 6))} {text}"
