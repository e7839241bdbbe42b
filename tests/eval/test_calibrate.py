"""Threshold choice, worked out by hand (arithmetic in comments)."""
from __future__ import annotations

import pytest

from eval.calibrate import Probe, balanced_accuracy, best_threshold, distribution, summarise_language


def test_separable_sets_get_the_midpoint_of_the_gap():
    t = best_threshold([0.95, 1.0, 1.1], [0.80, 0.85, 0.91])
    assert t.separable and t.gap == (0.91, 0.95)
    assert t.value == pytest.approx(0.93)  # (0.91 + 0.95) / 2
    assert t.balanced_accuracy == pytest.approx(1.0)


def test_overlapping_sets_get_the_best_balanced_accuracy():
    # values 0.80 0.85 0.90(ans) 0.92(off) 0.95(ans) 1.0(ans)
    # t=0.875: kept 3/3, refused 2/3 -> 5/6; t=0.935: kept 2/3, refused 3/3 -> 5/6: tie,
    # margins 0.05 (0.85..0.90) vs 0.03 (0.92..0.95) -> 0.875
    t = best_threshold([0.90, 0.95, 1.0], [0.80, 0.85, 0.92])
    assert not t.separable and t.gap is None
    assert t.value == pytest.approx(0.875)
    assert t.balanced_accuracy == pytest.approx(5 / 6)


def test_balanced_accuracy_keeps_answerable_at_the_threshold():
    # answerable kept: 0.9 >= 0.9 and 1.0 -> 2/2; off-topic refused: 0.5 < 0.9, not 0.95 -> 1/2; (1 + 0.5) / 2
    assert balanced_accuracy([0.9, 1.0], [0.5, 0.95], 0.9) == pytest.approx(0.75)


def test_no_off_topic_probes_give_no_threshold():
    assert best_threshold([0.9], []).value is None


def test_distribution_uses_nearest_rank_percentiles():
    d = distribution([0.1, 0.2, 0.3, 0.4])
    assert (d["n"], d["min"], d["p50"], d["p95"], d["max"]) == (4, 0.1, 0.2, 0.4, 0.4)  # p50: rank ceil(2)=2


def test_gate_population_leaves_out_probes_refused_by_rules_or_answered_from_tags():
    probes = [Probe("A", "q", "zh", True, 0.95, None, "value"), Probe("B", "q", "zh", True, 0.80, None, "reverse", True),
              Probe("C", "q", "zh", False, 0.97, "排名", "value"), Probe("D", "q", "zh", False, 0.85, None, "content")]
    out = summarise_language(probes, current=0.9)
    assert out["all"]["answerable"]["n"] == 2 and out["gate"]["answerable"]["n"] == 1
    assert out["gate"]["threshold"]["value"] == pytest.approx(0.90)  # (0.85 + 0.95) / 2
    assert out["all"]["wrong_at_current"] == ["B", "C"]
