"""`ask(question, history, docs) -> Answer`: one pipeline that reads top to bottom.

understand (question + previous turn → frame) → retrieve → refusal checks (one ordered
list, `kb/refusal.py`) → the handler for the frame's operation → verify quotes and finish.
Deterministic and extractive: every quote is checked against its clause.
"""
from __future__ import annotations

import logging
import re
import time
from collections import Counter
from dataclasses import dataclass, replace
from functools import cached_property
from typing import NamedTuple, Sequence

import numpy as np

from kb import (articles, attributes, cues, duty, extract, followup, handlers, inventory, link, prose_duties, refusal,
                requirements)
from kb.synonyms import load_synonyms, names_body
from kb.answer import Answer, Citation
from kb.evidence import Evidence
from kb.extract import Scored
from kb.frame import Frame, Op
from kb.knowledge import KnowledgeBase
from kb.question import Question, prepare, question_parts
from kb.understand import understand

log = logging.getLogger(__name__)
REPHRASE = "没有识别出问题。请用一句话问文件里的内容，例如“这项任务由谁牵头？”或“有哪些融资支持政策？”。"
ONLY_INSTRUCTIONS = "问题里只有要求改变回答方式的指令，已忽略。请问您想了解文件里的什么内容？例如某项任务由谁牵头、某个目标是多少。"
INLINE_DUTY_BONUS = 0.03  # about the gap between the best and the third sentence of a typical question
ATTRIBUTE_BONUS = 0.03
DUTY_SCAN_DOCS = 3
# nouns that say what is asked of the subject (`扩岗补助有什么条件`, `办理流程`), not what the subject is
ASK_NOUNS = frozenset("条件 要求 流程 程序 手续 材料 情况 具体 内容 办法 步骤".split())
DOC_COMMON = 0.3  # a word in this share of a document's clauses (补贴 in a subsidy guide) names no one subject there
JOB_WEIGHT = 0.1  # a doer sentence that repeats the job asked (审核认定) beats one that only shares the topic
DUTY_REACH = 0.1  # how far below the best sentence one that names a doer may sit and still answer a who-question  # documents whose every doer-naming clause a who-question may search
NEAREST_BELOW = 0.6  # cue confidence under which the nearest example question is consulted
NEAREST_MIN = 0.9  # cosine (e5) an example must reach to decide …
NEAREST_MARGIN = 0.02  # … and by how much it must beat the best example of any other operation
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}〔\d{4}〕\d+号")


class Gate(NamedTuple):
    relevance: float  # of the best-ranked sentence
    rule: str | None  # the reason a rule before the threshold refuses, if one does
    structured: bool  # answered from the structure, so the threshold does not apply
    english: bool
    op: str


PENALTY_ASKED = re.compile(r"怎么罚|如何处罚|怎么处罚|罚多少|罚款多少|被罚|罚不罚|处罚|罚款|罚钱|罚金|法律责任")
PENALTY_TEXT = re.compile(r"罚款|罚金|处罚|吊销|没收|警告|处分")
ARTICLE_NUMBER = re.compile(r"第[一二三四五六七八九十百零]+条")
RULE_MARGIN = 0.02  # of the best rule's score, a rule the question may be about
PENALTY_REACH = 5  # best sentences whose article's penalty is looked for
# a body's or a place's name (市经信局, 地级市): the unit table's and the generic parties' business, never rewritten
_BODY_WORD = re.compile(r"(局|委|厅|办|部|院|中心|部门|机关|政府|市|省|县|区|州|镇|乡|街道)$")


# what a plain quote answers (what the document says about X, the parts of X, what X means): a short clause whole —
# unless the question asks who (the doer's sentence is the answer, not its article's other bodies)
WHOLE_OPS = (Op.CONTENT, Op.OUTLINE, Op.DEFINITION)
_WHO = re.compile(r"谁(?!出|承担|付|掏|支付|买单)|哪个部门|哪些部门|哪个单位|哪些单位|哪家|哪个局|哪个机构")  # 费用谁出 asks the rule


@dataclass(frozen=True)
class AskConfig:
    structured: bool = True  # operations answered from the annotations; off = extractive only (for comparison)
    mode: str | None = None  # retrieval mode; None = the knowledge base's default
    k: int = 8  # clauses considered for quotes
    # Below these, the best sentence is taken not to answer the question; calibrated by `python -m eval.calibrate`
    min_relevance: float = 0.935
    min_relevance_en: float = 0.84
    max_chars: int = 500


# a document named loosely by its own title words and genre (专项附加扣除办法, 居家养老服务管理办法): four or more
# characters before the genre, almost every character pair of them in one title
_NAMED_GENRE = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{4,16}?)(?:暂行|试行)?(?:办法|方案|实施意见|意见|规定|若干措施|措施|条例|规划|细则|行动计划)")
TITLE_COVER = 0.85
TITLE_SHARE = 0.4  # of a title's characters a loosely written name (in order, with gaps) must hold


def bare_title(title: str) -> str:
    """The title as a question writes it bare (个体工商户条例, 国徽法: no 中华人民共和国, no trailing (2019—2025年)),
    or "" for a title too long or too short to be written so (a notice's 关于印发…的通知)."""
    bare = re.sub(r"^中华人民共和国|[（(][^）)]*[）)]$", "", title)
    short_law = 3 <= len(bare) < 5 and bool(re.search(r"(法|条例|办法|规定|细则)$", bare))
    return bare if 5 <= len(bare) <= 20 or short_law else ""


_ASKING_WORD = re.compile(r"(什么时候|时候|多久|几年|多少|多大|几次|每人|能|拿|有|免)+")


class Asker:
    def __init__(self, kb: KnowledgeBase, config: AskConfig = AskConfig()) -> None:
        if config.k <= 0:
            raise ValueError(f"k must be greater than 0, got {config.k}")
        self.kb, self.config = kb, config

    @cached_property
    def ev(self) -> Evidence:
        return Evidence(self.kb, self.config.k)

    @cached_property
    def _examples(self) -> tuple[list[Op], np.ndarray]:
        """The example questions of each operation (kb/cues.py), embedded once with the loaded model."""
        ops = [op for op, texts in cues.EXAMPLES.items() for _ in texts]
        texts = [t for texts in cues.EXAMPLES.values() for t in texts]
        return ops, np.asarray(self.kb.embedder.embed_queries(texts), dtype=np.float32)

    def _nearest_op(self, frame: Frame, vector: np.ndarray) -> Frame:
        """When the cues leave the operation unsure, the nearest example question decides — only if it clearly wins."""
        if frame.confidence >= NEAREST_BELOW:
            return frame
        ops, vectors = self._examples
        scores = vectors @ np.asarray(vector, dtype=np.float32).reshape(-1)
        best: dict[Op, float] = {}
        for op, score in zip(ops, scores):
            best[op] = max(best.get(op, -1.0), float(score))
        ranked = sorted(best.items(), key=lambda kv: -kv[1])
        (top, score), (_, second) = ranked[0], ranked[1]
        needs_units = top in (Op.REVERSE, Op.SHARED_TASKS, Op.MEMBER) and not frame.units
        needs_subject = top not in (Op.REVERSE, Op.SHARED_TASKS, Op.CONTENT, Op.SUPPORT) and not frame.subject_text
        if (score >= NEAREST_MIN and score - second >= NEAREST_MARGIN and not needs_units and not needs_subject
                and top is not frame.op):
            return replace(frame, op=top, confidence=score, notes=frame.notes + (f"nearest example: {top.value}",))
        return frame

    @cached_property
    def _bigrams(self) -> dict[str, frozenset[str]]:
        return {d: frozenset(t[i:i + 2] for i in range(len(t) - 1)) for d, t in self.ev.corpus_by_doc.items()}

    # --- the pipeline --------------------------------------------------------------------------
    def ask(self, question: str, history: Sequence[Answer] = (), docs: Sequence[str] | None = None) -> Answer:
        started = time.perf_counter()
        q = prepare(question, self.config.max_chars)
        if q.empty:
            message = ONLY_INSTRUCTIONS if q.set_aside else REPHRASE
            return self._finish(Answer(q.text, message, False, "rephrase"), q, started)
        if len(parts := question_parts(q.text)) > 1:  # `有效期几年？续期要提前多久？`: the whole, then each part
            whole = self._ask_one(q, history, docs, started)
            if whole.answerable:
                return self._finish(self._joined(whole, parts, history, docs), q, started)
            # the whole refused for what one part lacks (`限速多少？超速罚多少`): the parts the documents answer, each
            # shown with what it asks, and the refusal kept for the rest
            return self._finish(self._parts_alone(whole, parts, history, docs), q, started)
        return self._ask_one(q, history, docs, started)

    def _ask_one(self, q: Question, history: Sequence[Answer], docs: Sequence[str] | None, started: float) -> Answer:
        scope = self._scope(q.text, docs)
        q = replace(q, text=self._titles_as_pointer(q.text))
        turn = self.understand(q, history[-1] if history else None, scope)
        structured = self.structured(turn)
        if (reason := refusal.first_reason(self._case(turn, structured))) is not None:
            return self._finish(self._not_found(turn, reason), q, started, turn.hits)
        if structured is not None and turn.frame.op in handlers.DUTY_OPS:
            structured = handlers.with_attribute(turn, structured)
        return self._finish(structured or self.extractive(turn), q, started, turn.hits)

    def _parts_alone(self, whole: Answer, parts: Sequence[str], history: Sequence[Answer],
                     docs: Sequence[str] | None) -> Answer:
        answers, previous = [], whole
        for part in parts:
            a = self.ask(part, [*history, previous] if previous is not whole else history, docs)
            answers.append(a)
            previous = a
        # only a part that asks a particular fact (罚多少, 几天内) and gets it stands on its own; `有没有热线` beside
        # `电话多少` is no question the whole failed on
        shown = [(part, a) for part, a in zip(parts, answers) if a.answerable and attributes.asked(part) is not None]
        if not shown:
            return whole
        missed = [part for part, a in zip(parts, answers) if (part, a) not in shown]
        text = "\n\n".join(f"关于“{part}”：\n{a.text}" for part, a in shown)
        if missed:
            text += f"\n\n关于“{'”“'.join(missed)}”：文件中没有找到明确的答案。"
        kept = [a for _, a in shown]
        return replace(kept[0], text=text, units=tuple(dict.fromkeys(u for a in kept for u in a.units)),
                       citations=tuple(c for a in kept for c in a.citations),
                       related=tuple(c for a in answers for c in a.related),
                       retrieved=tuple(dict.fromkeys(r for a in answers for r in a.retrieved)))

    def _joined(self, whole: Answer, parts: Sequence[str], history: Sequence[Answer],
                docs: Sequence[str] | None) -> Answer:
        """The message answered whole (whether the documents answer it is decided there), then each part it asks as
        a question of its own (a later part without a subject completed from the one before, as a follow-up), shown
        where it quotes what the whole answer does not."""
        answers, shown = [whole], {c.quote for c in whole.citations}
        text = [whole.text]
        previous = whole
        for part in parts:
            a = self.ask(part, [*history, previous], docs)
            previous = a
            if a.answerable and any(c.quote not in shown for c in a.citations):
                answers.append(a)
                text.append(f"关于“{part}”：\n{a.text}")
                shown |= {c.quote for c in a.citations}
        return replace(whole, text="\n\n".join(text),
                       units=tuple(dict.fromkeys(u for a in answers for u in a.units)),
                       citations=tuple(c for a in answers for c in a.citations),
                       related=tuple(c for a in answers for c in a.related),
                       retrieved=tuple(dict.fromkeys(r for a in answers for r in a.retrieved)))

    def gate(self, question: str) -> Gate:
        """What the relevance threshold sees for a question, through the same steps as `ask` (for calibration)."""
        q = prepare(question, self.config.max_chars)
        turn = self.understand(q, None, self._scope(q.text, None))
        structured = self.structured(turn)
        case = self._case(turn, structured)
        ranked = case.ranked()
        return Gate(extract.relevance(ranked[0]) if ranked else 0.0, refusal.first_reason(case, refusal.RULES),
                    structured is not None, q.english, structured.intent if structured else turn.frame.op.value)

    def understand(self, q: Question, previous: Answer | None, scope: frozenset[str] | None) -> handlers.Turn:
        words, units = self.kb.segmenter.words, self.kb.units.within(scope)
        frame = understand(q.text, units, words)
        done = followup.complete(q.text, frame, previous, units,
                                 lambda text: "".join(understand(text, units, words).subject_text))
        if done.text != q.text:
            frame = understand(done.text, units, words)
        if done.focus and frame.units and frame.op is Op.REVERSE and frame.confidence < 0.7:
            frame = replace(frame, op=Op.MEMBER)  # `那市财政局呢？` after a duty answer: is it on that item?
        if not self.config.structured:
            frame = replace(frame, op=Op.CONTENT if frame.op not in (Op.VALUE, Op.SUPPORT, Op.COMPARE) else frame.op)
        text = self._in_document_words(done.text, scope)
        # searched with the lexicon's official words beside the typed ones (爸妈 → 父母赡养); what the question asks
        # and about what (罚多少, its subject) is read from the text as typed
        searched = self._with_official_words(text, scope)
        vector = self.kb.searcher.embed(searched)
        if self.config.structured:
            frame = self._nearest_op(frame, vector)
        hits = self.kb.searcher.search(searched, k=max(10, self.config.k), mode=self.config.mode, vector=vector,
                                       docs=scope)
        floor = self.config.min_relevance_en if q.english else self.config.min_relevance
        return handlers.Turn(text, frame, tuple(hits), vector, q.english, scope, done.focus, self.ev, floor, done.text)

    def _scanned(self, scope: frozenset[str] | None) -> bool:
        """Is the scoped text small enough to look a question's words up in (beyond it a question is taken as typed)?"""
        return sum(len(t) for d, t in self.ev.corpus_by_doc.items() if scope is None or d in scope) <= extract.WRITTEN_SCAN

    def _in_document_words(self, text: str, scope: frozenset[str] | None) -> str:
        """`电动车` → 电动自行车 where the documents asked about write only the long form: searched in their words.
        Bodies' names are left to the unit table (市经信局 is matched by its aliases, not rewritten)."""
        if not self._scanned(scope):
            return text
        return extract.in_document_words(self.kb.segmenter.words(text), text, self.ev.corpus(scope), keep=self._kept,
                                         lexicon=load_synonyms())

    def _with_official_words(self, text: str, scope: frozenset[str] | None) -> str:
        """The text to search: the lexicon's official words the documents write added beside the typed ones."""
        return extract.official_words(text, self.ev.corpus(scope), load_synonyms(), self._kept) if self._scanned(scope) else text

    def _kept(self, word: str) -> bool:
        """A word left as typed: a body's name (the unit table matches its aliases), or one the lexicon reads as a
        body (城管)."""
        return bool(_BODY_WORD.search(word) or self.kb.units.find_in_text(word) or names_body(word))

    def structured(self, turn: handlers.Turn) -> Answer | None:
        """The answer built from the documents' structure (annotations, headings), if the operation has one."""
        if (self.config.structured and handlers.VALIDITY_ASKED.search(turn.text) and handlers.DOC_ITSELF.search(turn.text)
                and not turn.frame.units):
            if (answer := handlers.validity(turn)) is not None:  # the document's own 施行/有效期 clause
                return answer
        if not self.config.structured:
            return None
        if (answer := handlers.document_facts(turn)) is not None:  # its date, 文号, issuer, from its header
            return answer
        if (answer := handlers.defined_group(turn)) is not None:  # 行业主管部门有哪些: the enumeration it names
            return answer
        if (answer := handlers.document_lead(turn)) is not None:  # 整体由谁总牵头: the document's own lead
            return answer
        if (answer := inventory.unit_inventory(turn)) is not None:  # 一共几个牵头单位: the document's units as a set
            return answer
        if (answer := articles.article_bodies(turn)) is not None:  # 第六条点了几个部门: the bodies one article names
            return answer
        if (answer := handlers.generic_tasks(turn)) is not None:  # 属地政府要干啥: a generic party's items
            return answer
        if (answer := handlers.office_tasks(turn)) is not None:  # an office only a task table's columns name
            return answer
        if (answer := prose_duties.answer(turn)) is not None:  # 城管管什么: a regulation's sentences about a body
            return answer
        if (answer := handlers.lead_convention(turn)) is not None:  # 怎么看哪个是牵头的: what the document says
            return answer
        if (answer := handlers.table_shape(turn)) is not None:  # 分工表有哪些栏目、多少项: its header and rows
            return answer
        if (answer := handlers.attachments(turn)) is not None:  # 带了几个附件，都叫什么
            return answer
        if (answer := requirements.listed_requirements(turn)) is not None:  # 要准备哪些材料: the list under 申报材料
            return answer
        handler = handlers.STRUCTURED.get(turn.frame.op)
        return handler(turn) if handler is not None else None

    def extractive(self, turn: handlers.Turn) -> Answer:
        ranked = self._ranked(turn)
        if turn.frame.op in handlers.DUTY_OPS or handlers.prose_body_asked(turn):  # who-questions: the doer first
            ranked = self._with_duty_sentences(turn, ranked)
            ranked = sorted(ranked, key=lambda s: -(s.score + INLINE_DUTY_BONUS * bool(handlers.INLINE_DUTY.search(s.text))))
            # a who-question: the sentence naming who, for the job the question names (审核认定, not 负责解释)
            doers = [s for s in ranked if s.score >= ranked[0].score - DUTY_REACH and handlers.duty_doers(s.text)]
            doer = max(doers, key=lambda s: s.score + JOB_WEIGHT * handlers.job_share(turn.text, s.text), default=None)
            if doer is not None:
                ranked = [doer] + [s for s in ranked if s is not doer]
        if PENALTY_ASKED.search(turn.text):  # 怎么罚: the article that penalises the rule found, by its citation
            ranked = self._with_penalties(turn, ranked)
        attribute = attributes.asked(turn.text)
        if attribute is not None:  # an amount (a date …) asked: sentences that state one first
            ranked = sorted(ranked, key=lambda s: -(s.score + ATTRIBUTE_BONUS * bool(attribute.has.search(s.text))))
        if not ranked:
            return self._not_found(turn, "文件中没有与此相关的内容")
        if self.config.structured and (handler2 := handlers.FROM_SENTENCES.get(turn.frame.op)) is not None:
            if (answer := handler2(turn, ranked)) is not None:
                return answer
        op = turn.frame.op
        periods = sorted(turn.frame.stages) + sorted(turn.frame.years)
        picked = self.ev.pick(turn.text, ranked, periods, op is Op.SUPPORT, op in (Op.VALUE, Op.SERIES),
                              op in WHOLE_OPS and not _WHO.search(turn.text))
        if attribute is not None and not attributes.present(attribute, [s.text for s in picked]):
            # the entry found states it in another of its sentences (a record's `申请渠道：…` after its `政策内容：…`,
            # a table row's 时间节点 after its task, a short item's `经核定，按其…给予…年度最高不超过500万元` after
            # the sentence naming what it supports: one subject, as the refusal checks read it)
            picked += [s for s in ranked if s.clause.id == picked[0].clause.id and refusal.one_subject(s.clause)
                       and attribute.has.search(s.text)][:1]
        if attribute is not None and (answer := handlers.row_cell(turn, picked[0], attribute)) is not None:
            return answer  # `…几月份要做到`: a task table's own column (时间节点) answers, for the row found
        if attribute is not None:
            picked.sort(key=lambda s: not attribute.has.search(s.text))  # what was asked, first
        if attribute is not None and not attributes.present(attribute, [s.text for s in picked]):
            # an amount (a rate, a date …) asked and none in what would be quoted: quotes that share words are no answer
            subject = self._subject(turn)
            about = f"文件提到“{subject}”的相关内容，但" if subject else "文件"
            return self._not_found(turn, f"{about}没有写{attribute.name}")
        return handlers.quote_answer(turn, picked)

    # --- pieces of the pipeline -----------------------------------------------------------------
    def _with_penalties(self, turn: handlers.Turn, ranked: list[Scored]) -> list[Scored]:
        """A regulation states a rule in one article (第十条 …悬挂号牌后，方可上道路行驶) and its penalty in another
        that cites it (违反本规定第十条规定，…：由X处五十元罚款): asked how a breach is punished, the citing sentence
        comes first, unless a penalty sentence already matches the question better than the rule does."""
        def penal(x: Scored) -> bool:
            return bool(PENALTY_TEXT.search(x.text) or ((lead := extract.lead_in_of(x)) and PENALTY_TEXT.search(lead.text)))
        # the rules the question is about: those scored close to the best rule (another article that shares a word,
        # 第十五条's 渣土 beside 第十六条's 渣土车, is not breached by the act asked about)
        candidates = [x for x in ranked[:PENALTY_REACH] if not penal(x)]
        top = candidates[0].score if candidates else 0.0
        rules = sorted((x for x in candidates if x.score >= top - RULE_MARGIN), key=lambda x: -x.overlap)
        for s in rules:
            if ranked and penal(ranked[0]) and ranked[0].overlap >= s.overlap:
                return ranked
            number = ARTICLE_NUMBER.match(s.clause.heading or s.clause.section_label.split(" > ")[-1])
            if number is None:
                continue
            # cited alone or in a list (`违反本规定第十条、第十一条…或者第十四条规定`)
            cite = re.compile(rf"违反本[\u4e00-\u9fff]{{0,4}}?(?:第[一二三四五六七八九十百零\d]+条(?:第[一二三四五六七八九十\d]+[款项])?"
                              rf"[、，,或者和及至]*)*?{number.group(0)}(?![一二三四五六七八九十百零\d])")
            citing = [c for c in turn.clauses if c.doc == s.clause.doc and c.id != s.clause.id and cite.search(c.text)]
            found = [x for x in self.ev.rank(turn.text, turn.vector, (), False, only=citing) if cite.search(x.text) and penal(x)]
            if found:
                # the rule an item of its article states (（一）不按交通信号指示通行): the citation of that 项 first
                item = re.match(r"[（(]([一二三四五六七八九十]+)[）)]", s.text)
                best = max(found, key=lambda x: (bool(item) and f"第{item.group(1)}项" in x.text, x.score))
                return [replace(best, score=ranked[0].score + 0.01), s] + [x for x in ranked if x.text not in (best.text, s.text)]
        return ranked

    def _with_duty_sentences(self, turn: handlers.Turn, ranked: list[Scored]) -> list[Scored]:
        """Who does a job is often written in another article than the job (`县工信局负责技改…` in 组织保障, the
        技改 award in 第13条): within the documents asked about, the clauses that name a doer compete too."""
        if turn.docs is None or len(turn.docs) > DUTY_SCAN_DOCS:
            return ranked
        seen = {s.clause.id for s in ranked}
        extra = [c for c in turn.clauses if c.id not in seen and handlers.INLINE_DUTY.search(c.text)]
        if not extra:
            return ranked
        more = self.ev.rank(turn.text, turn.vector, (), False, only=extra)
        return sorted(ranked + more, key=lambda s: -s.score)


    def _scope(self, text: str, docs: Sequence[str] | None) -> frozenset[str] | None:
        """The documents a question may be answered from: those asked for, narrowed by a title it names."""
        known = {c.doc: c.title for c in self.kb.clauses}
        docs = docs if docs is not None else self.kb.docs
        scope = set(docs) & set(known) if docs is not None else set(known)
        for name in cues.DOC_TITLE.findall(text):
            named = {d for d in scope if name in known[d] or known[d] in name}
            if named:
                scope = named
        # a short title written bare (`个体工商户条例什么时候施行`): the document it names
        bare = {d for d in scope if (t := bare_title(known[d])) and t in text}
        if bare:
            scope = bare
        for number in _DOC_NUMBER.findall(text):  # a 文号 named in the question
            named = {d for d in scope if number in self._doc_numbers.get(d, "")}
            if named:
                scope = named
        return None if scope == set(known) else frozenset(scope)

    def _titles_as_pointer(self, text: str) -> str:
        """`《成都市软件产业发展规划（2019—2025年）》中X是多少` → `该文件中X是多少`: a title that names a document of the
        knowledge base scopes the question (see `_scope`); its words (规划, 2019—2025) would otherwise be searched."""
        def pointer(m: re.Match[str]) -> str:
            name = m.group(1)
            return "该文件" if any(name in t or t in name for t in self._titles) else m.group(0)
        out = cues.DOC_TITLE.sub(pointer, text)
        # a short title written bare (`个体工商户条例什么时候施行`) names the document as well
        for bare in self._bare_titles:
            if bare in out:
                out = out.replace(bare, "该文件")
        out = _NAMED_GENRE.sub(
            lambda m: "该文件" if self._names_title(m.group(1), m.group(0)[len(m.group(1)):]) else m.group(0), out)
        return out if re.search(r"[\u4e00-\u9fffA-Za-z]", out.replace("该文件", "")) else text

    @cached_property
    def _titles(self) -> frozenset[str]:
        return frozenset(c.title for c in self.kb.clauses if c.title)

    def _names_title(self, core: str, genre: str = "") -> bool:
        """`专项附加扣除办法` for 《个人所得税专项附加扣除暂行办法》: the words before the genre, nearly all in one title
        of that genre (`嘉定海绵城市建设规划` is the plan a 实施方案 carries out, not the 实施方案)."""
        pairs = {core[i:i + 2] for i in range(len(core) - 1)}
        kind = re.sub(r"^(暂行|试行)", "", genre)
        return any((len(pairs & {t[i:i + 2] for i in range(len(t) - 1)}) >= TITLE_COVER * len(pairs)
                    # `泰安垃圾分类条例` for 《泰安市生活垃圾分类管理条例》: its characters in order, a good part of it
                    or link.in_sequence(core, t) and len(core) >= TITLE_SHARE * len(bare_title(t) or t))
                   and (not kind or kind in t) for t in self._titles)

    @cached_property
    def _bare_titles(self) -> list[str]:
        """The titles short enough to be written bare, longest first (a longer title holds a shorter one)."""
        return sorted({b for t in self._titles if (b := bare_title(t))}, key=len, reverse=True)

    @cached_property
    def _doc_numbers(self) -> dict[str, str]:
        out = {}
        for doc in {c.doc for c in self.kb.clauses}:
            try:
                out[doc] = self.kb.meta(doc).doc_number
            except KeyError:
                out[doc] = ""
        return out

    def _ranked(self, turn: handlers.Turn) -> list[Scored]:
        wants_number = turn.frame.op in (Op.VALUE, Op.SERIES, Op.COMPARE)
        ranked = self.ev.rank(turn.text, turn.vector, turn.hits, wants_number)
        return self._with_fields(turn, ranked, wants_number)

    def _with_fields(self, turn: handlers.Turn, ranked: list[Scored], wants_number: bool) -> list[Scored]:
        """A notice's field line of the kind asked (`申请时间：…` for 这批申请什么时候截止), labelled by a word the question
        uses, among the best: the search ranks its clause by the words around it, which a short field line lacks. Only a
        label the document writes once: one repeated in every entry (大连's `申请渠道：` per policy) is each entry's."""
        attribute = attributes.asked(turn.text)
        if attribute is None or attribute.name not in attributes.FIELD_KINDS or turn.docs is None or len(turn.docs) != 1:
            return ranked
        asked = [t for t in self.kb.searcher.query_tokens(turn.text) if len(t) >= 2]
        # only the clauses holding a label of the kind asked are read (a label's count is of its own kind anyway)
        scored = self.ev.rank(turn.text, turn.vector, (), wants_number,
                              only=[c for c in turn.clauses if attributes.may_hold_field(attribute, c.text)])
        labels = Counter(attributes.field_label(s.text) for s in scored)
        # a bare label (`电话：…`, no 申请 before it) is the notice's own: it answers when the notice writes it once
        fields = [s for s in scored if attributes.is_field(attribute, s.text)
                  and (not (about := attributes.field_about(attribute, s.text)) or any(t in about for t in asked))
                  and labels[attributes.field_label(s.text)] == 1 and attribute.has.search(s.text)]
        if not fields:
            return ranked
        field = fields[0]
        rest = [s for s in ranked if (s.clause.id, s.row) != (field.clause.id, field.row)]
        # second, scored as the best: the best found still says how relevant the question is to the document
        return rest[:1] + [replace(field, score=rest[0].score if rest else field.score)] + rest[1:]

    def _case(self, turn: handlers.Turn, structured: Answer | None) -> refusal.Case:
        ranked: list[list[Scored]] = []
        cites: dict[tuple[str, int], str] = {}  # a penalty sentence → the rule it cites, which states the subject

        def lazily() -> list[Scored]:
            if not ranked:  # a penalty asked: the article citing the rule found is where its fine is stated
                best = self._ranked(turn)
                # (a message of several questions is judged whole first: its parts each find their own rule)
                one = len(question_parts(turn.text)) == 1
                found = self._with_penalties(turn, best) if one and PENALTY_ASKED.search(turn.text) else best
                if found is not best and len(found) >= 2:
                    cites[(found[0].clause.id, found[0].row)] = found[1].text
                ranked.append(found)
            return ranked[0]

        scope = turn.docs
        bigrams = frozenset().union(*(b for d, b in self._bigrams.items() if scope is None or d in scope))
        subject = self._subject(turn)  # read once: it rewrites short forms into the documents' words
        return refusal.Case(
            question=turn.text, frame=turn.frame, corpus=self.ev.corpus(scope),
            corpus_years=frozenset(self.ev.corpus_years(scope)), bigrams=bigrams, ranked=lazily,
            unmatched=(lambda best: self.ev.unmatched_english(turn.text)) if turn.english
            else (lambda best: self.ev.unmatched(turn.text, best)),
            min_relevance=turn.min_relevance, structured=structured is not None, subject=subject,
            structured_texts=tuple(dict.fromkeys(c.clause.text for c in structured.citations)) if structured else (),
            structured_about=self._about(turn, structured),
            is_unit=lambda name: self._names_unit_of(name, scope),
            elsewhere=lambda name: scope is not None and not self._names_unit_of(name, scope)
            and any(name in (*u.forms, *u.contested) for u in self.kb.units.all()),
            subject_words=self._subject_words(turn, subject),
            label_of=lambda s: self.ev.sub_label(s.row) + cites.get((s.clause.id, s.row), ""),
            years_of=self.ev.years_of,
            gate=lambda found: max(extract.relevance(x)
                                   for x in found[:2 if (found[0].clause.id, found[0].row) in cites else 1]),
        )

    def _names_unit_of(self, name: str, scope: frozenset[str] | None) -> bool:
        """A unit of the documents asked about (another city's 市场监管局 is no unit of this document)."""
        unit = self.kb.units.within(scope).get(name)
        return unit is not None and (scope is None or bool(set(unit.docs) & scope))

    @staticmethod
    def _about(turn: handlers.Turn, structured: Answer | None) -> str:
        """What a structured answer is about, as a refusal names it: the item by its title, or the unit's tasks."""
        if structured is None or not structured.citations:
            return ""
        if turn.frame.op is Op.REVERSE and turn.frame.units:
            return f"{'、'.join(turn.frame.units)}的职责"
        task = structured.citations[0].clause
        return f"「{duty.task_label(task)}」的责任单位（{duty.unit_list(task)}）" if task.units else f"「{duty.task_label(task)}」"

    def _subject(self, turn: handlers.Turn) -> str:
        """The subject words without the attribute asked (`联席会议`, not `联席会议多久开一次`), in the words the
        documents use: `我家三口人申请公租房家庭财产限额万` is said back as `申请公租房家庭财产限额`."""
        phrase = handlers.DOC_ITSELF.sub("", "".join(turn.frame.subject_text))  # 这套奖励政策管几年: the document itself
        asked = attributes.asked(phrase)
        phrase = asked.asks.sub("", phrase) if asked is not None else phrase
        # the frame may have cut the attribute in half (`罚款多少` → `罚款`): its words are no subject either
        if (whole := attributes.asked(turn.text)) is not None and (m := whole.asks.search(turn.text)):
            for word in self.kb.segmenter.tokens(m.group(0)):
                phrase = phrase.replace(word, "") if len(word) >= 2 else phrase
        # asking words, as words: 能 of 能补多少, not of 能效
        phrase = "".join(w for w in self.kb.segmenter.words(phrase) if not _ASKING_WORD.fullmatch(w))
        phrase = self._in_document_words(phrase, turn.docs)  # 电动车 → 电动自行车: not its fragment 动车 (of 机动车)
        spans = [(i, i + len(t)) for t in self.kb.segmenter.tokens(phrase)  # tokens may overlap (search mode)
                 if len(t) >= 2 and t in self.ev.idf and (i := phrase.find(t)) >= 0]
        return phrase[min(a for a, _ in spans): max(b for _, b in spans)] if spans else phrase

    def _subject_words(self, turn: handlers.Turn, phrase: str) -> tuple[str, ...]:
        """Words of the subject `phrase` (not of the attribute asked) that the documents use: where the attribute
        must be."""
        corpus = self.ev.corpus(turn.docs)  # a word only another document uses (幼儿园 beside 学前教育) places nothing
        words = [t for t in dict.fromkeys(self.kb.segmenter.tokens(phrase))
                 if len(t) >= 2 and self.ev.idf.get(t, 0.0) >= self.ev.generic_idf and t in corpus and t not in ASK_NOUNS]
        # rarest first within the documents asked about; their own titles' words (宁国, 购房补贴) and words most of
        # their clauses use place nothing
        texts, titles = self.ev.scope_texts(turn.docs)
        share = {w: sum(w in t for t in texts) / max(len(texts), 1) for w in words}
        return tuple(sorted((w for w in words if w not in titles and share[w] < DOC_COMMON), key=lambda w: share[w]))

    def _not_found(self, turn: handlers.Turn, reason: str) -> Answer:
        ranked = self._ranked(turn)
        nearest = ranked[0] if ranked else None
        body = f"文件未提及：{reason}。"
        related: tuple[Citation, ...] = ()
        if nearest is not None:
            body += f"\n最相关的条款（仅供参考，并不回答该问题）：「{nearest.clause.section_label}」“{nearest.text}”"
            related = (Citation(nearest.clause, nearest.text),)
        return Answer(turn.text, body, False, "not_found", related=related)

    def _finish(self, answer: Answer, q: Question, started: float, hits: Sequence = ()) -> Answer:
        kept = tuple(self._sourced(c) for c in answer.citations if c.quote and c.quote in c.clause.text)
        if len(kept) != len(answer.citations):
            log.error("dropped %d citation(s) whose quote is not in its clause", len(answer.citations) - len(kept))
        answer = replace(answer, related=tuple(self._sourced(c) for c in answer.related))
        text = answer.text
        if q.english and answer.answerable:
            text = english_lead(answer) + "\n" + text
        return replace(answer, question=q.raw[: self.config.max_chars], understood=answer.question or q.text,
                       text=text, citations=kept,
                       retrieved=tuple(h.clause.id for h in hits) or answer.retrieved, notice=" ".join(q.notices),
                       latency_ms=(time.perf_counter() - started) * 1000)


    def _sourced(self, c: Citation) -> Citation:
        """The citation with its document's title, 文号 and date, and its page where the document has pages."""
        try:
            meta = self.kb.meta(c.clause.doc)
        except KeyError:
            meta = None
        return replace(c, meta=meta, page=self.kb.page(c.clause.id))


def english_lead(answer: Answer) -> str:
    """A one-line English summary for English questions; the quotes stay in Chinese."""
    if answer.units:
        lead = f" (lead: {answer.lead_unit})" if answer.lead_unit else ""
        return f"Responsible units per the document: {', '.join(answer.units)}{lead}. Details (Chinese, quoted):"
    return "According to the document (quoted in Chinese, with the clause it comes from):"
