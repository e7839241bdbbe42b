"""Who is responsible: answers written from the parsed responsibility annotations, never from free text. Pure.

Every writer puts the direct answer first (the units, 是/否, the number), then the source.
"""
from __future__ import annotations

import re
from collections import OrderedDict
from typing import Callable, Sequence

from core import labels
from core.brackets import outer_spans
from core.clause import Clause
from core.unitkind import unit_kind
from core.units import without_level
from kb.answer import Answer, Citation
from kb.frame import Frame, Op
from kb.fusion import NUMBERING, bare_label

LEAD_MARK = "（牵头）"


def tag_quote(c: Clause) -> str:
    """The clause's own annotation, or for an inherited one the clause's last sentence."""
    if c.tag_text and c.tag_text in c.text:
        return c.tag_text
    start = c.text.rfind("［")
    return c.text[start:] if start >= 0 and c.text.endswith("］") else c.text[-60:]




def task_label(c: Clause) -> str:
    """`三、发展目标 · 产业规模`: the part and the item, by their own titles; an item numbered with no title of its own
    (`8.支持…，加快补齐…`) is named by its first words."""
    if c.kind == "row" and c.heading:
        return c.heading
    last = c.section[-1] if c.section else ""
    if last and not NUMBERING.sub("", last).strip() and c.text.startswith(last):  # `8.` alone: no title
        words = re.split(r"[，,。；;：:]", c.text[len(last):], maxsplit=1)[0]
        last += words if len(words) <= 20 else words[:20] + "…"
    return c.section[0] if len(c.section) == 1 else f"{c.section[0]} · {last}"


def lead_rule(c: Clause) -> str:
    """How the lead is known: said by the document, or the first-listed convention."""
    if "会同" in c.tag_text:  # `A会同B研究提出了办理意见`: A does it, B joins
        return "文件写明由其会同其他单位办理"
    return "文件明确为牵头单位" if c.lead_explicit and c.leads else "名单首位，按惯例牵头"


def unit_list(c: Clause, units: Sequence[str] | None = None) -> str:
    shown = c.units if units is None else units
    named = "、".join(f"{u}{LEAD_MARK}" if u in c.lead_units else u for u in shown)
    parties = "、".join(f"{g}{LEAD_MARK}" if g in c.leads else g for g in c.generic_units)
    if not named and parties and units is None:  # 〔牵头单位:属地人民政府(管委会)〕: only a generic party
        return f"只列了{parties}，未列具名部门"
    generic = f"；另有{parties}" if parties and units is None else ""
    return (named or "无具名单位") + generic


def kept(frame: Frame, names: Sequence[str]) -> list[str]:
    """The units the question's constraints allow (`哪些区`, `哪个不是市级部门`)."""
    out = list(names)
    if frame.kinds:
        out = [u for u in out if unit_kind(u) in {k.value for k in frame.kinds}]
    if frame.exclude_kinds:
        out = [u for u in out if unit_kind(u) not in {k.value for k in frame.exclude_kinds}]
    return out


# `市卫健委内牵头处室` → `内设牵头处室`: the offices are inside the unit the row already names; repeating the
# unit's short name would read as one more unit
_INSIDE = re.compile(r"^[\u4e00-\u9fff]{2,12}?内(?=(?:牵头|配合|责任|主办|协办|参与)?(?:处室|科室|处|科))")
_NONE_CELLS = {"/", "／", "—", "-", "——", "无"}
WHEN_COLUMNS = ("时间", "时限", "期限", "节点", "进度")  # 时间节点, 完成时限, 完成时间, 进度安排


def table_note(c: Clause, frame: Frame) -> str:
    """What a task table adds beyond its unit columns (an office column, a deadline), in its own column names:
    for a lead question the 牵头 columns, for a partners question the 配合 ones, else all of them."""
    want = {Op.LEAD: ("牵头", "责任", "主责"), Op.PARTNERS: ("配合", "协同", "参与", "协办")}.get(frame.op)
    cells = _cells(c, want and want + WHEN_COLUMNS)  # the row's deadline goes with whoever answers for it
    return f"\n分工表另列：{cells}。" if cells else ""


def _cells(c: Clause, want: Sequence[str] | None = None) -> str:
    shown = [(name, "无" if cell in _NONE_CELLS else cell) for name, cell in c.columns
             if want is None or any(w in name for w in want)]
    return "；".join(f"{_INSIDE.sub('内设', name)}：{cell}" for name, cell in shown)


def _answer(frame: Frame, question: str, text: str, cites: Sequence[Clause], units: Sequence[str],
            lead: str | None, extra: Sequence[Citation] = (), answerable: bool = True) -> Answer:
    citations = tuple(Citation(c, tag_quote(c)) for c in cites) + tuple(extra)
    return Answer(question, text, answerable, frame.op.value, tuple(units), lead, citations)


def _constraint_words(frame: Frame) -> str:
    names = {"district": "区（市）县", "city": "市级部门", "party": "党委部门", "enterprise": "企业", "national": "国家或省级机构"}
    want = "、".join(names[k.value] for k in frame.kinds)
    drop = "、".join(names[k.value] for k in frame.exclude_kinds)
    return (f"属于{want}的" if want else "") + (f"不属于{drop}的" if drop else "")


def responsible(frame: Frame, question: str, task: Clause, evidence: Citation | None) -> Answer:
    extra = [evidence] if evidence else []
    label = task_label(task)
    if frame.kinds or frame.exclude_kinds:
        chosen = kept(frame, task.units)
        head = (f"「{label}」的责任单位中{_constraint_words(frame)}有：{unit_list(task, chosen)}。" if chosen
                else f"「{label}」的具名责任单位中没有{_constraint_words(frame)}单位。")
        if frame.kinds and {k.value for k in frame.kinds} == {"district"} and task.generic_units:
            head += f"另列有泛指的{'、'.join(task.generic_units)}。"
        text = head
        return _answer(frame, question, text, [task], chosen, task.lead_unit if task.lead_unit in chosen else None, extra)
    text = f"「{label}」的责任单位：{unit_list(task)}。{_how_many(question, task.units)}\n其中{'、'.join(task.lead_units)}牵头（{lead_rule(task)}）。"
    if len(task.units) == 1 and not task.leads:  # one unit, no 牵头 written: it is responsible, nothing to rank
        text = f"「{label}」的责任单位：{task.units[0]}" + (f"；另有{'、'.join(task.generic_units)}。" if task.generic_units else "。")
    if not task.units:  # only a generic party (属地人民政府, 各省级人民政府): no lead rule to state unless it is labelled
        text = f"「{label}」{unit_list(task)}" + (f"（{lead_rule(task)}）。" if task.leads else "。")
    text += table_note(task, frame)
    return _answer(frame, question, text, [task], task.units, task.lead_unit, extra)


def lead(frame: Frame, question: str, task: Clause, evidence: Citation | None) -> Answer:
    leads = "、".join(task.lead_units)
    text = f"「{task_label(task)}」由{leads}牵头（{lead_rule(task)}）。"
    if leads and not task.units:
        text = text.replace("）。", "），未列具名部门。", 1)
    text += table_note(task, frame)
    if not leads:  # `（各省级人民政府负责）`: a generic party, no unit named and none labelled lead
        text = f"「{task_label(task)}」没有写牵头单位，只写了由{'、'.join(task.generic_units)}负责，未列具名部门。"
    return _answer(frame, question, text, [task], task.lead_units, task.lead_unit, [evidence] if evidence else [])


def partners(frame: Frame, question: str, task: Clause, evidence: Citation | None) -> Answer:
    others = kept(frame, task.partner_units)
    leads = "、".join(task.lead_units)
    # `财政局跟谁一起搞`: the lead the question names, then who works with it
    together = re.search(r"(跟|和|与|同)谁|一起|一块|搭档", question)
    asked_lead = [u for u in task.lead_units if together and (u in frame.units or u in question or without_level(u) in question)]
    if others and asked_lead:
        text = (f"「{task_label(task)}」由{'、'.join(asked_lead)}牵头，配合单位：{'、'.join(others)}。"
                f"{_how_many(question, others)}")
    elif others:
        # the lead beside them, as people answering by hand write it (`由A牵头，配合单位为B、C`)
        text = (f"「{task_label(task)}」的配合单位：{'、'.join(others)}"
                + (f"（牵头单位：{leads}，{lead_rule(task)}）。" if leads else "（未标注牵头单位）。")
                + _how_many(question, others))
    elif not leads:
        text = f"「{task_label(task)}」没有列出配合单位，只写了由{'、'.join(task.generic_units)}负责。"
    else:
        text = f"「{task_label(task)}」没有列出配合单位，只列了牵头单位{leads}。"
    if leads and (others_generic := [g for g in task.generic_units if g not in task.leads]):
        text += f"另列有{'、'.join(others_generic)}。"
    text += table_note(task, frame)
    return _answer(frame, question, text, [task], others, None, [evidence] if evidence else [])


Canon = Callable[[str], str]  # a unit's name in any form → one name per unit (the library's unit table)


def _same(a: str, b: str, canon: Canon) -> bool:
    return a == b or canon(a) == canon(b)


def written(c: Clause, unit: str, canon: Canon = str) -> str:
    """The unit as this clause's document writes it (市人力资源和社会保障局 where the question said 市人社局)."""
    return next((u for u in c.units if _same(u, unit, canon)), "")


def who_is(task: Clause, no_lead: bool = False) -> str:
    """Who an item lists, said after a 不是: its units (with its lead, or that it marks none), or that it names none
    (`该项只列了各省级人民政府，未列具名部门`)."""
    if not task.units:
        return f"该项{unit_list(task)}"
    listed = "、".join((*task.units, *task.generic_units)) + "（未标注牵头单位）"
    return f"该项的责任单位是：{listed if no_lead else unit_list(task)}"


def member(frame: Frame, question: str, task: Clause, asked: str, evidence: Citation | None,
           canon: Canon = str, no_lead: bool = False) -> Answer:
    """是/否 first: is the unit asked about (or a unit of the field hinted) in the item's list, or its lead?
    `no_lead`: the item states no lead (only 负责 / 责任单位 where the document marks 牵头 elsewhere). A 不是 names
    the unit asked about by the document's own name for it (市税务局 asked: 国家税务总局成都市税务局)."""
    label, extra = task_label(task), [evidence] if evidence else []
    parties = (*task.units, *task.lead_units, *task.generic_units)  # a generic lead (各区政府) is asked about too
    found = written(task, asked, canon) or next((u for u in parties if asked and asked in u), "")
    if frame.lead_only and no_lead:
        role = f"{found}是该项的责任单位之一" if found else f"{asked}也不在该项的责任单位名单中"
        text = f"不是。「{label}」没有标注牵头单位，只写了由{'、'.join(task.units)}负责；{role}。" + _as_written(task)
    elif frame.lead_only:
        if found and found in task.lead_units:
            text = f"是。「{label}」由{found}牵头（{lead_rule(task)}）。"
        elif found:
            text = f"不是。「{label}」由{'、'.join(task.lead_units)}牵头；{found}是配合单位。"
        else:
            text = f"不是。「{label}」由{'、'.join(task.lead_units)}牵头，{asked}不在该项的责任单位名单中；{who_is(task)}。"
    elif found and no_lead:  # a list with no lead: the unit is one of it, neither lead nor partner
        text = f"是。{found}是「{label}」的责任单位之一（该项列了{'、'.join(task.units)}，未标注牵头单位）。"
    elif found:
        role = "牵头单位" if found in task.lead_units else "责任单位之一（配合）"
        text = f"是。{found}是「{label}」的{role}。"
        if found not in task.lead_units and task.lead_units:  # and who it works under
            text += f"该项由{'、'.join(task.lead_units)}牵头（{lead_rule(task)}）。"
    else:  # a false premise: 不是, and who is — what the official asking goes on to need
        text = f"不是。{asked}不在「{label}」的责任单位名单中；{who_is(task, no_lead)}。"
    if task.columns:  # a task-table row: the row itself, as the table gives it, is what the official checks
        text += f"\n分工表该行：{'；'.join(filter(None, (unit_list(task), _cells(task))))}。"
    return _answer(frame, question, text, [task], (found,) if found else (), task.lead_unit, extra)


def members(frame: Frame, question: str, task: Clause, asked: Sequence[str], evidence: Citation | None,
            canon: Canon = str, no_lead: bool = False) -> Answer:
    """Several units asked of one item (`人民银行和银保监那边要配合吗`): 是 only if every one is listed (and, if asked,
    leads), then each unit's role, and the item's whole list where any is missing."""
    label, extra = task_label(task), [evidence] if evidence else []
    found = {a: written(task, a, canon) for a in asked}
    def fits(a: str) -> bool:
        return bool(found[a]) and (not frame.lead_only or found[a] in task.lead_units and not no_lead)

    def role(unit: str) -> str:
        return "责任单位（该项未标注牵头）" if no_lead else "牵头单位" if unit in task.lead_units else "配合单位"
    roles = [f"{found[a]}是{role(found[a])}" if found[a] else f"{a}不在名单中" for a in asked]
    verdict = "是" if all(fits(a) for a in asked) else ("都不是" if not any(fits(a) for a in asked) else "不全是")
    text = f"{verdict}。「{label}」：{'；'.join(roles)}。"
    if verdict != "是":  # as for one unit: who is
        text += f"{who_is(task, no_lead)}。"
    named = tuple(found[a] for a in asked if found[a])
    return _answer(frame, question, text, [task], named, task.lead_unit, extra)


def count(frame: Frame, question: str, task: Clause, evidence: Citation | None) -> Answer:
    partners_asked = frame.partners_only and not frame.lead_only
    chosen = kept(frame, task.lead_units if frame.lead_only else task.partner_units if partners_asked else task.units)
    what = "牵头单位" if frame.lead_only else "配合单位" if partners_asked else "具名责任单位"
    text = f"{len(chosen)}个。「{task_label(task)}」共列{what}{len(chosen)}个：{'、'.join(chosen)}"
    leads = [u for u in task.lead_units if u in chosen or partners_asked]
    generic = [g for g in task.generic_units if g not in chosen and g not in leads]  # a generic lead is said as lead
    text += f"（另有泛指的{'、'.join(generic)}，未计入）" if generic else ""
    if partners_asked:
        text += "；不含牵头单位。" if leads else "。"  # the lead set aside by the question goes unnamed (the quote shows it)
    else:
        text += f"；其中{'、'.join(leads)}牵头（{lead_rule(task)}）。" if leads and not frame.lead_only else "。"
    return _answer(frame, question, text, [task], chosen, task.lead_unit, [evidence] if evidence else [])


def per_item(frame: Frame, question: str, heading: str, parts: dict[str, list[Clause]],
             unstated: Callable[[Clause], bool] = lambda c: False) -> Answer:
    lines = [f"「{heading}」下共 {len(parts)} 项，各项牵头单位如下："]
    cites: list[Clause] = []
    for n, (part, clauses) in enumerate(parts.items(), 1):
        tagged = [c for c in clauses if c.units and not c.tag_scope] or [c for c in clauses if c.units]
        if tagged and unstated(tagged[0]):  # only 责任单位 listed where the document labels 牵头 elsewhere
            lines.append(f"{n}. {bare_label(part) or part}：未标注牵头单位（责任单位：{'、'.join(tagged[0].units)}）")
            cites.append(tagged[0])
        elif tagged:
            leads = list(dict.fromkeys(u for c in tagged for u in c.lead_units))
            lines.append(f"{n}. {bare_label(part) or part}：{'、'.join(leads)}牵头")
            cites.append(tagged[0])
        else:
            lines.append(f"{n}. {bare_label(part) or part}：文件未列责任单位")
    units = tuple(dict.fromkeys(u for c in cites for u in c.lead_units))
    return _answer(frame, question, "\n".join(lines), cites, units, None)


def intersection(frame: Frame, question: str, tasks: Sequence[Clause]) -> Answer:
    common = kept(frame, [u for u in tasks[0].units if all(u in t.units for t in tasks[1:])])
    generic = [g for g in tasks[0].generic_units if all(g in t.generic_units for t in tasks[1:])]
    names = "」与「".join(task_label(t) for t in tasks)
    if common:
        text = f"{'、'.join(common)}。「{names}」共同的责任单位是{'、'.join(common)}"
        text += f"（另均列有{'、'.join(generic)}）。" if generic else "。"
    else:
        text = f"没有。「{names}」没有共同的具名责任单位。"
    return _answer(frame, question, text, tasks, common, None)


def difference(frame: Frame, question: str, tasks: Sequence[Clause]) -> Answer:
    first, second = tasks[0], tasks[1]
    only = kept(frame, [u for u in first.units if u not in second.units])
    a, b = task_label(first), task_label(second)
    text = (f"{'、'.join(only)}。这些单位是「{a}」的责任单位，而不在「{b}」的名单中。" if only
            else f"没有。「{a}」的具名责任单位都在「{b}」的名单中。")
    return _answer(frame, question, text, tasks, only, None)


def item_name(c: Clause) -> str:
    """An item by its own title with its number (officials cite `第9条`), quotes kept (借力“一带一路”…); a target
    says it is one."""
    name = re.sub(r"^[—\-－\s]+", "", task_label(c).split(" · ")[-1]).strip() or task_label(c)
    return f"{name}目标" if c.kind == "target" and not name.endswith("目标") else name


Unstated = Callable[[Clause], bool]  # an item that states no lead (only 责任单位, where 牵头 is labelled elsewhere)


def tasks_of(clauses: Sequence[Clause], units: Sequence[str], lead_only: bool, canon: Canon = str,
             unstated: Unstated = lambda c: False) -> list[Clause]:
    """Clauses whose own annotation names every unit, in whatever form each document writes it (and, if asked,
    is led by the first)."""
    out = [c for c in clauses if c.units and not c.tag_scope and all(written(c, u, canon) for u in units)]
    return [c for c in out if _leads(c, units[0], canon, unstated)] if lead_only else out


def _leads(c: Clause, unit: str, canon: Canon, unstated: Unstated = lambda c: False) -> bool:
    return not unstated(c) and any(_same(u, unit, canon) for u in c.lead_units)


LABEL_WORDS = labels.NAMED  # the labels of an annotation's parts
_LABEL = re.compile(rf"^{LABEL_WORDS}")


def _tag_spans(text: str) -> list[tuple[int, int]]:
    """Where responsibility annotations sit in a clause: a bracket that opens with a label (牵头单位：…) or closes
    with 负责/牵头 (（A、B等负责）)."""
    return [(a, b) for a, b in outer_spans(text)
            if _LABEL.match(inner := text[a + 1:b - 1]) or inner.endswith(("负责", "牵头"))]


GIST_WIDTH = 48  # an item's first words in a list of many
GIST_WIDE = 120  # what a unit with few items is asked to do, said more fully


def gist(c: Clause, unit: str = "", width: int = GIST_WIDTH, names_other: Callable[[str], bool] | None = None) -> str:
    """What an item asks of a unit, in the item's own first words: the stretch of text before the annotation that
    names the unit (an item with two tags splits its work between them), its first sentence after the item's own
    title, cut to `width` and before the first phrase that names another unit (the answer is about this one)."""
    body = c.text[len(c.heading):] if c.heading and c.text.startswith(c.heading) else c.text
    body = body.lstrip("。；;，,.：: ")
    if c.tag_text and body.startswith(c.tag_text):  # `A会同B研究提出了办理意见：…`: the work follows the doers
        body = body[len(c.tag_text):]
        body = body.split("：", 1)[1] if "：" in body[:16] else body
    prose = re.sub(r"[（(][^（）()]*[）)]", "", body)  # brackets hold annotations, not the unit at work
    # the parts of its sentences that name the unit: alone, or with it as their subject (水利部也表示将积极配合
    # 发展改革委…) — not another unit's work that merely mentions it (发展改革委会同西部开发办上报…)
    parts = [x for x in re.split(r"(?<=[。；;，,])", prose) if unit and unit in x and not (c.tag_text and c.tag_text in x)]
    if unit and c.tag_form == "inline" and (own := [x for x in parts if not (names_other and names_other(x))
                                                    or x.lstrip("，,。 ").startswith(unit)]):
        # prose that names the unit at work (`水利部也表示将积极配合…做好该项目的立项工作`) says what it does
        first = "".join(own).rstrip("。；;，,")
        return first if len(first) <= width else first[:width] + "…"
    spans, start, chosen = _tag_spans(body), 0, ""
    for a, b in spans:
        segment = body[start:a]
        if segment.strip("。；，;, ") and (not chosen or (unit and unit in body[a:b])):
            chosen = segment
            if unit and unit in body[a:b]:
                break
        start = b
    text = chosen or body[start:] if spans else body
    title = c.heading + (c.section[-1] if c.section else "")  # a table row's task is its heading
    sentences = [s for s in re.split(r"(?<=[。；;])", text) if s.strip("。；;，、.—— ")]
    # a target or item written `——产业规模。…` repeats its own title as its first sentence
    while len(sentences) > 1 and NUMBERING.sub("", sentences[0].lstrip("0123456789 ")).strip("。；;，、.—— ") in title:
        sentences.pop(0)
    first = (sentences[0] if sentences else "").lstrip("。；，.、—— ").rstrip("。；;")
    for more in sentences[1:] if width > GIST_WIDTH else ():  # room for more (few items): the next sentences too
        if len(first) + len(more) > width or names_other and names_other(more):
            break
        first += "。" + more.strip().rstrip("。；;")
    if names_other:
        kept_parts: list[str] = []
        for part in re.split(r"(?<=[，,])", first):
            if names_other(part):
                break
            kept_parts.append(part)
        first = "".join(kept_parts).rstrip("，,")
    return first if len(first) <= width else first[:width] + "…"


def reverse(frame: Frame, question: str, clauses: Sequence[Clause], titles: dict[str, str],
            canon: Canon = str, mentions: Callable[[str], Sequence[str]] = lambda _: (), focus: Clause | None = None,
            unstated: Unstated = lambda c: False) -> Answer:
    """What a unit is responsible for (or leads), grouped by document and part; ★ marks its leads. `focus`: the
    one item the question names (`水利部在亭子口项目上干什么`), said alone, with how many the unit has in all."""
    units = list(frame.units)
    found = tasks_of(clauses, units, frame.lead_only, canon, unstated)
    total = len(found)
    found = [focus] if focus in found else found
    if len({c.doc for c in found}) == 1:  # one document: its own names for the units
        units = [written(found[0], u, canon) or u for u in units]
    who = "、".join(units)
    verb = "牵头" if frame.lead_only else ("共同列为责任单位" if len(units) > 1 else "列为责任单位")
    if not found:
        text = f"文件中没有{who}{verb}的事项。"
        if frame.lead_only and (part := tasks_of(clauses, units[:1], False, canon)):
            # items that list only 责任单位 name no lead: the unit is not their partner either
            listed = [c for c in part if unstated(c)]
            first = [c for c in listed if _same(c.units[0], units[0], canon)]
            if listed:
                text = (f"文件没有标注{who}牵头的事项。{units[0]}列为责任单位、但未标注牵头单位的事项共{len(listed)}项"
                         + (f"，其中{units[0]}列首位的有：" + "；".join(task_label(c) for c in first) if first else "")
                         + "。")
            if partner := [c for c in part if not unstated(c)]:
                text += f"{units[0]}作为配合单位的事项有：" + "；".join(task_label(c) for c in partner) + "。"
            return _answer(frame, question, text, first or part, units, None)
        return Answer(question, text, False, frame.op.value, tuple(units))
    width = GIST_WIDTH if len(found) > 3 else GIST_WIDE  # a unit with few items: what each asks of it in full
    lines = [f"{who}{verb}的事项共 {len(found)} 项（★ 表示牵头）：" if total == len(found) else
             f"{who}在「{item_name(found[0])}」中的工作如下（{who}共{verb} {total} 项，此处只列所问的一项；★ 表示牵头）："]
    groups: OrderedDict[tuple[str, str], list[Clause]] = OrderedDict()
    for c in found:
        groups.setdefault((c.doc, c.section[0] if c.section else ""), []).append(c)
    several = len({d for d, _ in groups}) > 1
    for (doc, part), items in groups.items():
        lines.append(f"《{titles.get(doc, doc)}》{part}：" if several else f"{part}：")
        for c in items:
            mine = written(c, units[0], canon)
            what = gist(c, mine, width, names_other=lambda s: any(not _same(m, mine, canon) for m in mentions(s)))
            lines.append(f"  · {item_name(c)}{' ★' if _leads(c, units[0], canon, unstated) else ''}" + (f"：{what}" if what else ""))
    return _answer(frame, question, "\n".join(lines), found, units, None)


def split_rows(frame: Frame, question: str, rows: Sequence[Clause]) -> Answer:
    """A task the table splits over rows, asked by its title: each row with its first words and its units (the
    leads for a lead question, the partners for a partners question), in table order."""
    lines = [f"「{task_label(rows[0])}」在分工表中分 {len(rows)} 行，各行{_ROLE_WORD.get(frame.op, '责任单位')}："]
    for n, c in enumerate(rows, 1):
        if frame.op is Op.LEAD:
            who = "、".join(dict.fromkeys((*c.lead_units, *(g for g in c.generic_units if g in c.leads)))) or "未列"
        elif frame.op is Op.PARTNERS:
            who = "、".join(c.partner_units) or "无"
        else:
            who = unit_list(c)
        what = gist(c)
        cells = _cells(c, {Op.LEAD: ("牵头", "责任", "主责"), Op.PARTNERS: ("配合", "协同", "参与", "协办")}.get(frame.op))
        lines.append(f"{n}. {what or c.heading}：{who}" + (f"（{cells}）" if cells else ""))
    units = tuple(dict.fromkeys(u for c in rows for u in (c.lead_units if frame.op is Op.LEAD else
                                                           c.partner_units if frame.op is Op.PARTNERS else c.units)))
    return _answer(frame, question, "\n".join(lines), rows, units, rows[0].lead_unit)


_ROLE_WORD = {Op.LEAD: "牵头单位", Op.PARTNERS: "配合单位"}


def generic_tasks(frame: Frame, question: str, party: str, found: Sequence[Clause], later: str = "",
                  behind: int = 0) -> Answer:
    """What a generic party (属地人民政府(管委会), 各区政府) is listed for, as `reverse` does for a named unit;
    `later`, `behind`: the parties an item says stand behind every later item, and how many items follow."""
    lines = [f"{party}列为责任方的事项共 {len(found)} 项（★ 表示牵头）："]
    if later and behind:
        lines = [f"{party}负责落实所列事项，并且文件写明以下各项均需{later}落实、不再列出（其后共 {behind} 项）。",
                 f"明确列出{party}的事项共 {len(found)} 项（★ 表示牵头）："]
    groups: OrderedDict[str, list[Clause]] = OrderedDict()
    for c in found:
        groups.setdefault(c.section[0] if c.section else "", []).append(c)
    for part, items in groups.items():
        lines.append(f"{part}：")
        for c in items:
            what = gist(c, party)
            lines.append(f"  · {item_name(c)}{' ★' if party in c.leads else ''}" + (f"：{what}" if what else ""))
    return _answer(frame, question, "\n".join(lines), found, (), None)


def office_tasks(frame: Frame, question: str, office: str, rows: Sequence[tuple[Clause, str]],
                 names_other: Callable[[str], bool]) -> Answer:
    """What an office named only in a task table's columns (考评处 in 市卫健委内牵头处室) is listed for: each row
    by its task, the column that names the office, and the row's first words."""
    lines = [f"{office}在分工表中列于 {len(rows)} 行："]
    for c, column in rows:
        what = gist(c, office, names_other=names_other)
        lines.append(f"  · {task_label(c)}（{_INSIDE.sub('内设', column)}）" + (f"：{what}" if what else ""))
    return _answer(frame, question, "\n".join(lines), [c for c, _ in rows], (), None)


def untagged(frame: Frame, question: str, clause: Clause, nearest: Clause | None) -> Answer:
    text = f"文件在「{clause.section_label}」中没有列明责任单位。"
    related = (Citation(nearest, tag_quote(nearest)),) if nearest else ()
    if nearest:
        text += f"相关的「{task_label(nearest)}」的责任单位是：{unit_list(nearest)}，仅供参考。"
    return Answer(question, text, False, frame.op.value, (), None, (Citation(clause, clause.text[:80]),), related)


# `哪些部门负责，一共几个`: the list and its number asked together
_HOW_MANY = re.compile(r"(一共|总共|共)?(几|多少)个|几家|多少家")


def _how_many(question: str, units: Sequence[str]) -> str:
    return f"共{len(units)}个具名单位。" if units and _HOW_MANY.search(question) else ""


def _as_written(task: Clause) -> str:
    """The annotation verbatim, where the answer says what it does not state (no 牵头): the user checks the words."""
    return f"原文标注为“{task.tag_text}”。" if task.tag_text else ""


def unstated_lead(frame: Frame, question: str, task: Clause, evidence: Citation | None) -> Answer:
    """An item listing only 责任单位 in a document that marks 牵头 elsewhere: no lead is claimed for it."""
    named = "、".join(task.units)
    what = "牵头单位" if frame.op is Op.LEAD else "牵头与配合之分"
    asked = [u for u in task.units if any(_same(u, a, str) or a in u for a in frame.units)]
    if frame.op is Op.PARTNERS and asked and (others := [u for u in task.units if u not in asked]):
        # `除了工信厅还有谁`: the rest of the list, though the item names no lead and no partner
        text = (f"除{'、'.join(asked)}外，还有{'、'.join(others)}。「{task_label(task)}」只列了责任单位，"
                f"没有标注{what}。" + _as_written(task))
        return _answer(frame, question, text, [task], tuple(others), None, [evidence] if evidence else [])
    text = (f"{named}。{_how_many(question, task.units)}「{task_label(task)}」只列了责任单位，没有标注{what}。"
            if frame.op is Op.RESPONSIBLE else f"「{task_label(task)}」没有标注{what}，只列了责任单位：{named}"
            + (f"（列首位的是{task.units[0]}）。" if len(task.units) > 1 else "。"))
    if task.generic_units:
        text += f"另列有{'、'.join(task.generic_units)}。"
    text += _as_written(task)
    units = task.units if frame.op is not Op.LEAD else ()
    return _answer(frame, question, text, [task], units, None, [evidence] if evidence else [])


WRITERS = {Op.RESPONSIBLE: responsible, Op.LEAD: lead, Op.PARTNERS: partners, Op.COUNT: count}
