"""The part of the sidebar every page shares: what is loaded."""
from __future__ import annotations

import streamlit as st

from kb.knowledge import KnowledgeBase
from ui.documents import metas, title
from ui.text import escape


def documents(kb: KnowledgeBase) -> None:
    counts: dict[str, int] = {}
    for clause in kb.clauses:
        counts[clause.doc] = counts.get(clause.doc, 0) + 1
    docs = metas(kb)
    with st.sidebar.expander(f"已加载文件（{len(docs)}）", expanded=False):
        for meta in docs:
            extra = " · ".join(x for x in (meta.doc_number, meta.date) if x)
            st.markdown(f"**{escape(title(meta))}**  \n{escape(extra) + ' · ' if extra else ''}{counts.get(meta.doc, 0)} 个条款")
        st.caption(f"共 {len(kb.clauses)} 个条款、{len({u for c in kb.clauses for u in c.units})} 个责任单位")
