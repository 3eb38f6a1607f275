"""Hypothesis properties of scoring: within the scale, order-free, reverse twice = identity, and
equal to the plain per-row reference rule."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from selfassess.instrument import load
from selfassess.scoring import BAND_SUFFIX, prepare, score, score_row_naive

INSTRUMENTS = ["kompetensi-coaching", "kompetensi-coaching-pegawai", "cek-kendala"]


@st.composite
def responses(draw, instrument_id: str | None = None):
    inst = load(instrument_id or draw(st.sampled_from(INSTRUMENTS)))
    scored = [i for i in inst.items if i.scored]
    n = draw(st.integers(1, 8))
    answer = st.one_of(st.none(), st.integers(inst.scale.min, inst.scale.max))
    rows = [{i.id: draw(answer) for i in scored} | {"Kode peserta": f"P{r}"} for r in range(n)]
    frame = pd.DataFrame(rows, dtype=object)
    frame.index = range(2, n + 2)
    return inst, frame


def dims_of(inst) -> list[str]:
    return [d.id for d in inst.dimensions]


@settings(max_examples=60, deadline=None)
@given(responses())
def test_scores_stay_within_the_scale(case):
    inst, frame = case
    table = score(prepare(inst, frame)).table
    values = table[[*dims_of(inst), "overall"]].to_numpy(dtype=float)
    present = values[~np.isnan(values)]
    assert ((present >= inst.scale.min) & (present <= inst.scale.max)).all()
    # a band whenever there is a score, none otherwise
    for col in [*dims_of(inst), "overall"]:
        assert (table[col].isna() == table[col + BAND_SUFFIX].isna()).all()


@settings(max_examples=40, deadline=None)
@given(responses(), st.randoms(use_true_random=False))
def test_item_order_does_not_matter(case, rnd):
    inst, frame = case
    columns = list(frame.columns)
    rnd.shuffle(columns)
    a = score(prepare(inst, frame)).table
    b = score(prepare(inst, frame[columns])).table
    pd.testing.assert_frame_equal(a, b)


@settings(max_examples=40, deadline=None)
@given(responses(), st.data())
def test_reversing_an_item_twice_is_the_identity(case, data):
    inst, frame = case
    scored = [i for i in inst.items if i.scored]
    chosen = data.draw(st.sampled_from(scored))
    low, high = inst.scale.min, inst.scale.max

    def toggle(instrument):
        items = tuple(
            dataclasses.replace(i, reverse=not i.reverse) if i.id == chosen.id else i
            for i in instrument.items
        )
        return dataclasses.replace(instrument, items=items)

    def flip(values: pd.Series) -> pd.Series:
        flipped = [None if v is None else low + high - v for v in values]
        return pd.Series(flipped, index=values.index, dtype=object)

    once = frame.copy()
    once[chosen.id] = flip(frame[chosen.id])
    base = score(prepare(inst, frame)).table
    # toggling the flag and flipping the answers once gives the same scores …
    pd.testing.assert_frame_equal(base, score(prepare(toggle(inst), once)).table)
    # … and doing both twice is the identity
    twice = once.copy()
    twice[chosen.id] = flip(once[chosen.id])
    pd.testing.assert_frame_equal(base, score(prepare(toggle(toggle(inst)), twice)).table)
    assert list(twice[chosen.id]) == list(frame[chosen.id])


@settings(max_examples=60, deadline=None)
@given(responses())
def test_vectorised_scores_equal_the_plain_rule(case):
    inst, frame = case
    table = score(prepare(inst, frame)).table
    for row, record in frame.iterrows():  # the reference is deliberately a per-row loop
        expected = score_row_naive(inst, record.to_dict())
        for key, value in expected.items():
            got = table.at[row, key]
            if value is None:
                assert got is None or (isinstance(got, float) and math.isnan(got)) or pd.isna(got)
            elif isinstance(value, str):
                assert got == value
            else:
                assert math.isclose(got, value, rel_tol=1e-12)
