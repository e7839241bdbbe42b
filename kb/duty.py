"""Who is responsible: answers built from the parsed responsibility tags, never from free text."""
from __future__ import annotations

import re
from collections import OrderedDict
from typing import Sequence

from kb.answer import Answer, Citation
from core.clause import Clause
from kb.fusion import bare_label
from kb.intent import Intent
from core.units import UnitTable

_TAG = re.compile(r"［责任单位[:：][^］]*］")
_SPLIT_TASKS = re.compile(r"(?:和|与|及|以及|跟|同|、|，|,|;|；|\band\b)")
_SHARED_TAIL = re.compile(r"(两项|这两项|二者|两者|两个)?(的)?(共同|都|同时).*$")


def tag_quote(c: Clause) -> str:
    """The clause's own tag, or for an inherited tag the clause's last sentence."""
    m = _TAG.search(c.text)
    return m.group(0) if m else c.text[-60:]


def task_label(c: Clause) -> str:
    """`三、发展目标 · 产业规模`, `六、重点任务 · （三）分领域…`: the part and the task."""
    return c.section[0] if len(c.section) == 1 else f"{c.section[0]} · {c.section[-1]}"


def unit_list(c: Clause) -> str:
    named = "、".join(f"{u}（牵头）" if i == 0 else u for i, u in enumerate(c.units))
    generic = f"；另有{'、'.join(c.generic_units)}" if c.generic_units else ""
    return named + generic


def _answer(question: str, intent: str, text: str, cites: Sequence[Clause], units: Sequence[str],
            lead: str | None, extra: Sequence[Citation] = ()) -> Answer:
    citations = tuple(Citation(c, tag_quote(c)) for c in cites) + tuple(extra)
    return Answer(question, text, True, intent, tuple(units), lead, citations)


def responsibility(question: str, task: Clause, evidence: Citation | None) -> Answer:
    text = f"「{task_label(task)}」的责任单位：{unit_list(task)}。按惯例，名单首位的{task.lead_unit}牵头。"
    return _answer(question, "responsibility", text, [task], task.units, task.lead_unit, [evidence] if evidence else [])


def lead(question: str, task: Clause, evidence: Citation | None) -> Answer:
    text = (f"「{task_label(task)}」由{task.lead_unit}牵头（责任单位名单首位即牵头单位）。"
            f"完整责任单位：{unit_list(task)}。")
    return _answer(question, "lead", text, [task], task.units, task.lead_unit, [evidence] if evidence else [])


def lead_check(question: str, task: Clause, asked: str, evidence: Citation | None) -> Answer:
    if asked == task.lead_unit:
        text = f"是。「{task_label(task)}」的责任单位名单以{asked}居首，由其牵头。完整责任单位：{unit_list(task)}。"
    elif asked in task.units:
        text = (f"不是。「{task_label(task)}」由{task.lead_unit}牵头（名单首位）；"
                f"{asked}列第{task.units.index(asked) + 1}位，是参与单位。完整责任单位：{unit_list(task)}。")
    else:
        text = (f"不是。「{task_label(task)}」由{task.lead_unit}牵头（名单首位），您所问的单位不在该项的责任单位名单中。"
                f"完整责任单位：{unit_list(task)}。")
    return _answer(question, "lead_check", text, [task], task.units, task.lead_unit, [evidence] if evidence else [])


def tasks_of(clauses: Sequence[Clause], units: Sequence[str], lead_only: bool) -> list[Clause]:
    """Clauses whose own tag names every unit (and, if asked, is led by the first)."""
    out = [c for c in clauses if c.units and not c.tag_scope and all(u in c.units for u in units)]
    return [c for c in out if c.lead_unit == units[0]] if lead_only else out


def reverse(question: str, intent: Intent, clauses: Sequence[Clause], table: UnitTable) -> Answer:
    units = list(intent.units)
    found = tasks_of(clauses, units, intent.lead_only)
    who = "、".join(units)
    full = table.get(units[0]).full_name if len(units) == 1 and table.get(units[0]) else ""
    who_full = f"{who}（{full}）" if full and full != who else who
    if not found:
        scope = "牵头" if intent.lead_only else ("共同列为责任单位" if len(units) > 1 else "列为责任单位")
        text = f"规划中没有{who_full}{scope}的事项。"
        if intent.lead_only and (part := tasks_of(clauses, units[:1], False)):
            text += f"{units[0]}作为参与单位的事项有：" + "；".join(task_label(c) for c in part) + "。"
            return _answer(question, "reverse", text, part, units, None)
        return Answer(question, text, False, "reverse", tuple(units))
    groups: OrderedDict[str, list[Clause]] = OrderedDict()
    for c in found:
        groups.setdefault(c.section[0], []).append(c)
    verb = "牵头" if intent.lead_only else ("共同列为责任单位" if len(units) > 1 else "列为责任单位")
    lines = [f"{who_full}在规划中{verb}的事项共 {len(found)} 项（★ 表示名单首位、即牵头）："]
    for part, items in groups.items():
        lines.append(f"{part}：")
        lines += [f"  · {bare_label(c.section[-1]) if len(c.section) > 1 else c.section[0]}"
                  f"{' ★' if c.lead_unit == units[0] else ''}" for c in items]
    name = "shared_tasks" if len(units) > 1 else "reverse"
    answer = _answer(question, name, "\n".join(lines), found, units, None)
    return answer


def task_phrases(text: str) -> list[str]:
    """`产业规模目标和招大引强任务，共同的责任单位是哪几个？` → [`产业规模目标`, `招大引强任务`]."""
    core = _SHARED_TAIL.sub("", text)
    return [p.strip(" “”\"'") for p in _SPLIT_TASKS.split(core) if len(p.strip(" “”\"'")) >= 2]


def shared_units(question: str, tasks: Sequence[Clause]) -> Answer:
    common = [u for u in tasks[0].units if all(u in t.units for t in tasks[1:])]
    generic = [g for g in tasks[0].generic_units if all(g in t.generic_units for t in tasks[1:])]
    names = "」与「".join(task_label(t) for t in tasks)
    if common:
        text = f"「{names}」共同的责任单位：{'、'.join(common)}"
        text += f"（另均列有{'、'.join(generic)}）。" if generic else "。"
    else:
        text = f"「{names}」没有共同的具名责任单位。"
    text += "各自名单：" + "；".join(f"{task_label(t)}——{unit_list(t)}" for t in tasks) + "。"
    return _answer(question, "shared_units", text, tasks, common, None)


def untagged(question: str, clause: Clause, nearest: Clause | None) -> Answer:
    text = (f"规划在「{clause.section_label}」中没有列明责任单位（本规划只在发展目标、重点任务和保障措施的条目后列出责任单位）。")
    related = (Citation(nearest, tag_quote(nearest)),) if nearest else ()
    if nearest:
        text += f"相关的「{task_label(nearest)}」的责任单位是：{unit_list(nearest)}，仅供参考。"
    return Answer(question, text, False, "responsibility", (), None, (Citation(clause, clause.text[:80]),), related)
