"""`python -m eval.calibrate`: where to put the refusal threshold on the best sentence's relevance.

The last of the refusal checks (``kb.refusal.CHECKS``) refuses a question answered
by quoting when ``kb.extract.relevance(best sentence)`` is below
``AskConfig.min_relevance`` (Chinese) or ``min_relevance_en`` (English
questions). ``Asker.gate`` runs the real pipeline up to that check. This measures that relevance for every answerable question of a
gold set and for an off-topic probe set, per language, and picks the threshold
that maximises balanced accuracy (answerable kept, off-topic refused): the
midpoint of the gap when the two are separable, else the best midpoint between
neighbouring values (ties: the widest margin).

Two populations are reported: ``all`` (every probe, as specified) and ``gate``
(only the probes whose fate the threshold decides: not refused earlier by the
rules in kb.refusal, nor answered from the responsibility tags).
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from eval.metrics import percentile
from core.files import write_atomic
from eval.report import REPORTS_DIR
from eval.runner import load_questions
from core.errors import PolicyKBError
from core.settings import ROOT, Settings
from kb.ask import AskConfig, Asker
from kb.knowledge import KnowledgeBase

log = logging.getLogger(__name__)

DATA = ROOT / "eval" / "data"
PERCENTILES = (5, 25, 50, 75, 95)


@dataclass(frozen=True)
class Probe:
    id: str
    question: str
    language: str  # "zh" | "en", as kb.question decides
    answerable: bool  # the gold has evidence
    relevance: float  # of the best-ranked sentence
    rule: str | None  # refusal reason from kb.refusal found before the gate, if any
    intent: str  # the operation the pipeline chose
    structured: bool = False  # answered from the structure: the threshold does not apply

    @property
    def gated(self) -> bool:
        """Does the relevance threshold decide this probe's fate?"""
        return self.rule is None and not self.structured


@dataclass(frozen=True)
class Threshold:
    value: float | None  # None when a side has no probes
    balanced_accuracy: float | None
    separable: bool
    gap: tuple[float, float] | None  # (highest off-topic, lowest answerable) when separable


# --- measuring (model I/O) ---------------------------------------------------------------------
def measure(asker: Asker, item: Mapping[str, Any]) -> Probe:
    """The relevance of the best sentence for one item, through the real pipeline (``Asker.gate``)."""
    g = asker.gate(item["question"])
    return Probe(item["id"], item["question"], "en" if g.english else "zh", bool(item.get("evidence")),
                 g.relevance, g.rule, g.op, g.structured)


# --- the threshold (pure) ----------------------------------------------------------------------
def distribution(values: Sequence[float]) -> dict[str, float]:
    if not values:
        return {"n": 0}
    return {"n": len(values), "min": min(values), **{f"p{p}": percentile(values, p) for p in PERCENTILES},
            "max": max(values)}


def balanced_accuracy(answerable: Sequence[float], offtopic: Sequence[float], threshold: float) -> float:
    """Mean of the share of answerable kept (>= threshold) and the share of off-topic refused (< threshold)."""
    kept = sum(v >= threshold for v in answerable) / len(answerable)
    refused = sum(v < threshold for v in offtopic) / len(offtopic)
    return (kept + refused) / 2


def best_threshold(answerable: Sequence[float], offtopic: Sequence[float]) -> Threshold:
    """Best balanced accuracy over midpoints of neighbouring values; ties go to the widest margin."""
    if not answerable or not offtopic:
        return Threshold(None, None, False, None)
    if max(offtopic) < min(answerable):
        gap = (max(offtopic), min(answerable))
        return Threshold((gap[0] + gap[1]) / 2, 1.0, True, gap)
    values = sorted(set(answerable) | set(offtopic))
    candidates = [(lo + hi) / 2 for lo, hi in zip(values, values[1:])]
    margins = [hi - lo for lo, hi in zip(values, values[1:])]
    best = max(range(len(candidates)),
               key=lambda i: (round(balanced_accuracy(answerable, offtopic, candidates[i]), 12), margins[i]))
    value = candidates[best]
    return Threshold(value, balanced_accuracy(answerable, offtopic, value), False, None)


def _wrong(probes: Sequence[Probe], threshold: float | None) -> list[str]:
    """Ids on the wrong side of ``threshold``: answerable below it, off-topic at or above it."""
    if threshold is None:
        return []
    return [p.id for p in probes if (p.relevance < threshold) == p.answerable]


def summarise_language(probes: Sequence[Probe], current: float) -> dict[str, Any]:
    """Distributions, the chosen threshold and the current one, for ``all`` and ``gate`` populations."""
    out: dict[str, Any] = {"current": current}
    for population, members in (("all", list(probes)), ("gate", [p for p in probes if p.gated])):
        ans = [p.relevance for p in members if p.answerable]
        off = [p.relevance for p in members if not p.answerable]
        chosen = best_threshold(ans, off)
        out[population] = {
            "answerable": distribution(ans), "offtopic": distribution(off), "threshold": asdict(chosen),
            "wrong_at_threshold": _wrong(members, chosen.value),
            "balanced_accuracy_at_current": balanced_accuracy(ans, off, current) if ans and off else None,
            "wrong_at_current": _wrong(members, current),
        }
    return out


def calibrate(probes: Sequence[Probe], config: AskConfig = AskConfig()) -> dict[str, Any]:
    current = {"zh": config.min_relevance, "en": config.min_relevance_en}
    return {lang: summarise_language([p for p in probes if p.language == lang], current[lang]) for lang in ("zh", "en")}


# --- output --------------------------------------------------------------------------------------
def _f(value: float | None) -> str:
    return "–" if value is None else f"{value:.4f}"


def markdown(result: Mapping[str, Any]) -> str:
    cols = ["n", "min", *(f"p{p}" for p in PERCENTILES), "max"]
    lines = ["| language | population | set | " + " | ".join(cols) + " |", "|---|---|---|" + "---:|" * len(cols)]
    for lang, res in result.items():
        for population in ("all", "gate"):
            for side in ("answerable", "offtopic"):
                d = res[population][side]
                cells = [str(d["n"]), *(_f(d.get(c)) for c in cols[1:])]
                lines.append(f"| {lang} | {population} | {side} | " + " | ".join(cells) + " |")
    lines += ["", "| language | population | chosen threshold | balanced acc | separable | wrong at chosen | "
                  "current | balanced acc at current | wrong at current |", "|---|---|---:|---:|---|---|---:|---:|---|"]
    for lang, res in result.items():
        for population in ("all", "gate"):
            r, t = res[population], res[population]["threshold"]
            lines.append(f"| {lang} | {population} | {_f(t['value'])} | {_f(t['balanced_accuracy'])} | "
                         f"{'yes' if t['separable'] else 'no'} | {' '.join(r['wrong_at_threshold']) or '–'} | "
                         f"{res['current']} | {_f(r['balanced_accuracy_at_current'])} | "
                         f"{' '.join(r['wrong_at_current']) or '–'} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    settings = Settings.from_env()
    parser = argparse.ArgumentParser(prog="python -m eval.calibrate", description=__doc__.split("\n\n")[1])
    parser.add_argument("--questions", type=Path, default=DATA / "dev.jsonl", help="gold set; its answerable items")
    parser.add_argument("--offtopic", type=Path, default=DATA / "offtopic.jsonl", help="probes the plan cannot answer")
    parser.add_argument("--index", type=Path, default=settings.index_dir)
    parser.add_argument("--out", type=Path, default=REPORTS_DIR / "calibration.json")
    args = parser.parse_args(argv)
    try:
        items = [i for i in load_questions(args.questions) if i.get("evidence")]
        items += [{**i, "evidence": []} for i in load_questions(args.offtopic)]
    except (OSError, ValueError) as e:
        print(f"eval.calibrate: {e}", file=sys.stderr)
        return 2
    try:
        asker = Asker(KnowledgeBase.load(replace(settings, index_dir=args.index)))
    except PolicyKBError as e:
        print(f"eval.calibrate: {e}", file=sys.stderr)
        return 1
    probes = [measure(asker, item) for item in items]
    result = calibrate(probes, asker.config)
    data = {"generated_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "index": str(args.index),
            "questions": str(args.questions), "offtopic": str(args.offtopic), "languages": result,
            "probes": [{**asdict(p), "gated": p.gated} for p in probes]}
    write_atomic(args.out, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    print(markdown(result))
    print(f"\nwritten: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
