"""A bounded load on the real server: several headless sessions asking in a loop, memory sampled.

Shared by tests/app/test_server_load.py and bench/server_load.py. Traffic goes to 127.0.0.1 only.
"""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from tests.app.browser import ROOT, ask, chromium, wait_for_chat_input

QUESTIONS = [json.loads(line)["question"] for line in
             (ROOT / "eval" / "data" / "dev.jsonl").read_text(encoding="utf-8").splitlines()]


@dataclass
class LoadResult:
    sessions: int
    seconds: float
    answers: int = 0
    errors: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    rss_mb: list[tuple[float, float]] = field(default_factory=list)  # (elapsed s, server RSS MB)


def server_process(url: str) -> psutil.Process:
    port = url.rsplit(":", 1)[1]
    for proc in psutil.process_iter(["cmdline"]):
        cmd = proc.info["cmdline"] or []
        if "streamlit" in " ".join(cmd) and port in cmd:
            return proc
    raise LookupError(f"no streamlit process for {url}")


def _session(url: str, until: float, offset: int, result: LoadResult, lock: threading.Lock) -> None:
    n = offset
    try:
        with chromium() as driver:
            while time.monotonic() < until:
                driver.get(url)  # a fresh session every few questions: old sessions must be let go
                wait_for_chat_input(driver)
                for _ in range(5):
                    if time.monotonic() >= until:
                        break
                    answered = ask(driver, QUESTIONS[n % len(QUESTIONS)])
                    n += 1
                    with lock:
                        result.answers += 1
                        result.latencies.append(answered.seconds)
    except Exception as e:  # a failed session is a finding to report, not a crash of the harness
        with lock:
            result.errors.append(f"session {offset}: {type(e).__name__}: {e}")


def run_load(url: str, sessions: int, seconds: float) -> LoadResult:
    server = server_process(url)
    result = LoadResult(sessions, seconds)
    lock = threading.Lock()
    started = time.monotonic()
    until = started + seconds
    threads = [threading.Thread(target=_session, args=(url, until, i * 7, result, lock)) for i in range(sessions)]
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        result.rss_mb.append((round(time.monotonic() - started, 1), server.memory_info().rss / 2**20))
        time.sleep(1.0)
    for t in threads:
        t.join()
    result.rss_mb.append((round(time.monotonic() - started, 1), server.memory_info().rss / 2**20))
    return result
