"""责任矩阵: which unit leads (牵头) or takes part in (参与) each tagged task."""
import streamlit as st

from kb import matrix
from ui import resources
from ui.tables import csv_bytes, excel_bytes, loads_chart
from ui.text import badges, escape

kb = resources.knowledge_base()
all_units = list(kb.units.names())
st.title("责任矩阵")
st.caption(f"{len(matrix.tasks(kb.clauses))} 项带责任单位标注的任务 × {len(all_units)} 个具名责任单位；"
           "名单首位为牵头单位。选中表格中的一行可查看该单位的全部条款。")

left, right = st.columns(2)
chosen_units = left.multiselect("按单位筛选", all_units, placeholder="全部单位")
all_parts = matrix.parts(kb.clauses)
chosen_parts = right.multiselect("按规划部分筛选", all_parts, placeholder="全部部分")

units = chosen_units or all_units
frame = matrix.matrix_frame(kb.clauses, units, chosen_parts or None)
if chosen_units:  # only the tasks the chosen units have a part in
    frame = frame.loc[:, (frame != "").any(axis=0)]

leaders = [load for load in matrix.unit_loads(kb.clauses, all_units) if load.leads]
st.markdown("全规划牵头单位：" + " ".join(f":orange-badge[{escape(load.unit)} 牵头 {load.leads} 项]"
                                 for load in sorted(leaders, key=lambda load: -load.leads)))

styled = frame.style.map(lambda v: "background-color: #fde2d6; font-weight: 600" if v == matrix.LEAD
                         else ("background-color: #e3ecf7" if v == matrix.SHARE else ""))
selection = st.dataframe(styled, key="matrix_table", on_select="rerun", selection_mode="single-row",
                         height=min(38 + 35 * len(frame), 980))

csv_col, xlsx_col, _ = st.columns([1, 1, 4])
csv_col.download_button("导出 CSV", csv_bytes(frame), "responsibility-matrix.csv", "text/csv",
                        on_click="ignore", icon=":material/download:")
xlsx_col.download_button("导出 Excel", excel_bytes(frame), "responsibility-matrix.xlsx",
                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                         on_click="ignore", icon=":material/download:")

rows = selection.selection.rows if selection else []
if rows and rows[0] < len(frame):
    unit = frame.index[rows[0]]
    st.subheader(f"{unit} 的任务")
    for clause in matrix.clauses_of(kb.clauses, unit):
        if chosen_parts and clause.section[0] not in chosen_parts:
            continue
        with st.container(border=True):
            st.markdown(f"**{escape(clause.section_label)}** · {matrix.role(clause, unit)}")
            st.markdown(escape(clause.text))
            st.markdown("责任单位：" + badges(clause.units, clause.lead_unit))

st.subheader("各单位牵头与参与的任务数")
loads = [load for load in matrix.unit_loads(kb.clauses if not chosen_parts else
                                            [c for c in kb.clauses if c.section[0] in chosen_parts], units)
         if load.total]
st.altair_chart(loads_chart(loads), width="stretch")
