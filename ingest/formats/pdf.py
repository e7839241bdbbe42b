"""PDF through pypdf: the text layer page by page, with the page of every line kept for citations.

Wrapped lines stay as they are; the cleaner re-joins them exactly as for the
plan's own PDF-extracted text. Running page numbers (`- 3 -`, `— 3 —`, `第3页`)
are layout, not text, and are dropped. An encrypted file that opens without a
password is read; one that needs a password, and a scan with no text layer,
are refused with the reason.
"""
from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

from core.errors import DocumentError
from ingest.formats import Extracted

logging.getLogger("pypdf").setLevel(logging.ERROR)  # it warns on every odd but readable object
_PAGE_NUMBER = re.compile(r"^[\s\-－—–~·]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*/\s*\d{1,4})?[\s\-－—–~·]*(?:页)?$")
_MIN_CHARS_PER_PAGE = 5  # fewer visible characters than this on every page: a scan without a text layer


def _open(path: Path, data: bytes) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(f"{path}: encrypted PDF that needs a password: save an unprotected copy")
        _ = len(reader.pages)
    except (FileNotDecryptedError, DependencyError) as e:
        raise DocumentError(f"{path}: encrypted PDF that cannot be opened ({e})") from None
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as e:
        raise DocumentError(f"{path}: not a readable PDF ({type(e).__name__}: {e})") from None
    return reader


def page_lines(text: str) -> list[str]:
    """A page's lines without blank lines and running page numbers."""
    return [ln.rstrip() for ln in text.splitlines() if ln.strip() and not _PAGE_NUMBER.match(ln.strip())]


def read(path: Path, data: bytes) -> Extracted:
    reader = _open(path, data)
    lines: list[str] = []
    pages: list[int] = []
    for number, page in enumerate(reader.pages, 1):
        try:
            text = page.extract_text() or ""
        except (PdfReadError, ValueError, KeyError, TypeError) as e:
            raise DocumentError(f"{path}: page {number}: unreadable text layer ({type(e).__name__}: {e})") from None
        found = page_lines(text)
        lines += found
        pages += [number] * len(found)
    if sum(len("".join(ln.split())) for ln in lines) < _MIN_CHARS_PER_PAGE * max(1, len(reader.pages)):
        raise DocumentError(f"{path}: no text layer (an image-only scan?): OCR it to a searchable PDF first")
    return Extracted(text="\n".join(lines) + "\n", format="pdf", pages=tuple(pages), properties=_info(reader))


def _info(reader: PdfReader) -> dict[str, str]:
    """The document information title, when it is a real one (not a file name)."""
    try:
        title = str((reader.metadata or {}).get("/Title") or "").strip()
    except (PdfReadError, ValueError, KeyError, TypeError):
        return {}
    return {"title": title} if re.search(r"[\u4e00-\u9fff]", title) and not re.search(r"\.(docx?|wps|pdf)$", title, re.I) else {}
