"""One executor per operation, all of one signature: (Turn) → Answer, or None to fall back to quoting."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Sequence

import numpy as np

from core.brackets import outer_spans
from core.clause import Clause
from core.lead_rule import LEAD_NOTE, standing_parties, states_no_lead
from core.numerals import cn_to_int
from core.sentences import sentences
from core.units import without_level
from kb import attributes, cues, duty, extract, groups, link, refusal
from kb.answer import Answer, Citation
from kb.evidence import Evidence
from kb.extract import Scored
from kb.frame import Frame, Op
from kb.fusion import NUMBERING
from kb.search import Hit

DUTY_OPS = frozenset({Op.RESPONSIBLE, Op.LEAD, Op.PARTNERS, Op.MEMBER, Op.COUNT})
UNTAGGED_MARGIN = 0.008  # an untagged clause must beat the best tagged one by this much in fused score to win


@dataclass(frozen=True)
class Turn:
    """Everything a handler needs about one question."""

    text: str
    frame: Frame
    hits: tuple[Hit, ...]
    vector: np.ndarray
    english: bool
    docs: frozenset[str] | None
    focus: tuple[str, ...]  # clause ids borrowed from the previous turn
    ev: Evidence
    min_relevance: float  # below it, a sentence does not answer the question (calibrated, see AskConfig)
    asked: str = ""  # the question as completed, before its words were put in the documents' terms (经信部门 kept)

    def search(self, query: str, k: int = 15) -> list[Hit]:
        return self.ev.kb.searcher.search(query, k=k, docs=self.docs)

    @property
    def clauses(self) -> list[Clause]:
        return [c for c in self.ev.kb.clauses if self.docs is None or c.doc in self.docs]

    def scoped(self, clauses: Sequence[Clause]) -> list[Clause]:
        """Those of `clauses` in the documents asked about (from a list computed once per knowledge base)."""
        return [c for c in clauses if self.docs is None or c.doc in self.docs]

    def one_doc(self) -> str | None:
        """The document a question about "the document" means: the only one in scope, else the best hit's."""
        docs = self.docs if self.docs is not None else self.ev.corpus_by_doc.keys()
        if len(docs) == 1:
            return next(iter(docs))
        return self.hits[0].clause.doc if self.hits else None


# --- locating the item a duty question is about ------------------------------------------------
def _focused(turn: Turn) -> Clause | None:
    by_id = turn.ev.kb.by_id
    return next((by_id[c] for c in turn.focus if c in by_id and by_id[c].units), None)


_CN = "一二三四五六七八九十百零〇两"
_ITEM_REF = re.compile(rf"第\s*[（(]?([{_CN}\d]{{1,5}})[）)]?\s*(条|项|点|款)|[（(]([{_CN}\d]{{1,4}})[）)]\s*(条|项)")
_HEAD_NUMBER = (  # (style, pattern) of an item's own numbering, the style a reference most likely means first
    ("条", re.compile(rf"^第\s*([{_CN}\d ]+?)\s*条")),
    ("（）", re.compile(rf"^[（(]([{_CN}\d]+)[）)]")),
    ("、", re.compile(rf"^([{_CN}]+)、")),
    (".", re.compile(r"^(\d{1,3})[.．、]")),
)


def item_number(heading: str) -> tuple[str, int] | None:
    """(numbering style, number) of a heading: `（九）…` → ("（）", 9), `第 1 0 条` → ("条", 10)."""
    for style, pattern in _HEAD_NUMBER:
        if m := pattern.match(heading):
            try:
                return style, cn_to_int(re.sub(r"\s+", "", m.group(1)))
            except ValueError:
                return None
    return None


def numbered_item(text: str, clauses: Sequence[Clause]) -> Clause | None:
    """The item a question names by its number (`第九条`, `第（三）项`, `第12项`), in the document's own numbering:
    an article 第九条 if the document has articles, else the ninth （九）/九、/9. item; tagged items first."""
    m = _ITEM_REF.search(text)
    if m is None:
        return None
    try:
        n = cn_to_int(m.group(1) or m.group(3))
    except ValueError:
        return None
    said = "条" if (m.group(2) == "条" and m.group(1)) else "（）" if m.group(3) else ""
    styles = [st for st, _ in _HEAD_NUMBER]
    found = [(c, num[0]) for c in clauses if c.kind != "row" and (num := item_number(c.heading)) and num[1] == n]
    if not found:
        return None
    found.sort(key=lambda cs: (cs[1] != said, not cs[0].units, styles.index(cs[1]), cs[0].order))
    item = found[0][0]
    if not item.units:  # an item of several paragraphs carries its annotation on the last one
        item = next((c for c in clauses if c.units and c.doc == item.doc and c.section[:len(item.section)] == item.section
                     and c.order >= item.order), item)
    return item


def locate(turn: Turn, phrase: str | None = None) -> tuple[Clause | None, Clause | None]:
    """(the item with units the question names, or None with the untagged clause it names)."""
    if phrase is None and (focused := _focused(turn)) is not None:
        return focused, None
    if phrase is None and (item := numbered_item(turn.text, turn.clauses)) is not None:
        return (item, None) if item.units else (None, item)
    phrase = phrase if phrase is not None else "".join(turn.frame.subject_text)
    hits = turn.search(phrase) if phrase and phrase != turn.text else list(turn.hits)
    if not hits:
        hits = list(turn.hits)
    ranked = [h.clause for h in hits]
    annotated = turn.ev.annotated_docs
    ranked = [c for c in ranked if not (c.units or c.generic_units) or c.doc in annotated]  # prose duties: not items
    pool = ranked + [c for c in turn.clauses if (c.units or c.generic_units) and c.doc in annotated and c not in ranked]
    named_by = phrase
    if turn.english:  # labels are Chinese: match them with the question's words in the documents' terms
        named_by = "".join(t for t in turn.ev.kb.searcher.query_tokens(phrase) if not t.isascii())
    quoted = tuple(re.findall(r"[“\"「]([^”\"」]{2,40})[”\"」]", turn.text))
    links = link.rank_tasks(named_by, ranked, pool, quoted)
    untagged = _named_untagged(named_by, ranked)  # among the retrieved clauses: never a scan of the whole library
    if untagged is not None and (not links or not links[0].label or
                                 link.label_score(named_by, untagged)[0] > link.label_score(named_by, links[0].clause)[0]):
        return None, untagged  # the question names an item by its title, and that item carries no annotation
    if not links:
        return None, (hits[0].clause if hits else None)
    best = links[0]
    if not best.label and not _relevant(turn, best.clause, phrase):
        return None, None  # neither a label nor the meaning links the question to an item: not a duty question here
    if not best.label and hits and not hits[0].clause.units:
        tagged = next((h for h in hits if h.clause.units), None)
        if tagged is None or hits[0].score - tagged.score > UNTAGGED_MARGIN:
            return None, hits[0].clause
    return best.clause, None


def _named_untagged(phrase: str, clauses: Sequence[Clause]) -> Clause | None:
    """An item without an annotation whose own title the phrase carries (加强金融队伍建设（干部挂职）)."""
    best, top = None, link.STRONG
    for c in clauses:
        if c.units or c.generic_units or c.tag_scope or not c.heading or c.kind in ("row", "notice", "paragraph"):
            continue
        score, label = link.label_score(phrase, c)
        if label and label == link.bare_label(c.heading) and score > top:
            best, top = c, score
    return best


def _relevant(turn: Turn, clause: Clause, phrase: str) -> bool:
    """Retrieval alone links a subject only when the item's best sentence is close in meaning to it."""
    text, vector = turn.text, turn.vector
    if phrase and phrase != turn.text and not turn.english:
        text, vector = phrase, turn.ev.kb.searcher.embed(phrase)
    best = turn.ev.best_in(text, vector, clause)
    return best is not None and extract.relevance(best) >= turn.min_relevance


def _evidence(turn: Turn, task: Clause) -> Citation | None:
    best = turn.ev.best_in(turn.text, turn.vector, task)
    return Citation(task, best.text) if best else None


# A sentence that names who does something inline (`市民政部门是…主管部门`, `县工信局负责…`, `由X牵头`):
# in documents (or parts) without annotations, responsibility is stated in the text itself.
INLINE_DUTY = re.compile(r"[\u4e00-\u9fff、]{1,16}(部门|局|委员会|委|办公室|办|政府|中心|小组|机构|处)"
                         r"[^。；]{0,20}(负责|主管|牵头|组织实施|落实|承担|会同|审核|指导|统筹|监督|担任|兼任|制定|受理|核查|核实|审批)"
                         r"|由[^。；]{1,24}(负责|牵头|承担|审核|兼任|担任|制定|发布|受理|核查|核实|审批|批准|认定|组织)")


_UNIT_END = (r"(?:部门|局|委员会|委|办公室|办事处|人民政府|政府|中心|领导小组|小组|机构|单位|机关|处|科|院|所|站|部|"
             r"工会|联合会|窗口|分行|支行|办(?![理法事好]))")
# A会同B: A leads; 复核/发放/结算/出具: the steps a guide's workflow names (市住新局复核发放—市财政局复核结算)
_DUTY_VERB = r"(?:负责|主管|牵头|组织实施|承担|审核|复核|制定|受理|核查|核实|核定|核发|审批|统筹|批准|认定|会同|发放|结算|出具)"
# `由国务院工商行政管理部门制定`: the longest name before the verb (国务院 alone is a body too), never past a verb
_NOT_VERB = r"(?!负责|牵头|制定|发布|会同|审核|审批|受理|核查|核实|批准|认定|承担)"  # not 组织/指导: 组织部, 指导单位
_DOER = re.compile(rf"由(?P<by>(?:{_NOT_VERB}[\u4e00-\u9fff、]){{1,20}}{_UNIT_END})"  # 由X制定
                   rf"|(?:报(?![告表名道刊])|经(?![营费济过])|转交|交由)(?P<to>(?:(?!由)[\u4e00-\u9fff、]){{1,20}}?{_UNIT_END})[^。；，—]{{0,4}}?{_DUTY_VERB}"  # 报X审核 / 经X核实 / 转交X统一审核
                   rf"|(?:^|(?<=[，。；：,]))(?:第[一二三四五六七八九十百零〇\d]+条)?(?P<role>(?:(?!由|经|报)[\u4e00-\u9fff、]){{1,24}}?{_UNIT_END})为[^。；，]{{0,16}}?(?:机关|主管部门|管理部门|责任单位|牵头单位)"  # X为…登记机关
                   rf"|向(?P<at>[\u4e00-\u9fff、]{{1,20}}?{_UNIT_END})(?:申请|提出|提交|申报|报送|反映|咨询|投诉)"  # 向X申请
                   rf"|(?:^|(?<=[，。；：,—]))(?P<subj>(?:(?!由|经(?!济|信|开|贸|营)|报)[\u4e00-\u9fff、]){{1,20}}?{_UNIT_END})(?=[^。；，]{{0,12}}?{_DUTY_VERB})"
                   rf"|会同(?P<with>(?:{_NOT_VERB}[\u4e00-\u9fff、]){{1,20}}?{_UNIT_END})")  # A会同B: B acts too
# a name goes on past its first ending: a government's department (市人民政府 + 水行政主管部门) and a second name in
# brackets (市发展改革委 + （市粮食和物资储备局）) are one body
_GOVERNMENT_DEPT = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:主管部门|行政部门|部门)")
_SECOND_NAME = re.compile(rf"[（(][\u4e00-\u9fff]{{2,16}}?{_UNIT_END}[）)]")
_GENERIC_PARTY = re.compile(r"^(?:有关|相关|其他|其它|各)")
_LISTED_NEXT = re.compile(rf"(?:、|和|及)(?P<name>(?:(?!等)[\u4e00-\u9fff]){{1,16}}?{_UNIT_END})")
_OPENER = re.compile(rf"^(?:第[一二三四五六七八九十百零〇\d]+条)?(?!会同)(?P<name>(?:(?!由|经|报|对|在|为)[\u4e00-\u9fff、]){{1,20}}?{_UNIT_END})")
_ARTICLE_HEAD = re.compile(r"^(?:第[一二三四五六七八九十百零〇\d]+条|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])")


# words of an action, not of a body's name (`强化本措施实施中跨部门…的统筹` names no doer)
_NOT_A_DOER = re.compile(r"^对|^原|的|提供|申请|需|加大|本措施|本办法|实施中|跨|强化|加强|推进|支持|鼓励|充分|发挥|建立|完善|按照|根据|通过|进一步|积极|引导")


_BODIES_LISTED = re.compile(rf"(.+?{_UNIT_END}(?:[（(][^（）()]+[）)])?)(?:[、和及与]|$)")


def _listed(name: str) -> list[str]:
    """`区民政局、区财政局和区卫健委` → each body; `市、区住房保障部门` and `住房和城乡建设局` stay one name."""
    parts = [m.group(1) for m in _BODIES_LISTED.finditer(name)]
    return parts if len(parts) > 1 and "".join(parts) != name and all(len(p) >= 3 for p in parts) else [name]


# `公安机关交通管理部门`, `税务机关稽查部门`: a department of an organ, named after it with no word between
_ORGAN_DEPT = re.compile(r"(?:(?!会同|和|与|及|或|负责|牵头)[\u4e00-\u9fff]){2,8}?(?:管理部门|部门|支队|大队)(?=[^。；，]{0,12}?"
                         + _DUTY_VERB + ")")


# `市委组织部负责…`: a name whose first ending (委) is not its last — it goes on to the one right before the verb
_LONGER = re.compile(rf"[\u4e00-\u9fff]{{1,6}}?{_UNIT_END}(?={_DUTY_VERB})")


def _whole_name(text: str, m: re.Match, group: str) -> str:
    """The group's name with what goes on after it (see _GOVERNMENT_DEPT, _SECOND_NAME, _LONGER)."""
    name, end = m.group(group), m.end(group)
    if group == "subj" and (longer := _LONGER.match(text, end)):
        name, end = name + longer.group(), longer.end()
    if name.endswith("政府") and (dept := _GOVERNMENT_DEPT.match(text, end)):
        name, end = name + dept.group(), dept.end()
    elif name.endswith("机关") and (dept := _ORGAN_DEPT.match(text, end)):  # 公安机关 + 交通管理部门: one body
        name, end = name + dept.group(), dept.end()
    if second := _SECOND_NAME.match(text, end):
        name += second.group()
    return name


def _subject_before_huitong(text: str) -> str:
    """`A要加强…，会同B提出…`: A, the sentence's subject, does what it does with B; "" if it opens with no body."""
    opener = _OPENER.match(text)
    return _whole_name(text, opener, "name") if opener else ""


def _doers_in(text: str) -> list[str]:
    out = []
    for m in _DOER.finditer(text):
        group = next((g for g in ("by", "to", "role", "at", "subj", "with") if m.group(g)), "")
        if group == "with" and not out and (subject := _subject_before_huitong(text)):
            out.append(subject)
        if not group or (group == "with" and _GENERIC_PARTY.match(m.group(group))):
            continue  # 会同有关部门 names no one more
        whole = _whole_name(text, m, group)
        name = _ARTICLE_HEAD.sub("", whole)
        name = re.sub(r"^(?:并|应当|应|可|和|及|与|会同|由|向)+", "", re.sub(r"^[^到往]{1,6}[到往](?=.{3})", "", name))
        names = _listed(name) if group == "by" else [name]
        at = m.start(group) + len(whole)
        while group in ("with", "by") and (listed := _LISTED_NEXT.match(text, at)):  # 会同A、B和C, 由A、B和C: each a doer
            names.append(listed.group("name"))
            at = listed.end()
        out += [n for n in names if len(n) >= 3 and n not in out and not _NOT_A_DOER.search(n)
                and not (group == "with" and _GENERIC_PARTY.match(n))]
    return out


def duty_doers(text: str, question: str = "") -> list[str]:
    """Who a sentence says does what the question asks about (`由市住房城乡建设部门制定` → 市住房城乡建设部门).

    A sentence may name several doers for several jobs (`县商务局负责新建…，县工信局负责技改…`): the
    part sharing most words with the question decides.
    """
    parts = [p for p in re.split(r"[，；,—]", text) if _doers_in(p)]  # — joins a guide's workflow steps
    if not question or len(parts) < 2:
        return _doers_in(text)
    # the job decides, not a body the question names (`名单是市工信局提供的吗` asks who provides that list)
    for doer in sorted({d for p in parts for d in _doers_in(p)}, key=len, reverse=True):
        question = question.replace(doer, " ")
    asked = link.bigrams(question)
    best = max(parts, key=lambda p: len(asked & link.bigrams(p)))
    found = _doers_in(best)
    if best.startswith("会同") and (subject := _subject_before_huitong(text)):
        found = list(dict.fromkeys([subject, *found]))
    return found


# the who-words of a question (谁负责, 哪个部门, 是…吗): what is left names the job
_WHO_WORDS = re.compile(r"谁|哪(?:个|些|家|一)?(?:部门|单位|机构|局|环)?|什么(?:部门|单位|机构)|是不是|是否|吗|呢|负责|管|归|来|的|了|是|在")


def job_share(question: str, text: str) -> float:
    """Share of the job's character pairs (the question without its who-words) that a sentence repeats."""
    pairs = {p for p in link.bigrams(_WHO_WORDS.sub(" ", question)) if " " not in p and not re.search(r"\W", p)}
    return len(pairs & link.bigrams(text)) / len(pairs) if pairs else 0.0


def _inline_duty(turn: Turn, untagged: Clause) -> bool:
    """Do the question's best sentences within the untagged item's own part name who does something
    (`由市经信局牵头的联席会议`), not merely mention a body (`选派干部到有关部门挂职`)? Another item's doer
    does not answer for this one."""
    part = untagged.section[:1]
    return any(duty_doers(s.text) for s in turn.ev.rank(turn.text, turn.vector, turn.hits, False)[:5]
               if s.clause.doc == untagged.doc and s.clause.section[:1] == part)


def _not_tagged(turn: Turn, untagged: Clause | None) -> Answer | None:
    if untagged is None:
        return None
    if untagged.doc not in turn.ev.annotated_docs:
        return None  # a document with no annotations at all states duties in its text: look there, never "未列明"
    if duty_doers(untagged.text) or _inline_duty(turn, untagged):
        return None  # quote the sentences that say who is responsible

    nearest = next((h.clause for h in turn.hits if h.clause.units), None)
    return duty.untagged(turn.frame, turn.text, untagged, nearest)


PART_MIN = 0.4  # of the question's job words a sentence must repeat to be the one asked about …
PART_MARGIN = 0.2  # … by this much more than any other sentence of the item


def _asked_part(turn: Turn, task: Clause) -> Clause:
    """An item whose sentences each close with their own tag (`…准入环境。（市场监管总局负责）…（体育总局、教育部负责）`)
    answers a question about one of them (`商事制度改革那句谁负责`) with that sentence's tag; a question naming the item
    by its title, or matching no sentence clearly, gets the whole item and all its units."""
    if len(task.parts) < 2:
        return task
    # the first sentence's part opens with the item's title: the title's words are the whole item's, not that part's
    title = len(task.heading) if task.heading and task.text.startswith(task.heading) else 0
    shares = [job_share(turn.text, task.text[max(p.start, title):p.end]) for p in task.parts]
    best = max(range(len(shares)), key=shares.__getitem__)
    runner_up = max(s for i, s in enumerate(shares) if i != best)
    titled = bool(task.heading) and job_share(turn.text, link.bare_label(task.heading)) >= shares[best]
    if shares[best] < PART_MIN or shares[best] - runner_up < PART_MARGIN or titled:
        return task
    part = task.parts[best]
    spans = outer_spans(task.text[part.start:part.end])
    tag = task.text[part.start + spans[-1][0]: part.end] if spans else task.tag_text
    return replace(task, units=part.units, leads=part.leads, generic_units=part.generic_units, tag_text=tag, parts=())


def _table_row(turn: Turn, task: Clause) -> Clause:
    """A body item whose units come from the task table answers from the table row the question is about
    (a task split over rows has other units on each row): the linked row whose best sentence matches best."""
    by_id = turn.ev.kb.by_id
    rows = [by_id[i] for i in task.links if i in by_id and by_id[i].kind == "row" and by_id[i].units]
    if not rows or (task.units and not task.tag_scope):
        return task
    if len(rows) == 1:
        return rows[0]
    scored = [(s.score, r) for r in rows if (s := turn.ev.best_in(turn.text, turn.vector, r)) is not None]
    return max(scored, key=lambda x: x[0])[1] if scored else task


def _split_rows(turn: Turn, task: Clause) -> list[Clause]:
    """The rows of a task the table splits over several rows (强化监管评价 on three rows, each with its own lead),
    when the question names the task only by its title: every row then answers, not the one that scores best."""
    if task.kind == "row":
        rows = [c for c in turn.ev.tagged if c.doc == task.doc and c.kind == "row" and c.heading == task.heading and c.units]
    else:
        by_id = turn.ev.kb.by_id
        rows = [by_id[i] for i in task.links if i in by_id and by_id[i].kind == "row" and by_id[i].units]
    if len(rows) < 2:
        return []
    title, phrase = link.bare_label(rows[0].heading), "".join(turn.frame.subject_text)
    named_by_title = link.match(phrase, title) >= link.STRONG and len(phrase) <= len(title) + 2
    return rows if named_by_title else []


def _unstated_lead(turn: Turn, task: Clause) -> bool:
    """An item listing only 责任单位 in a document that does not say the first listed leads: it states no lead."""
    return states_no_lead(task, task.doc in turn.ev.no_lead_docs)


def single_task(turn: Turn) -> Answer | None:
    task, untagged = locate(turn)
    if task is None:
        return _not_tagged(turn, untagged)
    if turn.frame.op in (Op.RESPONSIBLE, Op.LEAD, Op.PARTNERS) and (rows := _split_rows(turn, task)):
        return duty.split_rows(turn.frame, turn.text, rows)
    task = _asked_part(turn, _table_row(turn, task))
    party = next((p for p in (*task.lead_units, *task.generic_units) if p in turn.text), "")
    if party and not turn.frame.units and cues.YES_NO.search(turn.text):
        # `是各区政府牵头的吧？`: a generic party (not a unit of the table) asked about by name — 是/否 first
        frame = replace(turn.frame, op=Op.MEMBER, lead_only=turn.frame.op is Op.LEAD)
        return duty.member(frame, turn.text, task, party, _evidence(turn, task), _canon(turn))
    if turn.frame.op in (Op.LEAD, Op.PARTNERS, Op.RESPONSIBLE) and _unstated_lead(turn, task):
        # the document marks 牵头 where it means it (牵头单位:…); an item with only 责任单位 states no lead
        return duty.unstated_lead(turn.frame, turn.text, task, _evidence(turn, task))
    return duty.WRITERS[turn.frame.op](turn.frame, turn.text, task, _evidence(turn, task))


def _one_per_name(turn: Turn, asked: Sequence[str]) -> list[str]:
    """`有没有市场监管局` asked of one document links the 市场监管局 of every level the library lists (区, 州, 省 …):
    one name typed is one unit asked — the document's own where it has one, else the name as typed (no other city's)."""
    table = turn.ev.kb.units.within(turn.docs)
    by_name: dict[str, list[str]] = {}
    for u in asked:
        by_name.setdefault(without_level(u), []).append(u)
    out = []
    for name, forms in by_name.items():
        own = [u for u in forms if turn.docs is None or ((unit := table.get(u)) is not None and set(unit.docs) & turn.docs)]
        out += forms if len(forms) == 1 else own[:1] or [name]
    return out


# `市卫健委有没有参与这些措施？`, `X是这份文件里的责任单位吗？`: membership asked of the document as a whole, not of
# one item — what is left once the document, the unit and the asking words are taken out names no item
_WHOLE_REST = re.compile(r"是不是|有没有|是否|参与|参加|负责|牵头|配合|协助|责任单位|牵头单位|配合单位|单位|部门|列为|列入|"
                         r"出现|任何|哪些?|其中|一项|一条|里面|里头|当中|之中|[里中内吗呢的了在有没是吧啊过也都]")
_TYPED_BODY = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:市|省|区|县|州)[\u4e00-\u9fff]{1,10}?(?:分局|局|委|办|厅|中心|支行|银行|公司|集团|政府)")


def _whole_document_asked(turn: Turn) -> bool:
    m = DOC_ITSELF.search(turn.text)
    if m is None or not turn.frame.units:
        return False
    rest = turn.text[:m.start()] + turn.text[m.end():]
    table = turn.ev.kb.units.within(turn.docs)
    for u in turn.frame.units:
        for form in sorted((unit.forms if (unit := table.get(u)) else (u,)), key=len, reverse=True):
            rest = rest.replace(form, "")
    rest = _WHOLE_REST.sub("", _TYPED_BODY.sub("", re.sub(r"[^\u4e00-\u9fff]", "", rest)))
    return len(rest) <= WHOLE_REST_CHARS


WHOLE_REST_CHARS = 3  # a place name (钦州这些措施里) may stay; an item's words may not


def document_member(turn: Turn) -> Answer:
    """是 with every item the unit is listed on; else 不是, with the units of the same kind the document does name
    (`市公安局` asked, `盐湖区公安局` listed) and their items — never another document's unit."""
    canon = _canon(turn)
    found = duty.tasks_of(turn.clauses, turn.frame.units[:1], turn.frame.lead_only, canon,
                          lambda c: _unstated_lead(turn, c))
    if found and (listed := reverse(turn)) is not None and listed.answerable:
        return replace(listed, text="是。" + listed.text, intent=Op.MEMBER.value)
    asked = turn.frame.units[0]
    typed = next((m.group(0) for m in _TYPED_BODY.finditer(turn.text) if without_level(asked) in m.group(0)), asked)
    body = without_level(asked)
    table = turn.ev.kb.units.within(turn.docs)
    kin = [u for u in table.names() if body and body in u]
    kin_items = [(u, duty.tasks_of(turn.clauses, [u], False, canon)) for u in kin]
    kin_items = [(u, items) for u, items in kin_items if items]
    role = "牵头单位" if turn.frame.lead_only else "责任单位（牵头或配合）"
    text = f"不是。文件没有把{typed}列为任何一项的{role}。"
    cites = []
    for u, items in kin_items[:3]:
        text += f"\n文件中列出的是{u}：" + "；".join(f"「{duty.item_name(c)}」" for c in items[:4]) + "。"
        cites += [Citation(c, duty.tag_quote(c)) for c in items[:2]]
    return Answer(turn.text, text, True, Op.MEMBER.value, tuple(u for u, _ in kin_items[:3]), citations=tuple(cites))


def _as_written(turn: Turn, unit: str) -> str:
    """A unit said as the documents asked about write it (地区财政局 where the question said 财政局; 市住建局 where
    another city's 市住房城乡建设局 is the library's name for it), else as the question typed it."""
    canon = _canon(turn)
    if own := next((w for c in turn.clauses if (w := duty.written(c, unit, canon))), ""):
        return own
    known = turn.ev.kb.units.within(turn.docs).get(unit)
    return next((f for f in sorted(known.forms, key=len, reverse=True) if f in turn.text), unit) if known else unit


def member(turn: Turn) -> Answer | None:
    if _whole_document_asked(turn):
        return document_member(turn)
    task, untagged = locate(turn)
    if task is None:
        return _not_tagged(turn, untagged)
    task = _asked_part(turn, _table_row(turn, task))
    label = duty.task_label(task)
    # a unit inside the item's own title (郑商所 in 实施郑商所优势再造) names the item, not a unit asked about
    asked = [u for u in turn.frame.units if (duty.written(task, u, _canon(turn)) or u) not in label] or turn.frame.units
    asked = _one_per_name(turn, asked)
    if len(asked) > 1:  # `人民银行和银保监要配合吗`: each unit asked gets its own 是/否
        return duty.members(turn.frame, turn.text, task, asked, _evidence(turn, task), _canon(turn),
                            no_lead=_unstated_lead(turn, task))
    turn = replace(turn, frame=replace(turn.frame, units=tuple(asked)))
    asked = turn.frame.units[0] if turn.frame.units else (turn.frame.unit_hints[0] if turn.frame.unit_hints else "")
    asked = _as_written(turn, asked) if turn.frame.units else asked
    return duty.member(turn.frame, turn.text, task, asked, _evidence(turn, task), _canon(turn),
                       no_lead=_unstated_lead(turn, task))


def with_attribute(turn: Turn, answer: Answer) -> Answer:
    """`哪个部门负责，返多少`: a who-answer from an item's annotation that also asks an amount (a date …) the item
    states gets the item's sentence that states it, quoted."""
    attribute = attributes.asked(turn.text)
    if attribute is None or not answer.answerable or not answer.citations:
        return answer
    item = answer.citations[0].clause
    said = [s for s in sentences(item.text) if attribute.has.search(s) and s not in answer.text]
    if not said:
        return answer
    quote = said[0]
    return replace(answer, text=f"{answer.text}\n文件写明的{attribute.name}：“{quote}”",
                   citations=(*answer.citations, Citation(item, quote)))


def _split_by_titles(turn: Turn) -> list[Clause]:
    """Two items named whole by their own titles on either side of one connector — the split point chosen by the
    titles, since a title may hold 和 or 、 itself (农村基层和北部山区人才支持项目 跟 人才研究智库)."""
    pool = [c for c in turn.scoped(turn.ev.tagged) if c.units and c.heading]
    best: tuple[float, list[Clause]] | None = None
    for m in re.finditer(r"又(?:要)?(?:负责|参与|牵头|管|是|列为|涉及)?|和|与|及|跟|同|、|，|,|\s+", turn.text):
        left, right = turn.text[:m.start()], turn.text[m.end():]
        sides = []
        for phrase in (left, right):
            scored = max(((link.coverage(phrase, link.bare_label(c.heading)), c) for c in pool),
                         key=lambda x: (x[0], len(x[1].heading)), default=(0.0, None))
            sides.append(scored)
        score = min(sides[0][0], sides[1][0])
        if score >= link.STRONG and sides[0][1] is not sides[1][1] and (best is None or score > best[0]):
            best = (score, [sides[0][1], sides[1][1]])
    return best[1] if best else []


def two_tasks(turn: Turn) -> Answer | None:
    tasks: list[Clause] = _split_by_titles(turn)
    for phrase in turn.frame.subject_text[:2] if len(tasks) < 2 else ():
        task, _ = locate(turn, phrase)
        if task is not None and task not in tasks:
            tasks.append(task)
    if len(tasks) < 2:
        return None
    writer = duty.intersection if turn.frame.op is Op.INTERSECTION else duty.difference
    return writer(turn.frame, turn.text, tasks)


def _canon(turn: Turn) -> duty.Canon:
    """One name per unit, so that 市人社局 asked finds 市人力资源和社会保障局 written — read as the documents asked
    about read names (a short form two cities' documents share, 市文旅局, is this document's unit)."""
    units = turn.ev.kb.units.within(turn.docs)
    return lambda name: units.canonical(name) or name


def reverse(turn: Turn) -> Answer | None:
    if not turn.frame.units or not turn.scoped(turn.ev.tagged):
        return None  # documents without annotations say what a unit does in sentences: quoted, not listed
    titles = {c.doc: c.title for c in turn.clauses}
    unstated = (lambda c: _unstated_lead(turn, c))
    found = duty.tasks_of(turn.clauses, turn.frame.units, turn.frame.lead_only, _canon(turn), unstated)
    if not found and _named_in_prose(turn):
        return None  # on no item's list, but the text says what it does (`市财政局复核结算`): its sentences answer
    focus = _focus(turn, found)
    answer = duty.reverse(turn.frame, turn.text, turn.clauses, titles, _canon(turn), turn.ev.kb.units.find_in_text,
                          focus, unstated)
    return _with_own_entries(turn, answer) if answer is not None and focus is None else answer


# `(十)区城管局：加大对占用和毁坏各类绿地等的执法力度`: a list of duties, one entry per body, titled by the body
_ENTRY_HEAD = re.compile(r"^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、])?(?P<body>[^：:，。；]{2,24})[：:]")


def _with_own_entries(turn: Turn, answer: Answer) -> Answer:
    """A document that tags its tasks may also list each body's duties in a section of its own (`三、工作职责 /
    (十)区城管局：…`): asked what a body does, its own entry comes first, then the tasks it is tagged on."""
    canon = _canon(turn)
    asked = {canon(u) for u in turn.frame.units}
    entries = [c for c in turn.clauses if not c.units and (m := _ENTRY_HEAD.match(c.text))
               and canon(m.group("body")) in asked]
    if not entries:
        return answer
    lines = [f"{'、'.join(turn.frame.units)}的职责（「{c.section_label}」）：“{c.text}”" for c in entries[:3]]
    return replace(answer, text="\n".join(lines) + "\n" + answer.text,
                   citations=(*(Citation(c, c.text) for c in entries[:3]), *answer.citations))


def _named_in_prose(turn: Turn) -> bool:
    """Is every unit asked about named in the scoped text outside the annotations?"""
    units = turn.ev.kb.units.within(turn.docs)
    named: set[str] = set()
    for c in turn.clauses:
        named.update(units.find_in_text(c.text.replace(c.tag_text, "") if c.tag_text else c.text))
    return all(u in named for u in turn.frame.units)


FOCUS_MIN = 0.25  # share of the phrase's (rarity-weighted) character pairs the item meant holds (the rest of the
# phrase is the question's own words, 干什么), three times any other item's share


def _focus(turn: Turn, found: Sequence[Clause]) -> Clause | None:
    """`水利部在亭子口项目上干什么`: a unit's work asked on one matter — the item whose own words the matter repeats,
    when one clearly does; otherwise nothing (every item of the unit is listed)."""
    if len(found) < 2:
        return None
    best: tuple[float, Clause | None] = (0.0, None)
    for phrase in turn.frame.subject_text:
        named = [c for c in found if link.label_score(phrase, c)[0] >= link.STRONG]
        if len(named) == 1:  # the matter is one item's own title (物业管理 → 提升物业管理服务水平)
            return named[0]
        scores = link.wording(phrase, found)
        ranked = sorted(found, key=lambda c: -scores.get(c.id, 0.0))
        top, second = scores.get(ranked[0].id, 0.0), scores.get(ranked[1].id, 0.0)
        shared = link.bigrams(phrase) & link.bigrams(ranked[0].text)  # a matter of one word (涉及) names nothing
        if top >= FOCUS_MIN and second < top / 3 and top > best[0] and len(shared) >= 2:
            best = (top, ranked[0])
    return best[1]


def _party_key(name: str) -> str:
    """属地人民政府(管委会) → 属地政府, 各区、县级市 → 各区县级市: a generic party as people shorten it."""
    return re.sub(r"人民|[（(][^）)]*[）)]|[、，,\s]", "", name)


def generic_tasks(turn: Turn) -> Answer | None:
    """`属地政府要干啥？`, `各区政府负责哪些工作？`: the items a generic party of the annotations is listed for."""
    if turn.frame.units or not cues.TASKS_OF_UNIT.search(turn.text):
        return None
    asked = _party_key(turn.text)
    tagged = turn.scoped(turn.ev.tagged)
    # a standing list (江北新区管委会、各区政府) names each of its parties
    parties = {p for c in tagged for g in (*c.generic_units, *c.leads) for p in (g, *g.split("、"))}
    named = [g for g in parties if not turn.ev.kb.units.canonical(g)
             and any(len(k) >= 3 and k in asked for k in (_party_key(g), _party_short(g)))]
    if not named:
        return None
    party = max(named, key=len)
    found = [c for c in tagged if any(party in (g, *g.split("、")) for g in (*c.generic_units, *c.leads))]
    if cues.LEAD.search(turn.text):
        found = [c for c in found if party in c.leads]
    # `…各地级以上市政府负责落实。以下任务均需各市落实，不再列出`: the party stands behind every later item too
    later = next((p for c in found if (p := re.sub(r"[，,]", "、", standing_parties(c.tag_text)))), "")
    behind = [c for c in tagged if later and later in c.generic_units and c not in found]
    return duty.generic_tasks(turn.frame, turn.text, party, found, later, len(behind)) if found else None


def _party_short(name: str) -> str:
    """各地级以上市人民政府 → 各地级市: as people say a generic party, without 以上 and the 政府 it implies."""
    return re.sub(r"以上|政府|管委会", "", _party_key(name))


# an office inside a unit (考评处, 基层处, 信息科): named in a task table's own columns, never in the unit columns
_OFFICE = re.compile(r"^[\u4e00-\u9fff]{1,8}(处|科|室)$")


def office_tasks(turn: Turn) -> Answer | None:
    """`考评处负责哪些工作？`: the table rows whose office columns name an office the question names."""
    if turn.frame.units or not cues.TASKS_OF_UNIT.search(turn.text):
        return None
    role = (("牵头", "主责", "责任") if cues.LEAD.search(turn.text) else
            ("配合", "协同", "参与", "协办") if cues.PARTNERS.search(turn.text) else ("",))
    rows: list[tuple[Clause, str, str]] = []
    for c in turn.scoped(turn.ev.with_columns):
        for column, cell in c.columns:
            if any(r in column for r in role):
                rows += [(c, column, n) for n in re.split(r"[、，,；;\s/]+", cell) if _OFFICE.match(n) and n in turn.text]
    if not rows:
        return None
    office = max((n for _, _, n in rows), key=len)
    mentions = turn.ev.kb.units.find_in_text
    return duty.office_tasks(turn.frame, turn.text, office, [(c, col) for c, col, n in rows if n == office],
                             lambda s: bool(mentions(s)))


def _heading_phrase(turn: Turn) -> str:
    """The subject words and their synonyms in the documents' terms (`safeguard measures` → 保障措施)."""
    expanded = turn.ev.kb.searcher.query_tokens(turn.text)
    return "".join(turn.frame.subject_text) + "|" + "".join(t for t in expanded if not t.isascii())


def per_item(turn: Turn) -> Answer | None:
    subject = "".join(turn.frame.subject_text)
    found = (link.heading_of(subject, turn.clauses) if len(subject) >= 3 else None) or \
        link.heading_of(_heading_phrase(turn), turn.clauses)
    if found is None:
        return None
    label, depth, doc = found
    parts = _tagged_level(link.children(turn.clauses, doc, label, depth), depth + 2)
    return duty.per_item(turn.frame, turn.text, label, parts, lambda c: _unstated_lead(turn, c)) if len(parts) >= 2 else None


def _tagged_level(parts: dict[str, list[Clause]], depth: int) -> dict[str, list[Clause]]:
    """Descend into a part whose items carry their own annotations (发展目标 > 总体目标 > 产业规模 …)."""
    out: dict[str, list[Clause]] = {}
    for part, clauses in parts.items():
        deeper: dict[str, list[Clause]] = {}
        for c in clauses:
            if len(c.section) > depth and c.units and not c.tag_scope:
                deeper.setdefault(c.section[depth], []).append(c)
        if len(deeper) > 1:
            out.update(deeper)
        else:
            out[part] = clauses
    return out


# The whole document's shape asked (`分几部分，总共多少条`, `一共几章`, `有几个附件`), not one heading's parts.
# Broader than the cue that picks the operation (kb/cues.py): here the operation is already OUTLINE.
DOC_SHAPE = re.compile(cues.DOC_SHAPE.pattern + r"|多少项|几条|附件有|结构|框架|目录", re.IGNORECASE)
_SKIP_PARTS = ("前言", "印发通知")


_LISTED = re.compile(r"^[\d０-９]{1,2}[.．、]")


# What a table itself looks like (`分工表有哪些栏目`, `清单一共多少项`, `表格有几列`): its header row and its rows
TABLE_ASKED = re.compile(r"(表|表格|清单|台账)[^，。？?]{0,8}(栏目|几栏|几列|多少列|哪些列|哪几列|列了哪些(?![^，。？?]{0,3}(单位|部门|配合|牵头|责任))|"
                         r"表头|字段|"
                         r"多少项|几项|多少行|几行|多少条|几条|多少个?(任务|事项|举措)|"
                         r"分(了|成|为)?(哪几|哪些|几|多少)(个|大)?(类|组|块|部分|方面)|(按|根据)(什么|哪些|啥)(来)?分|类别|分类)|"
                         r"(栏目|表头|字段)(有|是|都)")


def table_shape(turn: Turn) -> Answer | None:
    """Each table of the scoped document: its columns as its header names them and how many rows and numbered
    entries it has (a task split over several rows counts once)."""
    if not TABLE_ASKED.search(turn.text) or turn.frame.units:
        return None
    doc = turn.one_doc()
    clauses = [c for c in turn.clauses if c.doc == doc]
    headers = [c for c in clauses if c.kind == "header"]
    if not headers:
        return None
    lines, cites = [], []
    firsts = {h.section[:1]: h for h in reversed(headers)}  # a header repeated on each page is one table
    for h in sorted(firsts.values(), key=lambda c: c.order):
        part = h.section[:1]
        every = [c for c in clauses if c.kind == "row" and c.doc == h.doc and c.section[:1] == part]
        # a row naming no unit between tasks (`二	构建全链条…体系`) heads a block of the table, no task
        blocks = [c.heading for c in every if not (c.units or c.generic_units or c.leads) and c.heading]
        rows = [c for c in every if c.heading not in blocks] if len(blocks) >= 2 else every
        numbers = list(dict.fromkeys(re.sub(r"[-~].*$", "", c.id.rsplit(".r", 1)[-1]) for c in rows if ".r" in c.id))
        name = next((c.text for c in clauses if c.doc == h.doc and c.section[:1] == part and c.kind == "paragraph"
                     and len(c.text) <= 60 and c.order < h.order), "")
        where = f"「{'、'.join(part)}{(' ' + name) if name else ''}」"
        columns = "、".join(n for n, _ in h.columns)
        count = f"共 {len(numbers)} 项" + (f"（{len(rows)} 行，有的项分成几行）" if len(rows) > len(numbers) else "")
        shape = f"表格共 {len(h.columns)} 栏：{columns}"
        counted = re.search(r"(多少|几)个?(项|行|条|任务|事项|举措)", turn.text)  # the number asked: first
        grouped = f"；分 {len(blocks)} 大块：{'、'.join(blocks)}" if len(blocks) >= 2 else _groups(rows)
        lines.append((f"{where}{count}；{shape}" if counted else f"{where}的{shape}；{count}") + grouped + "。")
        cites.append(Citation(h, h.text))
    return Answer(turn.text, "\n".join(lines), True, Op.OUTLINE.value, citations=tuple(cites))


def _groups(rows: Sequence[Clause]) -> str:
    """`；按任务名称分 8 类：加强组织领导、…`: a column a merged cell filled only on the first row of each group (the
    rows below it left empty) sorts the rows; its values, in order, are the table's own categories."""
    for name in dict.fromkeys(n for c in rows for n, _ in c.columns):
        if any(w in name for w in duty.WHEN_COLUMNS) or not rows or name not in dict(rows[0].columns):
            continue
        values = [dict(c.columns).get(name) for c in rows]
        named = list(dict.fromkeys(v for v in values if v))
        if None in values and 2 <= len(named) < len(rows) / 2:
            return f"；按{name}分 {len(named)} 类：{'、'.join(named)}"
    return ""


# How the document marks who leads (`责任单位一长串，怎么看哪个是牵头的`, `排第一的就是牵头单位吗`)
LEAD_RULE_ASKED = re.compile(r"(怎么|如何|怎样|咋)(看|区分|判断|确定|知道|认定|分辨|标注|标明|分)[^？?。]{0,10}牵头|"
                             r"牵头(单位|部门)?(是)?(怎么|如何|怎样|按什么)(确定|区分|标注|看|认定|定)的?|"
                             r"(排|列)(在)?(第一|首位|最前|前面)[^？?。]{0,8}(是|算|就是)[^？?。]{0,4}牵头|"
                             r"(有没有|是否|有无)(说明|写明|规定)[^？?。]{0,6}(谁|哪个)[^？?。]{0,4}牵头")


def lead_convention(turn: Turn) -> Answer | None:
    """What the document itself says about how its lists mark the lead: its note (`第一个逗号前为牵头单位`,
    `列第一位者为牵头单位`), else its 牵头 labels, else that its lists mark none."""
    if not LEAD_RULE_ASKED.search(turn.text):
        return None
    doc = turn.one_doc()
    clauses = [c for c in turn.clauses if c.doc == doc and (c.tag_text or c.units)]
    if not clauses:
        return None
    note = next((c for c in clauses if LEAD_NOTE.search(c.tag_text)), None)
    if note is not None:
        m = LEAD_NOTE.search(note.tag_text)
        start = max(note.tag_text.rfind(sep, 0, m.start()) for sep in "；;，,（(") + 1
        rule = note.tag_text[start:].rstrip("）)］]")
        text = f"文件写明：“{rule}”（「{note.section_label}」的责任单位注明）。"
        return Answer(turn.text, text, True, Op.LEAD.value, citations=(Citation(note, note.tag_text),))
    labelled = next((c for c in clauses if c.lead_explicit and c.tag_text), None)
    if labelled is not None:
        how = "分工表单列了牵头单位一栏" if labelled.kind == "row" else "逐项标注了牵头单位"
        example = duty.unit_list(labelled) if labelled.kind == "row" else labelled.tag_text
        text = f"文件{how}，例如「{labelled.section_label or labelled.heading}」：{example}。"
        return Answer(turn.text, text, True, Op.LEAD.value, citations=(Citation(labelled, labelled.tag_text),))
    listed = next((c for c in clauses if c.tag_text and c.units and not c.leads), None)
    if listed is None:
        return None
    if not _unstated_lead(turn, listed):  # the convention comes from whoever added the document (its metadata)
        text = (f"文件各项只列了责任单位，未逐项标注牵头；按该文件的发文惯例，列第一位的责任单位牵头，例如"
                f"「{listed.section_label}」由{listed.units[0]}牵头：{listed.tag_text}。")
        return Answer(turn.text, text, True, Op.LEAD.value, citations=(Citation(listed, listed.tag_text),))
    text = f"文件没有说明哪个是牵头单位：各项只列了责任单位，未标注牵头，例如「{listed.section_label}」：{listed.tag_text}。"
    return Answer(turn.text, text, True, Op.LEAD.value, citations=(Citation(listed, listed.tag_text),))


# The attachments asked about by name or number (`附件都叫什么`, `带了几个附件`, `有没有附件`)
ANNEX_ASKED = re.compile(r"附件[^，。？?]{0,4}(是什么|是啥|有哪些|有几个|有多少|都是|都叫|叫什么|名称|名字|有什么|包括|分别)|"
                         r"(几|多少|哪些|哪几)个?附件|带了?.{0,4}附件|有没有附件|附件有没有")


def attachments(turn: Turn) -> Answer | None:
    """The document's attachments first (how many, their names), then its shape; or that it lists none."""
    if not ANNEX_ASKED.search(turn.text) or turn.frame.units:
        return None
    answer = document_outline(turn)
    if answer is not None and "附件" not in answer.text:
        return replace(answer, text="该文件没有列出附件。\n" + answer.text)
    return answer


def annex_names(clauses: Sequence[Clause], annexes: Sequence[str]) -> list[str]:
    """The attachments by name: `附件1 <its title line>` for each attachment part, or, where the notice only lists
    them (附件：１．…２．…３．… with no text of their own), the listed names."""
    out = []
    if any(p != "附件" for p in annexes):  # the attachments' own text follows: their list names them again
        annexes = [p for p in annexes if p != "附件"]
    for part in annexes:
        inside = [c for c in clauses if c.section and c.section[0] == part]
        if listing := next((c for c in inside if c.kind == "annexes"), None):
            # `附件：１．…２．…３．…` ending a notice whose attachments' text is not in the document
            names = [n for n in re.split(r"[\d０-９]{1,2}(?:[-－][\d０-９]{1,2})?[.．、]", listing.text.split("：", 1)[-1]) if n]
            out += names or [listing.text]
            continue
        listed = list(dict.fromkeys(c.section[1] for c in inside if len(c.section) > 1 and _LISTED.match(c.section[1])))
        if part == "附件" and len(listed) >= 2 and not any(c.kind in ("row", "item", "article") for c in inside):
            out += listed
            continue
        title = next((c.text for c in inside if c.kind == "paragraph" and len(c.text) <= 60), "")
        out.append(f"{part} {title}".strip())
    return out


# the numbering mark a heading opens with: 第十条 / 第 1 0 条, （三）/ (三), 12. / 12、
_MARK = re.compile(r"^(第[一二三四五六七八九十百零〇\d\s]+条|[（(][一二三四五六七八九十百零\d]+[）)]|\d+[.．、])")


def _numbered_entries(clauses: Sequence[Clause]) -> list[tuple[str, str]]:
    """(part, numbering mark) of the document's running entries, in order: its articles (第N条) where it has
    them, else its numbered items, else the numbered headings one level under the parts ((一)…(二十八))."""
    def marked(kind: str) -> list[tuple[str, str]]:
        seen = {tuple(c.section): (c.section[0], m.group(1).replace(" ", "")) for c in clauses
                if c.kind == kind and (m := _MARK.match(c.heading or ""))}  # one entry per item, numbering may restart
        return list(seen.values())
    if len(articles := marked("article")) >= 2:
        return articles
    second = list(dict.fromkeys((c.section[0], c.section[1]) for c in clauses if len(c.section) > 1))
    second_marked = [(p, m.group(1)) for p, label in second if (m := _MARK.match(label))]
    items = marked("item")
    return items if len(items) > len(second_marked) else second_marked  # the finer running numbering


def document_outline(turn: Turn) -> Answer | None:
    """The parts of a document in order, with how many articles or numbered items it has."""
    docs = list(dict.fromkeys(c.doc for c in turn.clauses))
    doc = turn.hits[0].clause.doc if turn.hits else (docs[0] if docs else None)
    if doc is None or (len(docs) > 1 and turn.docs is None and not turn.hits):
        return None
    clauses = [c for c in turn.clauses if c.doc == doc]
    parts = list(dict.fromkeys(c.section[0] for c in clauses if c.section and c.section[0] not in _SKIP_PARTS))
    body = [p for p in parts if not p.startswith("附件")]
    entries = _numbered_entries([c for c in clauses if c.section and c.section[0] in body])
    annexes = annex_names(clauses, [p for p in parts if p.startswith("附件")])
    word = "条" if any(m.startswith("第") for _, m in entries) else "个编号条目"
    counts = [f"共 {len(body)} 部分"] + ([f"{len(entries)} {word}"] if entries else [])
    in_annexes = [c for c in clauses if c.section and c.section[0].startswith("附件")]
    listed_only = bool(in_annexes) and all(c.kind == "annexes" for c in in_annexes)  # names only, no text
    counts += [f"附件 {len(annexes)} 个" + ("（只列了名称，附件正文不在本文本中）" if listed_only else "")] if annexes else []
    if entries and len(entries) == len(body) and all(p == m or p.startswith(m) for p, m in entries):
        # a flat text of articles with no parts above them: the count and the first and last article
        counts = [f"共 {len(entries)} {word}（{entries[0][1]}—{entries[-1][1]}）"] + counts[2:]
        return Answer(turn.text, "，".join(counts) + "。", True, Op.OUTLINE.value)
    lines = ["，".join(counts) + "。"]
    for n, p in enumerate(body, 1):
        marks = [m for part, m in entries if part == p]
        unit = "条" if word == "条" else "项"
        span = (f"（{marks[0]}—{marks[-1]}，{len(marks)} {unit}）" if len(marks) > 1 and len(set(marks)) == len(marks)
                else f"（{len(marks)} {unit}）" if len(marks) > 1 else f"（{marks[0]}）" if marks else "")
        lines.append(f"{n}. {p}{span}")
    lines += [f"附件：{'；'.join(annexes)}"] if annexes else []
    if annexes and "附件" in turn.text and not re.search(r"部分|几章|多少章|几条|多少条|结构|框架|目录", turn.text):
        # 有几个附件，都是什么: the attachments first, the shape after (with the shape also asked, the shape first)
        note = "（只列了名称，附件正文不在本文本中）" if listed_only else ""
        lines = [f"附件 {len(annexes)} 个：{'；'.join(annexes)}{note}。"] + lines[:-1]
    firsts = {}
    for c in clauses:
        if c.section and c.section[0] in parts and c.section[0] not in firsts:
            spans = extract.sentence_spans_of(c)
            if spans:
                firsts[c.section[0]] = Citation(c, c.text[spans[0].start:spans[0].end])
    return Answer(turn.text, "\n".join(lines), True, Op.OUTLINE.value, citations=tuple(firsts.values())[:8])


# the question is about the document itself (这份实施意见, 该通知, 全文), not one of its headings
DOC_ITSELF = re.compile(r"(这|本|该|此)(份|个|篇|部|些|套)?[\u4e00-\u9fff]{0,12}?(文件|通知|意见|方案|办法|规划|计划|政策措施|政策|条例|规定|措施|细则|"
                        r"公告|通告|指南|决定|批复|清单)|"
                        r"全文|整个文件|文件(一共|共|总共)|附件")


def outline(turn: Turn) -> Answer | None:
    """`保障措施有哪几条？`: the parts under the heading the question names (or the whole document's)."""
    itself = bool(DOC_SHAPE.search(turn.text) and DOC_ITSELF.search(turn.text))
    whole = bool(cues.DOC_SHAPE.search(turn.text))  # 一共几章 with no heading named; not `保障措施有几条`
    # `宁国十条都是哪十条`: the document's own items, counted in its name, asked by their number
    numbered = bool(re.search(r"(是|有)哪[一二三四五六七八九十两\d]+(条|项|部分|方面|个方面)", turn.text))
    # the words that ask for the document's shape (本实施意见, 几个部分) name no heading
    phrase = re.sub(r"部分|结构|框架|目录", "", DOC_ITSELF.sub("", _heading_phrase(turn)))
    # 哪五个方面, 哪几类OPC: the count names no heading
    phrase = re.sub(r"[几一二三四五六七八九十两\d]+(个|类|种|大类|项|条)", "", phrase)
    # the subject as asked, then with the documents' terms: a part of a heading's name (六大行动计划) is
    # carried by the heading only when not diluted by the expansion
    found = next((f for piece in [phrase, phrase.replace("|", ""), *phrase.split("|")] if len(piece) >= 2
                  and (f := link.heading_of(piece, turn.clauses)) is not None), None)
    also: tuple[str, int, str] | None = None
    if (m := _COUNTED.search(turn.text)) and (found is None or m.group(1) not in link.bare_label(found[0])):
        # `发展目标分哪几个阶段`: the heading whose parts are the things counted, under the one named if any
        noun = m.group(1)
        # under the heading named, else in the document the question is about (never a scan of a whole library)
        near = turn.one_doc()
        within = [c for c in turn.clauses if c.doc == near] if found is None else [c for c in turn.clauses if c.doc == found[2]
                                                      and len(c.section) > found[1] and c.section[found[1]] == found[0]]
        by_noun = _heading_by_noun(noun, within)
        if by_noun is not None and (found is None or _noun_parts(noun, by_noun, turn.clauses) > _noun_parts(noun, found, turn.clauses)):
            # `工作任务分几块？业务流程再造又分哪几个阶段？`: both lists when the heading named is a different question
            also = found if found is not None and len(re.findall(r"[？?]", turn.text)) >= 2 else None
            found = by_noun
    heading = _heading_parts(turn, found) if found is not None else None
    if cues.UNTAGGED_ASKED.search(turn.text):
        return untagged_items(turn, document_outline(turn) if whole or itself else heading)
    if itself:  # 这份实施意见分几大部分: the document's own shape, and the parts of a heading asked with it
        doc = document_outline(turn)
        if doc is None or heading is None or found is None or found[0].startswith("附件"):
            return doc  # 有几个附件: the attachments are listed with the shape already
        return replace(doc, text=doc.text + "\n" + heading.text, citations=doc.citations + heading.citations)
    if heading is not None and also is not None and (first := _heading_parts(turn, also)) is not None:
        return replace(first, text=first.text + "\n" + heading.text, citations=first.citations + heading.citations)
    return heading or (document_outline(turn) if whole or (numbered and found is None) else None)


# `分了几个阶段`, `有哪几大基地`: the noun counted, which names the heading whose parts are asked for
_COUNTED = re.compile(r"(?:几|哪几|哪些|多少)(?:个|大|类)?([\u4e00-\u9fff]{2,4}?)(?=[，,？?。、]|各|分别|都|是|$)")


def _heading_by_noun(noun: str, clauses: Sequence[Clause]) -> tuple[str, int, str] | None:
    """The heading whose parts are the things counted (阶段 → 整合再造业务流程, whose parts are 建设预售阶段 …;
    阶段目标, whose parts are 第一阶段 …), else the one whose own label carries the noun, the most parts first."""
    best: tuple[tuple[int, int, int], tuple[str, int, str]] | None = None
    for label, depth, doc in dict.fromkeys((s, d, c.doc) for c in clauses for d, s in enumerate(c.section[:-1])):
        parts = link.children(clauses, doc, label, depth)
        if len(parts) < 2:
            continue
        named = sum(noun in link.bare_label(p) for p in parts)
        key = (named if named >= 2 else 0, int(noun in link.bare_label(label)), len(parts))
        if key[:2] != (0, 0) and (best is None or key > best[0]):
            best = (key, (label, depth, doc))
    return best[1] if best else None


def _noun_parts(noun: str, found: tuple[str, int, str], clauses: Sequence[Clause]) -> int:
    return sum(noun in link.bare_label(p) for p in link.children(clauses, found[2], found[0], found[1]))


def untagged_items(turn: Turn, shape: Answer | None) -> Answer | None:
    """`哪些条没写牵头单位？`: the numbered items that name no unit, and (in a document that labels 牵头 where it
    means it) those listing only 责任单位 — after the document's shape when that was asked too."""
    doc = turn.one_doc()
    if doc is None:
        return shape
    items = [c for c in turn.clauses if c.doc == doc and c.kind in ("item", "article", "section") and not c.tag_scope
             and c.heading and _MARK.match(c.heading) and c.section and not c.section[0].startswith("附件")]
    if not items:
        return shape
    none = [c for c in items if not c.units and not c.generic_units
            and not any(d.tag_scope == c.id or (d.units and d.section[:len(c.section)] == c.section and d is not c)
                        for d in turn.clauses if d.doc == doc)]
    lead_word = bool(re.search(r"牵头", turn.text))
    only = [c for c in items if c.units and not c.leads and lead_word and _unstated_lead(turn, c)]
    if re.search(r"(没|未)[^，。？?]{0,6}(配合|参与|协同)", turn.text):  # 哪几项没写配合单位: no named partner
        alone = [c for c in items if c.units and not c.partner_units]
        lines = [shape.text, ""] if shape is not None else []
        lines.append(f"没有列具名配合单位的 {len(alone)} 条：" + "；".join(
            f"{_MARK.match(c.heading).group(1)}{link.bare_label(c.heading)}（{duty.unit_list(c)}）" for c in alone)
                     if alone else "各条都列了具名配合单位。")
        return Answer(turn.text, "\n".join(lines).strip(), True, Op.OUTLINE.value,
                      citations=tuple(Citation(c, duty.tag_quote(c)) for c in alone[:8]))
    lines = [shape.text, ""] if shape is not None else []
    name = lambda c: link.bare_label(c.heading) or c.heading
    if none:
        lines.append(f"没有标注任何责任单位的 {len(none)} 条：" + "；".join(f"{_MARK.match(c.heading).group(1)}{name(c)}" for c in none))
    if only:
        lines.append(f"只列了责任单位、未写牵头单位的 {len(only)} 条：" + "；".join(
            f"{_MARK.match(c.heading).group(1)}{name(c)}（{'、'.join(c.units)}）" for c in only))
    if not none and not only:
        lines.append("各条都标注了" + ("牵头单位。" if lead_word else "责任单位。"))
    cites = tuple(Citation(c, c.text[:60]) for c in (none + only)[:8])
    return Answer(turn.text, "\n".join(lines).strip(), True, Op.OUTLINE.value,
                  citations=(shape.citations if shape else ()) + cites)


def _heading_parts(turn: Turn, found: tuple[str, int, str]) -> Answer | None:
    """The parts directly under a heading, with the numbered entries under it when it has them."""
    label, depth, doc = found
    parts = link.children(turn.clauses, doc, label, depth)
    if len(parts) < 2:
        return None
    inside = [c for c in turn.clauses if c.doc == doc and len(c.section) > depth and c.section[depth] == label]
    items = [c for c in inside if c.kind == "item" and _MARK.match(c.heading or "")]
    more = f"（其下编号条目共 {len(items)} 个）" if len(items) > len(parts) else ""
    # a part numbered with no title of its own (（一）知识产权保护方面5项：…) is named by its first words
    named = [duty.task_label(cl[0]).split(" · ")[-1] if cl and not NUMBERING.sub("", p).strip() else p
             for p, cl in parts.items()]
    lines = [f"共 {len(parts)} 项。「{label}」下包括{more}："] + [f"{n}. {p}" for n, p in enumerate(named, 1)]
    cites = []
    for clauses in parts.values():
        spans = extract.sentence_spans_of(clauses[0])
        if spans:
            cites.append(Citation(clauses[0], clauses[0].text[spans[0].start:spans[0].end]))
    return Answer(turn.text, "\n".join(lines), True, Op.OUTLINE.value, citations=tuple(cites))


# --- figures --------------------------------------------------------------------------------
def _periods(frame: Frame) -> list[str]:
    stages = sorted(frame.stages, key=lambda s: cn_to_int(s[1:-2]))
    return stages if len(stages) >= 2 else sorted(frame.years)


def compare(turn: Turn, ranked: list[Scored]) -> Answer | None:
    periods = _periods(turn.frame)
    if len(periods) < 2:
        return None
    picks = [turn.ev.with_period(ranked, p) for p in periods[:2]]
    if any(p is None for p in picks):
        return None
    subject = "".join(turn.frame.subject_text) or turn.text
    a, b = (turn.ev.number_for(subject, s) for s in picks)
    periods = [p if "阶段" in p else f"{p}年" for p in periods]
    lines = [f"· {p}：{turn.ev.part_for(subject, s.text).strip('，,；;。')}（「{s.clause.section_label}」：“{s.text}”）"
             for p, s in zip(periods, picks)]
    if a and b and a[1] == b[1]:
        diff = b[0] - a[0]
        word = "高" if diff >= 0 else "低"
        lines.insert(0, f"{periods[1]}比{periods[0]}{word}{extract.fmt_number(abs(diff))}{a[1]}"
                        f"（{extract.fmt_number(b[0])}{a[1]} − {extract.fmt_number(a[0])}{a[1]}，按文件中的目标数字）。")
    return Answer(turn.text, "\n".join(lines), True, Op.COMPARE.value,
                  citations=tuple(Citation(s.clause, s.text) for s in picks))


def series(turn: Turn, ranked: list[Scored]) -> Answer | None:
    """A figure at every stage or target year the documents give, in order."""
    stages = sorted({s for c in turn.clauses for s in c.section if "阶段" in s and s.startswith("第")},
                    key=lambda s: cn_to_int(s[1:s.index("阶段")]) if s[1:s.index("阶段")] else 0)
    rows = []
    for stage in stages:
        pick = next((s for s in ranked if stage in s.clause.section and extract.has_quantity(s.text)), None)
        if pick is not None:
            rows.append((stage, pick))
    if len(rows) < 2:
        years = sorted({y for s in ranked[:12] for y in turn.ev.years_of(s.clause)})
        rows = [(f"{y}年", p) for y in years if (p := turn.ev.with_year(ranked, y)) and extract.has_quantity(p.text)]
        rows = list({p.text: (label, p) for label, p in rows}.values())
    if len(rows) < 2:
        return None
    subject = "".join(turn.frame.subject_text) or turn.text
    lines = [f"分阶段目标（共 {len(rows)} 个）：" + "；".join(
        f"{label.split('，')[0]}：{turn.ev.part_for(subject, p.text).strip('，,；;。')}" for label, p in rows) + "。"]
    lines += [f"· {label}：“{p.text}”（「{p.clause.section_label}」）" for label, p in rows]
    return Answer(turn.text, "\n".join(lines), True, Op.SERIES.value,
                  citations=tuple(Citation(p.clause, p.text) for _, p in rows))


_DEFINES = re.compile(r"(?:所称|本(?:办法|规定|条例|细则|方案|意见|通知|文件|措施)中?的?)[“\"]?([^，。；“”\"]{2,20}?)[”\"]?[，,]?"
                      r"(?:是指|指|包括|即)")
GLOSSARY_MIN = 0.6  # share of the asked term's character pairs a defined term holds (空巢老人 ~ 空巢老年人)


def _glossary_entry(turn: Turn, term: str) -> tuple[Clause, re.Match[str]] | None:
    """The document's own definition (`本办法所称X包括…`) of the term closest to the one asked."""
    asked = link.bigrams(term)
    best, score = None, (GLOSSARY_MIN, 0.0)
    for c in turn.clauses:
        for m in _DEFINES.finditer(c.text):
            name = m.group(1)
            pairs = link.bigrams(name)
            shared = len(asked & pairs)
            key = (shared / max(len(asked), 1), shared / max(len(asked | pairs), 1))  # covered, then closest
            if key >= score:
                best, score = (c, m), key
    return best


def definition(turn: Turn, ranked: list[Scored]) -> Answer | None:
    """A term the documents spell out: the sentence that expands it (`即`, `指`, `包括`, a parenthesis)."""
    term = max(turn.frame.subject_text, key=len, default="")
    if len(term) < 2:
        return None
    t = re.escape(term)
    # a definition the document gives itself (`本办法所称纯老家庭包括…`, `X是指…`) wins wherever it stands
    defined = re.compile(rf"(所称|本(办法|规定|条例|细则|方案|意见|通知|文件|措施)中?的?)[“\"]?{t}[”\"]?[^。；]{{0,8}}(是指|指|包括|即|为)"
                         rf"|{t}[”\"」]?[，,]?(是指|指的是)")
    found = next(((c, m) for c in turn.clauses if (m := defined.search(c.text))), None) or _glossary_entry(turn, term)
    if found is not None:
        c, m = found
        span = next((sp for sp in extract.sentence_spans_of(c) if sp.start <= m.start() < sp.end), None)
        if span:
            text = c.text[span.start:span.end]
            return Answer(turn.text, f"文件对“{term}”的定义：“{text}”（「{c.section_label}」）", True,
                          Op.DEFINITION.value, citations=(Citation(c, text),))
    spelled = re.compile(rf"{t}[”\"」]?[（(]|{t}[”\"」]?(是指|指|即|包括|是)|[（(][^）)]*{t}")
    pick = next((s for s in ranked if spelled.search(s.text)), None)
    if pick is None:
        for c in turn.clauses:
            m = spelled.search(c.text)
            if m:
                span = next((sp for sp in extract.sentence_spans_of(c) if sp.start <= m.start() < sp.end), None)
                if span:
                    text = c.text[span.start:span.end]
                    return Answer(turn.text, f"文件对“{term}”的说明：“{text}”（「{c.section_label}」）", True,
                                  Op.DEFINITION.value, citations=(Citation(c, text),))
        return None
    return Answer(turn.text, f"文件对“{term}”的说明：“{pick.text}”（「{pick.clause.section_label}」）", True,
                  Op.DEFINITION.value, citations=(Citation(pick.clause, pick.text),))


Handler = Callable[[Turn], Answer | None]
STRUCTURED: dict[Op, Handler] = {
    Op.RESPONSIBLE: single_task, Op.LEAD: single_task, Op.PARTNERS: single_task, Op.COUNT: single_task,
    Op.MEMBER: member, Op.INTERSECTION: two_tasks, Op.DIFFERENCE: two_tasks,
    Op.REVERSE: reverse, Op.SHARED_TASKS: reverse, Op.PER_ITEM: per_item, Op.OUTLINE: outline,
}
FROM_SENTENCES: dict[Op, Callable[[Turn, list[Scored]], Answer | None]] = {
    Op.COMPARE: compare, Op.SERIES: series, Op.DEFINITION: definition,
}


# When the document itself takes effect or lapses (有效期几年, 从哪天开始执行): its closing clause says so
VALIDITY_ASKED = re.compile(r"有效期|施行|生效|失效|废止|(开始|什么时候|哪天|何时|几时)(执行|实施|实行)|执行到|管几年|"
                            r"(有效|管|执行|实施)(多久|多长时间|到什么时候|到哪年)|when .*(take effect|expire)")
_VALIDITY_TEXT = re.compile(r"(本|该|此)(办法|通知|政策|意见|实施意见|指导意见|方案|实施方案|规定|文件|措施|若干措施|细则|条例|决定)"
                            r"[^。；]{0,30}(施行|实施|执行|有效期|废止)|有效期(为|至|暂定)?[^。；]{0,10}年")


_HOW_LONG = re.compile(r"有效期|几年|多久|多长|到哪年|到什么时候|为止|截止|期限")
_TERM = re.compile(r"有效期|\d+年|[一二两三四五六七八九十]+年|废止|截止|届满|至\d")


def validity(turn: Turn) -> Answer | None:
    """`这套政策管几年？`: the sentences in which the document says when it takes effect and for how long."""
    found: list[tuple[bool, int, Citation]] = []
    for c in turn.clauses:
        for span in extract.sentence_spans_of(c):
            sentence = c.text[span.start:span.end]
            if m := _VALIDITY_TEXT.search(sentence):
                found.append((m.group(1) is None, -c.order, Citation(c, sentence)))
    if not found:
        return None
    # the document speaking of itself (本办法自…施行) first, then the closing clauses: 有效期三年 of a rating is not it
    found = [c for *_, c in sorted(found, key=lambda x: (x[0], x[1]))]
    if _HOW_LONG.search(turn.text) and not any(_TERM.search(c.quote) for c in found):
        text = (f"文件未提及：文件只写了“{found[0].quote}”，没有写有效期或截止时间。"
                f"\n最相关的条款（仅供参考）：「{found[0].clause.section_label}」")
        return Answer(turn.text, text, False, "not_found", related=(found[0],))
    several = len({c.clause.doc for c in found}) > 1
    lines = [f"{found[0].quote}（{found[0].clause.section_label or '文件'}）"]
    # `自印发之日起施行`: the day it names is the document's own date (its signature or 印发 line)
    if _FROM_ISSUE.search(found[0].quote) and (day := _date(turn, found[0].clause.doc)):
        lines.append(f"文件落款日期为{_cn_date(day)}。")
    lines += ["出处："] + [f"· {_doc_label(turn, c.clause.doc) if several else ''}「{c.clause.section_label}」：“{c.quote}”"
                          for c in found[:4]]
    return Answer(turn.text, "\n".join(lines), True, Op.VALUE.value, citations=tuple(found[:4]))


_FROM_ISSUE = re.compile(r"自(印发|发布|公布|下发|签发)之日起")

# The document's own particulars asked (什么时候印发, 文号, 谁发的): answered from its metadata, read from its header
_ISSUED = r"(印发|发布|出台|下发|公布|发文|签发|制定|颁布)"
META_ASKED = {
    "date": re.compile(rf"(什么时候|何时|哪天|哪一天|哪年|几月|啥时候|哪个时间)({_ISSUED}|发的|出的)|{_ISSUED}(的)?(日期|时间|年份)|成文(日期|时间)|"
                       rf"落款(日期|时间)|when was .* (issued|published)"),
    "doc_number": re.compile(r"文号|发文字号|发文编号|document number"),
    "issuer": re.compile(rf"(谁|哪几?个(部门|单位|机关)|哪些(部门|单位|机关)|几个(部门|单位|机关)|哪家)(一起|共同|联合)?"
                         rf"({_ISSUED}|发的)|{_ISSUED}(单位|机关|部门|主体)|由谁{_ISSUED}|是谁{_ISSUED}|发文(单位|机关|部门)|"
                         rf"联合{_ISSUED}的?(有|是)?(哪些|哪几个|几个)?(部门|单位)|issued by|who issued"),
}
def defined_group(turn: Turn) -> Answer | None:
    """`行业主管部门有哪些`, `税务局算不算行业主管部门`: a group the document defines by enumeration (`商务、文化…等部门
    （以下统称单用途卡行业主管部门）`) answered by that definition; 是/不是 on a body asked, with where else the document
    names its field (`市场监督管理、金融、税务…等部门按照各自职责，共同做好…`)."""
    group = groups.asked_group(turn.text, turn.clauses)
    if group is None:
        return None
    where = f"（「{group.clause.section_label}」）"
    listed = group.listed
    asked = [b for b in refusal.bodies_named(turn.text.replace(group.name, " ")) if groups.field_of(b) not in group.name]
    asked += [u for u in turn.frame.units if u not in asked]
    cites = [Citation(group.clause, group.quote)]
    if asked and groups.ASKS_IN.search(turn.text):
        inside = [b for b in asked if groups.holds(group, b)]
        if len(inside) == len(asked):
            return Answer(turn.text, f"是。文件所称“{group.name}”包括：{listed}{where}。", True, Op.MEMBER.value,
                          citations=tuple(cites))
        outside = [b for b in asked if b not in inside]
        lines = [f"不是。文件所称“{group.name}”指：{listed}{where}，不含{'、'.join(outside)}。"]
        for b in outside:  # the body's own role, where the document names its field elsewhere
            field = groups.field_of(b)
            found = next(((c, c.text[sp.start:sp.end]) for c in [group.clause, *turn.clauses]
                          for sp in extract.sentence_spans_of(c)
                          if field in c.text[sp.start:sp.end] and c.text[sp.start:sp.end] not in group.quote), None)
            if found is not None:
                other, text = found
                lines.append(f"文件另写有“{field}”：“{text}”（「{other.section_label}」）")
                cites.append(Citation(other, text))
        return Answer(turn.text, "\n".join(lines), True, Op.MEMBER.value, citations=tuple(cites))
    if not groups.ASKS_MEMBERS.search(turn.text):
        return None
    return Answer(turn.text, f"文件所称“{group.name}”指：{listed}{where}。", True, Op.DEFINITION.value,
                  citations=tuple(cites))


# Who answers for the document as a whole, in its own words: 总体牵头 / 总牵头, 负责组织实施本规定 / 负责本规定的组织
# 实施, X是…的主管部门（机关）— strongest first
_DOC_NOUN = r"(?:规定|办法|条例|细则|意见|方案|措施|通知|政策|决定|计划|规划)"
_OVERALL = (re.compile(rf"总体牵头|总牵头|牵头总体|牵头负责本{_DOC_NOUN}|(?:统筹|牵头)协调本{_DOC_NOUN}|"
                       rf"负责本{_DOC_NOUN}的?(?:综合|统筹)协调"),  # 安阳: `市住建局牵头负责本意见综合协调…`
            re.compile(r"负责(?:组织)?(?:实施|执行|落实)本(?:规定|办法|条例|细则|意见|方案|措施|通知|政策|决定)|"
                       r"负责本(?:规定|办法|条例|细则|意见|方案|措施|通知|决定)的(?:组织)?实施"),
            re.compile(r"是[^，,。；;]{0,24}的主管(?:部门|机关)"),
            re.compile(r"负责(?:解释|解读)|解释权(?:属于|归)"))
_OVERALL_CUE = dict(zip((rx.pattern for rx in _OVERALL), (r"总|整体|牵头", r"实施|执行|落实", r"主管", r"解释|解读")))
MAIN_BODY = re.compile(r"^(?:第[一二三四五六七八九十百零]+条)?\s*(?P<d>[^，,。；;：:]{2,24}?)是[^，,。；;]{0,24}的主管(?:部门|机关)")
# `整体由谁总牵头`, `这个规定由哪个部门组织实施`, `主管部门是哪个`: the document's own lead, not an item's
_OVERALL_ASKED = re.compile(r"整体上?|总体上?|总牵头|全面负责|组织实施|主管(部门|机关|单位)|解释|解读")
_WHO_ASKED = re.compile(r"谁|哪(个|些|家|一)|什么(部门|单位|机关|机构)")


def document_lead(turn: Turn) -> Answer | None:
    """`这些政策措施整体由谁总牵头？`, `上海预付卡管理规定是哪个部门组织实施的`, `养犬的主管机关是谁`: the body the
    document puts in charge of itself as a whole (`市发改委负责政策落实总体牵头`, `市商务部门负责组织实施本规定`,
    `公安机关是养犬管理工作的主管机关`), quoted."""
    if turn.frame.units or not _WHO_ASKED.search(turn.text):
        return None
    if not (_OVERALL_ASKED.search(turn.text) or DOC_ITSELF.search(turn.text) and turn.frame.op in (Op.LEAD, Op.RESPONSIBLE)):
        return None
    rest = _WHO_WORDS.sub("", DOC_ITSELF.sub("", _OVERALL_ASKED.sub("", turn.text)))
    rest = re.sub(r"由|牵头|组织|实施|落实|执行|统筹|协调|工作|这些|这个|[^\u4e00-\u9fff]", "", rest)
    doc = turn.one_doc()
    clauses = [c for c in turn.clauses if c.doc == doc]  # one document's own lead, never another's
    title = clauses[0].title if clauses else ""
    if len(rest) > 2 and link.coverage(title, rest) < 0.5:  # something in particular is asked (该项、某工作)
        return None
    # the form the question itself uses first (主管机关 asked: the 主管 sentence, not 负责本规定的组织实施)
    named = [rx for rx in _OVERALL if re.search(_OVERALL_CUE[rx.pattern], turn.text)]
    # who interprets it is asked only as such, and is no lead: 解释 asked, the 解释 sentence alone answers
    order = named if re.search(r"解释|解读", turn.text) else named + [rx for rx in _OVERALL[:3] if rx not in named]
    for rx in order:
        for c in clauses:
            for sp in extract.sentence_spans_of(c):
                text = c.text[sp.start:sp.end]
                if not rx.search(text):
                    continue
                m = MAIN_BODY.search(text)
                doers = [m.group("d")] if m else duty_doers(text)
                if doers:
                    return Answer(turn.text, f"{'、'.join(doers)}（「{c.section_label}」）。\n出处：\n· 「{c.section_label}」：“{text}”",
                                  True, Op.LEAD.value, citations=(Citation(c, text),))
    return None


_META_NAME = {"date": "印发日期", "doc_number": "文号", "issuer": "发文机关"}


def document_facts(turn: Turn) -> Answer | None:
    """`这个文件什么时候印发的？`, `文号是多少？`, `谁发布的？`: the document's date, 文号 and issuer as its header
    states them (see ingest/meta.py), with the header line quoted; a particular the header lacks is said to be so."""
    asked = [k for k, rx in META_ASKED.items() if rx.search(turn.text)]
    if not asked or turn.frame.units and "issuer" not in asked:
        return None
    # about the document itself (这个文件, 本办法, a title) or asked bare (文号是多少？) — nothing else named:
    # not `配套细则什么时候出台`, not `该文件的实施细则由谁制定`
    rest = DOC_ITSELF.sub("", turn.text)
    for rx in META_ASKED.values():
        rest = rx.sub("", rest)
    rest = re.sub(r"这个|那个|什么|哪个|哪些|哪|谁|多少|请问|一下|部门|单位|机关|[^\u4e00-\u9fff]|[的是了吗呢啊吧和与及]", "", rest)
    if len(rest) > 2:
        return None
    doc = turn.one_doc()
    if doc is None:
        return None
    try:
        meta = turn.ev.kb.meta(doc)
    except KeyError:
        return None
    shown = {"date": _cn_date(meta.date) if meta.date else "", "doc_number": meta.doc_number, "issuer": meta.issuer}
    missing = [_META_NAME[k] for k in asked if not shown[k]]
    if missing and len(missing) == len(asked):
        text = f"文件未提及：《{meta.title}》的文本中没有写明{'、'.join(missing)}。"
        return Answer(turn.text, text, False, "not_found")
    lines, cites = [], []
    clauses = [c for c in turn.clauses if c.doc == doc]
    for k in asked:
        if not shown[k]:
            lines.append(f"文件没有写明{_META_NAME[k]}。")
            continue
        lines.append(f"《{meta.title}》的{_META_NAME[k]}：{shown[k]}。")
        # a joint notice's issuers stand apart in its header (one per line): each is quoted where it stands
        for needle in (shown[k].split("、") if k == "issuer" else [shown[k]]):
            where = next((c for c in clauses if needle and needle in c.text), None)
            if where is not None:
                cites.append(Citation(where, needle))
    return Answer(turn.text, "\n".join(lines), True, Op.VALUE.value, citations=tuple(cites))


def _cn_date(iso: str) -> str:
    """2024-12-31 → 2024年12月31日 (a year or a month alone as far as it goes)."""
    parts = [p.lstrip("0") or "0" for p in iso.split("-")]
    return "".join(f"{p}{u}" for p, u in zip(parts, "年月日"))


def _date(turn: Turn, doc: str) -> str:
    try:
        return turn.ev.kb.meta(doc).date
    except KeyError:
        return ""


def _doc_label(turn: Turn, doc: str) -> str:
    try:
        m = turn.ev.kb.meta(doc)
    except KeyError:
        return ""
    return f"《{m.title}》" + (f"（{m.date}）" if m.date else "")


def newest_first(turn: Turn, picked: Sequence[Scored]) -> list[Scored]:
    """Quotes from several documents: grouped by document, the newest first (where two documents may disagree)."""
    docs = list(dict.fromkeys(s.clause.doc for s in picked))
    if len(docs) < 2:
        return list(picked)
    order = sorted(docs, key=lambda d: (_date(turn, d) == "", [-ord(ch) for ch in _date(turn, d)], docs.index(d)))
    return sorted(picked, key=lambda s: order.index(s.clause.doc))


TIER_OVERLAP = 0.6  # share of the figure's word overlap with the question another tier must reach (no subject words)
TIER_ALIKE = 0.3  # or: share of character pairs two tier sentences have in common (对…企业，给予企业300万元奖励)


def _alike(a: str, b: str) -> bool:
    """Two sentences written the same way with other figures (a graded amount's tiers)."""
    x, y = link.bigrams(re.sub(r"[\d.]+", "", a)), link.bigrams(re.sub(r"[\d.]+", "", b))
    return len(x & y) / max(len(x | y), 1) >= TIER_ALIKE


# a body a yes/no names (卫生部门, 食药监部门, 税务局), not a role it asks about (主管机关, 牵头单位)
_ALONE = re.compile(r"自己|独自|单独|一家|一个部门")  # a yes/no presuming the body acts alone


def prose_body_asked(turn: Turn) -> str:
    """The body a yes/no asks about where no unit table names it (a regulation's 卫生部门), or ""."""
    if not cues.YES_NO.search(turn.text):
        return ""
    if turn.frame.units:  # a unit of the table, asked of a document that names its doers in sentences, not tags
        docs = turn.docs if turn.docs is not None else frozenset(c.doc for c in turn.clauses)
        return turn.frame.units[0] if docs and not docs & turn.ev.annotated_docs else ""
    for m in groups.BODY_ASKED.finditer(turn.text):
        name = re.split(r"是|的|由|归|让|被|给|对|在|算不算", m.group(1))[-1]  # the name ends the phrase
        if len(name) >= 3 and not groups.ROLE_WORD.match(name) and not name.startswith(("这", "那", "该", "本")):
            return name
    return ""


def same_body(asked: str, doer: str) -> bool:
    """`食药监部门` is 食品药品监督管理部门: the asked name's own characters, in order, within the doer's name."""
    core = groups.BODY_SUFFIX.sub("", asked)
    return len(core) >= 2 and link.in_sequence(core, doer)


def row_cell(turn: Turn, best: Scored, attribute: attributes.Attribute) -> Answer | None:
    """A date (a figure …) asked of a task table's row: the row's column that states it, by its column name, first
    (`时间节点：2019年6月`), then the task as the row writes it."""
    c = best.clause
    cells = [(name, cell) for name, cell in c.columns if attribute.has.search(cell) and cell in c.text]
    if c.kind != "row" or not cells or attribute.has.search(best.text):
        return None
    task = c.heading or best.text
    where = c.section_label or "分工表"
    text = ("；".join(f"{name}：{cell}" for name, cell in cells) + f"（「{task}」，{where}）。\n出处：\n· 「{where}」：“{best.text}”"
            + "".join(f"\n· 「{where}」{name}：“{cell}”" for name, cell in cells))
    return Answer(turn.text, text, True, turn.frame.op.value,
                  citations=(Citation(c, best.text), *(Citation(c, cell) for _, cell in cells)))


def _stating(part: str, sentence: str, wanted: attributes.Attribute | None) -> str:
    """The part of the sentence that states what was asked (`共计52.12平方公里` for 多大面积, not `占…的52%`): the part
    chosen by shared words when it states it, else the first part that does."""
    # only a measure asked (面积, 多少公里) overrides a part that states a figure: an amount's `has` wants its verb
    # (给予…元), which a labelled figure (`硕士：4万元`) rightly lacks
    measure = wanted is not None and (wanted.name == "面积" or wanted.name.startswith("以“"))
    if wanted is None or wanted.has.search(part) or (extract.has_quantity(part) and not measure):
        return part
    return next((p for p in re.split(r"(?<=[，,；;。])", sentence) if wanted.has.search(p)), part)


def quote_answer(turn: Turn, picked: Sequence[Scored]) -> Answer:
    """The extractive answer: for a figure, the figure first; then the best sentences, each with its section."""
    op = turn.frame.op
    several = len({s.clause.doc for s in picked}) > 1
    picked = newest_first(turn, picked)
    intro = {Op.SUPPORT: "文件中与此相关的支持措施：", Op.VALUE: "文件中的相关目标："}.get(op, "文件原文：")
    # the figure: of the quoted sentences that state one, the closest to the question's own words (`从业人员`), the
    # earliest on a tie — not the first, which a year alone may have put there (`到2020年，世界500强…`)
    numbered_picks = [s for s in picked if extract.has_quantity(s.text)] if op is Op.VALUE else []
    if (wanted := attributes.asked(turn.text)) is not None and any(wanted.has.search(s.text) for s in numbered_picks):
        numbered_picks = [s for s in numbered_picks if wanted.has.search(s.text)]  # 扣多少 (元), not 6项
    subject = link.bigrams("".join(turn.frame.subject_text)) if turn.frame.subject_text else set()
    # the sentence's own words and the heading it sits under (第七章赡养老人 > 第二十二条) both say what it is about
    figure = (max(numbered_picks, key=lambda s: (len(subject & link.bigrams(s.text + s.clause.section_label)), s.overlap))
              if numbered_picks else None)
    doers = next((found for s in picked[:2] if (found := duty_doers(s.text, turn.text + ''.join(turn.ev.kb.searcher.query_tokens(turn.text))))), []) if op in DUTY_OPS else []
    asked_body = prose_body_asked(turn)
    if asked_body and not doers:
        doers = next((found for s in picked[:2] if (found := duty_doers(s.text, turn.text))), [])
    if asked_body and doers:  # `卫生部门是不是主管机关`: 是/否 on the doer the text names for that job
        # a body acting 会同 with the doer (`由A会同B制定`) joins in; the job is not its own
        joined = {d for d in doers if any(f"会同{d}" in s.text for s in picked[:2])}
        mine = next((d for d in doers if same_body(asked_body, d) and d not in joined), "")
        lead = [d for d in doers if d not in joined][:3]
        with_ = f"会同{'、'.join(d for d in doers if d in joined)}" if joined and lead else ""
        where = picked[0].clause.section_label or "文件"
        partner = next((d for d in joined if same_body(asked_body, d)), "")
        if mine and len(doers) > 1 and _ALONE.search(turn.text):  # `是财政局自己定的吗` of `由A、财政局和C联合发文`
            intro = f"不是。文件写的是{'、'.join(doers[:4])}（{where}），不是{mine}单独。\n出处："
        else:
            intro = (f"是。{mine}（{where}）。\n出处：" if mine and len(doers) == 1
                     else f"是，{mine}是其中之一：文件写的是{'、'.join(doers[:4])}（{where}）。\n出处：" if mine
                     else f"不是。文件写的是{'、'.join(lead)}{with_}（{where}）：{partner}是会同的一方。\n出处：" if partner and lead
                     else f"不是。文件写的是{'、'.join(lead or doers[:3])}{with_}（{where}），不是{asked_body}。\n出处：")
    elif doers:  # who-question answered from the text: the doer first, as the document names it
        intro = f"{'、'.join(doers[:3])}（{picked[0].clause.section_label or '文件'}）。\n出处："
    if doers:  # a runner-up whose doer is another listed unit (负责解释 beside 审核认定) is another job's evidence
        units = turn.ev.kb.units.within(turn.docs)

        def listed(names: Sequence[str]) -> set[str]:  # units the documents asked about list in their annotations
            return {u for u in units.find_in_text("".join(names))
                    if turn.docs is None or set(units.get(u).docs) & turn.docs}
        named = listed(doers)
        picked = [s for i, s in enumerate(picked) if i == 0 or not (other := duty_doers(s.text))
                  or set(other) & set(doers) or not listed(other) - named]
    elif figure is not None:
        asked = "".join(turn.frame.subject_text) or turn.text
        # a graded amount: every tier, in the document's order — the sentences of that clause about the same thing
        # (as close to the question's words as the figure is), not the other targets a stage lists beside it
        hits = (lambda s: len(subject & link.bigrams(s.text)))
        same = (lambda s: hits(s) >= max(1, hits(figure))) if subject else (lambda s: s.overlap >= TIER_OVERLAP * figure.overlap)
        tiers = sorted((s for s in picked if s.clause.id == figure.clause.id and extract.has_quantity(s.text)
                        and (s is figure or same(s) or _alike(s.text, figure.text))), key=lambda s: s.row)
        part = "；".join(dict.fromkeys(_stating(turn.ev.part_for(asked, s.text), s.text, wanted).strip("，,；;。")
                                       for s in tiers[:4]))
        intro = f"{part}（{figure.clause.section[-1] if figure.clause.section else '文件'}）。\n出处："
    lines = [intro] + [f"· {_doc_label(turn, s.clause.doc) if several else ''}「{s.clause.section_label}」：“{s.text}”"
                       for s in picked]
    numbered = {s.clause.id: s.text for s in picked if extract.has_quantity(s.text)}
    if op is Op.VALUE and len(numbered) > 1:
        differ = len({tuple(extract.quantities(t)) for t in numbered.values()}) > 1
        lines.append("（上列条款给出的数字不同，均照录原文并注明出处，未作取舍。）" if differ
                     else "（数字分别出自上列不同条款，均已注明出处。）")
    name = op.value if op in (Op.SUPPORT, Op.VALUE) else Op.CONTENT.value
    return Answer(turn.text, "\n".join(lines), True, name, citations=tuple(Citation(s.clause, s.text) for s in picked))
