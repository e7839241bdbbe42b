"""What a body does where a document writes duties in sentences: the body as people name it, found under the
document's own name for it (pure parts, no index)."""
from __future__ import annotations

import pytest

from core.clause import Clause
from kb.prose_duties import acting, asked_bodies, body_forms, body_named


@pytest.mark.parametrize("question, bodies", [
    ("住建局在垃圾分类这块管啥", ["住建局"]),
    ("市经信部门在电动自行车管理里具体要做什么", ["市经信部门"]),
    ("消保委在预付卡方面能帮消费者做什么", ["消保委"]),
    ("城管在养犬这块管什么", ["城管"]),
    ("交警在停车这块负责哪些事", ["交警"]),
    ("有关部门负责什么", []),  # a kind of body, no body
    ("这个办法管哪些老人？住养老院的算不算？", []),  # 养老机构 is no government body
])
def test_the_bodies_a_question_names(question, bodies):
    assert asked_bodies(question) == bodies


@pytest.mark.parametrize("asked, doer, named", [
    ("住建局", "住房城乡建设行政主管部门", "住房城乡建设行政主管部门"),
    ("市经信部门", "经济和信息化、规划、交通运输、住房和城乡建设、财政、教育等行政主管部门", "经济和信息化"),
    ("城管", "有关行政部门和城市管理综合执法组织", "城市管理综合执法组织"),
    ("消保委", "消费者权益保护委员会", "消费者权益保护委员会"),
    ("交警", "市公安机关交通管理部门", "市公安机关交通管理部门"),
    ("住建局", "市场监督管理部门", ""),
    ("市商务局", "由市商务局", "市商务局"),
])
def test_the_documents_name_for_the_body_asked(asked, doer, named):
    assert body_named(doer, body_forms(asked)) == named


def _article(text: str) -> Clause:
    return Clause(id="d#a1", doc="d", title="t", section=("第十一条",), heading="第十一条", text=text, kind="article")


@pytest.mark.parametrize("text, asked, expected", [
    # the sentences going on about the subject (负责… 指导… 对接相关部门做好…) are its duties too
    ("第十一条市商务局负责组织实施工作，会同有关部门做好资金审核；负责宣传推介；指导各区县做好推广；对接相关部门做好舆情监测。",
     "市商务局", 4),
    # an article titled by the body: all of it
    ("第十六条第三方机构进行事中、事后审核，出具审核报告。活动结束后，对整体开展情况进行审核。", "第三方机构", 2),
    # another doer ends the run
    ("第五条城市管理主管部门负责停车秩序管理。公安机关交通管理部门负责道路停车泊位设置。", "城管部门", 1),
    # 由X处罚款: the body acts
    ("第三十条违反本规定的，由城市管理综合执法组织责令改正，可处五十元罚款。", "城管", 1),
    ("第九条市经济和信息化部门应当将产品公告目录及时向社会公布。", "经信部门", 1),
])
def test_the_sentences_in_which_the_body_acts(text, asked, expected):
    assert len(acting([_article(text)], body_forms(asked))) == expected
