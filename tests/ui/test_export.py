"""The conversation download as Markdown and JSON, on real answers."""
from __future__ import annotations

import json

from ui.export import conversation_json, conversation_markdown


def test_markdown_holds_question_answer_and_cited_section(asker) -> None:
    answer = asker.ask("市场主体目标由谁牵头？")
    text = conversation_markdown([("市场主体目标由谁牵头？", answer)])
    assert "## 1. 问：市场主体目标由谁牵头？" in text
    assert "市经信局" in text
    assert "三、发展目标 > （一）总体目标 > 市场主体" in text
    assert "市经信局（牵头）" in text


def test_json_round_trips_every_turn_with_citations(asker) -> None:
    first = asker.ask("融资体系建设的责任单位都有哪些？")
    second = asker.ask("那牵头的是谁？", history=[first])
    data = json.loads(conversation_json([("融资体系建设的责任单位都有哪些？", first), ("那牵头的是谁？", second)]))
    turns = data["conversation"]
    assert [t["turn"] for t in turns] == [1, 2]
    assert turns[1]["lead_unit"] == "市经信局"
    assert turns[0]["citations"][0]["section"] == "三、发展目标 > （一）总体目标 > 融资体系"


def test_refusal_is_marked_in_markdown(asker) -> None:
    answer = asker.ask("2030年的目标是什么？")
    text = conversation_markdown([("2030年的目标是什么？", answer)])
    assert "未能回答：" in text and "### 相关条款（仅供参考）" in text
