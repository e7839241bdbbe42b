"""Helpers for driving the app under AppTest."""
from __future__ import annotations

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"
TIMEOUT = 60
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def unescape(markdown: str) -> str:
    """Markdown escaped by ui.text.escape back to the plain text it shows."""
    return _ESCAPED.sub(r"\1", markdown)


def shown(at: AppTest) -> str:
    """All Markdown-bearing text on the page (markdown, captions, alerts), unescaped, one element a line."""
    bodies = [e.value for kind in ("markdown", "caption", "info", "warning", "error", "success")
              for e in getattr(at, kind)]
    return "\n".join(unescape(str(b)) for b in bodies)


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert not at.exception, at.exception
    return at
