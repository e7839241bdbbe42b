"""`python -m eval [QUESTIONS.jsonl | --library] [--config NAME | --compare NAME NAME …] [--index DIR] [--out DIR]`

Asks every question, prints the summary table (per category and overall; per
document, operation and phrasing when the lines carry them) and writes
report.json, report.md and a per-category chart. A set whose lines name a
`doc` is answered against an index of the documents it names (built once
into .cache/eval-index-<hash> from --corpus folders), each question scoped to
its document; `--library` runs every eval/data/lib-*.jsonl that way. Exit codes: 0 done,
1 knowledge base unusable (missing, corrupt or mismatched index; unreadable
source), 2 bad question file or arguments.
"""
from __future__ import annotations

import argparse
import logging
import sys
import time
from dataclasses import replace
from pathlib import Path

from tqdm import tqdm

from eval.library import DEFAULT_DIRS, library_index, named_documents
from eval.report import default_out_dir, render_text, section_tables, write_report
from eval.runner import CONFIGS, context, load_questions, run
from core.errors import PolicyKBError
from kb.knowledge import KnowledgeBase
from core.settings import ROOT, Settings

DEFAULT_QUESTIONS = ROOT / "eval" / "data" / "dev.jsonl"
LIBRARY_SETS = "lib-*.jsonl"  # the library's gold sets in eval/data/


def parse_args(argv: list[str] | None, settings: Settings) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m eval", description=__doc__.split("\n\n")[1],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("questions", nargs="?", type=Path, default=None,
                        help=f"JSON Lines question set (default: {DEFAULT_QUESTIONS.relative_to(ROOT)})")
    parser.add_argument("--library", action="store_true",
                        help=f"every eval/data/{LIBRARY_SETS} against the library index, with per-document figures")
    parser.add_argument("--corpus", type=Path, nargs="+", default=list(DEFAULT_DIRS), metavar="DIR",
                        help="folders holding the documents a set names (default: corpus/ eval/library/)")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--config", choices=CONFIGS, default="fused", help="one configuration (default: fused)")
    which.add_argument("--compare", nargs="+", choices=CONFIGS, metavar="NAME",
                       help=f"configurations side by side, from: {', '.join(CONFIGS)}")
    parser.add_argument("--index", type=Path, default=settings.index_dir, help="index folder (default: %(default)s)")
    parser.add_argument("--out", type=Path, help="report folder (default: eval/reports/<config or names>/)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    if args.library and args.questions is not None:
        parser.error("give a question file or --library, not both")
    args.explicit_index = args.index != settings.index_dir
    return args


def question_files(args: argparse.Namespace) -> list[Path]:
    if args.library:
        return sorted((ROOT / "eval" / "data").glob(LIBRARY_SETS))
    return [args.questions or DEFAULT_QUESTIONS]


def load_all(paths: list[Path]) -> list[dict]:
    """Items of every file, in order; ids must be unique across them."""
    items: list[dict] = []
    for path in paths:
        items += load_questions(path)
    seen: set[str] = set()
    for item in items:
        if item["id"] in seen:
            raise ValueError(f"id {item['id']!r} appears in more than one of {', '.join(map(str, paths))}")
        seen.add(item["id"])
    return items


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    settings = Settings.from_env()
    args = parse_args(argv, settings)
    names = list(dict.fromkeys(args.compare or [args.config]))
    files = question_files(args)
    try:
        items = load_all(files)
        docs = named_documents(items)
        dirs = [*args.corpus, settings.corpus_dir] if docs else [settings.corpus_dir]
        index = library_index(docs, args.corpus) if docs and not args.explicit_index else args.index
    except (OSError, ValueError) as e:
        print(f"eval: {e}", file=sys.stderr)
        return 2
    if not items:
        print(f"eval: {', '.join(map(str, files)) or 'eval/data/' + LIBRARY_SETS}: no questions", file=sys.stderr)
        return 2
    try:
        kb = KnowledgeBase.load(replace(settings, index_dir=index))
        ctx = context(kb, dirs)
        runs = []
        for name in names:
            with tqdm(total=len(items), desc=name, unit="q", leave=False, file=sys.stderr,
                      disable=args.quiet or not sys.stderr.isatty()) as bar:
                runs.append(run(kb, items, CONFIGS[name], lambda done, _total: bar.update(done - bar.n), dirs))
    except PolicyKBError as e:
        print(f"eval: {e}", file=sys.stderr)
        return 1
    source = "library" if args.library else files[0].stem
    out = args.out or default_out_dir(names if source == "dev" else [source, *names])
    meta = {"questions_file": ", ".join(str(f) for f in files), "index": str(index),
            "generated_at": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
    written = write_report(out, runs, items, ctx, meta)
    print(f"{len(items)} questions from {', '.join(str(f) for f in files)} · index {index}\n")
    for title, table in section_tables(runs):
        print(f"by {title}:\n{render_text(table)}\n")
    print(f"\nreport: {', '.join(str(p) for p in written)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
