"""Combine rankings: weighted reciprocal-rank fusion plus what the structure knows. Pure."""
from __future__ import annotations

import re
from typing import Mapping, Sequence

from core.clause import Clause

# a year, not an amount: `2025年`, `2019—2020`, `by 2030?` — but not `2000亿元`
_YEAR = re.compile(r"(?<![\d.])(20\d{2})(?=\s*(?:年|—|–|-|－|[，,。？?！!；;）)]|\s|$))")
_STAGE = re.compile(r"第([一二三四五六七八九十])阶段")
_BY_YEAR = re.compile(r"^到(20\d{2})年")
NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[．.、]|第[一二三四五六七八九十百\d]+[章节条编])")
_PUNCT = re.compile(r"[\s\"“”‘’《》「」、，。；：？！,.;:?!（）()]")


def rrf(rankings: Mapping[str, Sequence[int]], weights: Mapping[str, float], k: int = 60) -> dict[int, float]:
    """score(d) = Σ_r w_r / (k + rank_r(d)), ranks 1-based (Cormack et al. 2009)."""
    scores: dict[int, float] = {}
    for name, ranking in rankings.items():
        w = weights.get(name, 1.0)
        for rank, doc in enumerate(ranking, start=1):
            scores[doc] = scores.get(doc, 0.0) + w / (k + rank)
    return scores


def years_in(text: str) -> set[str]:
    return set(_YEAR.findall(text))


_STAGE_EN = re.compile(r"\b(first|second|third|1st|2nd|3rd)\s+(stage|phase)", re.IGNORECASE)
_ORDINAL = {"first": "一", "1st": "一", "second": "二", "2nd": "二", "third": "三", "3rd": "三"}


def stages_in(text: str) -> set[str]:
    found = {f"第{n}阶段" for n in _STAGE.findall(text)}
    return found | {f"第{_ORDINAL[m.group(1).lower()]}阶段" for m in _STAGE_EN.finditer(text)}


def bare_label(label: str) -> str:
    """`（一）总体目标` → `总体目标`: the words a user would type for a heading."""
    return _PUNCT.sub("", NUMBERING.sub("", label))


_RANGE = re.compile(r"(20\d{2})\s*[—–\-－至到]\s*(20\d{2})")


def _target_years(text: str) -> set[str]:
    """Years named, a range counting as its end year."""
    return years_in(_RANGE.sub("", text)) | {m.group(2) for m in _RANGE.finditer(text)}


def clause_years(clauses: Sequence[Clause]) -> list[frozenset[str]]:
    """Years a clause's targets are for: named in its text, the end of its section's range
    (`第二阶段…（2020—2022年）` → 2022), or inherited from a `到2025年，…` paragraph opening its section."""
    opening: dict[tuple[str, ...], set[str]] = {}
    out = []
    for c in clauses:
        m = _BY_YEAR.match(c.text)
        if m and c.kind == "paragraph":
            opening.setdefault(c.section, set()).add(m.group(1))
        inherited = set().union(*(opening.get(c.section[:n], set()) for n in range(1, len(c.section) + 1)))
        out.append(frozenset(_target_years(c.section_label + c.text) | inherited))
    return out


def structure_bonus(clause: Clause, years_of_clause: frozenset[str], question: str,
                    units: Sequence[str], years: set[str], stages: set[str]) -> float:
    """How well the clause's structure matches the question: named units, years, stages, headings (0…1 each)."""
    bonus = 0.0
    if units:
        bonus += sum(1 for u in units if u in clause.units) / len(units)
    if years:
        bonus += len(years & years_of_clause) / len(years)
    if stages:
        bonus += sum(1 for s in stages if s in clause.section_label) / len(stages)
    asked = _PUNCT.sub("", question)
    if any(len(b) >= 2 and b in asked for b in map(bare_label, clause.section)):
        bonus += 1.0
    return bonus
