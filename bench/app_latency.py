"""App latency in a real browser: cold start to first answer, and warm question-to-answer.

    python bench/app_latency.py [--index DIR] [--rounds N] [--json OUT]

Same setup as tests/app/test_browser.py: `streamlit run app.py` on a free
loopback port, Debian's headless Chromium through Selenium. The browser is
started first, so the cold figure is server process start -> answer visible
(Python and Streamlit start-up, health check, page load, knowledge-base load,
first question). Warm figures are Enter -> answer with its citation card
rendered, in the same tab (typing is not counted). The load average is
recorded beside them: on a shared 2-core machine it moves every figure. The
index must exist (`python -m ingest`): a build is not what this measures.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kb.index import load_index  # noqa: E402
from core.settings import ROOT, Settings  # noqa: E402
from tests.app.browser import ask, browser_missing, chromium, streamlit_server, wait_for_chat_input  # noqa: E402

FIRST = "市场主体目标由谁牵头？"
WARM = ("市商务局负责哪些工作？", "企业融资有哪些支持？", "首版次软件有什么政策？",
        "2020年和2022年亿元以上软件企业分别要超过多少家？", "融资体系建设的责任单位都有哪些？", "那牵头的是谁？")


def measure(driver, index_dir: Path, rounds: int) -> tuple[dict[str, float], list[float]]:
    """Seconds from server start to health, to the chat input, to the first answer; then warm round times."""
    started = time.perf_counter()
    with streamlit_server(index_dir) as url:
        healthy = time.perf_counter()
        driver.get(url)
        wait_for_chat_input(driver)
        ready = time.perf_counter()
        first = ask(driver, FIRST)
        answered = time.perf_counter()
        cold = {"server_healthy_s": healthy - started, "chat_ready_s": ready - started,
                "first_answer_s": answered - started, "first_enter_to_answer_s": first.seconds}
        warm = [ask(driver, question).seconds for question in WARM * rounds]
    return cold, warm


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=Settings.from_env().index_dir)
    parser.add_argument("--rounds", type=int, default=2, help="times the warm questions are asked")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "app_latency.json")
    args = parser.parse_args()
    if (reason := browser_missing()) is not None:
        print(reason, file=sys.stderr)
        return 2
    load_index(args.index)  # fails clearly if there is no usable index
    with chromium() as driver:
        cold, warm = measure(driver, args.index, args.rounds)
    ms = sorted(1000 * s for s in warm)
    result = {
        **{k: round(v, 2) for k, v in cold.items()},
        "warm_questions": len(ms),
        "warm_median_ms": round(statistics.median(ms)),
        "warm_p95_ms": round(ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]),
        "warm_max_ms": round(ms[-1]),
        "load_average_1min": round(os.getloadavg()[0], 2),
    }
    for key, value in result.items():
        print(f"{key:28} {value}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
