"""The app under AppTest, pointed at the session's real index through POLICYKB_INDEX."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.support import APP, TIMEOUT


@pytest.fixture
def use_index(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """Point the app at an index folder; the app reads Settings.from_env on every run, inside its loader."""
    def point(path: Path) -> None:
        monkeypatch.setenv("POLICYKB_INDEX", str(path))
    return point


@pytest.fixture
def app(index_dir: Path, use_index: Callable[[Path], None]) -> AppTest:
    """A fresh session of the app on the session's index, first run done."""
    use_index(index_dir)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception, at.exception
    return at
