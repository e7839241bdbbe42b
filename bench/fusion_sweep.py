"""Fusion settings measured, not assumed: hit@k and MRR over dense weight, RRF k and structure weight.

    python bench/fusion_sweep.py [QUESTIONS.jsonl ...]
"""
from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eval.metrics import hit_at_k, mrr, retrieval_ranks  # noqa: E402
from kb.knowledge import KnowledgeBase  # noqa: E402
from kb.search import SearchConfig, Searcher  # noqa: E402


def main() -> int:
    files = [Path(p) for p in sys.argv[1:]] or [ROOT / "eval/data/dev.jsonl", ROOT / "eval/data/english.jsonl"]
    items = [json.loads(line) for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = [i for i in items if i.get("evidence")]
    kb = KnowledgeBase.load()
    texts = {c.id: c.text for c in kb.clauses}
    vectors = {i["id"]: kb.searcher.embed(i["question"]) for i in items}
    rows = []
    for dense_w, rrf_k, structure_w in itertools.product([0.5, 0.7, 1.0, 1.3], [10, 30, 60], [0.0, 0.01, 0.02]):
        config = SearchConfig(rrf_k=rrf_k, weights={"bm25": 1.0, "dense": dense_w}, structure_weight=structure_w)
        searcher = Searcher(kb.index, kb.embedder, kb.segmenter, kb.units, config)
        ranks = [retrieval_ranks({"retrieved": [h.clause.id for h in searcher.search(i["question"], k=10, vector=vectors[i["id"]])]},
                                 i, texts) for i in items]
        rows.append({"dense_weight": dense_w, "rrf_k": rrf_k, "structure_weight": structure_w,
                     "hit@1": hit_at_k(ranks, 1), "hit@3": hit_at_k(ranks, 3), "hit@5": hit_at_k(ranks, 5), "mrr": mrr(ranks)})
    print(f"{len(items)} questions\n\n| dense w | RRF k | structure w | hit@1 | hit@3 | hit@5 | MRR |\n|---|---|---|---|---|---|---|")
    for r in sorted(rows, key=lambda r: (-r["hit@1"], -r["mrr"])):
        print(f"| {r['dense_weight']} | {r['rrf_k']} | {r['structure_weight']} | {r['hit@1']:.3f} | {r['hit@3']:.3f} | {r['hit@5']:.3f} | {r['mrr']:.3f} |")
    (ROOT / "bench" / "results" / "fusion_sweep.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
