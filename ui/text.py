"""Safe Markdown for user and document text: escaped, never raw HTML (pure functions)."""
from __future__ import annotations

import re
from collections.abc import Iterable

# Every ASCII punctuation character that Markdown, GFM or Streamlit's directives
# (:color[...], $math$, :emoji:) give a meaning; CommonMark lets any of them be backslash-escaped.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:&=])")


def escape(text: str) -> str:
    """`text` as Markdown that renders literally; line breaks are kept as hard breaks."""
    escaped = _SPECIAL.sub(r"\\\1", text)
    return "  \n".join(escaped.splitlines())


def _spans(text: str, quotes: Iterable[str]) -> list[tuple[int, int]]:
    """Where the first occurrence of each quote lies in `text`, overlapping spans merged, in order."""
    spans = sorted((i, i + len(q)) for q in quotes if q and (i := text.find(q)) >= 0)
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, quotes: str | Iterable[str]) -> str:
    """`text` escaped, with each quoted span bold on an orange background."""
    quotes = [quotes] if isinstance(quotes, str) else quotes
    out, position = [], 0
    for start, end in _spans(text, quotes):
        out += [escape(text[position:start]), f":orange-background[**{escape(text[start:end])}**]"]
        position = end
    out.append(escape(text[position:]))
    return "".join(out)


def badges(units: tuple[str, ...] | list[str], lead: str | None = None) -> str:
    """Unit labels as Streamlit badge directives; the lead unit orange and marked 牵头."""
    labels = [f":orange-badge[{escape(u)}（牵头）]" if u == lead else f":blue-badge[{escape(u)}]" for u in units]
    return " ".join(labels)


def role_badges(leads: tuple[str, ...] | list[str], partners: tuple[str, ...] | list[str]) -> str:
    """Lead units orange and marked 牵头, co-operating units blue and marked 配合."""
    labels = [f":orange-badge[{escape(u)}（牵头）]" for u in leads] + [f":blue-badge[{escape(u)}（配合）]" for u in partners]
    return " ".join(labels)
