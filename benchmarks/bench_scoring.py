"""Scoring speed: 1,000,000 synthetic respondents × every item of ``kompetensi-coaching``.

Times :func:`selfassess.scoring.score` (dimension scores, bands, overall, warnings) on prepared
answers with 3 % missing answers (median of five runs, wall clock and CPU), against the plain
per-row loop (``iterrows`` + :func:`selfassess.scoring.score_row_naive`) on a sample, and checks
that both give the same numbers on that sample. Prints the time, the ratio and the peak memory
(tracemalloc, during ``score``); fails (exit 1) when the goal (≤ 2 s, ≥ 100×) is missed.

Run with ``make bench`` (or ``.venv/bin/python benchmarks/bench_scoring.py [N]``).
"""

from __future__ import annotations

import gc
import math
import os
import resource
import statistics
import sys
import time
import tracemalloc

import numpy as np
import pandas as pd

from selfassess.instrument import load
from selfassess.scoring import Prepared, score, score_row_naive

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
SAMPLE = 2_000
MISSING = 0.03
GOAL_SECONDS, GOAL_RATIO = 2.0, 100.0


def thousands(value: float) -> str:
    """``1000000`` → ``1.000.000`` (Indonesian digit grouping)."""
    return f"{value:,.0f}".replace(",", ".")


def synthetic(n: int, seed: int = 20260522) -> Prepared:
    """Answers as :func:`selfassess.scoring.prepare` returns them (float, NaN = missing)."""
    inst = load("kompetensi-coaching")
    rng = np.random.default_rng(seed)
    k = len(inst.items)
    # each respondent has a level; answers scatter around it
    level = rng.normal(3.4, 0.6, size=(n, 1))
    answers = np.clip(np.rint(level + rng.normal(0, 0.9, size=(n, k))), 1, 5)
    reverse = np.array([i.reverse for i in inst.items])
    answers[:, reverse] = 6 - answers[:, reverse]
    answers[rng.random((n, k)) < MISSING] = np.nan
    index = pd.RangeIndex(2, n + 2, name="baris")
    values = pd.DataFrame(answers, columns=[i.id for i in inst.items], index=index)
    codes = pd.Series(np.char.add("P", np.arange(n).astype("U7")).astype(object), index=index)
    return Prepared(inst, values, codes)


def naive(prepared: Prepared) -> list[dict]:
    """The per-row loop a first version would write."""
    return [score_row_naive(prepared.instrument, row) for _, row in prepared.values.iterrows()]


def main() -> int:
    print(f"Menyiapkan {thousands(N)} responden × butir kompetensi-coaching …")
    prepared = synthetic(N)
    inst = prepared.instrument
    print(
        f"  {len(inst.items)} butir, {len(inst.dimensions)} dimensi, {MISSING:.0%} jawaban kosong"
    )

    times, cpu = [], []
    for _ in range(5):
        gc.collect()
        start, start_cpu = time.perf_counter(), time.process_time()
        result = score(prepared)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    vectorised = statistics.median(times)

    sample = Prepared(inst, prepared.values.iloc[:SAMPLE], prepared.codes.iloc[:SAMPLE])
    start, start_cpu = time.perf_counter(), time.process_time()
    reference = naive(sample)
    per_row = (time.perf_counter() - start) / SAMPLE
    per_row_cpu = (time.process_time() - start_cpu) / SAMPLE
    naive_total = per_row * N

    # same numbers on the sample
    records = result.table.iloc[:SAMPLE].to_dict("records")
    for got, expected in zip(records, reference, strict=True):
        for key, value in expected.items():
            have = got[key]
            if value is None:
                assert pd.isna(have), (key, have)
            elif isinstance(value, str):
                assert have == value, (key, have, value)
            else:
                assert math.isclose(have, value, rel_tol=1e-12), (key, have, value)

    del result
    gc.collect()
    tracemalloc.start()
    tracemalloc.reset_peak()
    base, _ = tracemalloc.get_traced_memory()
    score(prepared)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    input_mb = prepared.values.memory_usage(deep=False).sum() / 2**20
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    ratio = naive_total / vectorised
    load = os.getloadavg()[0]
    print(f"Beban mesin (rata-rata 1 menit): {load:.1f} pada {os.cpu_count()} inti")
    print(
        f"Skor vektor, median 5 kali:    {vectorised:.3f} s (CPU {statistics.median(cpu):.3f} s) "
        f"untuk {thousands(N)} responden"
    )
    print(
        f"Loop per baris, sampel {thousands(SAMPLE)}: {per_row * 1e6:.0f} µs/baris (CPU "
        f"{per_row_cpu * 1e6:.0f} µs) → perkiraan {thousands(naive_total)} s untuk {thousands(N)}"
    )
    print(f"Rasio:                         {thousands(ratio)}×")
    print(
        f"Memori puncak selama score():  {(peak - base) / 2**20:.0f} MiB (tracemalloc; masukan "
        f"{input_mb:.0f} MiB; RSS maksimum proses {rss_mb:.0f} MiB)"
    )
    ok = vectorised <= GOAL_SECONDS and ratio >= GOAL_RATIO
    verdict = "tercapai" if ok else "TIDAK tercapai"
    print(f"Target ≤ {GOAL_SECONDS:g} s dan ≥ {GOAL_RATIO:g}×: {verdict}")
    return 0 if ok or N < 1_000_000 else 1


if __name__ == "__main__":
    sys.exit(main())
