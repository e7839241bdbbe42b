"""Metric tests on a hand-built four-clause excerpt of the Chengdu plan; arithmetic in comments."""
from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from eval.metrics import (
    PRIMARY_METRIC,
    EvalContext,
    answer_correct,
    citation_hit,
    evidence_clauses,
    evidence_recall,
    false_refusal_rate,
    gold_units,
    hit_at_k,
    mrr,
    normalise,
    percentile,
    refusal_accuracy,
    retrieval_ranks,
    score_item,
    summarise,
    units_named,
    verbatim_counts,
    verbatim_rate,
)

ROOT = Path(__file__).resolve().parents[2]

KNOWN_UNITS = (
    "市经信局", "市教育局", "市科技局", "市商务局", "市人社局", "市市场监管局", "市投促局",
    "市金融监管局", "市发改委", "市版权局", "市规划和自然资源局", "市住建局", "市文广旅局",
    "市财政局", "市国资委", "成都产业集团", "市委保密机要局", "市委网信办", "市网络理政办",
    "市博览局", "市新经济委", "成都高新区", "青白江区", "市政府督查室",
    "国家税务总局成都市税务局", "市卫健委", "市统计局",
)  # fmt: skip

MARKET_TAG = "［责任单位：市经信局、市市场监管局、市投促局、市金融监管局，有关市级部门，有关区（市）县］"
POLICY_TAG = (
    "［责任单位：市经信局、市商务局、市投促局、市人社局、市科技局、市财政局、市金融监管局，"
    "有关市级部门，有关区（市）县］"
)
CLAUSE_TEXT = {
    "plan#goal.market": "——市场主体。每年引进的潜力型企业数量不少于10家。年均新增市场主体数量不少于1.8万个。" + MARKET_TAG,
    "plan#goal.scale": "——产业规模。离岸服务外包执行金额超过280亿元；软件从业人员超过80万人。",
    "plan#7.2": "（二）加强政策保障精准扶持。",  # a heading-only clause (14 chars)
    "plan#7.2.p1": "继续办好中国国际软件合作洽谈会，助推促进软件企业来蓉投资。" + POLICY_TAG,
}
CLAUSE_UNITS = {
    "plan#goal.market": ("市经信局", "市市场监管局", "市投促局", "市金融监管局"),
    "plan#goal.scale": ("市经信局", "市教育局", "市科技局", "市商务局", "市人社局"),
    "plan#7.2": (),
    "plan#7.2.p1": ("市经信局", "市商务局", "市投促局", "市人社局", "市科技局", "市财政局", "市金融监管局"),
}
# Units of the two clauses that prove "what does 市投促局 do?": market ∪ policy = 8 units.
REVERSE_ALLOWED = set(CLAUSE_UNITS["plan#goal.market"]) | set(CLAUSE_UNITS["plan#7.2.p1"])

GOLD_MARKET = {
    "id": "T1", "category": "target_number", "question": "年均新增市场主体不少于多少个？",
    "answer": "1.8万个。", "answer_units": [], "must_contain": ["1.8万"],
    "evidence": ["年均新增市场主体数量不少于1.8万个"], "section": "三、发展目标 > （一）总体目标 > 市场主体",
}  # fmt: skip
GOLD_REVERSE = {
    "id": "R1", "category": "responsibility", "question": "市投促局负责哪些工作？",
    "answer": "市场主体目标；政策保障。", "answer_units": ["市投促局"], "must_contain": ["市场主体", "政策保障"],
    "evidence": ["年均新增市场主体数量不少于1.8万个。" + MARKET_TAG, "继续办好中国国际软件合作洽谈会，助推促进软件企业来蓉投资。" + POLICY_TAG],
    "section": "三、发展目标 ; 七、保障措施 > （二）加强政策保障精准扶持",
}  # fmt: skip
GOLD_SPAN = {  # the evidence runs from a heading clause into the start of the next clause
    "id": "S1", "category": "content", "question": "政策保障里有什么洽谈会？",
    "answer": "中国国际软件合作洽谈会。", "answer_units": [], "must_contain": ["软件合作洽谈会"],
    "evidence": ["（二）加强政策保障精准扶持。继续办好中国国际软件合作洽谈会"], "section": "七、保障措施 > （二）加强政策保障精准扶持",
}  # fmt: skip
GOLD_ENGLISH = {
    "id": "E1", "category": "english", "question": "What is the offshore outsourcing target by 2025?",
    "answer": "超过280亿元（28 billion yuan）。", "answer_units": [], "must_contain": ["28"],
    "evidence": ["离岸服务外包执行金额超过280亿元"], "section": "三、发展目标 > （一）总体目标 > 产业规模",
}  # fmt: skip
GOLD_NONE = {
    "id": "U1", "category": "unanswerable", "question": "软件人才买房能补贴多少钱？",
    "answer": None, "answer_units": [], "must_contain": [], "evidence": [], "section": "（文件未涉及）",
}  # fmt: skip


def result(gold, answer="", answerable=True, citations=(), retrieved=(), latency_ms=100.0):
    return {
        "id": gold["id"], "question": gold["question"], "answer": answer, "answerable": answerable,
        "intent": "", "units": [], "lead_unit": None, "citations": list(citations),
        "retrieved": list(retrieved), "latency_ms": latency_ms,
    }  # fmt: skip


def cite(clause_id, quote, doc="plan"):
    return {"clause_id": clause_id, "doc": doc, "section": "", "quote": quote}


# --- normalise, units_named ---------------------------------------------------


def test_normalise_removes_line_breaks_and_ideographic_spaces():
    assert normalise("年均新增\n市场主体　数量 1.8 万个\t") == "年均新增市场主体数量1.8万个"


def test_units_named_finds_each_known_unit_once():
    assert units_named("市经信局牵头，市市场监管局、市经信局配合", KNOWN_UNITS) == {"市经信局", "市市场监管局"}


def test_units_named_prefers_the_longer_name():
    # "市场监管局" lies inside "市市场监管局"; only the longer name is named here.
    assert units_named("由市市场监管局负责", ["市场监管局", "市市场监管局"]) == {"市市场监管局"}


@pytest.mark.parametrize("text", [
    "市、区规划和自然资源部门负责分区分级规划设置社区养老服务设施",
    "（七）自然资源部门有关不动产登记信息；",
    "会同本级财政部门将所需人员、工作经费列入年度预算",
    "由县级以上财政部门会同有关部门审核",
    "卫生健康部门、财政部门按职责分工负责",
])
def test_units_named_reads_a_kind_of_department_as_no_ministry(text):
    # 自然资源部门 / 财政部门 name a department of any level, never the ministry 自然资源部 / 财政部
    assert units_named(text, ["自然资源部", "财政部", "卫生健康委"]) == set()


def test_units_named_still_finds_the_ministry_itself():
    assert units_named("财政部会同林业局等有关部门研究提出了办理意见", ["财政部", "林业局"]) == {"财政部", "林业局"}


# --- answer_correct ------------------------------------------------------------


def test_reverse_answer_may_name_co_responsible_units_of_gold_clauses():
    answer = "市投促局负责：市场主体目标（与市经信局、市市场监管局、市金融监管局共同负责）；政策保障里的软件合作洽谈会。"
    assert answer_correct(result(GOLD_REVERSE, answer), GOLD_REVERSE, REVERSE_ALLOWED, KNOWN_UNITS)


def test_answer_listing_every_bureau_is_wrong():
    # Contains all must_contain and 市投促局, but also e.g. 市委网信办, which no gold clause names.
    answer = "市投促局负责市场主体、政策保障，涉及" + "、".join(KNOWN_UNITS) + "。"
    assert not answer_correct(result(GOLD_REVERSE, answer), GOLD_REVERSE, REVERSE_ALLOWED, KNOWN_UNITS)


def test_one_extra_bureau_is_wrong_and_skipping_the_check_accepts_it():
    answer = "市投促局负责市场主体、政策保障，市统计局配合。"  # 市统计局 is in neither gold clause
    assert not answer_correct(result(GOLD_REVERSE, answer), GOLD_REVERSE, REVERSE_ALLOWED, KNOWN_UNITS)
    assert answer_correct(result(GOLD_REVERSE, answer), GOLD_REVERSE, None)


def test_a_unit_the_question_names_may_be_named_back():
    # a false premise: `是市统计局负责吗？` → `不是，…市统计局不在名单中` names the unit asked about, not one volunteered
    gold = {**GOLD_REVERSE, "question": "市投促局和市统计局都负责市场主体吗？"}
    answer = "市投促局负责市场主体、政策保障；市统计局不在名单中。"
    assert answer_correct(result(gold, answer), gold, REVERSE_ALLOWED, KNOWN_UNITS)
    assert not answer_correct(result(GOLD_REVERSE, answer), GOLD_REVERSE, REVERSE_ALLOWED, KNOWN_UNITS)


def test_answer_missing_the_asked_unit_is_wrong():
    # answer_units must appear in the answer even for a reverse question.
    answer = "发展目标“市场主体”、保障措施（二）加强政策保障精准扶持。"
    assert not answer_correct(result(GOLD_REVERSE, answer), GOLD_REVERSE, REVERSE_ALLOWED, KNOWN_UNITS)


def test_answer_missing_a_must_contain_string_is_wrong():
    answer = "市投促局负责市场主体目标。"  # no "政策保障"
    assert not answer_correct(result(GOLD_REVERSE, answer), GOLD_REVERSE, REVERSE_ALLOWED, KNOWN_UNITS)


def test_must_contain_ignores_whitespace_width_and_ascii_case():
    gold = {**GOLD_MARKET, "must_contain": ["工业APP", "10%", "1.8万"]}
    answer = "工业 App 园区；研发投入１０％；不少于1.8\n万个"
    assert answer_correct(result(gold, answer), gold, None)


def test_refusing_an_answerable_question_is_wrong():
    refused = result(GOLD_MARKET, "文件中没有相关内容。", answerable=False)
    assert not answer_correct(refused, GOLD_MARKET, set(CLAUSE_UNITS["plan#goal.market"]), KNOWN_UNITS)


def test_unanswerable_is_correct_iff_refused():
    assert answer_correct(result(GOLD_NONE, "文件未规定。", answerable=False), GOLD_NONE, set(), KNOWN_UNITS)
    assert not answer_correct(result(GOLD_NONE, "补贴10万元。", answerable=True), GOLD_NONE, set(), KNOWN_UNITS)


def test_english_answer_with_bare_digits_matches():
    english = "The target is more than 28 billion yuan by 2025."
    assert answer_correct(result(GOLD_ENGLISH, english), GOLD_ENGLISH, set(), KNOWN_UNITS)
    # "2.8 billion" does not contain "28": wrong figure, wrong answer.
    assert not answer_correct(result(GOLD_ENGLISH, "About 2.8 billion yuan."), GOLD_ENGLISH, set(), KNOWN_UNITS)


def test_unit_check_without_known_units_is_an_error():
    with pytest.raises(ValueError, match="known_units is empty"):
        answer_correct(result(GOLD_MARKET, "1.8万个"), GOLD_MARKET, {"市经信局"})


# --- refusal rates -----------------------------------------------------------


def test_refusal_accuracy_and_false_refusal_rate():
    unanswerable = [(result(GOLD_NONE, answerable=a), GOLD_NONE) for a in (False, False, True)]
    answerable = [(result(GOLD_MARKET, answerable=a), GOLD_MARKET) for a in (True, True, True, False)]
    pairs = unanswerable + answerable
    assert refusal_accuracy(pairs) == pytest.approx(2 / 3)  # 2 of 3 unanswerable refused
    assert false_refusal_rate(pairs) == pytest.approx(1 / 4)  # 1 of 4 answerable refused


def test_refusal_accuracy_without_unanswerable_items_is_an_error():
    with pytest.raises(ValueError, match="refusal_accuracy is undefined"):
        refusal_accuracy([(result(GOLD_MARKET), GOLD_MARKET)])


# --- citation_hit, evidence_recall ---------------------------------------------


def test_no_citations_is_no_hit():
    assert not citation_hit(result(GOLD_MARKET, "1.8万个"), GOLD_MARKET, CLAUSE_TEXT)


def test_citing_the_clause_that_contains_the_evidence_is_a_hit():
    r = result(GOLD_MARKET, citations=[cite("plan#goal.market", "年均新增市场主体数量不少于1.8万个")])
    assert citation_hit(r, GOLD_MARKET, CLAUSE_TEXT)


def test_citing_another_clause_is_no_hit():
    r = result(GOLD_MARKET, citations=[cite("plan#goal.scale", "离岸服务外包执行金额超过280亿元")])
    assert not citation_hit(r, GOLD_MARKET, CLAUSE_TEXT)


def test_quote_inside_evidence_spanning_a_heading_is_a_hit():
    # plan#7.2.p1 lacks the heading, so it does not contain the whole evidence;
    # its quote (15 chars >= 8) lies in the clause and inside the evidence.
    r = result(GOLD_SPAN, citations=[cite("plan#7.2.p1", "继续办好中国国际软件合作洽谈会")])
    assert citation_hit(r, GOLD_SPAN, CLAUSE_TEXT)


def test_quote_shorter_than_eight_chars_is_no_hit():
    r = result(GOLD_SPAN, citations=[cite("plan#7.2.p1", "继续办好")])  # 4 chars
    assert not citation_hit(r, GOLD_SPAN, CLAUSE_TEXT)


def test_quote_not_in_the_cited_clause_is_no_hit():
    # The quote is inside the evidence but the citation points at the wrong (or an unknown) clause.
    quote = "继续办好中国国际软件合作洽谈会"
    wrong = result(GOLD_SPAN, citations=[cite("plan#goal.scale", quote), cite("plan#9.9", quote)])
    assert not citation_hit(wrong, GOLD_SPAN, CLAUSE_TEXT)


def test_evidence_recall_counts_gold_quotes_covered():
    one = result(GOLD_REVERSE, citations=[cite("plan#goal.market", "年均新增市场主体数量不少于1.8万个")])
    both = result(GOLD_REVERSE, citations=[cite("plan#goal.market", "x"), cite("plan#7.2.p1", "x")])
    assert evidence_recall(one, GOLD_REVERSE, CLAUSE_TEXT) == pytest.approx(0.5)  # 1 of 2 quotes
    assert evidence_recall(both, GOLD_REVERSE, CLAUSE_TEXT) == pytest.approx(1.0)  # 2 of 2
    assert evidence_recall(result(GOLD_REVERSE), GOLD_REVERSE, CLAUSE_TEXT) == pytest.approx(0.0)  # 0 of 2


def test_evidence_recall_of_unanswerable_item_is_an_error():
    with pytest.raises(ValueError, match="evidence_recall is undefined"):
        evidence_recall(result(GOLD_NONE), GOLD_NONE, CLAUSE_TEXT)


# --- verbatim ------------------------------------------------------------------


def test_verbatim_rate_pools_citations():
    sources = {"plan": "年均新增市场主体数量不少于1.8万个。继续办好中国国际软件合作洽谈会"}
    r1 = result(GOLD_MARKET, citations=[
        cite("c", "年均新增市场主体\n数量不少于1.8万个"),  # verbatim once whitespace is removed
        cite("c", "年均新增市场主体数量不少于2万个"),  # altered figure
    ])  # fmt: skip
    r2 = result(GOLD_SPAN, citations=[
        cite("c", "继续办好"),  # verbatim
        cite("c", "继续办好", doc="other"),  # unknown document
        cite("c", ""),  # an empty quote proves nothing
    ])  # fmt: skip
    r3 = result(GOLD_NONE, answerable=False)  # no citations
    assert verbatim_counts(r1, sources) == (1, 2)
    assert verbatim_rate([r1, r2, r3], sources) == pytest.approx(2 / 5)  # (1 + 1) / (2 + 3 + 0)


def test_verbatim_rate_without_citations_is_an_error():
    with pytest.raises(ValueError, match="no citations"):
        verbatim_rate([result(GOLD_NONE)], {})


def test_dev_evidence_is_verbatim_in_the_corpus():
    gold = [json.loads(line) for line in (ROOT / "eval/data/dev.jsonl").read_text("utf-8").splitlines()]
    source = (ROOT / "corpus/chengdu-software-plan-2019-2025.txt").read_text("utf-8")
    results = [result(g, citations=[cite("c", q) for q in g["evidence"]]) for g in gold]
    assert len(gold) == 40
    assert verbatim_rate(results, {"plan": source}) == pytest.approx(1.0)


# --- retrieval -----------------------------------------------------------------


def test_rank_is_first_retrieved_clause_holding_evidence():
    r = result(GOLD_MARKET, retrieved=["plan#goal.scale", "plan#9.9", "plan#goal.market", "plan#7.2.p1"])
    assert retrieval_ranks(r, GOLD_MARKET, CLAUSE_TEXT) == 3  # unknown plan#9.9 still takes rank 2


def test_empty_retrieved_has_no_rank():
    assert retrieval_ranks(result(GOLD_MARKET), GOLD_MARKET, CLAUSE_TEXT) is None


def test_heading_clause_inside_spanning_evidence_is_retrieved():
    # "（二）加强政策保障精准扶持。" (14 chars >= 8) lies wholly inside the evidence.
    r = result(GOLD_SPAN, retrieved=["plan#goal.scale", "plan#7.2"])
    assert retrieval_ranks(r, GOLD_SPAN, CLAUSE_TEXT) == 2


def test_clause_shorter_than_eight_chars_inside_evidence_is_not_retrieved():
    r = result(GOLD_SPAN, retrieved=["short"])
    assert retrieval_ranks(r, GOLD_SPAN, {"short": "（二）"}) is None


def test_hit_at_k_and_mrr():
    ranks = [1, 3, None, 6]
    assert hit_at_k(ranks, 1) == pytest.approx(0.25)  # only rank 1: 1/4
    assert hit_at_k(ranks, 5) == pytest.approx(0.5)  # 1 and 3: 2/4
    assert hit_at_k(ranks, 10) == pytest.approx(0.75)  # 1, 3, 6: 3/4
    assert mrr(ranks) == pytest.approx(0.375)  # (1 + 1/3 + 0 + 1/6) / 4 = (9/6) / 4


def test_hit_at_k_rejects_k_below_one():
    with pytest.raises(ValueError, match="k must be at least 1. Currently: 0"):
        hit_at_k([1], 0)


def test_evidence_clauses_and_gold_units():
    assert evidence_clauses(GOLD_REVERSE, CLAUSE_TEXT) == ["plan#goal.market", "plan#7.2.p1"]
    # market {经信, 市场监管, 投促, 金融监管} ∪ policy {经信, 商务, 投促, 人社, 科技, 财政, 金融监管} = 8
    assert gold_units(GOLD_REVERSE, CLAUSE_TEXT, CLAUSE_UNITS) == REVERSE_ALLOWED
    assert len(REVERSE_ALLOWED) == 8


# --- percentile ----------------------------------------------------------------


def test_percentile_is_nearest_rank():
    values = [120, 50, 300, 80, 200]  # sorted: 50 80 120 200 300
    assert percentile(values, 50) == 120  # ceil(0.50 * 5) = 3rd
    assert percentile(values, 95) == 300  # ceil(0.95 * 5) = 5th
    assert percentile(values, 20) == 50  # ceil(0.20 * 5) = 1st
    assert percentile(values, 21) == 80  # ceil(1.05) = 2nd
    assert percentile(values, 0) == 50  # the minimum
    assert percentile(list(range(1, 21)), 95) == 19  # ceil(95 * 20 / 100) = 19, no float drift


def test_percentile_rejects_bad_input():
    with pytest.raises(ValueError, match="no values"):
        percentile([], 50)
    with pytest.raises(ValueError, match="Currently: 101"):
        percentile([1.0], 101)


# --- score_item, summarise -------------------------------------------------------

CTX = EvalContext(CLAUSE_TEXT, CLAUSE_UNITS, KNOWN_UNITS, {"plan": "".join(CLAUSE_TEXT.values())})


def test_score_item_answerable():
    r = result(
        GOLD_REVERSE,
        "市投促局负责市场主体目标和政策保障（与市商务局等）。",
        citations=[cite("plan#goal.market", "年均新增市场主体数量不少于1.8万个"), cite("plan#7.2.p1", "虚构的引文内容")],
        retrieved=["plan#goal.scale", "plan#7.2.p1"],
        latency_ms=850.0,
    )
    assert score_item(r, GOLD_REVERSE, CTX) == {
        "id": "R1", "category": "responsibility", "gold_answerable": True, "refused": False,
        "answer_correct": True,  # 市投促局, 市商务局 ⊆ the 8 allowed units
        "strict_correct": False,  # 市商务局 is neither gold (市投促局) nor asked about
        "signature": "units:市商务局,市投促局",
        "citation_hit": True,
        "evidence_recall": 1.0,  # policy clause cited too, even though its quote is invented
        "rank": 2, "citations": 2, "verbatim_citations": 1, "latency_ms": 850.0,
    }  # fmt: skip


def test_score_item_unanswerable_has_no_citation_metrics():
    row = score_item(result(GOLD_NONE, "文件未规定。", answerable=False, latency_ms=None), GOLD_NONE, CTX)
    assert (row["answer_correct"], row["citation_hit"], row["evidence_recall"], row["rank"]) == (True, None, None, None)


def test_score_item_skips_unit_check_when_no_clause_holds_evidence(caplog):
    gold = {**GOLD_MARKET, "evidence": ["不在任何条款里的证据文本"]}
    r = result(gold, "1.8万个，市委网信办负责")
    with caplog.at_level(logging.WARNING, logger="eval.metrics"):
        assert score_item(r, gold, CTX)["answer_correct"]
    assert "extra-unit check skipped" in caplog.text


def test_score_item_rejects_misaligned_pair():
    with pytest.raises(ValueError, match="'T1' is paired with gold 'U1'"):
        score_item(result(GOLD_MARKET), GOLD_NONE, CTX)


def test_context_with_clause_units_needs_known_units():
    with pytest.raises(ValueError, match="known_units is empty"):
        EvalContext(CLAUSE_TEXT, CLAUSE_UNITS)


def row(category, answerable, refused, correct, hit, recall, rank, cites, verbatim, latency):
    return {
        "id": "", "category": category, "gold_answerable": answerable, "refused": refused,
        "answer_correct": correct, "citation_hit": hit, "evidence_recall": recall, "rank": rank,
        "citations": cites, "verbatim_citations": verbatim, "latency_ms": latency,
    }  # fmt: skip


ROWS = [
    row("responsibility", True, False, True, True, 0.5, 1, 2, 2, 100.0),
    row("responsibility", True, True, False, False, 0.0, None, 0, 0, 300.0),
    row("target_number", True, False, True, True, 1.0, 4, 1, 0, 200.0),
    row("unanswerable", False, True, True, None, None, None, 0, 0, None),
]


def test_summarise_overall():
    s = summarise(ROWS, ks=(1, 5))
    assert s["overall/n"] == 4
    assert s[PRIMARY_METRIC] == s["overall/answer_accuracy"] == pytest.approx(0.75)  # 3 of 4
    assert s["overall/refusal_accuracy"] == pytest.approx(1.0)  # 1 of 1 unanswerable refused
    assert s["overall/false_refusal_rate"] == pytest.approx(1 / 3)  # 1 of 3 answerable refused
    assert s["overall/citation_hit"] == pytest.approx(2 / 3)
    assert s["overall/evidence_recall"] == pytest.approx(0.5)  # (0.5 + 0 + 1) / 3
    assert s["overall/hit@1"] == pytest.approx(1 / 3)  # ranks 1, None, 4
    assert s["overall/hit@5"] == pytest.approx(2 / 3)
    assert s["overall/mrr"] == pytest.approx(1.25 / 3)  # (1 + 0 + 1/4) / 3
    assert s["overall/verbatim_rate"] == pytest.approx(2 / 3)  # (2 + 0 + 1 + 0) citations, 2 verbatim
    assert s["overall/latency_p50_ms"] == 200.0  # sorted 100 200 300: ceil(1.5) = 2nd
    assert s["overall/latency_p95_ms"] == 300.0  # ceil(2.85) = 3rd


def test_summarise_per_category_omits_metrics_without_items():
    s = summarise(ROWS, ks=(1, 5))
    assert s["responsibility/answer_accuracy"] == pytest.approx(0.5)  # 1 of 2
    assert s["responsibility/evidence_recall"] == pytest.approx(0.25)  # (0.5 + 0) / 2
    assert s["responsibility/mrr"] == pytest.approx(0.5)  # (1 + 0) / 2
    assert s["responsibility/latency_p50_ms"] == 100.0  # sorted 100 300: ceil(1.0) = 1st
    assert "responsibility/refusal_accuracy" not in s  # no unanswerable item in the group
    assert {k for k in s if k.startswith("unanswerable/")} == {
        "unanswerable/n", "unanswerable/answer_accuracy", "unanswerable/refusal_accuracy",
    }  # fmt: skip


def test_summarise_of_nothing_is_an_error():
    with pytest.raises(ValueError, match="at least one scored row"):
        summarise([])


def test_a_unit_written_under_a_shared_level_is_the_unit_the_gold_names():
    """`市发改局、商务局`: 市商务局 in an answer is the 商务局 a gold lists; another body is still extra."""
    from eval.judge import extra_units_strict
    inventory = ["市商务局", "商务局", "市发改局", "示范区交通运输局", "交通运输局", "市财政局"]
    gold = {"answer_units": ["商务局", "交通运输局"]}
    assert extra_units_strict("市商务局、示范区交通运输局", gold, inventory) == set()
    assert extra_units_strict("市商务局、市财政局", gold, inventory) == {"市财政局"}


@pytest.mark.parametrize("question,inventory,asked", [
    ("净菜上市那项是绿化市容局牵头的吧？", ["区绿化市容局", "区商务委"], {"区绿化市容局"}),
    ("带押过户是州自然资源规划局牵头的吗", ["州自然资源规划局", "州住房城乡建设局"], {"州自然资源规划局"}),
    ("市财政局负责吗", ["市财政局", "市商务局"], {"市财政局"}),
    ("是不是发展改革委办的", ["省发展改革委", "市商务局"], {"省发展改革委"}),
    ("谁牵头", ["区绿化市容局"], set()),
    ("局里谁管", ["市局"], set()),  # too short a name to be asked without its level
])
def test_a_unit_asked_without_its_level_is_asked_about(question, inventory, asked):
    """Class: a question names a unit without its level (绿化市容局 for 区绿化市容局): an answer that names it to say
    是/不是 volunteers nothing, for either measure."""
    from eval.judge import asked_units
    assert asked_units(question, inventory) == asked


def test_strict_allows_the_units_the_gold_answer_names():
    """The strict measure counts as volunteered a unit neither asked about nor in the gold — the gold answer's text
    included (`7个：市委网信办、…（牵头单位为市人社局）` allows every unit it lists)."""
    from eval.judge import extra_units_strict
    inventory = ["市人社局", "市委网信办", "市教育体育局", "市财政局"]
    gold = {"question": "创业培训配合单位有几个？", "answer": "2个：市委网信办、市教育体育局（牵头单位为市人社局）。",
            "answer_units": []}
    assert extra_units_strict("2个：市委网信办、市教育体育局；市人社局牵头。", gold, inventory) == set()
    assert extra_units_strict("2个：市委网信办、市教育体育局、市财政局。", gold, inventory) == {"市财政局"}
