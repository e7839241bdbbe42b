"""Session state of the chat page and its sidebar: conversation, examples, retrieval settings, downloads."""
from __future__ import annotations

import inspect
from collections.abc import Sequence

import streamlit as st

from core.clause import DocMeta
from kb.answer import Answer
from ui import resources
from ui.documents import Filter, options, title
from ui.export import Exchange, conversation_json, conversation_markdown

MESSAGES = "messages"  # list[tuple[str, Answer]]
PENDING = "pending_question"  # an example question clicked in the sidebar, asked on this run
K, MODE = "ask_k", "ask_mode"  # retrieval settings, kept across pages
FILTERS = {"docs": "filter_docs", "issuers": "filter_issuers", "years": "filter_years"}  # kept across pages
MODE_LABELS = {"hybrid": "混合（BM25 + 向量）", "bm25": "BM25 关键词", "dense": "向量语义"}
EXAMPLES = {
    "政府部门": ("市场主体目标由谁牵头？", "市商务局负责哪些工作？"),
    "企业": ("企业融资有哪些支持？", "首版次软件有什么政策？"),
    "研究人员": ("2020年和2022年亿元以上软件企业分别要超过多少家？",),
}


def messages() -> list[Exchange]:
    return st.session_state.setdefault(MESSAGES, [])


def history() -> list[Answer]:
    return [answer for _, answer in messages()]


def _ask_later(question: str) -> None:
    st.session_state[PENDING] = question


def _clear() -> None:
    st.session_state[MESSAGES] = []


def take_pending() -> str | None:
    return st.session_state.pop(PENDING, None)


def _keep(widget_key: str, state_key: str) -> None:
    st.session_state[state_key] = st.session_state[widget_key]


def retrieval_settings() -> tuple[int, str]:
    """k and mode from widgets whose values outlive a visit to another page."""
    st.session_state.setdefault(K, 8)
    st.session_state.setdefault(MODE, "hybrid")
    st.session_state["_k"], st.session_state["_mode"] = st.session_state[K], st.session_state[MODE]
    with st.sidebar.expander("检索设置（分析用）"):
        st.slider("候选条款数 k", 1, 20, key="_k", on_change=_keep, args=("_k", K))
        st.radio("检索方式", resources.MODES, format_func=MODE_LABELS.get, key="_mode", on_change=_keep,
                 args=("_mode", MODE))
    return st.session_state[K], st.session_state[MODE]


def filters(documents: Sequence[DocMeta]) -> set[str] | None:
    """The documents the chat may answer from, chosen by document, issuer and year; None: all of them."""
    if len(documents) < 2:
        return None
    doc_ids, issuers, years = options(documents)
    names = {m.doc: title(m) for m in documents}
    choices = {"docs": doc_ids, "issuers": issuers, "years": years}
    for facet, key in FILTERS.items():  # drop choices the library no longer has (a document removed)
        st.session_state[key] = [v for v in st.session_state.get(key, []) if v in choices[facet]]
        st.session_state[f"_{key}"] = st.session_state[key]
    bar = st.sidebar
    bar.subheader("按文件筛选")
    bar.multiselect("文件", doc_ids, format_func=names.get, key="_filter_docs", placeholder="全部文件",
                    on_change=_keep, args=("_filter_docs", FILTERS["docs"]))
    bar.multiselect("发布机关", issuers, key="_filter_issuers", placeholder="全部机关",
                    on_change=_keep, args=("_filter_issuers", FILTERS["issuers"]))
    bar.multiselect("年份", years, key="_filter_years", placeholder="全部年份",
                    on_change=_keep, args=("_filter_years", FILTERS["years"]))
    chosen = Filter(*(tuple(st.session_state[FILTERS[f]]) for f in ("docs", "issuers", "years")))
    return chosen.select(documents)


def _takes_docs(method) -> bool:
    try:
        return "docs" in inspect.signature(method).parameters
    except (TypeError, ValueError):
        return False


def ask(question: str, k: int, mode: str, docs: set[str] | None) -> Answer:
    """Ask with the chat's history; scoped to `docs` when the answering call accepts a document scope."""
    asker = resources.asker(k, mode)
    if docs is not None and scopes(asker):
        return asker.ask(question, history=history(), docs=sorted(docs))
    return asker.ask(question, history=history())  # an `ask` without a document scope answers from all


def scopes(asker) -> bool:
    """Whether this Asker's `ask` takes the `docs` keyword (the filter applies) or not (all documents)."""
    return _takes_docs(asker.ask)


def sidebar() -> tuple[int, str]:
    """Example questions that ask themselves, and the retrieval settings; returns (k, mode)."""
    bar = st.sidebar
    bar.subheader("示例问题")
    for who, questions in EXAMPLES.items():
        bar.caption(who)
        for i, q in enumerate(questions):
            bar.button(q, key=f"example-{who}-{i}", on_click=_ask_later, args=(q,), width="stretch")
    return retrieval_settings()


def conversation_actions() -> None:
    """Clear and download; drawn after this run's answer so they include it."""
    bar = st.sidebar
    bar.subheader("对话")
    bar.button("清空对话", on_click=_clear, disabled=not messages(), icon=":material/delete:")
    col_md, col_json = bar.columns(2)
    col_md.download_button("Markdown", conversation_markdown(messages()), "conversation.md", "text/markdown",
                           on_click="ignore", disabled=not messages(), icon=":material/download:")
    col_json.download_button("JSON", conversation_json(messages()), "conversation.json", "application/json",
                             on_click="ignore", disabled=not messages(), icon=":material/download:")
