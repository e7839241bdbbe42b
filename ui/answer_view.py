"""How one answer is shown: its text, then a card for every cited clause."""
from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from kb.answer import Answer, Citation
from core.clause import Clause
from ui.text import badges, escape, highlight

RELATED_LABEL = "相关条款（仅供参考）"
INTENTS = {"lead": "牵头单位", "lead_check": "是否牵头", "responsibility": "责任单位", "reverse": "单位职责",
           "shared_tasks": "共同任务", "shared_units": "共同单位", "target": "目标数字", "compare": "比较",
           "support": "支持政策", "content": "内容", "outline": "列举", "lookup": "查找原文",
           "rephrase": "请重述", "not_found": "未找到"}


def citation_card(clause: Clause, quotes: Sequence[str]) -> None:
    """Document title, section path, the whole clause with the quoted spans highlighted, its units."""
    with st.container(border=True):
        st.markdown(f"**{escape(clause.title)}**  \n{escape(clause.section_label)}")
        st.markdown(highlight(clause.text, quotes))
        if clause.units:
            st.markdown("责任单位：" + badges(clause.units, clause.lead_unit))
        if clause.generic_units:
            st.caption("另有：" + escape("、".join(clause.generic_units)))


def citation_cards(citations: Sequence[Citation]) -> None:
    """One card per cited clause, in the order first cited, with all its quotes highlighted."""
    by_clause: dict[str, list[Citation]] = {}
    for citation in citations:
        by_clause.setdefault(citation.clause.id, []).append(citation)
    for group in by_clause.values():
        citation_card(group[0].clause, [c.quote for c in group])


def show_answer(answer: Answer) -> None:
    if answer.notice:
        st.info(escape(answer.notice))
    if answer.answerable:
        st.markdown(escape(answer.text))
    else:
        st.warning(escape(answer.text))
    if answer.units and answer.answerable:
        st.markdown(badges(answer.units, answer.lead_unit))
    label = INTENTS.get(answer.intent, answer.intent)
    st.caption(f"意图：{escape(label)}（{escape(answer.intent)}） · 用时 {answer.latency_ms:.0f} 毫秒")
    citation_cards(answer.citations)
    if answer.related:
        st.markdown(f"**{RELATED_LABEL}**")
        citation_cards(answer.related)
