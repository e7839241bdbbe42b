"""Combine rankings: weighted reciprocal-rank fusion plus what the structure knows. Pure."""
from __future__ import annotations

import re
from typing import Mapping, Sequence

from kb.clause import Clause

_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")
_STAGE = re.compile(r"第([一二三])阶段")


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


def stages_in(text: str) -> set[str]:
    return {f"第{n}阶段" for n in _STAGE.findall(text)}


def structure_bonus(clause: Clause, units: Sequence[str], years: set[str], stages: set[str]) -> float:
    """How many of the question's named units, years and stages this clause carries (0…1 each)."""
    bonus = 0.0
    if units:
        bonus += sum(1 for u in units if u in clause.units) / len(units)
    where = clause.section_label + clause.text
    if years:
        bonus += sum(1 for y in years if f"{y}年" in where) / len(years)
    if stages:
        bonus += sum(1 for s in stages if s in clause.section_label) / len(stages)
    return bonus
