"""Why an answer was scored wrong, in one line; and what a failure record keeps. Pure."""
from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

from eval.judge import asked_units
from eval.metrics import EvalContext, gold_units, normalise, units_named

MAX_ANSWER_CHARS = 400  # of an answer kept in a failure record


def _fold(s: str) -> str:
    """As eval.metrics compares answers: no whitespace, NFKC width folding, ASCII case folded."""
    return normalise(unicodedata.normalize("NFKC", s)).casefold()


def missing_strings(answer: str, gold: Mapping[str, Any]) -> list[str]:
    """The ``must_contain`` strings and ``answer_units`` the answer lacks, in gold order."""
    folded = _fold(answer)
    wanted = dict.fromkeys([*gold["must_contain"], *gold["answer_units"]])
    return [s for s in wanted if _fold(s) not in folded]


def extra_units(answer: str, gold: Mapping[str, Any], ctx: EvalContext) -> list[str]:
    """Units the answer names outside the gold clauses' units, ``answer_units`` and the question's units."""
    if ctx.clause_units is None:
        return []
    inventory = ctx.inventory(gold.get("doc"))
    allowed = (gold_units(gold, ctx.clause_text, ctx.clause_units) | set(gold["answer_units"])
               | asked_units(gold.get("question", ""), inventory))
    return sorted(units_named(answer, inventory) - allowed)


def _first_line(text: str, limit: int = 60) -> str:
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return line if len(line) <= limit else line[: limit - 1] + "…"


def reason(result: Mapping[str, Any], gold: Mapping[str, Any], ctx: EvalContext) -> str:
    """One line on why ``result`` fails ``gold`` (call it for failures only)."""
    answer = result.get("answer") or ""
    if not gold["evidence"]:
        return f"answered (intent {result.get('intent')}) a question the plan does not answer"
    if not result["answerable"]:
        return f"refused an answerable question: {_first_line(answer)}"
    parts = []
    if missing := missing_strings(answer, gold):
        parts.append("missing " + ", ".join(missing))
    if extra := extra_units(answer, gold, ctx):
        parts.append("names units outside the gold clauses: " + ", ".join(extra))
    return "; ".join(parts) or "scored wrong for a reason not diagnosed here"


def failure_record(result: Mapping[str, Any], gold: Mapping[str, Any], ctx: EvalContext) -> dict[str, Any]:
    """What was answered and what was expected, for report.json."""
    answer = result.get("answer") or ""
    return {
        "reason": reason(result, gold, ctx),
        "answered": {
            "answer": answer[:MAX_ANSWER_CHARS] + ("…" if len(answer) > MAX_ANSWER_CHARS else ""),
            "answerable": result["answerable"],
            "intent": result.get("intent"),
            "units": result.get("units", []),
            "citations": [{"clause_id": c.get("clause_id"), "quote": c.get("quote")} for c in result.get("citations") or []],
        },
        "expected": {
            "answer": gold.get("answer"),
            "must_contain": gold["must_contain"],
            "answer_units": gold["answer_units"],
            "section": gold.get("section"),
        },
    }
