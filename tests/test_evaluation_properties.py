"""Properties of the evaluation formulas that must hold for any data (Hypothesis)."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from selfassess import evaluation as ev
from selfassess.instrument import load

TES = load("tes-pengetahuan")
KEYED = ev.keyed_items(TES)
answers_0_10 = st.lists(st.integers(min_value=0, max_value=10), min_size=1, max_size=300)


@settings(deadline=None)
@given(answers_0_10)
def test_nps_stays_within_bounds(values):
    score = ev.nps(values)
    assert -100.0 <= score <= 100.0


@settings(deadline=None)
@given(answers_0_10)
def test_nps_is_promoters_minus_detractors(values):
    n = len(values)
    promoters = sum(v >= 9 for v in values)
    detractors = sum(v <= 6 for v in values)
    assert abs(ev.nps(values) - 100.0 * (promoters - detractors) / n) < 1e-9


@settings(deadline=None)
@given(st.floats(min_value=0.0, max_value=99.99, allow_nan=False))
def test_perfect_post_score_gives_g_of_one(pre):
    assert abs(ev.normalised_gain(pre, 100.0) - 1.0) < 1e-12


@settings(deadline=None, max_examples=60)  # builds DataFrames: slow under a loaded machine
@given(
    st.lists(st.tuples(st.integers(0, 15), st.integers(0, 15)), min_size=1, max_size=40).filter(
        lambda pairs: any(pre < 15 for pre, _ in pairs)
    )
)
def test_cohort_with_everyone_perfect_after_has_g_one(pairs):
    def frame(counts):
        rows = {}
        for n, correct in enumerate(counts):
            rows[f"P{n}"] = {
                item.id: item.kunci if k < correct else None for k, item in enumerate(KEYED)
            }
        return pd.DataFrame.from_dict(rows, orient="index")

    pre = frame([p for p, _ in pairs])
    post = frame([15 for _ in pairs])
    result = ev.learning(pre, post, TES)
    assert abs(result.post_mean - 100.0) < 1e-9
    assert abs(result.g - 1.0) < 1e-9
    assert 0.0 <= result.improved_share <= 100.0


@settings(deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=5), st.integers(1, 30), max_size=8))
def test_no_group_below_five_is_ever_shown(sizes):
    hidden = ev.suppressed_groups(sizes)
    assert {g for g, n in sizes.items() if n < ev.MIN_GROUP} <= hidden
    if hidden and len(hidden) < len(sizes):
        assert sum(sizes[g] for g in hidden) >= ev.MIN_GROUP
