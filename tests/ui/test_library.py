"""Library changes without the page: uploads checked alone, the corpus changed in a transaction, failures rolled back."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.settings import Settings
from tests.app.library import ELDERCARE, PLAN_FILE, copy_library
from ui.library import ChangeError, Library, Plan, UploadError, apply, check, clean_name, plan_remove, plan_replace, \
    plan_uploads, transaction, warnings_of


@pytest.fixture
def library(tmp_path: Path) -> Library:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / PLAN_FILE).write_text("一、总体要求\n\n到2025年建成平台。［责任单位：市经信局］\n", encoding="utf-8")
    return Library.scan(corpus)


def test_an_upload_is_parsed_alone_and_described(library: Library) -> None:
    checked = check(ELDERCARE.name, ELDERCARE.read_bytes(), library)
    assert checked.name == ELDERCARE.name and checked.doc == ELDERCARE.stem
    assert checked.title == "成都市社区嵌入式养老服务提升实施方案（2024—2026年）"
    assert checked.tagged == 5 and checked.clauses >= 6
    assert sorted(p.name for p in library.corpus.iterdir()) == [PLAN_FILE]  # checking writes nothing


@pytest.mark.parametrize("name, data, reason", [
    ("table.xlsx", b"PK\x03\x04", "不支持的文件格式 .xlsx"),
    ("README", b"text", "不支持的文件格式 （无扩展名）"),
    ("empty.md", b" \n\t\n", "empty.md：文件是空的"),
    (PLAN_FILE, b"new text", "文件库里已有同名文件"),
    (PLAN_FILE.upper(), b"new text", "文件库里已有同名文件"),
    (PLAN_FILE.replace(".txt", ".md"), b"# x\n\ntext", "与已有文件 chengdu-software-plan-2019-2025.txt 同名（扩展名不同）"),
    ("again.txt", "一、总体要求\n\n到2025年建成平台。［责任单位：市经信局］\n".encode(), "内容与已有文件"),
    ("broken.docx", b"not a zip at all", "broken.docx：无法解析，未做任何更改"),
    ("unclosed.txt", "一、任务\n（一）建设平台。［责任单位：市经信局\n".encode(), "line 2"),
    (".hidden.txt", b"text", "不能作为文件库中的文件名"),
    ("x.txt.meta.json", b"{}", "不能作为文件上传"),
])
def test_guards_say_why_in_the_users_words(library: Library, name: str, data: bytes, reason: str) -> None:
    with pytest.raises(UploadError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        check(name, data, library)


def test_a_reader_error_never_shows_the_server_folder(library: Library) -> None:
    with pytest.raises(UploadError) as e:
        check("unclosed.txt", "一、任务\n（一）建设平台。［责任单位：市经信局\n".encode(), library)
    assert str(library.corpus) not in str(e.value)


def test_folders_in_an_upload_name_are_dropped() -> None:
    assert clean_name("../../etc/passwd.txt") == "passwd.txt"
    assert clean_name("C:\\Users\\me\\方案.docx") == "方案.docx"


def test_a_batch_counts_its_own_names(library: Library) -> None:
    data = ELDERCARE.read_bytes()
    plan, problems = plan_uploads([("a.txt", data), ("a.md", b"# other\n\ntext"), ("b.txt", data)], library)
    assert [c.name for c in plan.added] == ["a.txt"]
    assert problems[0].startswith("a.md：与已有文件 a.txt 同名") and problems[1].startswith("b.txt：内容与已有文件 a.txt")


def test_replace_keeps_the_document_id_and_moves_the_sidecar(library: Library) -> None:
    (library.corpus / (PLAN_FILE + ".meta.json")).write_text(json.dumps({"title": "规划"}), encoding="utf-8")
    plan = plan_replace("新版本.md", "# 一、总体要求\n\n到2026年建成平台。\n".encode(), PLAN_FILE, library)
    md = PLAN_FILE.replace(".txt", ".md")
    assert set(plan.writes) == {md, md + ".meta.json"} and plan.removes == (PLAN_FILE, PLAN_FILE + ".meta.json")
    assert plan.added[0].doc == Path(PLAN_FILE).stem and plan.added[0].title == "规划"


def test_the_last_document_stays(library: Library) -> None:
    with pytest.raises(UploadError, match="至少要保留一个文件"):
        plan_remove(PLAN_FILE, library)


def test_transaction_puts_every_file_back_when_the_body_fails(library: Library) -> None:
    corpus = library.corpus
    (corpus / "old.txt").write_text("old", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in corpus.iterdir()}
    plan = Plan(writes={"new.txt": b"new", "old.txt": b"changed"}, removes=(PLAN_FILE,))
    with pytest.raises(RuntimeError, match="build failed"):
        with transaction(corpus, plan):
            assert not (corpus / PLAN_FILE).exists() and (corpus / "old.txt").read_bytes() == b"changed"
            raise RuntimeError("build failed")
    assert {p.name: p.read_bytes() for p in corpus.iterdir()} == before  # backup folder gone too


@pytest.mark.slow
def test_a_build_that_fails_changes_neither_corpus_nor_index(index_dir: Path, tmp_path: Path) -> None:
    copy = copy_library(index_dir, tmp_path)
    settings = Settings(index_dir=copy.index, corpus_dir=copy.corpus)
    manifest = (copy.index / "manifest.json").read_bytes()
    files = sorted(p.name for p in copy.corpus.iterdir())
    with pytest.raises(ChangeError, match="重建索引失败，文件库和索引保持原样"):
        apply(Plan(removes=(PLAN_FILE,)), settings)  # a library with no document cannot be indexed
    assert (copy.index / "manifest.json").read_bytes() == manifest
    assert sorted(p.name for p in copy.corpus.iterdir()) == files


def test_warnings_of_one_document() -> None:
    manifest = {"warnings": ["a: no recognisable structure; indexed as 3 plain paragraphs", "b: other"],
                "artifacts": [{"doc": "a", "line": 7, "kind": "caption", "text": "图 1 总体架构"}]}
    assert warnings_of("a", "", manifest) == ["a: no recognisable structure; indexed as 3 plain paragraphs",
                                              "第 7 行作为图表标题另行保存：图 1 总体架构"]
