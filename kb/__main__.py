"""`python -m kb search|ask|batch`: the knowledge base from the command line.

Errors from a missing, partial, corrupt or mismatched index become one line
that says to run `python -m ingest`, and a non-zero exit; never a traceback.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Iterable, TextIO

from kb.ask import AskConfig, Asker
from core.errors import PolicyKBError
from kb.knowledge import KnowledgeBase
from kb.search import MODES, DocumentFilter
from core.settings import Settings


def _parser(settings: Settings) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m kb", description=__doc__.splitlines()[0])
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--index", type=Path, default=settings.index_dir, help="index folder (default: index/)")
    common.add_argument("--mode", choices=MODES, default=None, help="retrieval mode (default: hybrid)")
    common.add_argument("--doc", action="append", default=[], metavar="DOC",
                        help="only this document (id, or part of its title or 文号); repeat for several")
    common.add_argument("--issuer", default="", help="only documents whose issuing body contains this")
    common.add_argument("--year", type=int, default=None, help="only documents dated in this year")
    sub = parser.add_subparsers(dest="command", required=True)
    search = sub.add_parser("search", parents=[common], help="top clauses for a query")
    search.add_argument("query")
    search.add_argument("-k", type=int, default=5)
    search.add_argument("--json", action="store_true")
    ask = sub.add_parser("ask", parents=[common], help="answer one question with citations")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true")
    batch = sub.add_parser("batch", parents=[common], help="answer a JSONL file of {id, question}")
    batch.add_argument("questions", type=Path)
    return parser


def _print_search(kb: KnowledgeBase, query: str, k: int, mode: str | None, as_json: bool) -> None:
    hits = kb.search(query, k=k, mode=mode)
    if as_json:
        print(json.dumps([{"clause_id": h.clause.id, "doc": h.clause.doc, "page": kb.page(h.clause.id),
                           "section": h.clause.section_label, "score": round(h.score, 5),
                           "ranks": h.ranks, "units": list(h.clause.units), "text": h.clause.text} for h in hits],
                         ensure_ascii=False, indent=1))
        return
    for n, h in enumerate(hits, 1):
        units = f"  [{'、'.join(h.clause.units)}]" if h.clause.units else ""
        print(f"{n}. {h.clause.section_label}  ({h.clause.id}, {h.score:.4f}){units}\n   {h.clause.text[:120]}")


def _print_answer(answer, as_json: bool) -> None:
    if as_json:
        print(json.dumps({"id": None} | answer.to_json(), ensure_ascii=False))
        return
    if answer.notice:
        print(f"[{answer.notice}]")
    print(answer.text)
    for c in answer.citations:
        print(f"  — 出处：{c.clause.title} · {c.clause.section_label}：“{c.quote}”")
    print(f"  ({answer.intent}, {answer.latency_ms:.0f} ms)")


def run_batch(asker: Asker, lines: Iterable[str], out: TextIO) -> int:
    """One JSON line out per line in, in order; a malformed line gets an error object and the batch goes on."""
    errors = 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("question"), str):
                raise ValueError("expected an object with a string 'question'")
        except ValueError as e:
            errors += 1
            out.write(json.dumps({"line": number, "error": f"line {number}: {e}"}, ensure_ascii=False) + "\n")
            continue
        result = {"id": item.get("id", f"line-{number}")} | asker.ask(item["question"]).to_json()
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()
    return errors


def main(argv: list[str] | None = None) -> int:
    settings = Settings.from_env()
    args = _parser(settings).parse_args(argv)
    try:
        kb = KnowledgeBase.load(Settings(index_dir=args.index, embedder=settings.embedder))
        if args.doc or args.issuer or args.year is not None:
            kb = kb.scoped(DocumentFilter(tuple(args.doc), args.issuer, args.year))
        asker = Asker(kb, AskConfig(mode=args.mode, max_chars=settings.max_question_chars))
        if args.command == "search":
            _print_search(kb, args.query, args.k, args.mode, args.json)
        elif args.command == "ask":
            _print_answer(asker.ask(args.question), args.json)
        else:
            try:
                lines = args.questions.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError) as e:
                print(f"cannot read {args.questions}: {e}", file=sys.stderr)
                return 2
            return 1 if run_batch(asker, lines, sys.stdout) else 0
    except PolicyKBError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except ValueError as e:  # e.g. k <= 0
        print(f"error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
