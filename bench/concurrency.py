"""Throughput and latency with many sessions sharing one knowledge base.

    python bench/concurrency.py [--threads 32] [--questions 2000]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eval.metrics import percentile  # noqa: E402
from kb.ask import Asker  # noqa: E402
from kb.knowledge import KnowledgeBase  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=32)
    parser.add_argument("--questions", type=int, default=2000)
    args = parser.parse_args()
    asker = Asker(KnowledgeBase.load())
    pool_q = [json.loads(line)["question"] for line in (ROOT / "eval" / "data" / "dev.jsonl").read_text(encoding="utf-8").splitlines()]
    load = [random.Random(7).choice(pool_q) for _ in range(args.questions)]
    single = {q: asker.ask(q).text for q in pool_q}

    def timed(q: str) -> tuple[float, bool]:
        started = time.perf_counter()
        text = asker.ask(q).text
        return (time.perf_counter() - started) * 1000, text == single[q]

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.threads) as pool:
        results = list(pool.map(timed, load))
    wall = time.perf_counter() - started
    lat = [r[0] for r in results]
    row = {"threads": args.threads, "questions": len(load), "seconds": round(wall, 2),
           "questions_per_second": round(len(load) / wall, 1), "p50_ms": round(percentile(lat, 50), 1),
           "p95_ms": round(percentile(lat, 95), 1), "mismatches": sum(1 for r in results if not r[1])}
    print(json.dumps(row))
    out = ROOT / "bench" / "results" / "concurrency.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(row, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
