"""Retrieval figures on a question set: hit@k and MRR per ranker, and warm search latency.

    python bench/retrieval.py [QUESTIONS.jsonl] [--index DIR] [--json OUT]

A hit is a top-k clause that contains one of the item's evidence quotes.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.metrics import hit_at_k, mrr, percentile, retrieval_ranks  # noqa: E402
from kb.knowledge import KnowledgeBase  # noqa: E402
from core.settings import ROOT, Settings  # noqa: E402


def rank_all(kb: KnowledgeBase, items: list[dict], mode: str) -> tuple[list[int | None], list[float]]:
    clause_text = {c.id: c.text for c in kb.clauses}
    ranks, latencies = [], []
    for item in items:
        started = time.perf_counter()
        hits = kb.search(item["question"], k=10, mode=mode)
        latencies.append((time.perf_counter() - started) * 1000)
        ranks.append(retrieval_ranks({"retrieved": [h.clause.id for h in hits]}, item, clause_text))
    return ranks, latencies


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("questions", nargs="?", type=Path, default=ROOT / "eval" / "data" / "dev.jsonl")
    parser.add_argument("--index", type=Path, default=Settings.from_env().index_dir)
    parser.add_argument("--embedder", default=Settings.from_env().embedder, help="must match the index")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "retrieval.json")
    args = parser.parse_args()
    kb = KnowledgeBase.load(Settings(index_dir=args.index, embedder=args.embedder))
    items = [json.loads(line) for line in args.questions.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = [i for i in items if i.get("evidence")]
    kb.search("预热", k=5)  # first call pays one-off allocation costs
    results = {}
    for mode in ("bm25", "dense", "hybrid"):
        ranks, lat = rank_all(kb, items, mode)
        results[mode] = {"hit@1": hit_at_k(ranks, 1), "hit@3": hit_at_k(ranks, 3), "hit@5": hit_at_k(ranks, 5),
                         "mrr": mrr(ranks), "p50_ms": percentile(lat, 50), "p95_ms": percentile(lat, 95),
                         "misses@1": [i["id"] for i, r in zip(items, ranks) if r != 1]}
    print(f"{len(items)} answerable questions from {args.questions.name}\n")
    print("| ranker | hit@1 | hit@3 | hit@5 | MRR | p50 ms | p95 ms |\n|---|---|---|---|---|---|---|")
    for mode, r in results.items():
        print(f"| {mode} | {r['hit@1']:.3f} | {r['hit@3']:.3f} | {r['hit@5']:.3f} | {r['mrr']:.3f} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} |")
    print("\nmisses@1 (hybrid):", " ".join(results["hybrid"]["misses@1"]))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
