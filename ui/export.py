"""The conversation as downloadable Markdown and JSON, with every citation (pure functions)."""
from __future__ import annotations

import json
from collections.abc import Sequence

from kb.answer import Answer, Citation

Exchange = tuple[str, Answer]  # (question as typed, answer)


def _quote_block(text: str) -> str:
    return "\n".join(f"> {line}" for line in text.splitlines() or [""])


def _citation_markdown(number: int, citation: Citation) -> str:
    clause = citation.clause
    units = "、".join(f"{u}（牵头）" if u == clause.lead_unit else u for u in clause.units)
    source = getattr(citation, "source", None) or f"《{clause.title}》"
    lines = [f"{number}. {source} · {clause.section_label}", "", _quote_block(citation.quote)]
    if units:
        lines += ["", f"   责任单位：{units}"]
    return "\n".join(lines)


def conversation_markdown(messages: Sequence[Exchange], title: str = "政策通 对话记录") -> str:
    """Readable record: each question, its answer and the quoted clauses (plain text, not rendered)."""
    parts = [f"# {title}"]
    for turn, (question, answer) in enumerate(messages, start=1):
        parts.append(f"## {turn}. 问：{question}")
        if answer.notice:
            parts.append(f"（{answer.notice}）")
        parts.append(answer.text if answer.answerable else f"未能回答：{answer.text}")
        if answer.citations:
            parts.append("### 引用条款")
            parts += [_citation_markdown(i, c) for i, c in enumerate(answer.citations, start=1)]
        if answer.related:
            parts.append("### 相关条款（仅供参考）")
            parts += [_citation_markdown(i, c) for i, c in enumerate(answer.related, start=1)]
    return "\n\n".join(parts) + "\n"


def conversation_json(messages: Sequence[Exchange]) -> str:
    """Machine-readable record: Answer.to_json() per turn plus the question as typed."""
    turns = [{"turn": i, "asked": question, **answer.to_json()} for i, (question, answer) in enumerate(messages, 1)]
    return json.dumps({"conversation": turns}, ensure_ascii=False, indent=2)
