"""Ask a question set under one configuration and score it: the evaluation's core, no printing.

Used by ``python -m eval`` and by the Streamlit evaluation page; keep the
names and signatures of :class:`EvalConfig`, :data:`CONFIGS`,
:func:`load_questions`, :func:`context`, :class:`Run` and :func:`run` stable.
"""
from __future__ import annotations

import inspect
import json
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eval.metrics import EvalContext, score_item, summarise
from ingest.clean import strip_ws
from ingest.read import read_source
from kb.ask import AskConfig, Asker
from core.errors import DocumentError
from kb.knowledge import KnowledgeBase
from kb.search import MODES
from core.settings import Settings

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (questions done, questions total)
GOLD_KEYS = ("category", "evidence", "must_contain", "answer_units")  # what score_item reads besides id
_LIST_KEYS = ("evidence", "must_contain", "answer_units")
WARM_UP = "规划的总体目标是什么？"  # asked once, untimed, so latencies are steady-state, not first-call set-up


@dataclass(frozen=True)
class EvalConfig:
    name: str
    mode: str = "hybrid"  # retrieval mode, one of kb.search.MODES
    structured: bool = True  # False: extractive answers only, no tag-based intents

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}. Currently: {self.mode!r}")

    def ask_config(self) -> AskConfig:
        return AskConfig(structured=self.structured, mode=self.mode)


CONFIGS: dict[str, EvalConfig] = {
    "fused": EvalConfig("fused"),
    "bm25": EvalConfig("bm25", mode="bm25"),
    "dense": EvalConfig("dense", mode="dense"),
    "extractive": EvalConfig("extractive", structured=False),
}


@dataclass
class Run:
    config: EvalConfig
    results: list[dict[str, Any]] = field(default_factory=list)  # batch lines, each with "id"
    rows: list[dict[str, Any]] = field(default_factory=list)  # score_item rows, for items with gold
    summary: dict[str, float] = field(default_factory=dict)  # summarise(rows); {} when nothing was scored


# --- questions ---------------------------------------------------------------------------------
def _check_item(item: Any) -> str | None:
    """What is wrong with one parsed line, or None."""
    if not isinstance(item, dict):
        return f"expected a JSON object, got {type(item).__name__}"
    for key in ("id", "question"):
        if not isinstance(item.get(key), str) or not item[key].strip():
            return f"{key!r} must be a non-empty string"
    if "category" in item and not isinstance(item["category"], str):
        return "'category' must be a string"
    for key in _LIST_KEYS:
        if key in item and not (isinstance(item[key], list) and all(isinstance(s, str) for s in item[key])):
            return f"{key!r} must be a list of strings"
    if "evidence" in item and not all(k in item for k in GOLD_KEYS):
        return f"an item with gold needs all of {', '.join(GOLD_KEYS)}"
    return None


def parse_questions(lines: Sequence[str], source: str = "<questions>") -> list[dict[str, Any]]:
    """Items from JSON Lines (blank lines skipped); ValueError names ``source:line``."""
    items: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as e:
            raise ValueError(f"{source}:{number}: not valid JSON ({e.msg} at column {e.colno})") from None
        if (problem := _check_item(item)) is not None:
            raise ValueError(f"{source}:{number}: {problem}")
        if item["id"] in seen:
            raise ValueError(f"{source}:{number}: id {item['id']!r} already used on line {seen[item['id']]}")
        seen[item["id"]] = number
        items.append(item)
    return items


def load_questions(path: Path | str) -> list[dict[str, Any]]:
    """A question set (JSON Lines, see eval/data/README.md); every item needs ``id`` and ``question``."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        raise ValueError(f"{path}: not UTF-8 text ({e.reason} at byte {e.start})") from None
    return parse_questions(text.splitlines(), str(path))


def has_gold(item: Mapping[str, Any]) -> bool:
    return all(k in item for k in GOLD_KEYS)


# --- the evaluation context -------------------------------------------------------------------
def _source_path(entry: Mapping[str, Any], corpus_dirs: Sequence[Path]) -> Path:
    """The file of a manifest entry: its recorded path (absolute, or under a corpus folder), else <doc>.txt."""
    recorded = Path(str(entry.get("path") or ""))
    candidates = [recorded] if recorded.is_absolute() else [d / recorded for d in corpus_dirs if str(recorded)]
    candidates += [d / f"{entry['doc']}.txt" for d in corpus_dirs]
    return next((p for p in candidates if p.is_file()), candidates[0] if candidates else recorded)


def _source_text(entry: Mapping[str, Any], corpus_dirs: Sequence[Path]) -> str:
    """The whitespace-free source of one manifest entry; warns if it changed since indexing."""
    path = _source_path(entry, corpus_dirs)
    source = read_source(path)  # DocumentError (a PolicyKBError) when unreadable
    if entry.get("sha256") and source.sha256 != entry["sha256"]:
        log.warning("%s changed since the index was built: verbatim checks use the file as it is now", path)
    return strip_ws(source.text)


def context(kb: KnowledgeBase, corpus_dir: Path | Sequence[Path] | None = None) -> EvalContext:
    """Clause texts and units, the known unit names (the unit table's and every tag's), each document's
    unit inventory, and the whitespace-free sources of ``kb``; ``corpus_dir`` is one folder or several."""
    if corpus_dir is None:
        dirs = [Settings().corpus_dir]
    else:
        dirs = [Path(corpus_dir)] if isinstance(corpus_dir, (str, Path)) else [Path(d) for d in corpus_dir]
    if not kb.documents:
        raise DocumentError(f"the index at {kb.index.path} lists no documents: run `python -m ingest` to rebuild it")
    doc_units: dict[str, dict[str, None]] = {}
    for c in kb.clauses:
        doc_units.setdefault(c.doc, {}).update(dict.fromkeys(c.units))
    tagged = [u for units in doc_units.values() for u in units]
    known = tuple(dict.fromkeys([*kb.units.names(), *tagged]))
    return EvalContext(
        clause_text={c.id: c.text for c in kb.clauses},
        # documents that name no unit at all (laws, regulations): nothing to check an answer's units against
        clause_units={c.id: tuple(c.units) for c in kb.clauses} if known else None,
        known_units=known,
        sources={str(d["doc"]): _source_text(d, dirs) for d in kb.documents},
        doc_units={doc: tuple(units) for doc, units in doc_units.items()},
    )


# --- asking and scoring ------------------------------------------------------------------------
def takes_docs(ask: Callable[..., Any]) -> bool:
    """Does the answering function accept a ``docs`` keyword (questions scoped to their document)?"""
    try:
        return "docs" in inspect.signature(ask).parameters
    except (TypeError, ValueError):
        return False


def ask_all(asker: Asker, items: Sequence[Mapping[str, Any]], progress: Progress | None = None) -> list[dict[str, Any]]:
    """Batch lines (``id`` first), one per item, asked in order with no history; an item with ``doc`` is
    scoped to that document when ``asker.ask`` takes ``docs``."""
    scoped = takes_docs(asker.ask)
    results = []
    for done, item in enumerate(items, start=1):
        try:
            if scoped and item.get("doc"):
                answer = asker.ask(item["question"], docs=[item["doc"]])
            else:
                answer = asker.ask(item["question"])
        except Exception as e:  # re-raised with the item that broke; the run stops
            raise RuntimeError(f"asking {item['id']} failed: {type(e).__name__}: {e}") from e
        results.append({"id": item["id"], **answer.to_json()})
        if progress is not None:
            progress(done, len(items))
    return results


def score_all(results: Sequence[Mapping[str, Any]], items: Sequence[Mapping[str, Any]],
              ctx: EvalContext) -> list[dict[str, Any]]:
    """score_item rows for the items that carry gold; items without it are asked but not scored."""
    rows = [score_item(r, g, ctx) for r, g in zip(results, items, strict=True) if has_gold(g)]
    if len(rows) < len(items):
        log.warning("%d of %d items have no gold and are not scored", len(items) - len(rows), len(items))
    return rows


def run(kb: KnowledgeBase, items: Sequence[Mapping[str, Any]], config: EvalConfig,
        progress: Progress | None = None, corpus_dirs: Sequence[Path] | None = None) -> Run:
    """Ask every item under ``config`` (one Asker, warmed up by one untimed question), then score and summarise."""
    asker = Asker(kb, config.ask_config())
    asker.ask(WARM_UP)
    results = ask_all(asker, items, progress)
    rows = score_all(results, items, context(kb, corpus_dirs))
    return Run(config, results, rows, summarise(rows) if rows else {})
