"""Per-question metrics and their summary; pure functions over JSON-edge dicts.

A *result* is one line of system output::

    {"id", "question", "answer", "answerable", "intent", "units", "lead_unit",
     "citations": [{"clause_id", "doc", "section", "quote"}],
     "retrieved": [clause ids, best first], "latency_ms"}

A *gold* item is one line of a question set (see ``eval/data/README.md``).
Gold with ``evidence == []`` is unanswerable: the bot must refuse
(``answerable`` false). Text is compared after :func:`normalise`, because gold
evidence and clause texts are whitespace-free.

A clause *touches* a gold evidence quote when its text contains the whole
quote, or when a piece of at least ``MIN_PIECE_CHARS`` characters taken from
the clause lies wholly inside the quote (a gold quote may span a heading and
the start of the next clause). For a citation the piece is its ``quote``,
which must itself occur in the cited clause; for a retrieved clause the piece
is the clause text. Citation, recall and retrieval metrics all use this test.
"""
from __future__ import annotations

import logging
import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from eval.judge import asked_units, extra_units_strict, fold, normalise, polarity, signature, states_count, units_named  # noqa: F401

logger = logging.getLogger(__name__)

Result = Mapping[str, Any]
Gold = Mapping[str, Any]

MIN_PIECE_CHARS = 8
PRIMARY_METRIC = "overall/answer_accuracy"
ROW_KEYS = ("doc", "operation", "phrasing", "fact")  # gold keys a scored row keeps, for grouping and invariance
GROUP_PREFIXES = {"doc": "doc:", "operation": "op:", "phrasing": "phrasing:"}  # summary groups beside categories
DEFAULT_KS = (1, 3, 5, 10)


@dataclass(frozen=True)
class EvalContext:
    """What the evaluator knows besides the gold file.

    clause_text: clause id -> whitespace-free verbatim clause text.
    clause_units: clause id -> named responsible units; ``None`` skips the
        "names no unit outside the gold clauses" check.
    known_units: every named unit (27 here), searched for in answers.
    sources: document id -> its source text (whitespace is stripped here).
    doc_units: document id -> the units its tags name (the inventory the
        strict measure searches answers for); a document not listed uses
        ``known_units``.
    """

    clause_text: Mapping[str, str]
    clause_units: Mapping[str, Collection[str]] | None = None
    known_units: Collection[str] = ()
    sources: Mapping[str, str] = field(default_factory=dict)
    doc_units: Mapping[str, Collection[str]] = field(default_factory=dict)

    def inventory(self, doc: str | None) -> Collection[str]:
        """The units an answer about ``doc`` is searched for."""
        # a document's own units (none for a regulation that names no unit); only an unknown document uses all
        return self.doc_units[doc] if doc and doc in self.doc_units else self.known_units

    def __post_init__(self) -> None:
        if self.clause_units is not None and not self.known_units:
            raise ValueError(
                "clause_units is given but known_units is empty: pass every unit name, "
                "or clause_units=None to skip the extra-unit check"
            )


_fold = fold  # the name the rest of this module and eval/diagnose.py use


def _evidence(gold: Gold) -> list[str]:
    return [q for q in (normalise(e) for e in gold["evidence"]) if q]


def _refused(result: Result) -> bool:
    return not result["answerable"]


def evidence_clauses(gold: Gold, clause_text: Mapping[str, str]) -> list[str]:
    """Ids of the clauses that touch any gold evidence quote (the gold clauses)."""
    quotes = _evidence(gold)
    return [cid for cid, text in clause_text.items() if any(_touches(text, text, q) for q in quotes)]


def gold_units(gold: Gold, clause_text: Mapping[str, str], clause_units: Mapping[str, Collection[str]]) -> set[str]:
    """Union of the named units of the gold clauses: the units an answer may name."""
    return {u for cid in evidence_clauses(gold, clause_text) for u in clause_units.get(cid, ())}


def answer_correct(
    result: Result, gold: Gold, clause_units: Collection[str] | None, known_units: Collection[str] = ()
) -> bool:
    """Is the answer right? Unanswerable gold: iff refused.

    Yes/no gold (``expect_yes``): not refused and the first line starts with
    是 (yes) or 否/不是 (no) as expected. Count gold (``expect_count``): not
    refused and the number (5 or 五) is in the first line.

    Other answerable gold: not refused, every ``must_contain`` string and
    ``answer_units`` name in the answer (whitespace-, width- and
    ASCII-case-insensitive), and — unless ``clause_units`` is None — no unit
    of ``known_units`` named outside ``clause_units ∪ answer_units`` and the
    units the question names (listing every bureau is not an answer).
    """
    if not _evidence(gold):
        return _refused(result)
    if _refused(result):
        return False
    if "expect_yes" in gold:  # yes/no: the first line's 是/否 decides
        return polarity(result.get("answer") or "") is gold["expect_yes"]
    if "expect_count" in gold:  # count: the number is in the first line
        return states_count(result.get("answer") or "", int(gold["expect_count"]))
    answer = _fold(result.get("answer") or "")
    if not all(_fold(s) in answer for s in [*gold["must_contain"], *gold["answer_units"]]):
        return False
    if clause_units is None:
        return True
    if not known_units:
        raise ValueError("clause_units is given but known_units is empty: pass every unit name")
    # a unit the question names is asked about (`是市人社局牵头吗？` → `不是，…市人社局不在名单中`), not volunteered
    allowed = set(clause_units) | set(gold["answer_units"]) | asked_units(gold.get("question", ""), known_units)
    return units_named(result.get("answer") or "", known_units) <= allowed


def _mean(flags: Sequence[float], what: str) -> float:
    if not flags:
        raise ValueError(f"{what} is undefined on no items: check the filter that selects them")
    return sum(flags) / len(flags)


def refusal_accuracy(pairs: Iterable[tuple[Result, Gold]]) -> float:
    """Over unanswerable gold items, the fraction refused."""
    return _mean([_refused(r) for r, g in pairs if not _evidence(g)], "refusal_accuracy")


def false_refusal_rate(pairs: Iterable[tuple[Result, Gold]]) -> float:
    """Over answerable gold items, the fraction refused."""
    return _mean([_refused(r) for r, g in pairs if _evidence(g)], "false_refusal_rate")


def _touches(clause: str, piece: str, quote: str) -> bool:
    """See the module docstring; ``piece`` counts only if it occurs in ``clause``."""
    clause, piece = normalise(clause), normalise(piece)
    if quote in clause:
        return True
    return len(piece) >= MIN_PIECE_CHARS and piece in clause and piece in quote


def _cited(quote: str, result: Result, clause_text: Mapping[str, str]) -> bool:
    return any(
        _touches(clause_text.get(c.get("clause_id", ""), ""), c.get("quote") or "", quote)
        for c in result.get("citations") or []
    )


def citation_hit(result: Result, gold: Gold, clause_text: Mapping[str, str]) -> bool:
    """Does some citation touch some gold evidence quote?

    A citation touches a quote when its clause's text contains the whole
    (normalised) quote, or its own quote has >= 8 characters, occurs in the
    cited clause and lies inside the gold quote. False with no citations or
    no evidence. Unknown clause ids have no text.
    """
    return any(_cited(q, result, clause_text) for q in _evidence(gold))


def evidence_recall(result: Result, gold: Gold, clause_text: Mapping[str, str]) -> float:
    """Fraction of gold evidence quotes touched by some citation (test as in :func:`citation_hit`)."""
    return _mean([_cited(q, result, clause_text) for q in _evidence(gold)], "evidence_recall")


def verbatim_counts(result: Result, sources: Mapping[str, str]) -> tuple[int, int]:
    """(verbatim, total) citations: verbatim iff the non-empty normalised quote is in its doc's source."""
    cites = result.get("citations") or []
    ok = 0
    for c in cites:
        quote = normalise(c.get("quote") or "")
        ok += int(bool(quote) and quote in normalise(sources.get(c.get("doc", ""), "")))
    return ok, len(cites)


def verbatim_rate(results: Iterable[Result], sources: Mapping[str, str]) -> float:
    """Fraction of all citations (pooled over results) whose quote is verbatim in its document."""
    counts = [verbatim_counts(r, sources) for r in results]
    total = sum(n for _, n in counts)
    if total == 0:
        raise ValueError("verbatim_rate is undefined: the results carry no citations")
    return sum(ok for ok, _ in counts) / total


def retrieval_ranks(result: Result, gold: Gold, clause_text: Mapping[str, str]) -> int | None:
    """1-based rank of the first retrieved clause touching a gold quote; None if none does."""
    quotes = _evidence(gold)
    for rank, cid in enumerate(result.get("retrieved") or [], start=1):
        text = clause_text.get(cid, "")
        if any(_touches(text, text, q) for q in quotes):
            return rank
    return None


def hit_at_k(ranks: Sequence[int | None], k: int) -> float:
    """Fraction of ranks that are not None and <= k."""
    if k < 1:
        raise ValueError(f"k must be at least 1. Currently: {k}")
    return _mean([r is not None and r <= k for r in ranks], f"hit@{k}")


def mrr(ranks: Sequence[int | None]) -> float:
    """Mean reciprocal rank; None (not retrieved) counts as 0."""
    return _mean([1 / r if r else 0.0 for r in ranks], "mrr")


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile: the smallest value with at least p% of values <= it (p=0: the minimum)."""
    if not values:
        raise ValueError("percentile of no values: there is nothing to rank")
    if not 0 <= p <= 100:
        raise ValueError(f"p must be within [0, 100]. Currently: {p}")
    ordered = sorted(values)
    return ordered[max(math.ceil(p * len(ordered) / 100), 1) - 1]


def _allowed_units(gold: Gold, ctx: EvalContext) -> set[str] | None:
    """Gold-clause units, or None (skip the check) when no clause holds the evidence."""
    if ctx.clause_units is None or not _evidence(gold):
        return None
    if not evidence_clauses(gold, ctx.clause_text):
        logger.warning("no clause holds the evidence of %s: extra-unit check skipped", gold["id"])
        return None
    return gold_units(gold, ctx.clause_text, ctx.clause_units)


def strict_correct(result: Result, gold: Gold, lenient: bool, inventory: Collection[str]) -> bool:
    """Issue 10's strict measure: right by :func:`answer_correct`, and an answer to an answerable item names
    no unit of its document's inventory beyond the gold's, the question's and ``allowed_units``."""
    if not lenient or not _evidence(gold):
        return lenient
    return not extra_units_strict(result.get("answer") or "", gold, inventory)


def score_item(result: Result, gold: Gold, ctx: EvalContext) -> dict[str, Any]:
    """All per-question metrics; citation/retrieval ones are None for unanswerable gold."""
    if result["id"] != gold["id"]:
        raise ValueError(f"result {result['id']!r} is paired with gold {gold['id']!r}: align them by id")
    answerable = bool(_evidence(gold))
    units = _allowed_units(gold, ctx)
    verbatim, n_cites = verbatim_counts(result, ctx.sources)
    inventory = ctx.inventory(gold.get("doc"))
    # a document that names no unit (a regulation): no unit of its own an answer could add
    correct = answer_correct(result, gold, units if inventory else None, inventory)
    return {
        "id": gold["id"],
        "category": gold["category"],
        **{key: gold[key] for key in ROW_KEYS if gold.get(key)},
        "gold_answerable": answerable,
        "refused": _refused(result),
        "answer_correct": correct,
        "strict_correct": strict_correct(result, gold, correct, inventory),
        "signature": signature(result, gold, inventory),
        "citation_hit": citation_hit(result, gold, ctx.clause_text) if answerable else None,
        "evidence_recall": evidence_recall(result, gold, ctx.clause_text) if answerable else None,
        "rank": retrieval_ranks(result, gold, ctx.clause_text) if answerable else None,
        "citations": n_cites,
        "verbatim_citations": verbatim,
        "latency_ms": result.get("latency_ms"),
    }


def _summarise_group(rows: Sequence[Mapping[str, Any]], ks: Sequence[int]) -> dict[str, float]:
    answerable = [r for r in rows if r["gold_answerable"]]
    out = {"n": float(len(rows)), "answer_accuracy": _mean([r["answer_correct"] for r in rows], "answer_accuracy")}
    if all("strict_correct" in r for r in rows):
        out["strict_accuracy"] = _mean([r["strict_correct"] for r in rows], "strict_accuracy")
    if (inv := invariance(rows)) is not None:
        out["invariance"], out["facts"] = inv
    if len(answerable) < len(rows):
        out["refusal_accuracy"] = _mean([r["refused"] for r in rows if not r["gold_answerable"]], "refusal_accuracy")
    if answerable:
        ranks = [r["rank"] for r in answerable]
        out["false_refusal_rate"] = _mean([r["refused"] for r in answerable], "false_refusal_rate")
        out["citation_hit"] = _mean([r["citation_hit"] for r in answerable], "citation_hit")
        out["evidence_recall"] = _mean([r["evidence_recall"] for r in answerable], "evidence_recall")
        out.update({f"hit@{k}": hit_at_k(ranks, k) for k in ks})
        out["mrr"] = mrr(ranks)
    n_cites = sum(r["citations"] for r in rows)
    if n_cites:
        out["verbatim_rate"] = sum(r["verbatim_citations"] for r in rows) / n_cites
    latencies = [r["latency_ms"] for r in rows if r["latency_ms"] is not None]
    if latencies:
        out["latency_p50_ms"] = percentile(latencies, 50)
        out["latency_p95_ms"] = percentile(latencies, 95)
    return out


def invariance(rows: Sequence[Mapping[str, Any]]) -> tuple[float, float] | None:
    """(share of facts whose phrasings all got the same signature, number of facts), over the facts asked
    in two phrasings or more; None when there are none (a set without ``fact`` keys)."""
    by_fact: dict[str, set[str]] = {}
    counts: dict[str, int] = {}
    for r in rows:
        if r.get("fact") and "signature" in r:
            by_fact.setdefault(r["fact"], set()).add(r["signature"])
            counts[r["fact"]] = counts.get(r["fact"], 0) + 1
    facts = [f for f, n in counts.items() if n >= 2]
    if not facts:
        return None
    return sum(len(by_fact[f]) == 1 for f in facts) / len(facts), float(len(facts))


def summarise(rows: Sequence[Mapping[str, Any]], ks: Sequence[int] = DEFAULT_KS) -> dict[str, float]:
    """Metrics overall, per category, and per document / operation / phrasing where the rows carry them
    (groups ``doc:<id>``, ``op:<operation>``, ``phrasing:<p>``), keyed ``<group>/<metric>`` (``overall/hit@5``).

    Means are over the items a metric applies to: refusal_accuracy over
    unanswerable gold; false_refusal_rate, citation_hit, evidence_recall,
    hit@k and mrr over answerable gold; verbatim_rate pooled over citations;
    latency by nearest rank. A metric with no items is left out, not zeroed.
    ``PRIMARY_METRIC`` names the headline key.
    """
    if not rows:
        raise ValueError("summarise needs at least one scored row")
    groups: dict[str, list[Mapping[str, Any]]] = {"overall": list(rows)}
    for row in rows:
        groups.setdefault(row["category"], []).append(row)
    for key, prefix in GROUP_PREFIXES.items():
        for row in rows:
            if row.get(key):
                groups.setdefault(prefix + row[key], []).append(row)
    return {f"{g}/{k}": v for g, members in groups.items() for k, v in _summarise_group(members, ks).items()}
