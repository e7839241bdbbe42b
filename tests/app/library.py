"""A throw-away library for tests that change it: a copy of the shipped corpus and of the session's index."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).parent / "data"
PLAN_FILE = "chengdu-software-plan-2019-2025.txt"
ELDERCARE = DATA / "社区养老服务提升实施方案.txt"  # a 实施方案 with （牵头单位：…；配合单位：…） items
ELDERCARE_TITLE = "成都市社区嵌入式养老服务提升实施方案（2024—2026年）"


class Copy(NamedTuple):
    corpus: Path
    index: Path


def copy_library(index_dir: Path, into: Path) -> Copy:
    """corpus/ copied from the repository, index/ a symlink to a copy of the built index (as ingest publishes it)."""
    corpus = into / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    build = into / ".index.build-0-copy"
    shutil.copytree(Path(index_dir).resolve(), build)
    index = into / "index"
    index.symlink_to(build.name)
    return Copy(corpus, index)
