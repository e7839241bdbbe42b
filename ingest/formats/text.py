"""Plain text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030."""
from __future__ import annotations

import codecs
from pathlib import Path

from core.errors import DocumentError
from ingest.formats import Extracted


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """Text and encoding; undecodable bytes raise DocumentError naming the file and line."""
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


def read(path: Path, data: bytes) -> Extracted:
    text, encoding = decode(path, data)
    return Extracted(text=text, format="txt", encoding=encoding)
