"""Shared fixtures: the shipped corpus, its parse, and one index built from it per session."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.parse import ParsedDocument
from ingest.read import parse_source, read_source
from kb.settings import ROOT

PLAN = ROOT / "corpus" / "chengdu-software-plan-2019-2025.txt"
LAWS = ROOT / "tests" / "fixtures" / "laws"
DOC = "chengdu-software-plan-2019-2025"


@pytest.fixture(scope="session")
def plan() -> ParsedDocument:
    return parse_source(read_source(PLAN))


@pytest.fixture(scope="session")
def clauses_by_id(plan: ParsedDocument) -> dict:
    return {c.id.split("#", 1)[1]: c for c in plan.clauses}


def plan_text() -> str:
    return PLAN.read_text(encoding="utf-8")


def law(name: str) -> Path:
    return next(LAWS.glob(f"{name}*.md"))
