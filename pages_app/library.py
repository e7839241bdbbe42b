"""文件库: the documents the chat answers from — upload, inspect, replace, remove; each change rebuilds the index."""
import pandas as pd
import streamlit as st

from ui import resources
from ui.documents import metas, title
from ui.library import ACCEPTED, ChangeError, Library, Plan, UploadError, apply, plan_remove, plan_replace, \
    plan_uploads, warnings_of
from ui.matrix_view import text_width
from ui.text import escape

FLASH = "library_flash"  # (kind, message) of the last change, shown once after the rerun
ROUND = "library_round"  # bumped after each change so the uploaders start empty

kb = resources.knowledge_base()
settings = resources.settings()
documents = metas(kb)
records = {str(r.get("doc")): r for r in kb.documents}
manifest = kb.index.manifest
library = Library.scan(settings.corpus_dir)
round_ = st.session_state.setdefault(ROUND, 0)


def file_of(doc: str) -> str | None:
    """The document's file in the corpus folder, as the library names it."""
    meta = next((m for m in documents if m.doc == doc), None)
    for candidate in (meta.path if meta else "", str(records.get(doc, {}).get("path", ""))):
        if candidate in library.files:
            return candidate
        name = candidate.rsplit("/", 1)[-1]
        if name in library.files:
            return name
    return None


def run(plan: Plan) -> None:
    """Apply a change with a progress bar; on success reload the knowledge base everywhere and start over."""
    with st.status(f"正在更新文件库：{escape(plan.label)}", expanded=True) as box:
        bar = st.progress(0.0, text="等待开始…")

        def progress(stage: str, done: int, total: int) -> None:
            bar.progress(min(done / total, 1.0) if total else 1.0, text=resources.stage_text(stage, done, total))

        lock = resources.build_lock()
        if not lock.acquire(blocking=False):
            with st.spinner("另一个会话正在更新索引，请稍候…"):
                lock.acquire()
        try:
            report = apply(plan, settings, progress)
        except ChangeError as e:
            box.update(label="未做任何更改", state="error", expanded=True)
            st.error(escape(str(e)))
            return
        finally:
            lock.release()
        box.update(label="文件库已更新", state="complete", expanded=False)
    resources.reload()
    st.session_state[FLASH] = ("success", f"{plan.label}：完成，用时 {report.seconds:.1f} 秒（重新解析 {report.reparsed} 个文件，"
                                          f"新计算 {report.embedded} 个句子的向量）。问答已使用新的索引。")
    st.session_state[ROUND] = round_ + 1
    st.rerun()


st.title("文件库")
st.caption(f"问答只依据这里的文件：{len(documents)} 个文件，共 {len(kb.clauses)} 个条款。"
           "每次上传、替换或删除后自动重建索引，无需重启。")
if FLASH in st.session_state:
    kind, message = st.session_state.pop(FLASH)
    getattr(st, kind)(escape(message))

# --- the documents ------------------------------------------------------------------------------
counts: dict[str, int] = {}
tagged: dict[str, int] = {}
for clause in kb.clauses:
    counts[clause.doc] = counts.get(clause.doc, 0) + 1
    tagged[clause.doc] = tagged.get(clause.doc, 0) + bool(clause.units and not clause.tag_scope)
notes = {m.doc: warnings_of(m.doc, str(records.get(m.doc, {}).get("path", "")), manifest) for m in documents}
table = pd.DataFrame([{"标题": title(m), "文号": m.doc_number, "发布机关": m.issuer, "日期": m.date, "状态": m.status,
                       "条款": counts.get(m.doc, 0), "任务": tagged.get(m.doc, 0), "提示": len(notes[m.doc])}
                      for m in documents])
st.dataframe(table, hide_index=True, width="stretch", column_config={
    "标题": st.column_config.TextColumn(width=text_width(max(table["标题"], key=len), maximum=300), pinned=True),
    "发布机关": st.column_config.TextColumn(width=text_width(max(table["发布机关"], key=len), maximum=200)),
    "状态": st.column_config.TextColumn(width=64),
    "条款": st.column_config.NumberColumn(width=56),
    "任务": st.column_config.NumberColumn(width=56, help="带责任单位标注的条款数"),
    "提示": st.column_config.NumberColumn(width=56, help="解析时的提示、另行保存的图表标题和附件目录（在“管理文件”中查看）"),
})
skipped = [r for r in manifest.get("rejected", []) if isinstance(r, dict)]
if skipped:
    with st.expander(f"未能收入索引的文件（{len(skipped)}）"):
        for r in skipped:
            st.markdown(escape(str(r.get("error", r.get("path", "")))))

# --- upload -------------------------------------------------------------------------------------
st.subheader("上传文件")
uploads = st.file_uploader(f"可一次选择多个文件（{'、'.join(ACCEPTED)}）", type=list(ACCEPTED),
                           accept_multiple_files=True, key=f"uploads-{round_}")
if uploads and st.button(f"加入文件库（{len(uploads)} 个文件）", type="primary", icon=":material/upload_file:"):
    plan, problems = plan_uploads([(u.name, u.getvalue()) for u in uploads], library)
    if problems:
        st.error("未做任何更改：\n\n" + "\n\n".join(escape(p) for p in problems))
    else:
        for checked in plan.added:
            st.caption(f"{escape(checked.name)}：解析出 {checked.clauses} 个条款（{checked.tagged} 个带责任单位）")
        run(plan)

# --- one document -------------------------------------------------------------------------------
st.subheader("管理文件")
doc = st.selectbox("选择文件", [m.doc for m in documents], format_func=lambda d: title(next(m for m in documents if m.doc == d)))
meta = next(m for m in documents if m.doc == doc)
file = file_of(doc)
info, actions = st.columns([3, 2], gap="large")
with info:
    fields = [("标题", title(meta)), ("文号", meta.doc_number), ("发布机关", meta.issuer), ("日期", meta.date),
              ("状态", meta.status), ("格式", meta.format), ("文件", file or meta.path)]
    st.markdown("  \n".join(f"**{name}**：{escape(value) if value else '未注明'}" for name, value in fields))
    st.caption(f"{counts.get(doc, 0)} 个条款，其中 {tagged.get(doc, 0)} 个带责任单位标注")
    if notes[doc]:
        with st.expander(f"解析提示（{len(notes[doc])}）"):
            for note in notes[doc]:
                st.markdown("- " + escape(note))
with actions:
    if file is None:
        st.info("这个文件不在文件库文件夹中，不能在这里替换或删除。")
    else:
        new = st.file_uploader("上传新版本替换", type=list(ACCEPTED), key=f"replace-{doc}-{round_}")
        if st.button("替换", disabled=new is None, icon=":material/sync:", key=f"replace-button-{doc}"):
            try:
                plan = plan_replace(new.name, new.getvalue(), file, library)
            except UploadError as e:
                st.error(escape(str(e)))
            else:
                run(plan)
        sure = st.checkbox(f"确认删除《{escape(title(meta))}》", key=f"confirm-{doc}-{round_}")
        if st.button("删除", disabled=not sure, icon=":material/delete:", key=f"remove-button-{doc}"):
            try:
                plan = plan_remove(file, library)
            except UploadError as e:
                st.error(escape(str(e)))
            else:
                run(plan)
