"""责任矩阵: per document, which unit leads (牵头) or co-operates on (配合) each annotated task."""
import streamlit as st

from ui import resources
from ui.documents import metas, source_line, title
from ui.matrix_view import LEAD, PARTNER, TASK, UNIT, docs_with_tasks, loads, loads_chart, matrix, named_tasks, \
    should_transpose, tasks_of, text_width, transposed, unit_tasks, units_of
from ui.tables import csv_bytes, excel_bytes
from ui.text import escape, role_badges

PICKED = "matrix_unit"  # the unit whose tasks are shown beside the table
LAST = "matrix_table_pick"  # the unit last chosen in the table, so a later choice in the picker is kept
ROW, CELL = 35, 38  # st.dataframe row and header height in px

kb = resources.knowledge_base()
documents = {m.doc: m for m in metas(kb)}
st.title("责任矩阵")
docs = docs_with_tasks(kb.clauses)
if not docs:
    st.info("文件库中还没有带责任单位标注的条款。")
    st.stop()


def picked_in(selection, rows: list[str], columns: list[str]) -> str | None:
    """The unit a table selection names: a row (units as rows) or a column (units as columns)."""
    if selection.rows and selection.rows[0] < len(rows):
        return rows[selection.rows[0]]
    if selection.columns and selection.columns[0] in columns:
        return selection.columns[0]
    return None


top_left, top_right = st.columns([3, 2])
doc = top_left.selectbox("文件", docs, format_func=lambda d: title(documents[d]) if d in documents else d,
                         key="matrix_doc")
tasks = named_tasks(tasks_of(kb.clauses, doc))
units = units_of(tasks, list(kb.units.names()))
chosen = top_right.multiselect("只看这些单位", units, placeholder="全部单位", key=f"matrix_units_{doc}")
if chosen:
    tasks = [t for t in tasks if any(u in t.clause.units for u in chosen)]
shown_units = chosen or units
st.caption(f"{escape(source_line(documents[doc])) if doc in documents else ''} · {len(tasks)} 项带责任单位标注的任务 × "
           f"{len(shown_units)} 个具名责任单位。文件写明牵头的按其所写，否则名单首位牵头。在表格中点选一个单位，右侧列出它的任务。")
auto = should_transpose(tasks, shown_units)
flip = st.toggle("任务为行（转置）", value=auto, key=f"matrix_flip_{doc}_{auto}",
                 help="任务多于单位时默认以任务为行，表格更窄")

leaders = {}
for t in tasks:
    for u in t.clause.lead_units:
        if u in shown_units:
            leaders[u] = leaders.get(u, 0) + 1
if leaders:
    st.markdown("牵头单位：" + " ".join(f":orange-badge[{escape(u)} 牵头 {n} 项]"
                                     for u, n in sorted(leaders.items(), key=lambda kv: -kv[1])))

frame = transposed(tasks, shown_units) if flip else matrix(tasks, shown_units)
key_column = TASK if flip else UNIT
config = {key_column: st.column_config.TextColumn(
    key_column, pinned=True, width=text_width(max(frame[key_column], key=len, default=key_column), maximum=360))}
for t in tasks:
    config[t.label] = st.column_config.TextColumn(t.label, help=t.path, width=text_width(t.label, maximum=220))
for u in shown_units if flip else ():
    config[u] = st.column_config.TextColumn(u, width=text_width(u, maximum=240))
styled = frame.style.map(lambda v: "background-color: #fde2d6; font-weight: 600" if v == LEAD
                         else ("background-color: #e3ecf7" if v == PARTNER else ""))
height = min(CELL + ROW * len(frame) + 2, 38 + ROW * 17)
table_key = f"matrix_table_{doc}_{'t' if flip else 'u'}"
if st.session_state.get(PICKED) not in shown_units:
    st.session_state.pop(PICKED, None)

table, beside = st.columns([2, 1], gap="medium")
with table:
    event = st.dataframe(styled, hide_index=True, column_config=config, key=table_key, height=height,
                         on_select="rerun", selection_mode="single-column" if flip else "single-row")
    chosen_in_table = picked_in(event.selection, [] if flip else list(frame[UNIT]), list(shown_units))
    if chosen_in_table != st.session_state.get(LAST):  # a new choice in the table moves the unit picker (drawn next)
        st.session_state[LAST] = chosen_in_table
        if chosen_in_table:
            st.session_state[PICKED] = chosen_in_table
    export = frame.set_index(key_column)
    csv_col, xlsx_col, _ = st.columns([1, 1, 2])
    csv_col.download_button("导出 CSV", csv_bytes(export), "responsibility-matrix.csv", "text/csv",
                            on_click="ignore", icon=":material/download:")
    xlsx_col.download_button("导出 Excel", excel_bytes(export), "responsibility-matrix.xlsx",
                             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                             on_click="ignore", icon=":material/download:")
with beside:
    unit = st.selectbox("单位", shown_units, key=PICKED, index=None, placeholder="在表格中点选，或在此选择单位")
    if unit is None:
        st.caption("选中一个单位后，这里列出它牵头和配合的任务。")
    else:
        mine = unit_tasks(tasks, unit)
        led = sum(r == LEAD for _, r in mine)
        st.markdown(f"**{escape(unit)}**：牵头 {led} 项，配合 {len(mine) - led} 项")
        with st.container(height=max(height - 110, 240), border=False):
            for task, r in mine:
                with st.container(border=True):
                    badge = ":orange-badge[牵头]" if r == LEAD else ":blue-badge[配合]"
                    st.markdown(f"{badge} **{escape(task.label)}**")
                    st.caption(escape(task.path))
                    with st.expander("原文"):
                        st.markdown(escape(task.clause.text))
                        st.markdown(role_badges(task.clause.lead_units, task.clause.partner_units))

st.subheader("各单位牵头与配合的任务数")
counts = loads(tasks, shown_units)
if len(counts):
    st.altair_chart(loads_chart(counts), width="stretch")
