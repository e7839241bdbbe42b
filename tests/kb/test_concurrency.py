"""One knowledge base shared read-only: 32 threads get exactly the answers one thread gets."""
from __future__ import annotations

import json
import random
from concurrent.futures import ThreadPoolExecutor

import pytest

from core.settings import ROOT


def _comparable(answer) -> str:
    return json.dumps(answer.to_json() | {"latency_ms": None}, ensure_ascii=False, sort_keys=True)


@pytest.mark.slow
def test_32_threads_asking_2000_questions_match_a_single_thread(asker):
    questions = [json.loads(line)["question"] for line in (ROOT / "eval" / "data" / "dev.jsonl").read_text(encoding="utf-8").splitlines()]
    questions += ["那牵头的是谁？", "？？？", "2030年的目标是多少？", "What is the capital of France?"]
    expected = {q: _comparable(asker.ask(q)) for q in questions}
    load = [random.Random(7).choice(questions) for _ in range(2000)]
    with ThreadPoolExecutor(max_workers=32) as pool:
        got = list(pool.map(lambda q: (q, _comparable(asker.ask(q))), load))
    assert len(got) == 2000
    mismatches = [q for q, a in got if a != expected[q]]
    assert mismatches == []
