"""SIGKILL during a build never costs the previous index: it loads and answers exactly as before."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from kb.ask import Asker
from kb.knowledge import KnowledgeBase
from core.settings import ROOT, Settings
from tests.conftest import PLAN, law

QUESTIONS = ["市场主体目标由谁牵头？", "市商务局负责哪些工作？", "2020年离岸服务外包执行金额要超过多少？", "企业融资有哪些支持？"]
KILL_POINTS = ["start", "parsed", "embedded", "written", "manifest"]


def _answers(index):
    asker = Asker(KnowledgeBase.load(Settings(index_dir=index)))
    return [asker.ask(q).to_json() | {"latency_ms": None} for q in QUESTIONS]


def _ingest(corpus, index, pause_at=None):
    env = dict(os.environ, POLICYKB_PAUSE_AT=pause_at or "")
    return subprocess.Popen([sys.executable, "-m", "ingest", str(corpus), "--index", str(index), "--quiet"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _kill_at(corpus, index, point):
    proc = _ingest(corpus, index, None if point == "start" else point)
    if point == "start":
        time.sleep(0.5)  # interpreter and imports are loading
    else:
        line = proc.stderr.readline()
        assert line.strip() == f"paused at {point}", line
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL


@pytest.mark.slow
def test_killed_builds_leave_the_previous_index_answering_identically(tmp_path):
    index = tmp_path / "index"
    first = _ingest(PLAN, index)
    assert first.wait(timeout=300) == 0, first.stderr.read()
    manifest = (index / "manifest.json").read_text(encoding="utf-8")
    before = _answers(index)
    bigger = tmp_path / "bigger"
    bigger.mkdir()
    shutil.copy(PLAN, bigger)
    shutil.copy(law("国徽法"), bigger)
    for point in KILL_POINTS:
        _kill_at(bigger, index, point)
        assert (index / "manifest.json").read_text(encoding="utf-8") == manifest, point
        assert _answers(index) == before, point
    leftovers = [p for p in tmp_path.iterdir() if ".build-" in p.name and p.resolve() != index.resolve()]
    assert leftovers  # killed builds leave their folders…
    done = _ingest(bigger, index)
    assert done.wait(timeout=300) == 0
    assert not [p for p in tmp_path.iterdir() if ".build-" in p.name and p.resolve() != index.resolve()]  # …the next build sweeps them
    assert len(KnowledgeBase.load(Settings(index_dir=index)).clauses) > 51
