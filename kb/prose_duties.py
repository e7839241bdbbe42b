"""What a body does where a document writes duties in sentences, not in annotations (a regulation's
`城市管理综合执法组织负责查处…`, a notice's `第十一条市商务局负责组织实施…，会同…`).

`城管在养犬这块管什么`, `住建局在垃圾分类这块管啥`, `市商务局在这次家电补贴里具体干哪些活`: the body as people name it
(住建局, 城管, 经信部门) is found under the name the document gives it (住房城乡建设行政主管部门, 城市管理综合执法
组织, 经济和信息化…等行政主管部门), and every sentence in which it acts is quoted, with the sentences of an
article that go on about it without naming another doer.
"""
from __future__ import annotations

import re
from typing import Sequence

from core.clause import Clause
from kb import cues, extract, groups, link
from kb.answer import Answer, Citation
from kb.frame import Op
from kb.handlers import Turn
from kb.synonyms import load_synonyms, names_body

MAX_QUOTES = 8
# an article titled by a body (`第十六条第三方机构1.进行事中…`, `第十一条市商务局负责…`): all of it is that body's
_TITLED = re.compile(r"^第[一二三四五六七八九十百零〇\d]+条(?P<name>[\u4e00-\u9fff]{2,20}?(?:部门|机关|机构|组织|委员会|局|委|厅|中心|办公室|平台))"
                     r"(?=\d|[（(]|$|负责|应当|进行|开展|做好|组织|承担|会同|依法|按照|对)")
_SUFFIX = r"(?:行政主管部门|主管部门|行政部门|部门|机关|机构|组织|委员会|局|委|厅|中心|办公室|办事处)"
# the body a sentence makes act: its subject before a duty word, or the body after 由 (`由市场监督管理部门处…`)
_ACTOR = re.compile(rf"(?:^|(?<=[，；：。]))(?:第[一二三四五六七八九十百零〇\d]+条)?(?:[（(][一二三四五六七八九十\d]+[)）])?"
                    rf"(?P<subj>[\u4e00-\u9fff、]{{2,60}}?{_SUFFIX})(?:及其工作人员)?[^。；，]{{0,4}}?，?"
                    rf"(?:应当|负责|会同|可以|依法|按照|督促|组织|做好|承担|指导|协助|配合|统筹|根据|定期|及时|对|将|是)"
                    rf"|由(?P<by>[\u4e00-\u9fff、]{{2,30}}?{_SUFFIX})")
_LEVEL = re.compile(r"^(?:省|市|区|县|州|镇|乡|街道)(?!场)")
# a sentence that opens on a verb goes on about the subject before it (`负责活动的组织协调…`, `指导各区县…`)
_GOES_ON = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]+[)）.．、])?(?:负责|会同|指导|对接|做好|组织|督促|协调|承担|牵头|统筹|"
                      r"制定|编制|建立|加强|开展|依法|按照|配合|协助|定期|及时|受理|审核|核查|查处|监督)")


def asked_bodies(question: str) -> list[str]:
    """The bodies a question names by themselves (住建局, 市经信部门), and its words that stand for one (城管, 交警)."""
    found = [m.group(1) for m in groups.BODY_ASKED.finditer(question)]
    found = [re.split(r"[在是的由归让被给对和跟与]", f)[-1] for f in found]
    out = [f for f in found if len(f) >= 2 and not groups.ROLE_WORD.match(f)]
    out += [w for w in load_synonyms() if len(w) >= 2 and w in question and names_body(w)
            and not any(w in f for f in out)]
    return list(dict.fromkeys(out))


def body_forms(asked: str) -> tuple[str, ...]:
    """The cores a document's name for the body holds in order: 住建局 → 住建, and the synonyms' official names."""
    core = groups.BODY_SUFFIX.sub("", _LEVEL.sub("", asked))
    forms = [core] if len(core) >= 2 else []
    forms += [groups.BODY_SUFFIX.sub("", s) for s in load_synonyms().get(asked, ())]
    return tuple(f for f in dict.fromkeys(forms) if len(f) >= 2)


# a list of bodies: `、`, or 和/及 after a body's ending (住房和城乡建设 keeps its 和)
_LIST_SEP = re.compile(r"[、，]|以及|(?<=部门|组织|机关|机构)[和及与]|(?<=委员会)[和及与]")


def body_named(doer: str, forms: Sequence[str]) -> str:
    """The item of the document's doer (经济和信息化、规划…等行政主管部门) that is the asked body, or ""."""
    for part in (p for p in _LIST_SEP.split(re.sub(r"^由", "", doer)) if p):
        name = re.sub(r"等[^、]*$", "", part) if "、" in doer else part  # `教育等行政主管部门` → 教育
        if any(link.in_sequence(f, name) and len(name) <= len(f) * 6 for f in forms):
            return name
    return ""


def acting(clauses: Sequence[Clause], forms: Sequence[str]) -> list[tuple[Clause, str, str]]:
    """(clause, sentence, doer as written) for each sentence in which the body acts, in document order; an
    article's sentences that go on after it, with no other doer, belong to it too."""
    out: list[tuple[Clause, str, str]] = []
    for c in clauses:
        titled = ((m := _TITLED.match(c.text)) is not None and not re.search(r"[由的本是]", m.group("name"))
                  and bool(body_named(m.group("name"), forms)))
        going_on = m.group("name") if titled else ""
        for span in extract.sentence_spans_of(c):
            text = c.text[span.start:span.end]
            # `对接相关部门做好…` goes on about the subject before it: 相关部门 is no doer of its own
            doers = [d for m in _ACTOR.finditer(text) if (d := m.group("subj") or m.group("by"))
                     and not _GOES_ON.match(d) and not groups.ROLE_WORD.match(d)]
            mine = next((n for d in doers if (n := body_named(d, forms))), "")
            if mine:
                out.append((c, text, mine))
                going_on = mine
            elif going_on and not doers and (titled or _GOES_ON.search(text)):
                out.append((c, text, going_on))
            elif not titled:
                going_on = ""
    return out


def answer(turn: Turn) -> Answer | None:
    question = turn.asked or turn.text  # as typed: 经信部门 is not spelled out into the documents' characters
    if not (cue := cues.TASKS_OF_UNIT.search(question)) or not turn.clauses:
        return None
    doc = turn.one_doc()
    if doc in turn.ev.annotated_docs:
        return None  # annotated lists say what a unit does (the reverse handler)
    clauses = [c for c in turn.clauses if c.doc == doc and c.kind not in ("notice", "annexes", "header")]
    for asked in asked_bodies(question):
        # the body asks what it does only when named before that ask (`这个办法管哪些老人？住养老院的…` does not)
        if not (forms := body_forms(asked)) or question.find(asked) > cue.start():
            continue
        found = acting(clauses, forms)
        if not found:
            continue
        named = list(dict.fromkeys(d for _, _, d in found))
        shown = found[:MAX_QUOTES]
        head = (f"{asked}（文件中写作“{'”“'.join(named[:3])}”）" if named[0] != asked else asked)
        lines = [f"{head}在文件中的职责共 {len(found)} 处："]
        lines += [f"· 「{c.section_label or c.heading}」：“{t}”" for c, t, _ in shown]
        if len(found) > len(shown):
            lines.append(f"（另有 {len(found) - len(shown)} 处未列出）")
        return Answer(turn.text, "\n".join(lines), True, Op.REVERSE.value,
                      citations=tuple(Citation(c, t) for c, t, _ in shown))
    return None
