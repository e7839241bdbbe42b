"""How one answer is shown: the direct answer first, then a card per cited clause (quote shown, clause folded)."""
from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from core.clause import Clause
from kb.answer import Answer, Citation
from ui.text import badges, escape, highlight, role_badges

RELATED_LABEL = "相关条款（仅供参考）"
RELATED_NOTE = "仅供参考：这一条款与问题相关，但并不回答它。"
SHORT_REST = 300  # characters of the answer after its first line shown open; longer goes into an expander
# Answers that are not an operation of kb/frame.py; any other unknown intent is shown without a label.
OTHER_LABELS = {"rephrase": "请换个问法", "not_found": "文件未提及", "lookup": "查找原文", "outline": "结构"}


def intent_label(intent: str) -> str | None:
    """What kind of question this was, in the user's words; None rather than a code name."""
    try:
        from kb.frame import OP_LABELS, Op

        return OP_LABELS[Op(intent)]
    except (ImportError, ValueError, KeyError):
        return OTHER_LABELS.get(intent)


def split_answer(text: str) -> tuple[str, str]:
    """(the direct answer: the first line, the rest)."""
    first, _, rest = text.strip().partition("\n")
    return first.strip(), rest.strip()


def source_of(citation: Citation) -> str:
    """`《title》（文号，date，page）` of the cited document, however much of it is known."""
    source = getattr(citation, "source", None)
    if isinstance(source, str) and source:
        return source
    clause = citation.clause
    return f"《{clause.title or clause.doc}》"


def _ordered(text: str, quotes: Sequence[str]) -> list[str]:
    """Distinct quotes in the order they appear in the clause."""
    unique = list(dict.fromkeys(q for q in quotes if q))
    return sorted(unique, key=lambda q: (text.find(q) if q in text else len(text)))


def citation_card(citations: Sequence[Citation], related: bool = False) -> None:
    """One cited clause: its document and section, the quoted words highlighted, the whole clause folded."""
    clause: Clause = citations[0].clause
    quotes = _ordered(clause.text, [c.quote for c in citations])
    with st.container(border=True):
        st.markdown(f"**{escape(source_of(citations[0]))}**")
        st.caption(escape(clause.section_label))
        if related:
            st.caption(RELATED_NOTE)
        for quote in quotes:
            st.markdown(highlight(quote, quote))
        with st.expander("查看完整条款"):
            st.markdown(highlight(clause.text, quotes))
            if clause.units:
                st.markdown(role_badges(clause.lead_units, clause.partner_units))
            if clause.generic_units:
                st.caption("另有：" + escape("、".join(clause.generic_units)))


def citation_cards(citations: Sequence[Citation], related: bool = False) -> None:
    """One card per cited clause, in the order first cited, with all its quotes."""
    by_clause: dict[str, list[Citation]] = {}
    for citation in citations:
        by_clause.setdefault(citation.clause.id, []).append(citation)
    for group in by_clause.values():
        citation_card(group, related)


def show_answer(answer: Answer) -> None:
    if answer.notice:
        st.info(escape(answer.notice))
    first, rest = split_answer(answer.text)
    if answer.answerable:
        st.markdown(f"**{escape(first)}**")
        if answer.units:
            st.markdown(badges(answer.units, answer.lead_unit))
    else:
        st.warning(escape(first))
    if rest:
        if answer.answerable and len(rest) <= SHORT_REST:
            st.markdown(escape(rest))
        else:
            with st.expander("完整回答" if answer.answerable else "说明"):
                st.markdown(escape(rest))
    label = intent_label(answer.intent)
    st.caption((f"{label} · " if label else "") + f"用时 {answer.latency_ms:.0f} 毫秒")
    if answer.citations:
        st.markdown("**出处**")
        citation_cards(answer.citations)
    if answer.related:
        st.markdown(f"**{RELATED_LABEL}**")
        citation_cards(answer.related, related=True)
