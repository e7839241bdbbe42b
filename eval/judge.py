"""Is the direct answer right? Text checks on one answer, pure: units named, yes/no, a count, the strict measure.

The direct answer is the answer's first non-empty line (issue 10: 是/否, the
number, the units first, then the evidence).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping
from typing import Any

from core.units import level_prefix, without_level

# A yes/no answer's first line starts with 是 or with 否/不是 (不 covers 不是, 不在, 不属于), after markup.
NO_STARTS = ("否", "不")
YES_STARTS = ("是",)
_LEADING_MARKUP = re.compile(r"^[\s*#>【\[「“\"'：:]+")
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_CN_DIGITS = "零一二三四五六七八九"


def normalise(s: str) -> str:
    """Remove all whitespace (PDF line breaks, ideographic spaces) from ``s``."""
    return "".join(s.split())


def fold(s: str) -> str:
    """Normalise, then fold width (１０％ == 10%) and ASCII case, for answer matching."""
    return normalise(unicodedata.normalize("NFKC", s)).casefold()


def units_named(text: str, known_units: Collection[str]) -> set[str]:
    """Known units named in ``text``; longest names first, so a name inside a longer one is not counted."""
    folded, found = fold(text), set()
    for unit in sorted(known_units, key=lambda u: len(fold(u)), reverse=True):
        key = fold(unit)
        # 自然资源部门 / 财政部门 is a kind of department at any level, not the ministry 自然资源部
        pattern = re.escape(key) + ("(?!门)" if key.endswith("部") else "")
        if key and re.search(pattern, folded):
            found.add(unit)
            folded = re.sub(pattern, "\0", folded)
    return found




def asked_units(question: str, known_units: Collection[str]) -> set[str]:
    """Units a question asks about: those it names, and those it names without their level (`是绿化市容局牵头的吧` asks
    about 区绿化市容局) — an answer naming them to say yes or no volunteers nothing."""
    folded = fold(question)
    return units_named(question, known_units) | {
        u for u in known_units if level_prefix(u) and len(key := fold(without_level(u))) >= 3 and key in folded}


def first_line(answer: str) -> str:
    return next((ln.strip() for ln in (answer or "").splitlines() if ln.strip()), "")


def polarity(answer: str) -> bool | None:
    """True (是), False (否/不是) or None, read from the start of the first line."""
    line = _LEADING_MARKUP.sub("", first_line(answer))
    if line.startswith(NO_STARTS):
        return False
    if line.startswith(YES_STARTS):
        return True
    return None


def chinese_numeral(n: int) -> str:
    """0–99 as written in Chinese (12 → 十二, 20 → 二十)."""
    if not 0 <= n < 100:
        raise ValueError(f"chinese_numeral covers 0–99. Currently: {n}")
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


def numbers(text: str) -> set[str]:
    """The Arabic numbers in ``text`` (width folded), as written."""
    return set(_DIGITS.findall(unicodedata.normalize("NFKC", text)))


def states_count(answer: str, n: int) -> bool:
    """Does the first line state ``n`` (as 5 or 五; 15 or 十五 is not 5)?"""
    line = unicodedata.normalize("NFKC", first_line(answer))
    if str(n) in {x.split(".")[0] for x in _DIGITS.findall(line)}:
        return True
    if n >= 100:
        return False
    word = chinese_numeral(n)
    return re.search(rf"(?<![{_CN_DIGITS}十百两]){word}(?![{_CN_DIGITS}十百])", line) is not None


def strict_allowed(gold: Mapping[str, Any], inventory: Collection[str]) -> set[str]:
    """Units a strictly right answer may name: the gold's (its ``answer_units`` and those its answer names), those the
    question asks about, and ``allowed_units``."""
    return {*gold.get("answer_units", ()), *gold.get("asked_units", ()), *gold.get("allowed_units", ()),
            *units_named(gold.get("answer") or "", inventory), *asked_units(gold.get("question", ""), inventory)}


def extra_units_strict(answer: str, gold: Mapping[str, Any], inventory: Collection[str]) -> set[str]:
    """Units of the document's inventory the answer names that the strict measure does not allow. A list that
    writes its level once (`市发改局、商务局`) means 市商务局 by 商务局: either form is the unit the gold names."""
    allowed = strict_allowed(gold, inventory)
    return {u for u in units_named(answer, inventory) - allowed
            if not (level_prefix(u) and without_level(u) in allowed)}


def signature(result: Mapping[str, Any], gold: Mapping[str, Any], inventory: Collection[str]) -> str:
    """What the answer says, comparable across phrasings of one fact: refused, the yes/no, the numbers
    of the first line (counts, values, series) or the units named."""
    answer = result.get("answer") or ""
    if not result.get("answerable", True):
        return "refused"
    if "expect_yes" in gold:
        return f"yes_no:{polarity(answer)}"
    if "expect_count" in gold or gold.get("operation") in ("value", "series"):
        return "numbers:" + ",".join(sorted(numbers(first_line(answer))))
    return "units:" + ",".join(sorted(units_named(answer, inventory)))
