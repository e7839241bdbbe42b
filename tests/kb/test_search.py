"""Retrieval on the real index: dev questions, paraphrases, keywords, aliases; the LangChain seam."""
from __future__ import annotations

import pytest

from kb.retriever import ClauseRetriever

# (question, clause id that answers it): paraphrases, keyword-only and colloquial forms included
CASES = [
    ("市场主体目标由谁牵头？", "3.1.市场主体"),
    ("潜力型企业 每年引进数量", "3.1.市场主体"),
    ("软件研发投入强度的目标是多少？", "3.1.创新实力"),
    ("2020年离岸服务外包执行金额要超过多少？", "3.2.s1.p1"),
    ("“成德绵眉泸”是什么？", "6.1"),
    ("独角兽企业有什么培育政策？", "6.3"),
    ("企业想做标准符合性认证、检测，有什么支持？", "6.6"),
    ("中介机构能帮软件企业出海吗，规划怎么说？", "6.7"),
    ("行业统计和评估要对照哪些制度和指标体系？", "7.4"),
    ("谁管人才", "6.4"),
    ("钱", "7.2"),  # 补贴、基金、融资 — the money measures
    ("减税", "7.3"),
    ("首版次", "4.2"),
    ("What is the target for the offshore service outsourcing execution amount by 2025?", "3.2.s3.p1"),
]


@pytest.mark.parametrize("question, clause", CASES)
def test_question_finds_its_clause_in_top_three(kb, question, clause):
    top = [h.clause.id.split("#")[1] for h in kb.search(question, k=3)]
    assert clause in top


@pytest.mark.parametrize("mode", ["bm25", "dense", "hybrid"])
def test_each_mode_ranks_and_reports_its_ranks(kb, mode):
    hits = kb.search("融资体系建设的责任单位", k=5, mode=mode)
    assert hits[0].clause.id.endswith("#3.1.融资体系")
    assert all(hits[i].score >= hits[i + 1].score for i in range(len(hits) - 1))
    assert set(hits[0].ranks) == ({"bm25", "dense"} if mode == "hybrid" else {mode})


def test_a_named_unit_in_any_alias_favours_its_clauses(kb):
    hits = kb.search("统计局", k=3)
    assert hits[0].clause.id.endswith("#7.4")


def test_invalid_k_and_mode_are_rejected(kb):
    with pytest.raises(ValueError, match="k must be greater than 0"):
        kb.search("人才", k=0)
    with pytest.raises(ValueError, match="mode must be one of"):
        kb.search("人才", mode="magic")


def test_langchain_retriever_returns_documents_with_clause_metadata(kb):
    docs = ClauseRetriever(kb=kb, k=2).invoke("融资体系建设的责任单位")
    assert len(docs) == 2
    meta = docs[0].metadata
    assert meta["clause_id"].endswith("#3.1.融资体系")
    assert meta["section"] == ["三、发展目标", "（一）总体目标", "融资体系"]
    assert meta["units"][-1] == "成都产业集团" and meta["lead_unit"] == "市经信局"
    assert docs[0].page_content.startswith("——融资体系。")


@pytest.mark.parametrize("question,expected", [
    ("商办楼改托育 哪些部门牵头", {"商业", "办公", "托育"}),  # a short form the document never uses, spelled out
    ("存量商办用房怎么用", {"商业", "办公"}),
    ("商办项目有什么支持", {"商业", "办公"}),
    ("改托育有补贴吗", {"托育"}),  # a segmenter's run broken into the document's words
    ("商办楼改养老", {"商业", "办公"}),
])
def test_query_words_the_documents_write_otherwise(library_asker, question, expected):
    """Class: words a question writes that the documents never use — a two-character short form of two words
    (商办 = 商业办公) or a run the segmenter glued (改托育) — are searched as the documents' own words."""
    assert expected <= set(library_asker.kb.searcher.query_tokens(question))


@pytest.mark.parametrize("token,vocab,parts", [
    ("改托育", {"托育", "改造"}, ["托育"]),
    ("建养老院", {"养老", "养老院", "建设"}, ["养老院"]),
    ("软件业收入", {"软件", "收入", "业务"}, ["软件", "收入"]),
    ("办证难", {"办证"}, ["办证"]),
    ("无名词", {"托育"}, []),
])
def test_known_parts_are_the_longest_document_words_inside(token, vocab, parts):
    from kb.search import known_parts
    assert known_parts(token, vocab) == parts
