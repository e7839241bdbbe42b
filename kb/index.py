"""Load the index written by `python -m ingest`, checking it is whole and ours.

Nothing here unpickles: FAISS reads its own format, bm25s loads .npy arrays
with allow_pickle=False, the rest is JSON, and every file's sha256 must match
the manifest before any of them is parsed.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import bm25s
import faiss

from core.clause import Clause, DocMeta
from core.errors import IndexCorruptError, IndexMismatchError, IndexMissingError
from core.layout import BM25_DIR, CLAUSES, DENSE, FORMAT_VERSION, MANIFEST, SENTENCES, sha256_file

log = logging.getLogger(__name__)
REBUILD = "run `python -m ingest` to rebuild it"


@dataclass(frozen=True)
class LoadedIndex:
    path: Path
    manifest: dict[str, Any]
    clauses: tuple[Clause, ...]
    sentences: tuple[tuple[int, int, int], ...]  # (clause index, start, end) per dense vector
    dense: faiss.Index
    bm25: bm25s.BM25

    @property
    def embedder_name(self) -> str:
        return str(self.manifest["embedder"]["name"])

    @cached_property
    def documents(self) -> dict[str, DocMeta]:
        """Each document's metadata (title, 文号, issuer, date, source, status, path, format), by document id."""
        out = {}
        for d in self.manifest.get("documents", []):
            meta = d.get("meta") or {"doc": d.get("doc", ""), "title": d.get("title", ""), "path": d.get("path", "")}
            out[str(d["doc"])] = DocMeta.from_json(meta)
        return out

    @cached_property
    def pages(self) -> dict[str, int]:
        """clause id -> page where it starts, for documents with pages (PDF); absent otherwise."""
        return {str(k): int(v) for k, v in (self.manifest.get("pages") or {}).items()}

    @property
    def segmenter_words(self) -> tuple[str, ...]:
        """The corpus's own dictionary entries the index was tokenised with (after the core dictionary)."""
        return tuple(self.manifest.get("segmenter_words") or ())


def read_manifest(path: Path) -> dict[str, Any]:
    if not path.is_dir() or not any(path.iterdir()):
        raise IndexMissingError(f"no index at {path}: run `python -m ingest` to build it")
    try:
        manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise IndexCorruptError(f"index at {path} is incomplete (no {MANIFEST}): {REBUILD}") from None
    except (OSError, ValueError) as e:
        raise IndexCorruptError(f"index at {path} has an unreadable {MANIFEST} ({e}): {REBUILD}") from None
    if not isinstance(manifest, dict) or manifest.get("format_version") != FORMAT_VERSION:
        raise IndexMismatchError(f"index at {path} has format {manifest.get('format_version') if isinstance(manifest, dict) else '?'}, "
                                 f"this version reads {FORMAT_VERSION}: {REBUILD}")
    return manifest


def verify_files(path: Path, manifest: dict[str, Any]) -> None:
    """Every file the manifest lists is present with its recorded sha256."""
    files = manifest.get("files") or {}
    for required in (CLAUSES, DENSE, SENTENCES):
        if required not in files:
            raise IndexCorruptError(f"index at {path} lists no {required}: {REBUILD}")
    for name, digest in files.items():
        file = path / name
        if not file.is_file():
            raise IndexCorruptError(f"index at {path} is missing {name}: {REBUILD}")
        if sha256_file(file) != digest:
            raise IndexCorruptError(f"index file {file} is truncated or changed (checksum mismatch): {REBUILD}")


def _clauses(path: Path) -> tuple[Clause, ...]:
    try:
        with (path / CLAUSES).open(encoding="utf-8") as f:
            return tuple(Clause.from_json(json.loads(line)) for line in f if line.strip())
    except (ValueError, KeyError, TypeError) as e:
        raise IndexCorruptError(f"index file {path / CLAUSES} is unreadable ({e}): {REBUILD}") from None


def _sentences(path: Path, clauses: int) -> tuple[tuple[int, int, int], ...]:
    try:
        rows = tuple((int(i), int(s), int(e)) for i, s, e in json.loads((path / SENTENCES).read_text(encoding="utf-8"))["rows"])
    except (ValueError, KeyError, TypeError) as e:
        raise IndexCorruptError(f"index file {path / SENTENCES} is unreadable ({e}): {REBUILD}") from None
    if any(not 0 <= i < clauses for i, _, _ in rows):
        raise IndexCorruptError(f"index file {path / SENTENCES} points outside the clauses: {REBUILD}")
    return rows


def load_index(path: Path) -> LoadedIndex:
    path = Path(path)
    manifest = read_manifest(path)
    verify_files(path, manifest)
    clauses = _clauses(path)
    sentences = _sentences(path, len(clauses))
    try:
        dense = faiss.read_index(str(path / DENSE))
    except RuntimeError as e:
        raise IndexCorruptError(f"index file {path / DENSE} is not a FAISS index ({str(e).splitlines()[0]}): {REBUILD}") from None
    try:
        bm25 = bm25s.BM25.load(str(path / BM25_DIR), allow_pickle=False)
    except (OSError, ValueError, KeyError) as e:
        raise IndexCorruptError(f"index folder {path / BM25_DIR} is unreadable ({e}): {REBUILD}") from None
    if dense.ntotal != len(sentences) or dense.d != manifest["embedder"]["dim"]:
        raise IndexCorruptError(f"index at {path}: {dense.ntotal} vectors for {len(sentences)} sentences: {REBUILD}")
    return LoadedIndex(path, manifest, clauses, sentences, dense, bm25)


def check_segmenter(index: LoadedIndex, fingerprint: str) -> None:
    if index.manifest.get("segmenter") != fingerprint:
        raise IndexMismatchError(f"index at {index.path} was tokenised with another dictionary or stop-word list: {REBUILD}")


def check_embedder(index: LoadedIndex, name: str, dim: int) -> None:
    if index.embedder_name != name or index.manifest["embedder"]["dim"] != dim:
        raise IndexMismatchError(
            f"index at {index.path} was built with embedder {index.embedder_name!r} but {name!r} is configured: "
            f"run `python -m ingest --embedder <spec>` or set POLICYKB_EMBEDDER to match")
