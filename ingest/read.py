"""Read source documents from disk: decoding, size limits, per-file errors."""
from __future__ import annotations

import codecs
import hashlib
import json
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest.clean import clean
from ingest.parse import ParsedDocument, parse
from ingest.tags import unclosed_tag
from core.errors import DocumentError

log = logging.getLogger(__name__)
SUFFIXES = (".txt", ".md")
MAX_BYTES = 20 * 1024 * 1024  # a policy document is well under 1 MB; larger is not a document
_TITLES = Path(__file__).with_name("data") / "titles.json"
_TITLE_LINE = re.compile(r"^[^。；，,;]{4,60}$")


@dataclass(frozen=True)
class Source:
    path: Path
    doc: str
    text: str
    encoding: str
    sha256: str


@lru_cache(maxsize=1)
def _known_titles() -> dict[str, str]:
    return json.loads(_TITLES.read_text(encoding="utf-8"))


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """Text and encoding: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise DocumentError(f"{path}: line 1: starts like UTF-16 but is not valid UTF-16 text") from None
    if b"\x00" in data:
        line = _line_of(data, data.index(b"\x00"))
        raise DocumentError(f"{path}: line {line}: binary data (NUL byte), not a text document")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:  # Chinese government files are often GB18030 (a superset of GBK/GB2312)
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            line = _line_of(data, utf8_error.start)
            raise DocumentError(f"{path}: line {line}: neither UTF-8 nor GB18030 text") from None


def read_source(path: Path, max_bytes: int = MAX_BYTES) -> Source:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentError(f"{path}: {size / 2**20:.1f} MB is over the {max_bytes / 2**20:.0f} MB limit for one document")
        data = path.read_bytes()
    except OSError as e:
        raise DocumentError(f"{path}: cannot read: {e.strerror or e}") from None
    text, encoding = decode(path, data)
    if not text.strip():
        raise DocumentError(f"{path}: empty document")
    if encoding != "utf-8":
        log.warning("%s: read as %s", path, encoding)
    return Source(path, path.stem, text, encoding, hashlib.sha256(data).hexdigest())


def _title(source: Source, markdown_title: str) -> str:
    if markdown_title:
        return markdown_title
    if source.doc in _known_titles():
        return _known_titles()[source.doc]
    first = next((ln.strip() for ln in source.text.splitlines() if ln.strip()), "")
    return first if _TITLE_LINE.match(first) else source.doc


def parse_source(source: Source) -> ParsedDocument:
    """Clean and parse one document; a malformed one raises DocumentError naming file and line."""
    cleaned = clean(source.text)
    for p in cleaned.paragraphs:
        offset = unclosed_tag(p.text)
        if offset is not None:
            raise DocumentError(f"{source.path}: line {p.line}: responsibility tag opened and never closed: "
                                f"{p.text[offset:offset + 30]}…")
    parsed = parse(source.doc, _title(source, cleaned.title), cleaned)
    if not parsed.clauses:
        raise DocumentError(f"{source.path}: no text to index")
    return parsed


def find_documents(root: Path) -> list[Path]:
    """Documents under a folder (recursively) or the one file given, in a stable order."""
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise DocumentError(f"{root}: no such file or folder")
    return sorted(p for p in root.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()
                  and not p.name.startswith(".") and p.name.lower() != "readme.md")
