"""The real server under a bounded load keeps answering every session, and its memory stays flat."""
from __future__ import annotations

import pytest

from tests.app.browser import browser_missing, chromium, ask, streamlit_server, wait_for_chat_input
from tests.app.load import run_load, server_process

pytestmark = pytest.mark.slow


def test_three_sessions_for_a_minute(index_dir, tmp_path):
    if (reason := browser_missing()) is not None:
        pytest.skip(reason)
    with streamlit_server(index_dir, tmp_path / "streamlit.log") as url:
        with chromium() as driver:  # warm: the first session loads the index and model
            driver.get(url)
            wait_for_chat_input(driver)
            ask(driver, "市场主体目标由谁牵头？")
        baseline = server_process(url).memory_info().rss / 2**20
        result = run_load(url, sessions=3, seconds=60)
        after = server_process(url).memory_info().rss / 2**20
        with chromium() as driver:  # still answering after the load
            driver.get(url)
            wait_for_chat_input(driver)
            assert "市经信局" in ask(driver, "融资体系建设的责任单位都有哪些？").text
    assert result.errors == []
    assert result.answers >= 3 * 5
    # flat: growth bounded by Streamlit's per-session caches, not by the number of questions asked
    assert after - baseline < 150, (baseline, after, result.rss_mb)
