"""Exports and charts for the responsibility matrix (pure: DataFrames in, bytes or charts out)."""
from __future__ import annotations

from io import BytesIO

import altair as alt
import pandas as pd

from kb.matrix import LEAD, SHARE, UnitLoad


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly."""
    return frame.to_csv(encoding="utf-8").encode("utf-8-sig")


def excel_bytes(frame: pd.DataFrame, sheet: str = "责任矩阵") -> bytes:
    buffer = BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name=sheet)
        writer.sheets[sheet].freeze_panes = "B2"
    return buffer.getvalue()


def loads_frame(loads: list[UnitLoad]) -> pd.DataFrame:
    """Long form for the chart: one row per (unit, role) with a count."""
    rows = [{"单位": u.unit, "角色": role, "任务数": n, "合计": u.total}
            for u in loads for role, n in ((LEAD, u.leads), (SHARE, u.shares)) if n]
    return pd.DataFrame(rows, columns=["单位", "角色", "任务数", "合计"])


def loads_chart(loads: list[UnitLoad]) -> alt.Chart:
    """Horizontal stacked bars: tasks each unit leads and shares, busiest first."""
    order = [u.unit for u in sorted(loads, key=lambda u: (-u.total, -u.leads))]
    return alt.Chart(loads_frame(loads)).mark_bar().encode(
        x=alt.X("任务数:Q", title="任务数"),
        y=alt.Y("单位:N", sort=order, title=None),
        color=alt.Color("角色:N", scale=alt.Scale(domain=[LEAD, SHARE], range=["#e4572e", "#4c78a8"])),
        order=alt.Order("角色:N", sort="descending"),
        tooltip=["单位", "角色", "任务数", "合计"],
    )
