"""The Streamlit app under AppTest on a real index: chat, matrix, browser, evaluation, index states."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from core.units import load_units
from tests.app.support import APP, TIMEOUT, ask, shown, unescape

MARKET = "三、发展目标 > （一）总体目标 > 市场主体"


# --- chat ---------------------------------------------------------------------------------------
def test_lead_question_answers_first_then_cites_document_section_and_quote(app: AppTest) -> None:
    ask(app, "市场主体目标由谁牵头？")
    assistant = app.chat_message[-1]
    texts = [unescape(m.value) for m in assistant.markdown]
    assert "市经信局" in texts[0] and "牵头" in texts[0]  # the direct answer comes first
    assert "**《成都市软件产业发展规划（2019—2025年）》**" in texts  # the citation names its document
    assert MARKET in [unescape(c.value) for c in assistant.caption]  # and the section path
    assert any(m.value.startswith(":orange-background[**") and "年均新增市场主体数量不少于1.8万个" in unescape(m.value)
               for m in assistant.markdown)  # the quote, highlighted, outside the fold
    full = assistant.expander[0]
    assert full.label == "查看完整条款"  # the whole clause is folded
    assert any("——市场主体。" in unescape(m.value) for m in full.markdown)
    assert any(":orange-badge[市经信局（牵头）]" in m.value and ":blue-badge[市投促局（配合）]" in m.value
               for m in full.markdown)
    assert any(c.value.startswith("牵头单位 · 用时") for c in assistant.caption)


def test_no_code_names_or_clause_ids_in_answers(app: AppTest) -> None:
    for question in ("市场主体目标由谁牵头？", "融资体系和市场主体的共同责任单位有哪些？", "市商务局负责哪些工作？",
                     "2030年的目标是什么？"):
        ask(app, question)
    text = shown(app) + "\n".join(e.label for e in app.main.expander)
    for code in ("shared_units", "shared_tasks", "responsible", "reverse", "not_found", "lead)", "#3.1", "#6.",
                 "chengdu-software-plan"):
        assert code not in text, code


def test_follow_up_uses_the_previous_answer(app: AppTest) -> None:
    ask(app, "融资体系建设的责任单位都有哪些？")
    ask(app, "那牵头的是谁？")
    assert len(app.chat_message) == 4  # two questions, two answers, in order
    follow_up = unescape(app.chat_message[-1].markdown[0].value)
    assert "市经信局" in follow_up and "牵头" in follow_up


def test_example_button_asks_its_question(app: AppTest) -> None:
    app.button(key="example-政府部门-0").click().run()
    assert unescape(app.chat_message[0].markdown[0].value) == "市场主体目标由谁牵头？"
    assert "市经信局" in unescape(app.chat_message[1].markdown[0].value)


def test_refusal_says_so_and_labels_the_related_clause(app: AppTest) -> None:
    ask(app, "2030年的目标是什么？")
    assistant = app.chat_message[-1]
    assert "文件未提及" in unescape(assistant.warning[0].value)
    assert any(m.value == "**相关条款（仅供参考）**" for m in assistant.markdown)
    assert "仅供参考：这一条款与问题相关，但并不回答它。" in [c.value for c in assistant.caption]


def test_empty_input_is_ignored(app: AppTest) -> None:
    ask(app, "   ")
    assert len(app.chat_message) == 0


def test_overlong_question_is_cut_with_a_notice(app: AppTest) -> None:
    ask(app, "市场主体目标由谁牵头？" + "啊" * 600)
    assert "已截取前 500 字" in unescape(app.chat_message[-1].info[0].value)


def test_html_and_markdown_in_a_question_are_shown_as_text(app: AppTest) -> None:
    question = "<script>alert(1)</script> **bold**"
    ask(app, question)
    nodes = list(app)  # every element and block of the page, sidebar included
    assert not [n for n in nodes if n.type == "html"]
    assert not [n for n in nodes if getattr(getattr(n, "proto", None), "allow_html", False)]
    user_body = app.chat_message[0].markdown[0].value
    assert "<script>" not in user_body and "**bold**" not in user_body
    assert unescape(user_body) == question


def test_sessions_do_not_share_history(index_dir: Path, use_index) -> None:
    use_index(index_dir)
    first = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    second = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    ask(first, "市场主体目标由谁牵头？")
    second.run()
    assert len(first.chat_message) == 2
    assert len(second.chat_message) == 0
    ask(second, "市商务局负责哪些工作？")
    first.run()
    assert [unescape(m.markdown[0].value) for m in first.chat_message[::2]] == ["市场主体目标由谁牵头？"]


def test_clear_conversation_and_downloads(app: AppTest) -> None:
    assert all(b.proto.disabled for b in app.sidebar.get("download_button"))  # nothing to download yet
    ask(app, "市场主体目标由谁牵头？")
    assert [b.label for b in app.sidebar.get("download_button")] == ["Markdown", "JSON"]
    assert all(not b.proto.disabled for b in app.sidebar.get("download_button"))
    next(b for b in app.sidebar.button if b.label == "清空对话").click().run()
    assert len(app.chat_message) == 0


def test_retrieval_settings_survive_a_page_switch(app: AppTest) -> None:
    app.sidebar.radio[0].set_value("bm25").run()
    app.switch_page("pages_app/matrix.py").run()
    app.switch_page("pages_app/chat.py").run()
    assert app.sidebar.radio[0].value == "bm25"
    assert app.session_state["ask_mode"] == "bm25"
    ask(app, "市场主体目标由谁牵头？")
    assert "市经信局" in unescape(app.chat_message[-1].markdown[0].value)


# --- other pages --------------------------------------------------------------------------------
def test_matrix_names_tasks_by_their_short_title_with_the_unit_column_pinned(app: AppTest) -> None:
    app.switch_page("pages_app/matrix.py").run()
    assert not app.exception
    assert app.selectbox[0].label == "文件" and app.selectbox[0].value == "chengdu-software-plan-2019-2025"
    table = app.dataframe[0]
    frame = table.value
    assert list(frame.columns[:4]) == ["责任单位", "产业规模", "市场主体", "创新实力"]
    assert "借力“一带一路”加快拓展国际市场" in frame.columns  # its own title, not the section path or number
    assert not any(" > " in c for c in frame.columns)
    assert frame.shape == (27, 17) and list(frame["责任单位"]) == list(load_units().names())
    row = frame.set_index("责任单位")
    assert row.loc["市商务局", "借力“一带一路”加快拓展国际市场"] == "牵头"
    assert row.loc["市经信局", "借力“一带一路”加快拓展国际市场"] == "配合"
    config = json.loads(table.proto.columns)
    assert config["责任单位"]["pinned"] is True
    assert config["责任单位"]["width"] >= 14 * len("国家税务总局成都市税务局")  # the longest unit name fits
    assert config["市场主体"]["help"] == MARKET  # the whole path as the header's tooltip
    assert app.toggle[0].value is False  # 16 tasks < 27 units: units as rows
    assert [b.label for b in app.get("download_button")] == ["导出 CSV", "导出 Excel"]


def test_selected_unit_tasks_are_shown_beside_the_table(app: AppTest) -> None:
    app.switch_page("pages_app/matrix.py").run()
    frame = app.dataframe[0].value
    row = list(frame["责任单位"]).index("市政府督查室")
    key = "matrix_table_chengdu-software-plan-2019-2025_u"
    app.session_state[key] = {"selection": {"rows": [row], "columns": [], "cells": []}}
    app.run()  # the table selection picks the unit through the on_select callback
    assert not app.exception
    assert app.session_state["matrix_unit"] == "市政府督查室"
    text = shown(app)
    assert "**市政府督查室**：牵头 2 项，配合 0 项" in text
    assert "强化组织领导统筹推进" in text and "强化运行分析科学督导" in text
    # beside, not below: the unit's tasks are in the column to the right of the table's
    table_column = next(c for c in app.main.columns if len(c.dataframe))
    unit_column = next(c for c in app.main.columns if any("牵头 2 项" in m.value for m in c.markdown))
    assert unit_column is not table_column
    assert (table_column.weight, unit_column.weight) == pytest.approx((2 / 3, 1 / 3))


def test_matrix_unit_filter_and_transposed_view(app: AppTest) -> None:
    app.switch_page("pages_app/matrix.py").run()
    app.multiselect[0].set_value(["市政府督查室"]).run()
    assert app.toggle[0].value is True  # 2 tasks > 1 unit: tasks as rows by default
    flipped = app.dataframe[0].value
    assert list(flipped.columns) == ["任务", "市政府督查室"]
    assert list(flipped["任务"]) == ["强化组织领导统筹推进", "强化运行分析科学督导"]
    assert json.loads(app.dataframe[0].proto.columns)["任务"]["pinned"] is True
    app.toggle[0].set_value(False).run()
    frame = app.dataframe[0].value
    assert list(frame["责任单位"]) == ["市政府督查室"]
    assert list(frame.iloc[0, 1:]) == ["牵头", "牵头"]


def test_browser_shows_the_tree_and_searches(app: AppTest) -> None:
    app.switch_page("pages_app/browse.py").run()
    assert [e.label for e in app.main.expander][:2] == ["前言（1 条）", "一、指导思想（1 条）"]
    app.text_input[0].input("首版次").run()
    assert not app.exception
    assert app.subheader[0].value.startswith("原文包含“首版次”的条款：")
    assert len(app.main.expander) == 10  # kb.search hits


def test_evaluation_runs_a_subset_of_the_dev_set(app: AppTest) -> None:
    limit = 4
    app.switch_page("pages_app/evaluate.py").run()
    app.number_input[0].set_value(limit).run()
    next(b for b in app.button if b.label == "运行评测").click().run()
    assert not app.exception
    assert unescape(app.subheader[0].value) == f"结果：dev.jsonl · fused · {limit} 题"
    table = app.dataframe[0].value
    assert "overall" in table.index and "answer_accuracy" in table.columns
    assert table.loc["overall", "n"] == limit


def test_evaluation_reports_a_malformed_upload(app: AppTest) -> None:
    app.switch_page("pages_app/evaluate.py").run()
    app.radio[0].set_value("上传 JSONL").run()
    app.file_uploader[0].upload("bad.jsonl", b'{"id": "X1", "question": "q"}\nnot json\n', "application/json").run()
    assert "bad.jsonl:2" in unescape(app.error[0].value)


@pytest.mark.slow
def test_evaluation_runs_the_full_dev_set(app: AppTest) -> None:
    app.switch_page("pages_app/evaluate.py").run()
    next(b for b in app.button if b.label == "运行评测").click().run(timeout=300)
    assert not app.exception
    table = app.dataframe[0].value
    assert table.loc["overall", "n"] == 40
    assert set(table.index) >= {"overall", "responsibility", "lead_unit", "unanswerable"}
    failed = int(app.subheader[1].value.split("：")[1].split(" ")[0])
    assert len(app.main.expander) == failed


# --- index states -------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("folder_exists", [True, False], ids=["empty-folder", "no-folder"])
def test_missing_index_is_built_with_progress_then_answers(tmp_path: Path, use_index, folder_exists: bool) -> None:
    empty = tmp_path / "index"
    if folder_exists:
        empty.mkdir()
    use_index(empty)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run(timeout=300)
    assert not at.exception and not at.error
    assert at.status[0].label.startswith("索引已建立：52 个条款")
    assert (empty / "manifest.json").is_file()
    ask(at, "市场主体目标由谁牵头？")
    assert "市经信局" in unescape(at.chat_message[-1].markdown[0].value)


def test_corrupt_index_stops_with_the_rebuild_command(index_dir: Path, tmp_path: Path, use_index) -> None:
    broken = tmp_path / "index"
    shutil.copytree(index_dir.resolve(), broken)
    clauses = broken / "clauses.jsonl"
    clauses.write_bytes(clauses.read_bytes()[:1000])
    use_index(broken)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    message = unescape(at.error[0].value)
    assert "python -m ingest" in message and "checksum mismatch" in message
    assert len(at.chat_input) == 0  # st.stop: no page below the error


def test_mismatched_index_stops_with_the_rebuild_command(index_dir: Path, tmp_path: Path, use_index) -> None:
    other = tmp_path / "index"
    shutil.copytree(index_dir.resolve(), other)
    manifest = json.loads((other / "manifest.json").read_text(encoding="utf-8"))
    manifest["segmenter"] = "another-dictionary"
    (other / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    use_index(other)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert "python -m ingest" in unescape(at.error[0].value)
    assert len(at.chat_input) == 0
