"""Brackets in Chinese official text, full- and half-width: where the outermost bracketed phrases sit. Pure.

Both the annotation parser (ingest) and the answer writer (kb, which quotes around an item's tags) need it.
"""
from __future__ import annotations

OPEN, CLOSE = "（(［[【〔〈", "）)］]】〕〉"


def outer_spans(text: str) -> list[tuple[int, int]]:
    """Spans of outermost bracketed phrases (nesting respected, so 属地人民政府(管委会) stays inside its tag;
    unclosed ones skipped)."""
    spans: list[tuple[int, int]] = []
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch in OPEN:
            stack.append(i)
        elif ch in CLOSE and stack:
            start = stack.pop()
            if not stack:
                spans.append((start, i + 1))
    return spans
