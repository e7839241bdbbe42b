"""The part of the sidebar every page shares: what is loaded."""
from __future__ import annotations

import streamlit as st

from kb.knowledge import KnowledgeBase
from ui.text import escape


def documents(kb: KnowledgeBase) -> None:
    with st.sidebar.expander(f"已加载文件（{len(kb.documents)}）", expanded=False):
        for doc in kb.documents:
            st.markdown(f"**{escape(str(doc.get('title') or doc['doc']))}**  \n{int(doc.get('clauses', 0))} 个条款")
        st.caption(f"共 {len(kb.clauses)} 个条款、{len(kb.units)} 个责任单位")
