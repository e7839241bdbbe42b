"""`python -m eval [QUESTIONS.jsonl] [--config NAME | --compare NAME NAME …] [--index DIR] [--out DIR]`

Asks every question, prints the summary table (per category and overall) and
writes report.json, report.md and a per-category chart. Exit codes: 0 done,
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

from eval.report import default_out_dir, render_text, summary_table, write_report
from eval.runner import CONFIGS, context, load_questions, run
from core.errors import PolicyKBError
from kb.knowledge import KnowledgeBase
from core.settings import ROOT, Settings

DEFAULT_QUESTIONS = ROOT / "eval" / "data" / "dev.jsonl"


def parse_args(argv: list[str] | None, settings: Settings) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m eval", description=__doc__.split("\n\n")[1],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("questions", nargs="?", type=Path, default=DEFAULT_QUESTIONS,
                        help=f"JSON Lines question set (default: {DEFAULT_QUESTIONS.relative_to(ROOT)})")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--config", choices=CONFIGS, default="fused", help="one configuration (default: fused)")
    which.add_argument("--compare", nargs="+", choices=CONFIGS, metavar="NAME",
                       help=f"configurations side by side, from: {', '.join(CONFIGS)}")
    parser.add_argument("--index", type=Path, default=settings.index_dir, help="index folder (default: %(default)s)")
    parser.add_argument("--out", type=Path, help="report folder (default: eval/reports/<config or names>/)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    settings = Settings.from_env()
    args = parse_args(argv, settings)
    names = list(dict.fromkeys(args.compare or [args.config]))
    try:
        items = load_questions(args.questions)
    except (OSError, ValueError) as e:
        print(f"eval: {e}", file=sys.stderr)
        return 2
    if not items:
        print(f"eval: {args.questions}: no questions", file=sys.stderr)
        return 2
    try:
        kb = KnowledgeBase.load(replace(settings, index_dir=args.index))
        ctx = context(kb, settings.corpus_dir)
        runs = []
        for name in names:
            with tqdm(total=len(items), desc=name, unit="q", leave=False, file=sys.stderr,
                      disable=args.quiet or not sys.stderr.isatty()) as bar:
                runs.append(run(kb, items, CONFIGS[name], lambda done, _total: bar.update(done - bar.n)))
    except PolicyKBError as e:
        print(f"eval: {e}", file=sys.stderr)
        return 1
    out = args.out or default_out_dir(names)
    meta = {"questions_file": str(args.questions), "index": str(args.index),
            "generated_at": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
    written = write_report(out, runs, items, ctx, meta)
    print(f"{len(items)} questions from {args.questions} · index {args.index}\n")
    print(render_text(summary_table(runs)))
    print(f"\nreport: {', '.join(str(p) for p in written)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
