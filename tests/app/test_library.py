"""The library page under AppTest on a copy of the corpus and index: upload, guard, replace, remove; chat filters."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.library import ELDERCARE, ELDERCARE_TITLE, PLAN_FILE, Copy, copy_library
from tests.app.support import APP, TIMEOUT, ask, shown, unescape

PAGE = "pages_app/library.py"
BUILD_TIMEOUT = 300


@pytest.fixture
def copy(index_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Copy:
    library = copy_library(index_dir, tmp_path)
    monkeypatch.setenv("POLICYKB_CORPUS", str(library.corpus))
    monkeypatch.setenv("POLICYKB_INDEX", str(library.index))
    return library


@pytest.fixture
def page(copy: Copy) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def manifest(copy: Copy) -> dict:
    return json.loads((copy.index / "manifest.json").read_text(encoding="utf-8"))


def corpus_files(copy: Copy) -> list[str]:
    return sorted(p.name for p in copy.corpus.iterdir())


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label.startswith(label))


def upload(at: AppTest, *files: tuple[str, bytes]) -> AppTest:
    at.file_uploader[0].set_value([(name, data, "application/octet-stream") for name, data in files]).run()
    button(at, "加入文件库").click().run(timeout=BUILD_TIMEOUT)
    assert not at.exception, at.exception
    return at


def test_page_lists_the_document_with_its_metadata(page: AppTest, copy: Copy) -> None:
    table = page.dataframe[0].value
    built = manifest(copy)
    clauses = built["documents"][0]["clauses"]
    assert list(table["标题"]) == ["成都市软件产业发展规划（2019—2025年）"]
    assert int(table["条款"].iloc[0]) == clauses and int(table["任务"].iloc[0]) == 16
    assert int(table["提示"].iloc[0]) == len(built["artifacts"]) > 0  # figure captions, attachment list set aside
    text = shown(page)
    assert f"问答只依据这里的文件：1 个文件，共 {clauses} 个条款" in text
    assert "**文件**：chengdu-software-plan-2019-2025.txt" in text
    assert page.file_uploader[0].accept_multiple_files
    assert set(page.file_uploader[0].allowed_type) == {".txt", ".md", ".docx", ".pdf", ".html", ".htm"}


def test_upload_rebuilds_and_the_chat_answers_from_the_new_document(page: AppTest, copy: Copy) -> None:
    before = manifest(copy)
    upload(page, (ELDERCARE.name, ELDERCARE.read_bytes()))
    assert "加入 社区养老服务提升实施方案.txt：完成" in unescape(page.success[0].value)
    table = page.dataframe[0].value
    assert ELDERCARE_TITLE in list(table["标题"])
    row = table[table["标题"] == ELDERCARE_TITLE].iloc[0]
    assert (row["文号"], row["发布机关"], row["日期"]) == ("成民发〔2024〕8号", "成都市民政局", "2024-03-15")
    after = manifest(copy)
    assert after["changes"]["added"] == ["社区养老服务提升实施方案"]
    assert after["changes"]["reparsed"] == 1  # incremental: the plan came from the cache
    assert after["built_at"] != before["built_at"] or after["files"] != before["files"]
    assert len(page.file_uploader[0].value or []) == 0  # the uploader starts empty again

    page.switch_page("pages_app/chat.py").run()
    ask(page, "老年助餐服务由哪个部门牵头？")
    answer = page.chat_message[-1]
    assert "市民政局" in unescape(answer.markdown[0].value)
    assert any(ELDERCARE_TITLE in unescape(m.value) and "成民发〔2024〕8号" in unescape(m.value) for m in answer.markdown)


def test_a_batch_with_a_bad_file_changes_nothing(page: AppTest, copy: Copy) -> None:
    before, files = manifest(copy), corpus_files(copy)
    # (an unsupported suffix never gets this far: the uploader accepts only ACCEPTED; ui.library.check refuses it too)
    upload(page, (ELDERCARE.name, ELDERCARE.read_bytes()), ("empty.txt", b"  \n"),
           (PLAN_FILE, b"another plan"), ("unclosed.txt", "一、任务\n（一）建设平台。［责任单位：市经信局\n".encode()))
    error = unescape(page.error[0].value)
    assert error.startswith("未做任何更改")
    assert "empty.txt：文件是空的" in error
    assert f"{PLAN_FILE}：文件库里已有同名文件" in error
    assert "unclosed.txt：无法解析" in error and "line 2" in error
    assert manifest(copy) == before and corpus_files(copy) == files
    assert not page.success


def test_duplicate_content_under_another_name_is_refused(page: AppTest, copy: Copy) -> None:
    upload(page, ("copy-of-plan.txt", (copy.corpus / PLAN_FILE).read_bytes()))
    assert f"内容与已有文件 {PLAN_FILE} 完全相同" in unescape(page.error[0].value)


def test_replace_then_remove_a_document(page: AppTest, copy: Copy) -> None:
    shipped = corpus_files(copy)
    (copy.corpus / "社区养老服务提升实施方案.units.json").write_text("{}", encoding="utf-8")  # its companion goes too
    upload(page, (ELDERCARE.name, ELDERCARE.read_bytes()))
    page.selectbox[0].select("社区养老服务提升实施方案").run()
    assert "**日期**：2024\\-03\\-15" in [m.value for m in page.markdown][-1] or "2024-03-15" in shown(page)
    newer = ELDERCARE.read_text(encoding="utf-8").replace("老年助餐服务点不少于1200个", "老年助餐服务点不少于1500个")
    page.file_uploader[1].set_value(("养老方案-修订.txt", newer.encode(), "text/plain")).run()
    button(page, "替换").click().run(timeout=BUILD_TIMEOUT)
    assert not page.exception, page.exception
    assert "替换 社区养老服务提升实施方案.txt：完成" in unescape(page.success[0].value)
    assert "1500个" in (copy.corpus / ELDERCARE.name).read_text(encoding="utf-8")  # same file, same document id
    assert manifest(copy)["changes"]["changed"] == ["社区养老服务提升实施方案"]

    page.selectbox[0].select("社区养老服务提升实施方案").run()
    assert button(page, "删除").disabled  # not before it is confirmed
    next(c for c in page.checkbox if c.label.startswith("确认删除")).check().run()
    button(page, "删除").click().run(timeout=BUILD_TIMEOUT)
    assert not page.exception, page.exception
    assert "删除 社区养老服务提升实施方案.txt：完成" in unescape(page.success[0].value)
    assert corpus_files(copy) == shipped
    assert manifest(copy)["changes"]["removed"] == ["社区养老服务提升实施方案"]
    assert list(page.dataframe[0].value["标题"]) == ["成都市软件产业发展规划（2019—2025年）"]


def test_the_last_document_cannot_be_removed(page: AppTest, copy: Copy) -> None:
    next(c for c in page.checkbox if c.label.startswith("确认删除")).check().run()
    button(page, "删除").click().run()
    assert "文件库至少要保留一个文件" in unescape(page.error[0].value)
    assert PLAN_FILE in corpus_files(copy)


def test_sidebar_filters_scope_the_chat(page: AppTest) -> None:
    upload(page, (ELDERCARE.name, ELDERCARE.read_bytes()))
    page.switch_page("pages_app/chat.py").run()
    labels = [m.label for m in page.sidebar.multiselect]
    assert labels == ["文件", "发布机关", "年份"]
    assert page.sidebar.multiselect[2].options == ["2024", "未注明"]
    page.sidebar.multiselect[2].set_value(["2024"]).run()
    assert f"只在这些文件中回答：《{ELDERCARE_TITLE}》" in shown(page)
    ask(page, "市经信局负责哪些工作？")  # a unit of the plan only: nothing in the 2024 document
    answer = page.chat_message[-1]
    assert "成都市软件产业发展规划" not in "\n".join(unescape(m.value) for m in answer.markdown)
    page.switch_page("pages_app/matrix.py").run()  # the filter outlives a visit to another page
    page.switch_page("pages_app/chat.py").run()
    assert page.sidebar.multiselect[2].value == ["2024"]
    page.sidebar.multiselect[1].set_value(["未注明"]).run()  # no document is both 2024 and of an unknown issuer
    assert "没有文件符合左侧的筛选条件" in shown(page)
    assert page.chat_input[0].proto.disabled
