"""Responsibility annotations in the forms Chinese policy documents use. Pure: text in, records out.

Forms (`FORMS`), each written from how real 实施意见 / 实施方案 / 规划 mark who does what:

- list      `［责任单位：A、B，有关区（市）县］`, `（责任单位：A、B）` — no 牵头 stated: by
            convention the first listed unit leads (`lead_explicit` False);
- labelled  `（牵头单位：A；配合单位：B、C，各区）` and the variants 牵头部门 / 责任部门 /
            配合部门 / 参与单位 / 协同单位 …, any of `；，、;,` between parts, full- or half-width
            brackets — 牵头 is stated (`lead_explicit` True);
- inline    `（A牵头，B、C配合）`, `（A负责）`, `（A牵头，B等按职责分工负责）`, and the
            unbracketed `由A牵头，B、C配合`;
- table     a row of a task-division table (made in ingest/tables.py, not here).

Generic units (各区、县级市人民政府 / 有关区（市）县 / 市级有关部门 …) are recognised by their
shape — 各/有关/相关 + a generic noun — never from a list, and kept apart from named units.
A name that itself holds brackets (有关区（市）县, 成都高新区（天府软件园）) is never split:
separators only count outside brackets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from core import labels
from core.brackets import CLOSE, OPEN, outer_spans
from core.lead_rule import FIRST_GROUP_LEADS, FIRST_LEADS, LEAD_NOTE, STANDING

LIST, LABELLED, INLINE, TABLE = "list", "labelled", "inline", "table"
FORMS = (LIST, LABELLED, INLINE, TABLE)

_LABEL = labels.LABEL
_LABEL_AT = re.compile(rf"({_LABEL})\s*[:：]")
_SEP = "、，,；;"
# `市级各有关部门及各县市区政府`, `能源局等省有关部门和各地级以上市人民政府`: 及/和/等 join two parties
# only before a generic one (和 inside a name, 人力资源和社会保障局, is never followed by 各/有关).
_AND = re.compile(r"(?:以及|及|和|等)(?=(?:省|市|区|县)?(?:各|有关|相关|其他))")

# Role verbs that close an inline clause (`A牵头`, `B、C配合`, `D等按职责分工负责`).
_ROLE_END = re.compile(r"(?:等)?(?:(牵头负责|牵头落实|牵头)|(配合|参与|参加|协同|协助|协办)|"
                       r"((?:按职责分工|按职责|分别|共同)?(?:负责|落实)))$")
# `由X牵头负责解释` says who interprets the document: no task's annotation
_INLINE_BARE = re.compile(r"由([^，,。；;：:（）()]{2,60}?)牵头(?!负责解释|解释)(?:[，,]([^。；;：:]{2,120}?)(?:等)?(?:配合|参与|参加|协同|协助))?")

# What a body's name ends with; a bracketed phrase whose parts do not end so is not an annotation.
_UNIT_END = re.compile(
    r"(局|委|委员会|办|办公室|办公厅|厅|部|院|会|中心|室|署|所|馆|队|站|政府|管委会|集团|公司|银行|区|县|市|镇|乡|街道|"
    r"组|处|科|团|联|协|社|台|校|行|司|园|机构|单位|部门|总队|支队|大队|分局|海关|监狱|党工委|工委|法院|检察院)"
    r"(?:[（(][^）)]{1,12}[）)])?$")
# Generic parties: 各/有关/相关/其他/属地 near the start, optionally after a level word (市级有关部门).
_GENERIC = re.compile(r"^(?:市级|市直|区级|县级|省级|省直|市|区|县|省|全市|全区|全县)?(?:各级|各|有关|相关|其他|其它|属地|所在地|当地)")
# A bare level noun naming no particular body (县级市人民政府 after 各区): continues a generic party.
# The level may carry the levels it stands with in brackets (县（市）, 县（市、区）, 区（市）县, 市（州）): `各区、县（市）政府`
# and `各市、州、县人民政府` are one generic party, not a body called 县（市）政府 or 州.
_LEVEL = r"(?:县级市|县市区|市州|区县|镇街|街道|[区县市州盟旗镇乡])"
_LEVEL_ONLY = re.compile(rf"^{_LEVEL}(?:[（(\[［]{_LEVEL}(?:、{_LEVEL})*[）)\]］])?{_LEVEL}?"
                         r"(?:人民政府|政府|党委|党委政府|管委会|办事处)?$")
# a body named by its kind only (开发园区管委会, 功能区管委会): after a generic party (`各区政府、开发园区管委会`) the
# 各 reaches it too — every such body, no one in particular
_KIND_ONLY = re.compile(r"^(?:开发园区|开发区|园区|功能区|产业园区|经济开发区|各类园区)(?:管委会|管理委员会|管理机构)?$")
_TAIL = re.compile(r"(?:等)?(?:(?:按职责分工|按职责)?(?:负责|落实)|配合|参与|牵头)?$")


@dataclass(frozen=True)
class Annotation:
    """Who does an item, as the document says it."""

    units: tuple[str, ...]  # every named unit in order, leads first
    leads: tuple[str, ...]  # explicit leads (牵头); empty when the document states none
    partners: tuple[str, ...]  # named co-operating units (配合/参与/协同 …)
    generic_units: tuple[str, ...]  # 各区 / 有关区（市）县 / 市级有关部门 …
    form: str  # one of FORMS
    text: str  # the annotation verbatim
    span: tuple[int, int]  # where `text` sits in the text searched

    @property
    def lead_explicit(self) -> bool:
        return bool(self.leads)

    @property
    def lead_units(self) -> tuple[str, ...]:
        """Explicit leads, else the first named unit by convention."""
        return self.leads or self.units[:1]


# `市政府相关单位`, `市直其他部门`: a kind of body under a named one, still no body in particular
# 有关部门, and bodies named by their kind (区党政机关, 公共机构, 企事业单位): every one of a kind, no one body
_GENERIC_TAIL = re.compile(r"(?:有关|相关|其他|其它)(?:单位|部门|机构|方面)$|^(?:市|区|县|镇|全市|全区)?(?:党政机关|公共机构|企事业单位|"
                           r"机关事业单位|国家机关)$")


def is_generic(name: str) -> bool:
    """A party named by kind, not by name: 各区、县级市人民政府, 有关区（市）县, 市级有关部门 …"""
    return bool(_GENERIC.match(name)) or bool(_LEVEL_ONLY.match(name)) or bool(_GENERIC_TAIL.search(name))


# bodies every city has, written in two characters after a list's first name gave the level (省发展改革委、妇联、法院)
_SHORT_BODIES = frozenset("妇联 法院 工会 残联 侨联 科协 文联 团委 台办 侨办 外办".split())


def looks_like_unit(name: str) -> bool:
    return (3 <= len(name) <= 40 and bool(_UNIT_END.search(name))  # 政府 / 社会 alone name no body
            or name in _SHORT_BODIES)


_BARE_NAME = re.compile(r"[\u4e00-\u9fff]{2,12}")


def listed_bodies(names: list[str]) -> bool:
    """Names a role verb governs (`A牵头，B、C按职责分工负责`) are bodies when each looks like one, or when most do and
    the rest are short bare names (`广元国际铁路港`, a 管委会 by its place's name): one unfamiliar ending does not
    undo the list."""
    known = [looks_like_unit(n) for n in names]
    return all(known) or (2 * sum(known) > len(names) and all(map(_body_like, names)))


def _body_like(name: str) -> bool:
    """A body by its ending, or a short bare name that may be one (the list as a whole decides)."""
    return looks_like_unit(name) or bool(_BARE_NAME.fullmatch(name))


def split_names(text: str) -> list[tuple[str, str]]:
    """(name, separator before it) for each name in a list, splitting only outside brackets."""
    parts: list[tuple[str, str]] = []
    depth, start, sep = 0, 0, ""
    text = _AND.sub("、", text) if _AND.search(text) else text
    for i, ch in enumerate(text):
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif ch in _SEP and depth == 0:
            parts.append((text[start:i], sep))
            start, sep = i + 1, ch
    parts.append((text[start:], sep))
    return [(name.strip(), s) for name, s in parts if name.strip()]


_SHARED_END = re.compile(r"(?<=[\u4e00-\u9fff]{2})((?:市|区|县)(?:人民)?政府)$")


def _shared_suffix(parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """`广州、深圳市政府`: a place's bare name before a name ending in 市政府 shares that ending (广州市政府)."""
    end = _SHARED_END.search(parts[-1][0]) if parts else None
    if end is None:
        return parts
    return [(n + end.group(1) if re.fullmatch(r"[\u4e00-\u9fff]{2,3}", n) and not looks_like_unit(n)
             and not is_generic(n) and not n.startswith(("各", "有关", "相关", "其他", "其余")) else n, sep)
            for n, sep in parts]


def names_in(text: str) -> tuple[list[str], list[str]]:
    """Named and generic parties of a list; a bare level noun after a generic party joins it."""
    named: list[str] = []
    generic: list[str] = []
    for name, sep in _shared_suffix(split_names(text)):
        name = _TAIL.sub("", name) or name
        if (_LEVEL_ONLY.match(name) or _KIND_ONLY.match(name)) and generic and sep == "、":
            generic[-1] = f"{generic[-1]}{sep}{name}"  # 各区、县级市人民政府 is one party
        elif is_generic(name):
            generic.append(name)
        elif name:
            named.append(name)
    return named, generic


def _unique(names: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


def build_annotation(leads: list[str], partners: list[str], responsible: list[str], generic: list[str],
                     form: str, text: str, span: tuple[int, int], lead_generic: list[str] = ()) -> Annotation:
    """The record; when the 牵头 part names only generic parties (牵头单位：各区政府) they are the leads,
    so that the named units listed after them are not taken to lead by the first-listed convention."""
    # `牵头部门:各县市人民政府、楚雄高新区管委会`: a generic party listed as a lead leads beside the named one
    lead_t = _unique(leads + list(lead_generic))
    rest = [n for n in responsible + partners if n not in lead_t]
    units = _unique([n for n in lead_t if n not in lead_generic] + rest)
    partner_t = tuple(u for u in units if u not in (lead_t or units[:1]))
    if lead_t and lead_generic and not leads:
        return Annotation(units, lead_t, units, _unique(generic), form, text, span)
    return Annotation(units, lead_t, partner_t, _unique(generic), form, text, span)


_OTHER_LABEL = re.compile(r"[；;，,。\s]*[\u4e00-\u9fff]{2,6}[:：]")


def _labelled(body: str, text: str, span: tuple[int, int]) -> Annotation | None:
    """`牵头单位：A；配合单位：B` — each label governs the list up to the next label."""
    marks = list(_LABEL_AT.finditer(body))
    if not marks or body[: marks[0].start()].strip(" ：:"):
        return None
    roles: dict[str, list[str]] = {"lead": [], "responsible": [], "partner": []}
    generic: list[str] = []
    lead_generic: list[str] = []
    for m, nxt in zip(marks, marks[1:] + [None]):
        # another kind of label in the same brackets (完成时限：2024年底) ends the list of units
        segment = _OTHER_LABEL.split(body[m.end(): nxt.start() if nxt else len(body)], maxsplit=1)[0]
        named, gen = names_in(segment)
        roles[labels.role(m.group(1))] += named
        generic += gen
        lead_generic += gen if labels.role(m.group(1)) == "lead" else []
    form = LABELLED if roles["lead"] or roles["partner"] or lead_generic else LIST
    return build_annotation(roles["lead"], roles["partner"], roles["responsible"], generic, form, text, span, lead_generic)


def _inline(body: str, text: str, span: tuple[int, int]) -> Annotation | None:
    """`A牵头，B、C配合` / `A负责` / `A牵头，B等按职责分工负责`: every clause ends in a role verb."""
    leads: list[str] = []
    partners: list[str] = []
    responsible: list[str] = []
    generic: list[str] = []
    clauses = [c for c in re.split(r"[，,；;]", body) if c]
    if not clauses:
        return None
    lead_generic: list[str] = []  # `省住房城乡建设厅、各地级以上市人民政府牵头负责`: a generic party leads beside it
    pending: list[str] = []  # `（省委金融办，广东金融监管局牵头负责）`: names before a comma share the next role
    pending_generic: list[str] = []
    for i, clause in enumerate(clauses):
        m = _ROLE_END.search(clause)
        if (not m or m.start() == 0) and i < len(clauses) - 1:
            named, gen = names_in(clause)
            if gen and not named:  # `（各有关部门和单位，各省级人民政府按职责分工负责）`: generic parties share it too
                pending_generic += gen
                continue
            if not named or gen or not all(map(_body_like, named)):
                return None
            pending += named
            continue
        if not m or m.start() == 0:
            return None
        named, gen = names_in(clause[: m.start()])
        if not all(map(_body_like, named)) or not (named or gen):
            return None
        named, pending = pending + named, []
        generic += pending_generic + gen
        pending_generic = []
        if m.group(1):
            leads += named
            lead_generic += gen if named else []  # generic parties alone leading: build_annotation's own case
        elif m.group(2) or leads or i > 0:
            partners += named
        else:
            responsible += named
    if not listed_bodies(leads + partners + responsible):  # most of the names must be bodies by their endings
        return None
    return build_annotation(leads, partners, responsible, generic, INLINE, text, span, lead_generic)


# `A会同B等有关部门研究提出了办理意见`, `由A会同B制定`: A does it, B joins in. Only at the start of a sentence (or after
# 由), so that a clause's subject is the doer and `…，落实人员配备，会同本级财政部门` (no doer before 会同) is no annotation.
_JOINTLY = re.compile(r"(?:^|(?<=[。；;：:])|(?<=[，,]由))(?:第[一二三四五六七八九十百零〇\d]+条)?"
                      r"(?P<a>(?:[^，,。；;：:（）()“”]|[（(][^（）()]{1,12}[）)]){2,40}?)已?会同"
                      r"(?P<b>[^，,。；;：:“”]{2,80}?)(?:等)?(?=研究|提出|制定|负责|办理|赴|共同|联合|组织|开展|进行|做好|抓紧)")


def _jointly(text: str, found: list[Annotation]) -> list[Annotation]:
    out = []
    for m in _JOINTLY.finditer(text):
        if any(s <= m.start() < e for s, e in (a.span for a in found)):
            continue
        leads, lead_gen = names_in(re.sub(r"^.*由", "", m.group("a")))  # 具体办法由A会同B制定: A
        partners, gen = names_in(re.sub(r"等(?:部门|单位)$", "", m.group("b")))
        gen += [n for n in partners if re.search(r"有关|相关", n)]  # 国务院有关部门: a kind of body, not one
        partners = [n for n in partners if n not in gen]
        if leads and not lead_gen and all(looks_like_unit(n) for n in leads + partners):
            out.append(build_annotation(leads, partners, [], gen, INLINE, m.group(0), m.span()))
    return out




# `以下措施均需江北新区管委会、各区政府落实，不再单独列出`: parties the first annotation says stand behind every item
# after it (the document lists them once); a note, not names of this item's list
def find_annotations(text: str) -> list[Annotation]:
    """Every annotation in `text`, in order."""
    found: list[Annotation] = []
    for start, end in outer_spans(text):
        body = STANDING.sub("", text[start + 1: end - 1]).strip()
        # `（A、B等负责。列第一位者为牵头单位，下同）`: a note after the list, which may say how the lead is known
        body, _, note = body.partition("。")
        # `（A、B、C负责，排在第一位的部门为牵头部门，下同）`: the same note after a comma, or after a semicolon
        # (`（责任单位：A、B，C；第一个逗号前为牵头单位，…，下同）`, whose list has commas of its own)
        if (rule := LEAD_NOTE.search(body)) is not None and (cut := _note_start(body, rule.start())) > 0:
            body, note = body[:cut], body[cut + 1:] + note
        ann = _labelled(body, text[start:end], (start, end)) or _inline(body, text[start:end], (start, end))
        if ann is not None and ann.units and not ann.leads and (
                FIRST_LEADS.search(note) or FIRST_GROUP_LEADS.search(note) and first_group(body)):
            leads = list(first_group(body)) if FIRST_GROUP_LEADS.search(note) else list(ann.units[:1])
            ann = build_annotation(leads, [u for u in ann.units if u not in leads], [], list(ann.generic_units),
                                   ann.form, ann.text, ann.span)
        if ann is not None and (ann.units or ann.generic_units):
            found.append(ann)
    if (bare := _bare_labelled(text, found)) is not None:
        found.append(bare)
    found += _jointly(text, found)
    for m in _INLINE_BARE.finditer(text):
        if any(s <= m.start() < e for s, e in ((a.span[0], a.span[1]) for a in found)):
            continue
        leads, gen = names_in(m.group(1))
        partners, gen2 = names_in(m.group(2) or "")
        if leads and all(looks_like_unit(n) for n in leads + partners):
            found.append(build_annotation(leads, partners, [], gen + gen2, INLINE, m.group(0), m.span()))
    return sorted(found, key=lambda a: a.span)


def _note_start(body: str, rule: int) -> int:
    """Where the note before a lead rule begins: the last semicolon before it, else the last comma."""
    semicolon = max(body.rfind("；", 0, rule), body.rfind(";", 0, rule))
    return semicolon if semicolon > 0 else max(body.rfind("，", 0, rule), body.rfind(",", 0, rule))


def first_group(tag: str) -> tuple[str, ...]:
    """The named units before a list's first comma (`责任单位：市科技局、市数据局，市委网信办…` → 市科技局, 市数据局): the
    leads where the document says so (:data:`FIRST_GROUP_LEADS`). The label and any bracket are left out."""
    body = _LABEL_AT.sub("", tag.strip("".join(OPEN + CLOSE)), count=1)
    body = re.split(r"[；;]", body, maxsplit=1)[0]
    head = re.split(r"[，,]", body, maxsplit=1)[0]
    return tuple(names_in(head)[0])


_AFTER_SENTENCE = "。；;！!）)］]"


def _bare_labelled(text: str, found: list[Annotation]) -> Annotation | None:
    """`…。牵头单位:市金融局责任单位:市发展改革委、市财政局` — labelled lines with no brackets after the item
    (each on its own line in the source, joined here): from the first label after a sentence end to the end."""
    for m in _LABEL_AT.finditer(text):
        if m.start() and text[m.start() - 1] not in _AFTER_SENTENCE:
            continue
        if any(s <= m.start() < e for s, e in (a.span for a in found)) or "。" in text[m.start():-1]:
            continue
        tail = text[m.start():]
        # the label inside brackets opened by another kind of label (`（督办单位：A；责任单位：B）`): not its `）`
        while tail and tail[-1] in CLOSE and sum(tail.count(c) for c in OPEN) < sum(tail.count(c) for c in CLOSE):
            tail = tail[:-1]
        ann = _labelled(tail, tail, (m.start(), m.start() + len(tail)))
        if ann is not None and (ann.units or ann.generic_units):
            return ann
    return None


def is_label_line(text: str) -> bool:
    """A line that is only a labelled list with no brackets (`责任单位:市财政局、市商务局`)."""
    return bool(_LABEL_AT.match(text)) and _bare_labelled(text, []) is not None


_ITEM_MARK = re.compile(r"[（(][一二三四五六七八九十\d]{1,3}[）)]|(?<![\d.])\d{1,2}[.．、](?!\d)|第[一二三四五六七八九十百\d]+条|[一二三四五六七八九十]+、")


def item_tags(text: str) -> list[Annotation]:
    """The tags that each close a sentence of the paragraph's last item (two or more), in order; [] for one."""
    found = find_annotations(text)
    # bracketed tags only: `（A、B负责）` closing a sentence mid-item is a tag, `由A牵头` in a sentence is not
    tags = [a for a in found if a.form in (LABELLED, LIST) or (a.form == INLINE and a.text[:1] in OPEN)]
    if len(tags) < 2 or tags[-1] is not found[-1]:
        return []
    tags = [a for a in tags if not _ITEM_MARK.search(text[a.span[1]:tags[-1].span[0]])] + [tags[-1]]
    tags = list(dict.fromkeys(tags))  # only the tags of the last item: an item mark between two tags separates them
    return tags if len(tags) >= 2 else []


def find_annotation(text: str) -> Annotation | None:
    """The annotation that governs a paragraph: its last one (annotations close what they govern). An item whose
    sentences each carry their own tag (`…(牵头单位:A,责任单位:B)。…(牵头单位:C,责任单位:D)`, `…（A、B负责）…（C负责）`)
    is governed by all of them: every lead and unit kept, in order, the last tag quoted."""
    found = find_annotations(text)
    if not found:
        return None
    tags = item_tags(text)
    if not tags:
        return found[-1]
    leads = list(dict.fromkeys(u for a in tags for u in a.leads))
    units = list(dict.fromkeys(u for a in tags for u in a.units))
    generic = list(dict.fromkeys(g for a in tags for g in a.generic_units))
    last = tags[-1]
    return build_annotation(leads, [u for u in units if u not in leads], [], generic, last.form, last.text, last.span)


def is_annotation_only(text: str) -> bool:
    """The whole text (whitespace removed) is one bracketed annotation: it belongs to the item before it."""
    ann = find_annotation(text)
    return ann is not None and ann.span == (0, len(text)) and (text[:1] in OPEN or is_label_line(text))


def opens_annotation(text: str) -> bool:
    """Text starting with a labelled annotation's opening (`（牵头单位：`, `［责任单位`), possibly unclosed."""
    return bool(re.match(rf"^[{re.escape(OPEN)}]\s*(?:{_LABEL})", text))


_OPEN_TAG = re.compile(r"［责任单位")


def unclosed_tag(text: str) -> int | None:
    """Offset of a `［责任单位` tag that opens and never closes, if any."""
    for m in _OPEN_TAG.finditer(text):
        if "］" not in text[m.end():].split("［", 1)[0]:
            return m.start()
    return None
