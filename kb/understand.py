"""Question → Frame: the operation, the units and constraints, and the words that name the subject. Pure.

Cues compose instead of competing in a first-match chain: a yes/no cue plus a named
unit is a membership check whatever else the question says; a kind constraint
(哪些区) narrows any unit answer; a count cue turns a unit list into a number.
Subjects are linked to clauses afterwards (`kb/link.py`), against the document's
own headings, items and target sentences.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Sequence

from pypinyin import Style, pinyin

from core.units import UnitTable, normalise
from kb import attributes, cues
from kb.frame import Frame, Op, UnitKind
from kb.fusion import stages_in, years_in

Words = Callable[[str], Sequence[str]]
_CONNECTOR = re.compile(r"(?:和|与|及|以及|跟|同|比|、|，|,|;|；|\band\b|\bvs\.?\b)")
_WORD_JOIN = re.compile(r"(?:和|与|及|以及|跟|\band\b)")
_STAGE_WORD = re.compile(r"第[一二三四五六七八九十]阶段|(first|second|third) (stage|phase)", re.IGNORECASE)
_YEAR_WORD = re.compile(r"20\d{2}\s*年?")
# single characters and pointer words a segmenter leaves between the subject and the question (`这`+`条列`+`了`)
_ASKING_WORD = re.compile(rf"(?:{cues.ASKING.pattern})+|[项条块些个年呢吧啊嘛共这那该此列管归找问]|条列|一条|一项|该条|列明|写明|归谁|谁管")


_NOT_COUNTED = re.compile(r"[（(][^）)]*(不算|不计|不含|不包括|除外)[^）)]*[）)]|有关[^，。？?]{0,10}(不算|不计|除外)")


def _kinds(text: str) -> tuple[frozenset[UnitKind], frozenset[UnitKind]]:
    """(kinds wanted, kinds excluded): `哪些区` wants districts, `哪个不是市级部门` excludes city departments.
    An aside that leaves the generic units out (`（有关部门和区县不算）`) constrains nothing: they never count."""
    text = _NOT_COUNTED.sub("", text)
    wanted, excluded = set(), set()
    for kind, pattern in cues.KIND_WORDS:
        m = pattern.search(text)
        if m:
            before = text[max(0, m.start() - 8):m.start()]
            if re.search(r"(不算|不含|不包括|除去|排除).{0,4}有关", before):
                continue  # `不算有关部门和区县`: the generic units, which are never counted anyway
            (excluded if re.search(r"不是|不属于|非|除了?|不算|不含|不包括", before) else wanted).add(kind)
    return frozenset(wanted), frozenset(excluded)


_HINT_NOUN = re.compile(r"部门|方面|系统|口|条线")


def unit_hints(text: str, named: Sequence[str], words: Words) -> tuple[str, ...]:
    """`税务部门在不在里面`: a unit named by its field, to be matched inside the subject's unit names."""
    if named:
        return ()
    ws = list(words(text))
    return tuple(w for w, nxt in zip(ws, ws[1:]) if _HINT_NOUN.fullmatch(nxt) and 2 <= len(w) <= 4
                 and not _ASKING_WORD.fullmatch(w) and re.fullmatch(r"[\u4e00-\u9fff]+", w)
                 and not re.search(r"有关|相关|市级|区级|国家|省级", w)
                 and not re.fullmatch(r"[几多少一二三四五六七八九十两\d]+个?", w))  # 五个方面 counts; it names no field


def _asked_apart(text: str, first: re.Pattern, second: re.Pattern) -> bool:
    """Two cues on separate spans of the question (not `配合单位有哪些` read as both)."""
    a, b = first.search(text), second.search(text)
    if a is None or b is None or (a.start() < b.end() and b.start() < a.end()):
        return False
    between = text[min(a.end(), b.end()):max(a.start(), b.start())]
    return bool(re.search(r"[？?，,；;和及、]|以及|还有|分别", between)) or bool(re.search(r"分别", text))


_COUNTS_LEADS = re.compile(r"(几|多少)(个|家)?(单位|部门|机构)?(共同|一起|联合)?(牵头|主办)|(几|多少)(个|家)(牵头|主办)|"
                           r"(牵头|主办)(单位|部门|的)(有|是|共)?(几|多少)|how many (lead|units lead)")
# `一共有几个配合部门`: the count of the units other than the lead
_COUNTS_PARTNERS = re.compile(r"(几|多少)(个|家)?(具名的?)?(单位|部门|机构)?(配合|参与|协同|协助)|(配合|参与|协同)(单位|部门)[^，。？?]{0,4}(几|多少)")


# `一共有几个单位参与`: everyone taking part, the lead too (参与 there is no role)
_COUNTS_ALL = re.compile(r"(一共|总共|共|总计|合计)(有|列了?|涉及)?(几|多少)(个|家)?(单位|部门|机构)参与")
# `除了牵头的发改委`, `不算牵头单位`, `牵头单位以外`: the lead set aside — a count of the others
_LEAD_EXCLUDED = re.compile(r"除了?牵头|牵头(单位|部门)?(以外|之外)|不含牵头|不算牵头|不包括牵头|不计牵头|besides the lead")


def _op(text: str, named: Sequence[str], kinds: bool = False, two: bool = False) -> tuple[Op, bool, float]:
    """(operation, lead only, confidence). The order puts question shapes that constrain others first."""
    lead, partners = bool(cues.LEAD.search(text)), bool(cues.PARTNERS.search(text))
    yes_no, asks_units = bool(cues.YES_NO.search(text)), bool(cues.ASKS_UNITS.search(text))
    duty = lead or partners or bool(cues.RESPONSIBLE.search(text)) or (kinds and bool(re.search(r"哪|谁|which", text)))
    if cues.UNTAGGED_ASKED.search(text):
        return Op.OUTLINE, False, 0.8  # 哪些条没写牵头单位 / 每条都写了吗: the items, each checked for its annotation
    if cues.PER_ITEM.search(text):
        return Op.PER_ITEM, lead, 0.9
    # `保障合理用药有市医保局吗`: an item "has" a unit, asked yes/no
    if named and yes_no and (duty or re.search(r"里|名单|之列|其中|包括|在内|有没有|在不在|算不算|包不包括|属不属于|"
                                                r"负责|参与|配合|管|指导|主管|主办|承办|办的|办理|的(活|事|工作|任务|职责)|有[^，。？?]{2,20}(吗|么|没)", text)):
        return Op.MEMBER, lead and not partners, 0.9
    lead_excluded = bool(_LEAD_EXCLUDED.search(text))
    # 是牵头还是配合 / 涉及哪几条 ask both roles; `牵头的是哪几条` asks the items it leads
    both_roles = lead and not lead_excluded and (partners or bool(re.search(r"还是|涉及", text)) or bool(
        re.search(r"哪几(条|项)", text) and not re.search(r"牵头(的|了)(是|有)?(哪|几)", text)))
    # `谁负责？哪些单位配合？` / `责任单位和配合单位分别是`: who is responsible and who co-operates, asked together
    both_roles = both_roles or (partners and not lead_excluded and _asked_apart(text, cues.RESPONSIBLE, cues.PARTNERS))
    if named and cues.TASKS_OF_UNIT.search(text) and not (asks_units and not lead):
        return (Op.SHARED_TASKS if len(named) > 1 else Op.REVERSE), lead and not both_roles, 0.9
    if named and len(named) > 1 and cues.SHARED.search(text) and not asks_units:
        return Op.SHARED_TASKS, lead, 0.8
    if cues.DOC_SHAPE.search(text) and not named and not duty:
        return Op.OUTLINE, False, 0.8  # 一共几章、多少条: the document's (or a heading's) parts
    if cues.COUNT.search(text):
        # `几个部门牵头` counts the leads; `几个部门负责，谁牵头` counts them all and names the lead
        return Op.COUNT, lead and bool(_COUNTS_LEADS.search(text)) and not lead_excluded, 0.8
    if cues.ENUMERATE.search(text) and not duty and not named:
        return Op.OUTLINE, False, 0.7  # 六大行动计划是哪六个: the parts of the heading named
    # `…都有份的部门` / `…交集部门`: a question that ends on the kind of thing it wants asks for units
    ends_on_units = bool(re.search(r"(单位|部门|机构|局)(有|是)?(哪些|哪几个|哪几家)?[？?。]?\s*$", text))
    if two and cues.SHARED.search(text) and (duty or asks_units or ends_on_units):
        return Op.INTERSECTION, lead, 0.85
    if two and cues.DIFFERENCE.search(text) and (duty or asks_units or cues.UNIT_NOUN.search(text)):
        return Op.DIFFERENCE, lead, 0.8
    if named and cues.TASKS_OF_UNIT.search(text):
        return Op.REVERSE, lead, 0.7
    if both_roles and (duty or asks_units):
        return Op.RESPONSIBLE, False, 0.85  # `谁牵头？哪些部门配合？`: the whole list, the lead marked
    if partners and (duty or asks_units):
        return Op.PARTNERS, False, 0.9
    if lead and re.search(r"(哪些|哪几个|哪几家|哪几|几个|几家)(单位|部门|局)?(共同|一起|联合)?牵头", text):
        return Op.LEAD, True, 0.9  # `哪几个部门牵头`: the leads, however many
    if lead and re.search(r"哪些(单位|部门)|哪几(个|家)|责任单位|都有谁|都是谁|which (units|departments)", text):
        return Op.RESPONSIBLE, False, 0.85  # `哪些单位负责，其中哪家牵头`: the whole list, the lead marked
    if lead:
        return Op.LEAD, True, 0.9
    if duty:
        return Op.RESPONSIBLE, False, 0.85
    if named and not cues.NUMBER.search(text):
        return Op.REVERSE, False, 0.5
    # `分了几个阶段，各叫什么，时间怎么划`: the stages themselves (a heading's parts), not a figure per stage
    if (re.search(r"(分|有|划分为?|包括|分成)了?(哪几|几)个?阶段|(几|哪几)个?阶段.{0,8}(叫什么|名称|名字|怎么划|如何划|起止)", text)
            and not re.search(r"多少|达到|数量|规模|指标", text)):
        return Op.OUTLINE, False, 0.8
    if cues.COMPARE.search(text):
        return Op.COMPARE, False, 0.85
    if cues.SERIES.search(text):
        return Op.SERIES, False, 0.85
    if cues.DEFINITION.search(text):
        return Op.DEFINITION, False, 0.8
    if cues.SUPPORT.search(text) and not cues.NUMBER.search(text):
        return Op.SUPPORT, False, 0.7
    if cues.NUMBER.search(text) or years_in(text) or stages_in(text):
        return Op.VALUE, False, 0.7
    if cues.SUPPORT.search(text):
        return Op.SUPPORT, False, 0.6
    if cues.LIST.search(text):
        return Op.OUTLINE, False, 0.5
    return Op.CONTENT, False, 0.4


def _without_units(text: str, units: UnitTable) -> str:
    """The question with every unit mention cut out (longest form first)."""
    for name in units.find_in_text(text):
        unit = units.get(name)
        for form in sorted(unit.forms if unit else (name,), key=len, reverse=True):
            text = re.sub(re.escape(form), " ", text, flags=re.IGNORECASE)
    return text


def subject_phrases(text: str, units: UnitTable, words: Words, parts: int = 1,
                    hints: Sequence[str] = ()) -> tuple[str, ...]:
    """The words that name what the question is about, split in two for two-subject operations."""
    if parts > 1:  # keywords typed apart (`产业规模目标 强化组织领导 共同责任单位`): a space separates subjects too
        text = re.sub(r"(?<=[\u4e00-\u9fff”」》])\s+(?=[\u4e00-\u9fff“「《])", " 和 ", text)
    core = _without_units(text, units)
    for hint in hints:
        core = re.sub(rf"{re.escape(hint)}(部门|方面|系统|口|条线)?", " ", core)
    core = _STAGE_WORD.sub(" ", _YEAR_WORD.sub(" ", core))
    if parts > 1:  # 既负责A又负责B: two subjects joined by 既…又 rather than 和
        core = re.sub(r"(?:既|又|也)(?:要)?(?:负责|参与|牵头|管|是|列为|涉及)", " 和 ", core)
    for _, pattern in cues.KIND_WORDS:
        core = pattern.sub(" ", core)
    tokens = list(words(core))
    # `以授权为基础、市场化方式运营为核心的…机制和…机制`: when 和/与 joins the subjects, a 、 inside a long title
    # does not split it
    joiner = _CONNECTOR
    if parts > 1 and any(_WORD_JOIN.fullmatch(w.strip()) for w in tokens) and \
            sum(bool(_CONNECTOR.fullmatch(w.strip())) for w in tokens) >= parts:
        joiner = _WORD_JOIN
    pieces: list[list[str]] = [[]]
    for w in tokens:  # split at connector words, never inside a word (`参与` is not `参`+`与`)
        if parts > 1 and joiner.fullmatch(w.strip()):
            pieces.append([])
        else:
            pieces[-1].append(w)
    out = []
    for piece in pieces:
        kept = [w for w in piece if not _ASKING_WORD.fullmatch(w.lower()) and w.strip()]
        phrase = re.sub(r"(?<=[A-Za-z]) (?=[A-Za-z])", " ", " ".join(kept))
        phrase = re.sub(r"(?<=[^A-Za-z]) | (?=[^A-Za-z])", "", phrase).strip()
        if len(phrase) >= 2:
            out.append(phrase)
    return tuple(out)


_CJK_FORM = re.compile(r"[\u4e00-\u9fff（）]{4,12}")


@lru_cache(maxsize=4096)
def _sounds(char: str) -> frozenset[str]:
    return frozenset(pinyin(char, style=Style.NORMAL, heteronym=True)[0])


def same_sound(a: str, b: str) -> bool:
    """Two characters an input method offers for one syllable (管/官, 社/设), whatever the tone."""
    return bool(_sounds(a) & _sounds(b))


def misspelt_units(text: str, units: UnitTable) -> tuple[str, ...]:
    """Units named with one character wrong (`市场监官局` → 市市场监管局): same length, one substitution, the last
    character (局/委/办/区) right, and the wrong character a homophone of the right one — the slip an input method
    makes. Any other one-character change names another body (市体育局 is no 市教育局, 区安委办 no 区绿委办)."""
    found: list[str] = []
    text = normalise(text)
    taken = units.bodies_at(text)  # 江北新区管委会 is a party of its own, not 高新区管委会 misspelt
    for unit in units.all():
        for form in unit.forms:
            if not _CJK_FORM.fullmatch(form):
                continue
            n = len(form)
            for i in range(len(text) - n + 1):
                window = text[i:i + n]
                wrong = [(a, b) for a, b in zip(window, form) if a != b]
                if (window[-1] == form[-1] and len(wrong) == 1 and same_sound(*wrong[0])
                        and not any(j in taken for j in range(i, i + n))):
                    found.append(unit.name)
                    break
            if unit.name in found:
                break
    return tuple(dict.fromkeys(found))


def understand(text: str, units: UnitTable, words: Words) -> Frame:
    # a document's title names its issuers (《广州市卫生健康委等4部门关于…的通知》): the question is about the
    # document, not about them (the title scopes the question in kb/ask.py)
    text = cues.DOC_TITLE.sub(" ", text).strip() or text
    named = tuple(units.find_in_text(text)) or misspelt_units(text, units)
    hints = unit_hints(text, named, words)
    kinds, excluded = _kinds(text)
    two_subjects = len(subject_phrases(text, units, words, 2)) >= 2
    op, lead_only, confidence = _op(text, named or hints, bool(kinds or excluded), two_subjects)
    if op is Op.VALUE and len(years_in(text)) + len(stages_in(text)) >= 2:
        op = Op.SERIES  # `2020年、2022年的目标各是多少`: one figure per period asked
    two = op in (Op.INTERSECTION, Op.DIFFERENCE)
    attribute = attributes.asked(text)
    subject = subject_phrases(text, units, words, 2 if two else 1, hints)
    if named and not subject and op in (Op.RESPONSIBLE, Op.LEAD, Op.PARTNERS) and not kinds and not excluded:
        # `高新区 责任单位`, `市经信局 牵头`: a unit and a duty word with nothing else to be about asks what it does
        op, lead_only = Op.REVERSE, op is Op.LEAD
    return Frame(
        op=op, units=named, unit_hints=hints, kinds=kinds, exclude_kinds=excluded, lead_only=lead_only,
        partners_only=op is Op.COUNT and not lead_only and not _COUNTS_ALL.search(text)
        and bool(_COUNTS_PARTNERS.search(text) or _LEAD_EXCLUDED.search(text)),
        years=tuple(sorted(years_in(text))), stages=tuple(sorted(stages_in(text))),
        subject_text=subject,
        attribute=attribute.name if attribute else "",
        negated=bool(cues.NEGATION.search(text)) and op not in (Op.MEMBER,),
        confidence=confidence,
    )
