"""Same numbers as Python: the guide's browser tools against ``selfassess.scoring.score``.

Hundreds of generated answer sets (random, missing answers, reverse items, dimension means exactly
on band edges, dimensions with exactly ``min_share`` of their items answered and one fewer, overall
scores with exactly enough dimensions and one fewer, overall means on band edges whose
floating-point sums are not exact) are put on the real page in Chromium, **Hitung** is clicked,
and every dimension score, overall score and band must equal Python's exactly (full precision),
as must the order of the weakest dimensions (or of the obstacles).
"""

from __future__ import annotations

import pytest

from tests.browser.alat import (
    FOCUS,
    answer_sets,
    compute,
    instruments,
    open_tool,
    page_url,
    python_rows,
    same,
)

pytestmark = pytest.mark.browser

INSTRUMENTS = instruments()
#: The issue asks for at least 200 answer sets; this is the whole cross-check's size.
MIN_SETS = 200


def test_the_cross_check_is_large_enough():
    total = sum(len(answer_sets(i)) for i in INSTRUMENTS.values())
    print(f"cross-check: {total} answer sets")
    assert total >= MIN_SETS


@pytest.mark.parametrize("instrument_id", sorted(INSTRUMENTS))
def test_page_scores_equal_python(guarded_page, site_url, instrument_id):
    page, traffic = guarded_page
    inst = INSTRUMENTS[instrument_id]
    sets = answer_sets(inst)
    expected, focus = python_rows(inst, [a for _, a in sets])
    open_tool(page, page_url(site_url, instrument_id, offline=False))
    problems = []
    empty = edges = 0
    for (label, answers), want, want_focus in zip(sets, expected, focus, strict=True):
        got = compute(page, answers)
        diff = same(got, want)
        got_focus = page.evaluate(FOCUS)
        if got_focus != want_focus:
            diff.append(f"focus order: page {got_focus}, Python {want_focus}")
        if diff:
            problems.append(f"{label} {answers}: " + "; ".join(diff))
        empty += sum(1 for row in want if row[1] is None)
        edges += sum(1 for row in want if row[1] in {b.min for b in inst.bands[1:]})
    assert problems == [], f"{len(problems)} of {len(sets)} differ:\n" + "\n".join(problems[:10])
    assert empty > 20 and edges > 10, "the generated sets must reach empty scores and band edges"
    assert traffic.external == [] and traffic.page_errors == [] and traffic.console_errors == []


def test_the_comparison_catches_a_difference():
    """The checker is not blind: one ulp, a wrong band or a missing score are all reported."""
    want = [("relasi", 3.5, "cakap"), ("overall", None, None)]
    assert same([["relasi", "3.5", "cakap"], ["overall", "", ""]], want) == []
    assert same([["relasi", "3.4999999999999996", "cakap"], ["overall", "", ""]], want)
    assert same([["relasi", "3.5", "berkembang"], ["overall", "", ""]], want)
    assert same([["relasi", "3.5", "cakap"], ["overall", "3.5", "cakap"]], want)
