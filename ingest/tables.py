"""Task-division tables (分工表): rows as clauses with their units, linked to the body items they name. Pure.

A table arrives as text in one of three shapes — TAB-separated cells (docx/xlsx copied
out), runs of 2+ spaces (PDF text), or Markdown `| a | b |` rows. The header is found by
its column names (序号 / 工作任务 / 主要内容 / 牵头单位 / 配合单位 / 完成时限 …), never by
position, so any column order works.

Text of a row clause: the row line with whitespace removed, like every clause, so it stays
a verbatim substring of the source. TAB- and space-separated cells therefore run together
in `text` (the source has no visible separator to keep); the cells stay apart in the
record: the task cell is the clause's `heading`, the unit cells are its `units`, and
`tag_text` is the verbatim span from the first unit cell to the last. Markdown rows keep
their `|`.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace

from core.clause import Clause
from ingest.annotations import TABLE, Annotation, build_annotation, listed_bodies, names_in

# column name -> role; a header needs two known columns, one of them a unit or task column
COLUMNS = {
    "序号": "number", "编号": "number",
    "工作任务": "task", "重点任务": "task", "主要任务": "task", "任务": "task", "具体任务": "task", "任务内容": "task",
    "主要内容": "task", "具体措施": "task", "工作措施": "task", "工作内容": "task", "政策措施": "task",
    "目标任务": "task", "重点工作": "task", "任务事项": "task", "工作事项": "task", "措施": "task",
    "改革举措": "task", "举措": "task", "主要举措": "task", "工作举措": "task", "事项": "task", "改革事项": "task",
    # 嘉定's 分解表: 序号 / 任务类型 / 重点内容 / 责任单位 / 参考文件 — the first task column names the row (not
    # 任务名称, which 宝山's 清单 merges over a group of rows: a category, read as such)
    "任务类型": "task", "项目名称": "task", "重点内容": "task", "工作重点": "task",
    "牵头单位": "lead", "牵头部门": "lead", "牵头": "lead", "主责单位": "lead", "牵头领导": "skip",
    "责任单位": "responsible", "责任部门": "responsible", "负责单位": "responsible", "实施单位": "responsible",
    # who oversees a measure in a 推广清单 / 事项清单: responsible, the first listed leading by convention
    "指导部门": "responsible", "指导单位": "responsible", "主管部门": "responsible", "主管单位": "responsible",
    "实施部门": "responsible", "承办单位": "responsible", "责任主体": "responsible", "主办单位": "lead",
    "配合单位": "partner", "配合部门": "partner", "参与单位": "partner", "协同单位": "partner", "协办单位": "partner",
    "完成时限": "deadline", "完成时间": "deadline", "时间节点": "deadline", "时限": "deadline", "进度安排": "deadline",
}
_UNIT_ROLES = ("lead", "responsible", "partner")
_MD_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
_NONE = {"/", "／", "—", "-", "无", "——"}  # a cell that says "none"
_SPACES = re.compile(r"[ \u3000\xa0]{2,}")
_SPACED = re.compile(r"(?<=[\u4e00-\u9fff）)])[ \u3000\xa0]+(?=[\u4e00-\u9fff])")
LINK_MIN = 0.6  # similarity of a row's task to a body item's title above which they are the same task (checked by hand on the fixtures)


@dataclass(frozen=True)
class TableRow:
    """One line of a table: its cells and the header it falls under."""

    cells: tuple[str, ...]
    header: tuple[str, ...]
    style: str  # tab|spaces|markdown
    part: int = 1  # 2, 3 … for the rows of one task split over several lines (a rowspan left its cells empty)


def split_cells(line: str, style: str | None = None) -> tuple[tuple[str, ...], str]:
    """(cells, style) of a line; style None tries Markdown, TAB, then 2+ spaces."""
    text = line.strip(" \r\n\u3000\xa0")  # leading TABs are empty cells (a rowspan above), not indentation
    if (style in (None, "markdown")) and text.startswith("|") and text.count("|") >= 2:
        return tuple(c.strip() for c in text.strip("|").split("|")), "markdown"
    if (style in (None, "tab")) and "\t" in text:
        return tuple(c.strip() for c in text.split("\t")), "tab"
    text = text.strip()
    if style in (None, "spaces"):
        cells = tuple(c for c in _SPACES.split(text) if c)
        if len(cells) >= 2:
            return cells, "spaces"
    return (text,), style or ""


def column_role(name: str) -> str:
    return COLUMNS.get(re.sub(r"\s+", "", name), "")


def is_header(cells: tuple[str, ...]) -> bool:
    roles = [column_role(c) for c in cells]
    known = [r for r in roles if r]
    return len(known) >= 2 and any(r in _UNIT_ROLES or r == "task" for r in known)


def is_rule(line: str) -> bool:
    """A Markdown header rule `|---|---|`: layout, not text."""
    return bool(_MD_RULE.match(line.strip()))


def aligned(row: TableRow) -> dict[str, str]:
    """Cell text by role; a short space-separated row is aligned from the right (unit and date columns
    end a row), keeping a leading 序号."""
    cells = list(row.cells)
    header = list(row.header)
    if len(cells) < len(header) and row.style == "spaces":
        lead = cells[:1] if cells and re.fullmatch(r"\d{1,3}", cells[0]) and column_role(header[0]) == "number" else []
        rest = cells[len(lead):]
        cells = lead + [""] * (len(header) - len(cells)) + rest
    out: dict[str, str] = {}
    for name, cell in zip(header, cells):
        role = column_role(name)
        if role and cell and cell not in _NONE:
            out[role] = f"{out[role]}、{cell}" if role in out and role in _UNIT_ROLES else out.get(role, cell)
    return out


def row_columns(row: TableRow) -> tuple[tuple[str, str], ...]:
    """The row's cells beyond its number, task and unit columns (which `row_annotation` reads), by column name:
    an office column (市卫健委内牵头处室), a deadline, a note. A "/" cell is kept — the table saying "none"."""
    out = []
    for name, cell in zip(row.header, row.cells):
        if column_role(name) in ("number", "task", *_UNIT_ROLES, "skip") or not cell.strip():
            continue
        out.append((re.sub(r"\s+", "", name), cell.strip()))
    return tuple(out)


def row_annotation(row: TableRow, text: str) -> Annotation | None:
    """The row's units from its 牵头 / 责任 / 配合 columns (tag_form "table")."""
    # a cell that lists its units apart by spaces (`区商务委 区绿化市容局`) lists them as `、` would
    raw = aligned(row)
    cells = {role: _SPACED.sub("、", cell) if role in _UNIT_ROLES else cell for role, cell in raw.items()}
    lead, lead_gen = names_in(cells.get("lead", ""))
    resp, resp_gen = names_in(cells.get("responsible", ""))
    partner, partner_gen = names_in(cells.get("partner", ""))
    if not (lead or resp or partner or lead_gen or resp_gen or partner_gen):
        return None
    spans = [(text.find(_flat(raw[r])), len(_flat(raw[r]))) for r in _UNIT_ROLES if r in raw]
    spans = [(s, n) for s, n in spans if s >= 0]
    start = min((s for s, _ in spans), default=0)
    end = max((s + n for s, n in spans), default=0)
    return build_annotation(lead, partner, resp, lead_gen + resp_gen + partner_gen, TABLE, text[start:end], (start, end),
                            lead_generic=lead_gen)


def lead_said_none(row: TableRow) -> bool:
    """The row's 牵头单位 cell says none (`——`, `/`): the table states that the task has no lead."""
    return any(column_role(name) == "lead" and cell.strip() in _NONE for name, cell in zip(row.header, row.cells))


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def row_key(row: TableRow, seen: int) -> str:
    """`r3` for task 3, `r3-2` for its second row; `r<n>` by position when the table has no 序号."""
    number = aligned(row).get("number", "")
    key = f"r{number}" if re.fullmatch(r"\d{1,3}", number) else f"r{seen}"
    return key if row.part == 1 else f"{key}-{row.part}"


def _right_aligned(row: TableRow, roles: list[str]) -> list[str] | None:
    """A row with fewer cells than its header whose last cells, set under the last columns, read as units (or say
    none): the cells a rowspan covered were left out, not left empty (`加强拆房工地监督管理。	区房管局	——` under
    序号 / 工作任务 / 主要工作内容 / 牵头单位 / 配合单位). A group heading (`二	构建…体系`) names no unit so."""
    missing = len(row.header) - len(row.cells)
    if missing <= 0 or not row.cells or not row.cells[0]:
        return None
    cells = [""] * missing + list(row.cells)
    units = [c for r, c in zip(roles, cells) if r in _UNIT_ROLES and c]
    if units and all(c in _NONE or _names_bodies(c) for c in units):
        return cells
    return None


def _names_bodies(cell: str) -> bool:
    named, generic = names_in(_SPACED.sub("、", cell))
    return bool(generic) and not named or bool(named) and listed_bodies(named)


def continued(row: TableRow, previous: TableRow | None) -> TableRow:
    """A row whose 序号 and task cells are empty — or left out — continues the task above (a rowspan): it takes the
    cells the span covered, so that its number, task and units are the task's."""
    if previous is None or row.style != "tab" or previous.cells == previous.header:  # a header repeated on a new page
        return row
    roles = [column_role(h) for h in row.header]
    cells = _right_aligned(row, roles) or list(row.cells) + [""] * (len(row.header) - len(row.cells))
    number = [i for i, r in enumerate(roles) if r == "number"]
    task = [i for i, r in enumerate(roles) if r == "task"][:1]
    if not number or any(cells[i] for i in number + task):
        return row
    prev = list(previous.cells) + [""] * (len(row.header) - len(previous.cells))
    filled = tuple(c or (prev[i] if roles[i] in ("number", "task", *_UNIT_ROLES) else "") for i, c in enumerate(cells))
    return TableRow(filled, row.header, row.style, previous.part + 1)


def row_heading(row: TableRow) -> str:
    return _flat(aligned(row).get("task", ""))


def _title(c: Clause) -> str:
    """What a body item is called: its heading without the numbering, else its first sentence."""
    head = re.sub(r"^(?:\d{1,3}[．.、]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)", "", c.heading)
    return head or c.text.split("。", 1)[0][:40]


def similarity(task: str, c: Clause) -> float:
    """How surely a row's task names a body item: containment either way, else difflib's ratio."""
    title = _title(c)
    if not task or not title:
        return 0.0
    if task in c.text[: len(task) + 12] or title in task:
        return 1.0
    return difflib.SequenceMatcher(None, task, title).ratio()


_DETAIL = re.compile(r"内容|措施|举措|事项")


def told_apart(clauses: list[Clause]) -> list[Clause]:
    """Rows of one task split over several lines (a rowspan over 工作任务) are each named by the task and their own
    first words (`加强源头监管：加强拆房工地监督管理`), so that an answer says which line of the task it means."""
    shared: dict[tuple[tuple[str, ...], str], int] = {}
    for c in clauses:
        if c.kind == "row" and c.heading:
            shared[(c.section, c.heading)] = shared.get((c.section, c.heading), 0) + 1
    out = []
    for c in clauses:
        detail = next((cell for name, cell in c.columns if _DETAIL.search(name) and cell), "")
        if c.kind == "row" and shared.get((c.section, c.heading), 0) > 1 and detail:
            c = replace(c, heading=f"{c.heading}：{_flat(re.split(r'[。；;]', detail)[0])[:40]}")
        out.append(c)
    return out


def link_rows(clauses: list[Clause]) -> list[Clause]:
    """Link each row to the body item whose task it names, both ways; an unannotated item takes the row's units."""
    out = told_apart(list(clauses))
    body = [i for i, c in enumerate(out) if c.kind not in ("row", "notice")]
    for r, row in enumerate(out):
        if row.kind != "row" or not row.heading:
            continue
        scored = [(similarity(row.heading, out[i]), i) for i in body]
        best, i = max(scored, default=(0.0, -1))
        if best < LINK_MIN:
            continue
        item = out[i]
        out[r] = replace(row, links=row.links + (item.id,))
        if item.units:
            out[i] = replace(item, links=item.links + (row.id,))
        else:
            out[i] = replace(item, links=item.links + (row.id,), units=row.units, generic_units=row.generic_units,
                             leads=row.leads, lead_explicit=row.lead_explicit, tag_form=row.tag_form, tag_scope=row.id)
    return out
