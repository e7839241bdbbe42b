"""Shared read-only resources, loaded once per process: the knowledge base and one Asker per (k, mode).

The settings are read from the environment on every call (cheap), and the
cached loaders are keyed by them, so POLICYKB_INDEX set before a run takes
effect. A missing index is built here with visible progress, never inside a
button handler; a corrupt or mismatched one stops the page with the command
that repairs it.
"""
from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import NoReturn

import streamlit as st

from ingest.build import build_index
from kb.ask import AskConfig, Asker
from core.errors import IndexCorruptError, IndexMismatchError, IndexMissingError, PolicyKBError
from kb.knowledge import KnowledgeBase
from core.settings import Settings
from ui.text import escape

log = logging.getLogger(__name__)
MODES = ("hybrid", "bm25", "dense")
STAGES = {"read": "读取并解析文件", "embed": "计算向量"}  # build_index progress stages, as shown to the user


def settings() -> Settings:
    return Settings.from_env()


@st.cache_resource(show_spinner="正在加载知识库…")
def _load(settings: Settings) -> KnowledgeBase:
    return KnowledgeBase.load(settings)


@st.cache_resource(show_spinner=False)
def _build_lock() -> threading.Lock:
    """One build at a time per process; a second session waits, then loads what the first built."""
    return threading.Lock()


@st.cache_resource(show_spinner=False)
def _asker(settings: Settings, k: int, mode: str) -> Asker:
    config = AskConfig(mode=mode, k=k, max_chars=settings.max_question_chars)
    return Asker(_load(settings), config)


def build_lock() -> threading.Lock:
    """The process-wide lock every index build takes (first build, library changes)."""
    return _build_lock()


def reload() -> None:
    """Forget the loaded knowledge base and askers: every session's next run loads the index as now published."""
    _asker.clear()
    _load.clear()


def stage_text(stage: str, done: int, total: int) -> str:
    return f"{STAGES.get(stage, stage)}：{done}/{total}"


def _is_empty_dir(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink() and not any(path.iterdir())


def _ingest_command(s: Settings) -> str:
    default = Settings()
    extra = "" if s.index_dir == default.index_dir else f" --index {s.index_dir}"
    return f"python -m ingest{extra}"


def _fail(error: PolicyKBError, s: Settings) -> NoReturn:
    message = f"知识库无法使用：{escape(str(error))}"
    if isinstance(error, (IndexCorruptError, IndexMismatchError, IndexMissingError)):
        message += f"\n\n请在项目目录运行 `{_ingest_command(s)}` 重建索引，然后刷新页面。"
    st.error(message)
    st.stop()


def _missing(error: PolicyKBError, s: Settings) -> bool:
    """No index yet: nothing at the path, or an empty folder (not a damaged index)."""
    return isinstance(error, IndexMissingError) or (isinstance(error, IndexCorruptError) and _is_empty_dir(s.index_dir))


def _build(s: Settings) -> None:
    """Build the index with a status box and a progress bar fed by build_index."""
    with st.status("首次启动：正在建立索引（约十几秒）…", expanded=True) as status:
        bar = st.progress(0.0, text="解析文档")

        def progress(stage: str, done: int, total: int) -> None:
            bar.progress(min(done / total, 1.0) if total else 1.0, text=stage_text(stage, done, total))

        report = build_index(s.corpus_dir, s.index_dir, s.embedder, s.dense, progress)
        status.update(label=f"索引已建立：{report.clauses} 个条款，用时 {report.seconds:.1f} 秒",
                      state="complete", expanded=False)


def _load_or_build(s: Settings) -> KnowledgeBase:
    """Build under a process-wide lock; a session that waited loads what the other one built."""
    lock = _build_lock()
    if not lock.acquire(blocking=False):
        with st.spinner("另一个会话正在建立索引，请稍候…"):
            lock.acquire()
    try:
        try:
            return _load(s)
        except PolicyKBError as e:
            if not _missing(e, s):
                raise
        log.info("no index at %s: building it", s.index_dir)
        _build(s)
        return _load(s)
    finally:
        lock.release()


def knowledge_base() -> KnowledgeBase:
    """The loaded knowledge base; builds a missing index, stops the page on an unusable one."""
    s = settings()
    try:
        return _load(s)
    except PolicyKBError as e:
        if not _missing(e, s):
            _fail(e, s)
    try:
        return _load_or_build(s)
    except PolicyKBError as e:
        _fail(e, s)


def asker(k: int = 8, mode: str = "hybrid") -> Asker:
    """The cached Asker for these retrieval settings (thread-safe for concurrent reads)."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    knowledge_base()  # loads, builds or stops first
    return _asker(settings(), k, mode)
