"""Follow-ups on their own: which questions are completed by the previous turn, and how. No index."""
from __future__ import annotations

import pytest

from core.clause import Clause
from core.segment import corpus_segmenter
from ingest.build import corpus_words
from tests.conftest import ROOT
from core.units import load_units
from kb.answer import Answer, Citation
from kb.followup import complete
from kb.understand import understand

UNITS = load_units()
WORDS = corpus_segmenter(corpus_words(ROOT / "corpus")).words  # the plan's questions, the plan's words
ITEM = Clause(id="d#3.1.市场主体", doc="d", title="t", section=("三、发展目标",), heading="市场主体", text="x",
              units=("市经信局", "市投促局"))


def previous(question: str) -> Answer:
    return Answer(question, "…", True, "lead", ("市经信局",), "市经信局", (Citation(ITEM, "x"),))


def done(text: str, before: str):
    return complete(text, understand(text, UNITS, WORDS), previous(before), UNITS)


@pytest.mark.parametrize("text", [
    "2022年软件业务收入目标是多少？",
    "人才培养谁负责？",
    "市商务局负责哪些工作？",
    "融资体系的配合单位有哪些？",
    "有哪些融资支持政策？",
])
def test_a_complete_question_is_never_rewritten(text):
    assert done(text, "市场主体目标由谁牵头？") == (text, ())


@pytest.mark.parametrize("text", ["那配合单位有哪些？", "牵头的是谁？", "有几个单位？", "其他参与的呢？", "那协同部门呢"])
def test_a_question_without_subject_borrows_the_previous_item(text):
    assert done(text, "市场主体目标由谁牵头？").focus == (ITEM.id,)


@pytest.mark.parametrize("text,before,expected", [
    ("2025年呢？", "2022年软件业务收入目标是多少？", "2025年软件业务收入目标是多少？"),
    ("那2020年呢", "到2022年从业人员达到多少？", "到2020年从业人员达到多少？"),
    ("那市财政局呢？", "市投促局负责哪些工作？", "市财政局负责哪些工作？"),
    ("市科技局呢", "市投促局牵头哪些任务？", "市科技局牵头哪些任务？"),
    ("What about 2025?", "What is the software revenue target for 2022?", "What is the software revenue target for 2025?"),
])
def test_only_a_new_year_or_unit_swaps_it_into_the_previous_question(text, before, expected):
    assert done(text, before).text == expected


def test_no_previous_turn_leaves_the_question_alone():
    text = "那配合单位有哪些？"
    assert complete(text, understand(text, UNITS, WORDS), None, UNITS) == (text, ())


def subject_of(text: str) -> str:
    return "".join(understand(text, UNITS, WORDS).subject_text)


@pytest.mark.parametrize("text,before,expected", [
    ("融资体系呢？", "市场主体目标由谁牵头？", "融资体系目标由谁牵头？"),
    ("那从业人员呢", "2020年软件业务收入目标是多少？", "2020年从业人员目标是多少？"),
    ("人才培养怎么样", "市场主体目标的配合单位有哪些？", "人才培养目标的配合单位有哪些？"),
    ("还有专业载体呢？", "市场主体目标有几个责任单位？", "专业载体目标有几个责任单位？"),
    ("融资体系呢", "市财政局在不在里面？", "融资体系市财政局在不在里面？"),  # no subject to replace: put in front
])
def test_only_a_new_subject_asks_the_previous_question_about_it(text, before, expected):
    """Class: `X呢？` with nothing but a subject: the previous question (as it was answered) about X."""
    out = complete(text, understand(text, UNITS, WORDS), previous(before), UNITS, subject_of)
    assert out.text == expected and out.focus == ()


@pytest.mark.parametrize("text", ["谁负责融资体系呢？", "融资体系有多少家企业呢", "融资体系是什么呢"])
def test_a_subject_with_its_own_question_is_not_a_swap(text):
    out = complete(text, understand(text, UNITS, WORDS), previous("市场主体目标由谁牵头？"), UNITS, subject_of)
    assert out.text == text
