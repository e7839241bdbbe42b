"""Per-document results kept inside the index folder, so an unchanged document is neither re-read nor re-embedded.

`cache/docs/<key>.json` holds one document's metadata, clauses, sentence rows,
artifacts, warnings, page map and BM25 tokens; `cache/vectors/<vkey>.npy` its
sentence vectors. The key covers everything the result depends on: the file's
bytes and sidecar, its document id and path, and the code and data of the
reader and parser (`parser_fingerprint`); the vector key adds the passage
embedder. A new build links the entries it reuses into its own folder, so the
atomic swap publishes (or discards) the cache with the index and stale entries
vanish with the old folder. JSON and `.npy` only (`allow_pickle=False`);
an entry that fails to load or to match its key is recomputed, never trusted.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from core.clause import Clause, DocMeta

log = logging.getLogger(__name__)
CACHE_DIR = "cache"
DOCS, VECTORS = "docs", "vectors"
ENTRY_VERSION = 1
_ROOT = Path(__file__).resolve().parents[1]
# what a document's clauses depend on besides its bytes: the readers, cleaner, parser and their data
_PARSER_SOURCES = ("ingest/*.py", "ingest/formats/*.py", "ingest/data/*", "core/clause.py", "core/units.py",
                   "core/unitkind.py", "core/numerals.py", "core/sentences.py", "core/lead_rule.py", "kb/data/units.json")
_NOT_PARSER = {"build.py", "cache.py", "store.py", "progress.py", "__main__.py"}

Row = tuple[int, int, int]  # (clause index within the document, start, end) of one embedded sentence


@lru_cache(maxsize=1)
def parser_fingerprint() -> str:
    """Changes whenever the code or data that turns a file into clauses changes (PARSER_VERSION included)."""
    digest = hashlib.sha256(f"entry={ENTRY_VERSION}".encode())
    for pattern in _PARSER_SOURCES:
        for path in sorted(_ROOT.glob(pattern)):
            if path.is_file() and path.name not in _NOT_PARSER:
                digest.update(path.relative_to(_ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def entry_key(sha256: str, sidecar_sha256: str, doc: str, relpath: str) -> str:
    raw = json.dumps([sha256, sidecar_sha256, doc, relpath, parser_fingerprint()], ensure_ascii=False)
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def vector_key(key: str, embedder: str, sentence_format: str) -> str:
    return hashlib.sha256(f"{key}|{embedder}|{sentence_format}".encode()).hexdigest()[:32]


@dataclass(frozen=True)
class Entry:
    """One document as the index keeps it."""

    key: str
    meta: DocMeta
    sha256: str
    encoding: str
    clauses: tuple[Clause, ...]
    rows: tuple[Row, ...]
    artifacts: tuple[dict[str, Any], ...] = ()
    warnings: tuple[str, ...] = ()
    pages: dict[str, int] = field(default_factory=dict)
    segmenter: str = ""  # fingerprint the tokens were cut with
    tokens: tuple[tuple[str, ...], ...] = ()  # BM25 tokens per clause

    @property
    def doc(self) -> str:
        return self.meta.doc

    def to_json(self) -> dict[str, Any]:
        return {"version": ENTRY_VERSION, "key": self.key, "meta": self.meta.to_json(), "sha256": self.sha256,
                "encoding": self.encoding, "clauses": [c.to_json() for c in self.clauses],
                "rows": [list(r) for r in self.rows], "artifacts": list(self.artifacts),
                "warnings": list(self.warnings), "pages": self.pages, "segmenter": self.segmenter,
                "tokens": [list(t) for t in self.tokens]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Entry":
        return cls(key=str(data["key"]), meta=DocMeta.from_json(data["meta"]), sha256=str(data["sha256"]),
                   encoding=str(data["encoding"]), clauses=tuple(Clause.from_json(c) for c in data["clauses"]),
                   rows=tuple((int(i), int(s), int(e)) for i, s, e in data["rows"]),
                   artifacts=tuple(data.get("artifacts", ())), warnings=tuple(data.get("warnings", ())),
                   pages={str(k): int(v) for k, v in data.get("pages", {}).items()},
                   segmenter=str(data.get("segmenter", "")), tokens=tuple(tuple(t) for t in data.get("tokens", ())))


class DocumentCache:
    """Entries and vectors of the previous index (read) and of the build being written."""

    def __init__(self, previous: Path | None) -> None:
        self.previous = previous / CACHE_DIR if previous is not None and (previous / CACHE_DIR).is_dir() else None

    def entry(self, key: str) -> Entry | None:
        if self.previous is None or not (self.previous / DOCS / f"{key}.json").is_file():
            return None
        try:
            data = json.loads((self.previous / DOCS / f"{key}.json").read_text(encoding="utf-8"))
            entry = Entry.from_json(data)
        except (OSError, ValueError, KeyError, TypeError) as e:
            log.warning("cache entry %s unreadable (%s): recomputing", key, e)
            return None
        return entry if data.get("version") == ENTRY_VERSION and entry.key == key else None

    def vectors(self, vkey: str, rows: int, dim: int) -> np.ndarray | None:
        path = self.previous / VECTORS / f"{vkey}.npy" if self.previous is not None else None
        if path is None or not path.is_file():
            return None
        try:
            vectors = np.load(path, allow_pickle=False)
        except (OSError, ValueError) as e:
            log.warning("cached vectors %s unreadable (%s): re-embedding", vkey, e)
            return None
        ok = vectors.dtype == np.float32 and vectors.shape == (rows, dim) and bool(np.isfinite(vectors).all())
        return vectors if ok else None


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def write_entry(folder: Path, entry: Entry, previous: DocumentCache, reused: bool) -> None:
    """Into the new build folder: linked from the previous index when unchanged, else written."""
    target = folder / CACHE_DIR / DOCS / f"{entry.key}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    if reused and previous.previous is not None:
        _link_or_copy(previous.previous / DOCS / f"{entry.key}.json", target)
    else:
        target.write_text(json.dumps(entry.to_json(), ensure_ascii=False), encoding="utf-8")


def write_vectors(folder: Path, vkey: str, vectors: np.ndarray, previous: DocumentCache, reused: bool) -> None:
    target = folder / CACHE_DIR / VECTORS / f"{vkey}.npy"
    target.parent.mkdir(parents=True, exist_ok=True)
    if reused and previous.previous is not None:
        _link_or_copy(previous.previous / VECTORS / f"{vkey}.npy", target)
    else:
        np.save(target, np.ascontiguousarray(vectors, dtype=np.float32), allow_pickle=False)
