"""Load on the real server: N headless sessions asking for T seconds; throughput, latency, memory.

    python bench/server_load.py [--sessions 4] [--seconds 120]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eval.metrics import percentile  # noqa: E402
from core.settings import Settings  # noqa: E402
from tests.app.browser import ask, chromium, streamlit_server, wait_for_chat_input  # noqa: E402
from tests.app.load import run_load, server_process  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=120)
    args = parser.parse_args()
    with streamlit_server(Settings.from_env().index_dir) as url:
        with chromium() as driver:
            driver.get(url)
            wait_for_chat_input(driver)
            ask(driver, "市场主体目标由谁牵头？")
        before = server_process(url).memory_info().rss / 2**20
        result = run_load(url, args.sessions, args.seconds)
        after = server_process(url).memory_info().rss / 2**20
    row = {"sessions": args.sessions, "seconds": args.seconds, "answers": result.answers,
           "answers_per_second": round(result.answers / args.seconds, 2),
           "p50_s": round(percentile(result.latencies, 50), 2), "p95_s": round(percentile(result.latencies, 95), 2),
           "server_rss_mb_before": round(before), "server_rss_mb_after": round(after),
           "server_rss_mb_peak": round(max(m for _, m in result.rss_mb)), "errors": result.errors,
           "load_average": os.getloadavg()}
    print(json.dumps(row, ensure_ascii=False))
    (ROOT / "bench" / "results" / "server_load.json").write_text(json.dumps(row, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
