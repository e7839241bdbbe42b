"""Escaping and highlighting of user and document text for st.markdown."""
from __future__ import annotations

import re

from ui.text import badges, escape, highlight


def _plain(markdown: str) -> str:
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


def test_html_markdown_and_streamlit_directives_are_escaped() -> None:
    raw = "<script>alert(1)</script> **bold** [x](http://a) :red[hi] $x$ # h"
    escaped = escape(raw)
    assert escaped == (r"\<script\>alert\(1\)\</script\> \*\*bold\*\* \[x\]\(http\://a\) \:red\[hi\] \$x\$ \# h")
    assert _plain(escaped) == raw


def test_chinese_text_is_unchanged_and_line_breaks_are_kept() -> None:
    assert escape("市经信局牵头（责任单位名单首位即牵头单位）。\n第二行") == "市经信局牵头（责任单位名单首位即牵头单位）。  \n第二行"


def test_highlight_marks_each_quote_once_and_escapes_the_rest() -> None:
    text = "年均新增市场主体数量不少于1.8万个。［责任单位：市经信局］"
    assert highlight(text, "不少于1.8万个。") == "年均新增市场主体数量:orange-background[**不少于1\\.8万个。**]［责任单位：市经信局］"
    assert highlight(text, ["年均", "新增", "zz"]) == ":orange-background[**年均新增**]" + escape(text[4:])


def test_highlight_without_a_match_is_plain_escaped_text() -> None:
    assert highlight("a*b", "c") == "a\\*b"


def test_badges_mark_the_lead() -> None:
    assert badges(("市商务局", "市经信局"), "市商务局") == ":orange-badge[市商务局（牵头）] :blue-badge[市经信局]"
