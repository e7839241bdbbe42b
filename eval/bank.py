"""`python -m eval.bank [CORPUS_DIR ...] [--out eval/data/bank.jsonl]`: the CheckList-style question bank.

Every annotated item of every shipped document × every operation × five or
more phrasings (formal with the full title, colloquial, a partial name, a
bare keyword query, a standard alias of a unit, a target's metric, English
for the Chengdu plan), false-premise yes/no questions and unanswerable
perturbations. Documents are parsed with the ingest package
(`ingest.read.read_source` + `parse_source`); the gold comes from the parsed
structure (`eval/bank_facts.py`), never from the answering code. Phrasings
are data: `eval/data/bank_templates.json`.

Each line: the dev.jsonl fields (id, category, question, answer,
answer_units, must_contain, evidence, section) plus doc, operation,
phrasing, fact (shared by the phrasings of one fact), asked_units and
allowed_units (what the strict measure lets an answer name), expect_yes
(yes/no items) and expect_count (counts).
"""
from __future__ import annotations

import argparse
import json
import logging
import re
import string
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from core.settings import ROOT
from core.units import document_city
from eval.bank_facts import DocFacts, Fact, all_facts
from ingest.read import find_documents, parse_source, read_source

log = logging.getLogger(__name__)

TEMPLATES = ROOT / "eval" / "data" / "bank_templates.json"
DEFAULT_DIRS = (ROOT / "corpus", ROOT / "eval" / "library")
DEFAULT_OUT = ROOT / "eval" / "data" / "bank.jsonl"
MIN_PHRASINGS = 5  # each fact is asked at least this many ways (issue 10)
PHRASINGS = ("formal", "colloquial", "question", "partial", "alias", "terse", "metric", "english")
FILLERS = ("colloquial", "question", "terse")  # second wordings of these make up a fact's five phrasings


def load_templates(path: Path = TEMPLATES) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    for group, phrasings in data["templates"].items():
        unknown = set(phrasings) - set(PHRASINGS)
        if unknown:
            raise ValueError(f"{path}: template group {group!r} has unknown phrasings {sorted(unknown)}: "
                             f"use {', '.join(PHRASINGS)}")
    return data


def alias_table(pairs: Iterable[Sequence[str]]) -> dict[str, str]:
    """unit -> its standard alias, both ways (市人社局 ↔ 市人力资源和社会保障局)."""
    table: dict[str, str] = {}
    for a, b in pairs:
        table.setdefault(a, b)
        table.setdefault(b, a)
    return table


_CITY_NAMED = re.compile(r"(?:^|总局|中共)([\u4e00-\u9fff]{2,3}?)市")


def _of_city(name: str, city: str) -> bool:
    """An alias that names a city (国家税务总局成都市税务局) is the alias of that city's unit only."""
    m = _CITY_NAMED.search(name)
    return m is None or m.group(1) == city


def load_documents(dirs: Sequence[Path], templates: Mapping[str, Any]) -> list[DocFacts]:
    aliases = alias_table(templates["aliases"]["pairs"])
    english = templates.get("english", {})
    docs = []
    for folder in dirs:
        for path in find_documents(Path(folder)):
            source = read_source(path)
            parsed = parse_source(source)
            city = document_city(list(parsed.clauses))
            mine = {k: v for k, v in aliases.items() if _of_city(k, city) and _of_city(v, city)}
            docs.append(DocFacts(parsed.doc, parsed.title, parsed.clauses, mine, english.get(parsed.doc, {}),
                                 source.sidecar.get("lead_convention", "")))
    return docs


# --- rendering ----------------------------------------------------------------------------------
def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _fill(template: str, slots: Mapping[str, str]) -> str | None:
    """The question, or None when a placeholder has no value for this fact."""
    if any(not slots.get(f) for f in _fields(template)):
        return None
    return template.format(**slots)


def phrasings(fact: Fact, groups: Mapping[str, Sequence[str]], n: int) -> list[tuple[str, str]]:
    """(phrasing, question) pairs: one template per phrasing, rotating by ``n``; second wordings of
    colloquial/question/terse added until the fact has MIN_PHRASINGS questions (when the group has them)."""
    out: list[tuple[str, str]] = []
    for phrasing in PHRASINGS:
        options = groups.get(phrasing, ())
        for k in range(len(options)):
            question = _fill(options[(n + k) % len(options)], fact.slots)
            if question is not None:
                out.append((phrasing, question))
                break
    for phrasing in FILLERS:
        options = groups.get(phrasing, ())
        for k in range(1, len(options)):
            if len(out) >= MIN_PHRASINGS:
                return out
            question = _fill(options[(n + k) % len(options)], fact.slots)
            if question is not None and all(question != q for _, q in out):
                out.append((phrasing, question))
    return out


def lines(fact: Fact, groups: Mapping[str, Sequence[str]], n: int) -> list[dict[str, Any]]:
    out, seen = [], Counter()
    for phrasing, question in phrasings(fact, groups, n):
        seen[phrasing] += 1
        suffix = "" if seen[phrasing] == 1 else str(seen[phrasing])
        out.append({"id": f"{fact.key}|{phrasing}{suffix}", "category": fact.category, "question": question,
                    "answer": fact.answer, "answer_units": list(fact.answer_units),
                    "must_contain": list(fact.must_contain), "evidence": list(fact.evidence),
                    "section": fact.section, "doc": fact.doc, "operation": fact.op, "phrasing": phrasing,
                    "fact": fact.key, "asked_units": list(fact.asked_units),
                    "allowed_units": list(fact.allowed_units), **fact.extra})
    return out


def generate(dirs: Sequence[Path] = DEFAULT_DIRS, templates_path: Path = TEMPLATES) -> list[dict[str, Any]]:
    """The bank over every document in ``dirs``, in document then fact order."""
    templates = load_templates(templates_path)
    docs = load_documents(dirs, templates)
    library = "".join(d.text for d in docs)
    out: list[dict[str, Any]] = []
    for d in docs:
        for n, fact in enumerate(all_facts(d, templates["invented"], library)):
            asked = lines(fact, templates["templates"][fact.template], n)
            if len(asked) < MIN_PHRASINGS:
                log.warning("%s: only %d phrasings", fact.key, len(asked))
            out += asked
    return out


def size_table(bank: Sequence[Mapping[str, Any]]) -> str:
    """Questions per operation × phrasing, as aligned text."""
    ops = Counter(q["operation"] for q in bank)
    cells = Counter((q["operation"], q["phrasing"]) for q in bank)
    head = f"{'operation':<14}" + "".join(f"{p[:9]:>10}" for p in PHRASINGS) + f"{'total':>8}"
    rows = [f"{op:<14}" + "".join(f"{cells[(op, p)]:>10}" for p in PHRASINGS) + f"{n:>8}" for op, n in ops.items()]
    return "\n".join([head, *rows, f"{'all':<14}" + " " * 10 * len(PHRASINGS) + f"{len(bank):>8}"])


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    parser = argparse.ArgumentParser(prog="python -m eval.bank", description=__doc__.split("\n\n")[1])
    parser.add_argument("dirs", nargs="*", type=Path, default=list(DEFAULT_DIRS),
                        help="corpus folders (default: corpus/ eval/library/)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON Lines file (default: %(default)s)")
    parser.add_argument("--templates", type=Path, default=TEMPLATES, help="phrasing templates (default: %(default)s)")
    args = parser.parse_args(argv)
    bank = generate(args.dirs, args.templates)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in bank), encoding="utf-8")
    print(size_table(bank))
    print(f"\n{len(bank)} questions, {len({q['fact'] for q in bank})} facts, "
          f"{len({q['doc'] for q in bank})} documents → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
