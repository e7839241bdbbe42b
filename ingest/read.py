"""Read source documents from disk: find them, bound their size, extract text by format, take metadata.

I/O lives here; the format readers (`ingest/formats/`) and the metadata rules
(`ingest/meta.py`) are pure over bytes and text. Companion files beside a
document are never documents themselves: `<file>.meta.json` (its metadata
sidecar), `*.userdict.txt` (words for the segmenter), `*.units.json`,
README.md and SOURCES.md.
"""
from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from core.clause import DocMeta
from core.errors import DocumentError
from ingest import meta
from ingest.clean import clean, strip_ws
from ingest.formats import SUFFIXES, reader_for
from ingest.formats.text import decode  # noqa: F401  (re-exported: the text decoder)
from ingest.parse import ParsedDocument, parse
from ingest.annotations import unclosed_tag

log = logging.getLogger(__name__)
MAX_BYTES = 20 * 1024 * 1024  # a policy document is well under 1 MB; larger is not a document
SIDECAR = ".meta.json"
USERDICT = ".userdict.txt"
COMPANIONS = (SIDECAR, USERDICT, ".units.json")
NOT_DOCUMENTS = ("readme.md", "sources.md")


@dataclass(frozen=True)
class Source:
    path: Path
    doc: str
    text: str
    encoding: str
    sha256: str
    format: str = "txt"
    pages: tuple[int, ...] = ()  # page of each line of `text` (PDF), else empty
    properties: dict[str, str] = field(default_factory=dict)  # metadata the format states
    sidecar: dict[str, str] = field(default_factory=dict)  # metadata from <file>.meta.json
    relpath: str = ""  # path relative to the corpus folder
    header: tuple[str, ...] = ()  # metadata lines outside the text (an HTML page's info table)


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + SIDECAR)


def read_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentError(f"{path}: {size / 2**20:.1f} MB is over the {max_bytes / 2**20:.0f} MB limit for one document")
        return path.read_bytes()
    except OSError as e:
        raise DocumentError(f"{path}: cannot read: {e.strerror or e}") from None


def read_sidecar(path: Path) -> dict[str, str]:
    """Metadata fields of `<file>.meta.json`, if there is one; a malformed one is an error naming it."""
    side = sidecar_path(path)
    if not side.is_file():
        return {}
    try:
        data = json.loads(side.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as e:
        raise DocumentError(f"{side}: unreadable metadata sidecar ({e})") from None
    if not isinstance(data, dict):
        raise DocumentError(f"{side}: a metadata sidecar must be a JSON object of fields, e.g. {{\"title\": …}}")
    return meta.fields_from_mapping(data)


def source_from_bytes(path: Path, data: bytes, doc: str | None = None, relpath: str = "") -> Source:
    """Extract one document's text and metadata from its bytes (any supported format)."""
    reader = reader_for(path)
    if reader is None:
        raise DocumentError(f"{path}: unsupported format {path.suffix or '(no suffix)'}: "
                            f"supported are {', '.join(SUFFIXES)}")
    if not data.strip():
        raise DocumentError(f"{path}: empty document")
    extracted = reader(path, data)
    if not extracted.text.strip():
        raise DocumentError(f"{path}: empty document")
    if extracted.encoding not in ("utf-8", "ascii"):
        log.warning("%s: read as %s", path, extracted.encoding)
    return Source(path, doc or path.stem, extracted.text, extracted.encoding, hashlib.sha256(data).hexdigest(),
                  extracted.format, extracted.pages, dict(extracted.properties), read_sidecar(path),
                  relpath or path.name, extracted.header)


def read_source(path: Path, max_bytes: int = MAX_BYTES, doc: str | None = None, relpath: str = "") -> Source:
    return source_from_bytes(path, read_bytes(path, max_bytes), doc, relpath)


def document_meta(source: Source) -> DocMeta:
    """Sidecar, then what the format states, then what the text says (see ingest/meta.py)."""
    stated = meta.text_fields("\n".join((*source.header, source.text)))
    return meta.merge(source.doc, source.relpath, source.format,
                      [source.sidecar, meta.fields_from_mapping(source.properties), stated])


def parse_source(source: Source, doc_meta: DocMeta | None = None) -> ParsedDocument:
    """Clean and parse one document; a malformed one raises DocumentError naming file and line."""
    cleaned = clean(source.text)
    for p in cleaned.paragraphs:
        offset = unclosed_tag(p.text)
        if offset is not None:
            raise DocumentError(f"{source.path}: line {p.line}: responsibility tag opened and never closed: "
                                f"{p.text[offset:offset + 30]}…")
    title = (doc_meta or document_meta(source)).title
    parsed = parse(source.doc, title, cleaned)
    if not parsed.clauses:
        raise DocumentError(f"{source.path}: no text to index")
    return parsed


def page_map(source: Source, parsed: ParsedDocument) -> dict[str, int]:
    """clause id -> page where the clause starts (formats with pages only).

    A clause's text is a verbatim substring of the whitespace-free source, so
    it is found in order in the page-tagged characters of the extracted lines.
    """
    if not source.pages:
        return {}
    chars: list[str] = []
    owner: list[int] = []
    for line, page in zip(source.text.splitlines(), source.pages):
        flat = strip_ws(line)
        chars.append(flat)
        owner += [page] * len(flat)
    flat_text = "".join(chars)
    pages, cursor = {}, 0
    for c in parsed.clauses:
        at = flat_text.find(c.text, cursor)
        at = flat_text.find(c.text) if at < 0 else at
        if at >= 0:
            pages[c.id] = owner[at]
            cursor = at + 1
    return pages


def is_companion(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(COMPANIONS) or name in NOT_DOCUMENTS


def _listed(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and not any(
        part.startswith(".") for part in p.relative_to(root).parts) and not is_companion(p))


def find_documents(root: Path) -> list[Path]:
    """Documents under a folder (recursively) or the one file given, in a stable order."""
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise DocumentError(f"{root}: no such file or folder")
    return [p for p in _listed(root) if p.suffix.lower() in SUFFIXES]


def unsupported_files(root: Path) -> list[Path]:
    """Files under a folder that are neither documents of a supported format nor companions."""
    return [p for p in _listed(root) if p.suffix.lower() not in SUFFIXES] if root.is_dir() else []


def userdict_files(root: Path) -> list[Path]:
    """`*.userdict.txt` files beside the documents, in a stable order."""
    return sorted(p for p in root.rglob(f"*{USERDICT}") if p.is_file()) if root.is_dir() else []
