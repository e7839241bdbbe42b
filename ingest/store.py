"""Atomic replacement of the index directory.

The index path is a symlink to a build folder beside it. A build is written to
a fresh folder and published by replacing the symlink in one rename, so a
reader sees the old index or the new one, never a mixture, and a build that
fails or is killed leaves the old one in place.
"""
from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from core.layout import sha256_file

log = logging.getLogger(__name__)


def checksums(folder: Path, skip: str, skip_dirs: tuple[str, ...] = ()) -> dict[str, str]:
    """sha256 of every file the reader loads (the per-document cache, checked by ingest itself, is left out)."""
    return {p.relative_to(folder).as_posix(): sha256_file(p)
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != skip
            and p.relative_to(folder).parts[0] not in skip_dirs}


def _fsync_tree(folder: Path) -> None:
    for p in folder.rglob("*"):
        if p.is_file():
            with p.open("rb") as f:
                os.fsync(f.fileno())


def _builds_of(index_dir: Path) -> list[Path]:
    return sorted(index_dir.parent.glob(f".{index_dir.name}.build-*"))


def _publish(build: Path, index_dir: Path) -> None:
    if index_dir.exists() and not index_dir.is_symlink():  # a plain folder from elsewhere: move it aside
        index_dir.rename(index_dir.with_name(f".{index_dir.name}.build-0-legacy"))
    link = index_dir.with_name(f".{index_dir.name}.link-{os.getpid()}")
    if link.is_symlink():
        link.unlink()
    link.symlink_to(build.name)
    os.replace(link, index_dir)  # the one atomic step


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_stale(index_dir: Path) -> None:
    """Delete build folders the index no longer points to, unless another live build owns them."""
    live = index_dir.resolve() if index_dir.exists() else None
    for old in _builds_of(index_dir):
        m = re.search(r"\.build-\d+-(\d+)-", old.name)
        owner = int(m.group(1)) if m else 0
        if old.resolve() != live and (owner == os.getpid() or not owner or not _alive(owner)):
            shutil.rmtree(old, ignore_errors=True)


@contextmanager
def atomic_index(index_dir: Path) -> Iterator[Path]:
    """Yield an empty folder to fill; on success publish it as `index_dir`, else discard it."""
    index_dir = Path(index_dir)
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    build = Path(tempfile.mkdtemp(prefix=f".{index_dir.name}.build-{int(time.time())}-{os.getpid()}-", dir=index_dir.parent))
    try:
        yield build
        _fsync_tree(build)
        _publish(build, index_dir)
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise
    _remove_stale(index_dir)
