"""条款浏览: the plan as a tree of clauses, with a substring filter and the retriever's hits."""
import streamlit as st

from core.clause import Clause
from ui import resources
from ui.documents import metas, title
from ui.text import escape, highlight, role_badges

kb = resources.knowledge_base()


def show_clause(clause: Clause, query: str = "") -> None:
    st.markdown(f"**{escape(clause.section_label)}**")
    st.markdown(highlight(clause.text, query) if query else escape(clause.text))
    if clause.units:
        inherited = f"（沿用 {escape(kb.by_id[clause.tag_scope].section_label)} 的标注）" if clause.tag_scope in kb.by_id else ""
        st.markdown("责任单位：" + role_badges(clause.lead_units, clause.partner_units) + inherited)


st.title("条款浏览")
query = st.text_input("搜索条款", placeholder="输入原文中的词语，例如：首版次、人才、一带一路").strip()

if query:
    folded = query.casefold()
    found = [c for c in kb.clauses if folded in c.text.casefold() or folded in c.section_label.casefold()]
    st.subheader(f"原文包含“{escape(query)}”的条款：{len(found)} 条")
    for clause in found:
        with st.container(border=True):
            show_clause(clause, query if query in clause.text else "")
    st.subheader("检索结果（前 10 条）")
    for rank, hit in enumerate(kb.search(query, k=10), start=1):
        where = f"《{escape(hit.clause.title)}》 · " if len(kb.documents) > 1 else ""
        with st.expander(f"{rank} · {where}{escape(hit.clause.section_label)}（得分 {hit.score:.3f}）"):
            show_clause(hit.clause)
else:
    for document in metas(kb):
        st.header(escape(title(document)))
        clauses = [c for c in kb.clauses if c.doc == document.doc]
        for chapter in dict.fromkeys(c.section[0] for c in clauses):
            members = [c for c in clauses if c.section[0] == chapter]
            with st.expander(f"{escape(chapter)}（{len(members)} 条）"):
                for clause in members:
                    show_clause(clause)
                    st.divider()
