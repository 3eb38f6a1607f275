"""Cohort recap speed: N participants' reaction survey, pre-test and post-test, read from files.

Writes a Google Forms-style reaction CSV (labels as answers), a pre-test CSV and a post-test XLSX
(option texts as answers) for N synthetic participants in a temporary folder, then times
:func:`selfassess.cohort.from_files` (reading, mapping to the instruments, every figure, groups)
and :func:`selfassess.evaluation_report.xlsx_bytes` (the report with charts). Prints wall time,
CPU time and peak memory (tracemalloc, which itself slows Python down); fails (exit 1) when the
goal is missed: 5,000 participants (a large agency's training year) in at most 30 s on the
project's two-core machine. Reading the XLSX with openpyxl takes most of the time (about 1.5 ms
per row of 18 cells).

Run with ``make bench`` (or ``.venv/bin/python benchmarks/bench_evaluasi.py [N]``).
"""

from __future__ import annotations

import csv
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np
from openpyxl import Workbook

from selfassess.cohort import from_files
from selfassess.evaluation_report import xlsx_bytes
from selfassess.instrument import load

N = int(sys.argv[1]) if len(sys.argv) > 1 else 5_000
GOAL_SECONDS = 30.0
UNITS = ["Bagian Umum", "Bidang Pelayanan", "Bagian Keuangan", "Subbagian Perencanaan", "Lain"]


def write_files(folder: Path, n: int, seed: int = 20260522) -> dict[str, Path]:
    rng = np.random.default_rng(seed)
    reaksi, tes = load("reaksi-pelatihan"), load("tes-pengetahuan")
    codes = [f"P-{i:06d}" for i in range(n)]
    units = rng.choice(UNITS, size=n, p=[0.4, 0.3, 0.2, 0.0999, 0.0001])
    scale = [i for i in reaksi.items if i.type == "skala"]
    labels = {p: t.id for p, t in reaksi.scale.labels.items()}  # type: ignore[union-attr]
    paths = {"reaction": folder / "reaksi.csv", "pre": folder / "pretes.csv"}
    with open(paths["reaction"], "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, quoting=csv.QUOTE_ALL)
        out.writerow(["Timestamp", "Kode peserta", "Unit kerja", *[i.text.id for i in scale]])
        answers = np.clip(np.rint(rng.normal(4, 0.8, size=(n, len(scale) - 1))), 1, 5)
        nps = rng.integers(0, 11, size=n)
        for k in range(n):
            out.writerow(
                [f"2026/05/22 {1 + k % 12}:{k % 60:02d}:00 PM GMT+7", codes[k], units[k]]
                + [labels[int(a)] for a in answers[k]]
                + [int(nps[k])]
            )
    keyed = tes.items

    def choices(correct_share: float) -> np.ndarray:
        right = rng.random((n, len(keyed))) < correct_share
        table = np.empty((n, len(keyed)), dtype=object)
        for j, item in enumerate(keyed):
            key = next(o.text.id for o in item.options if o.id == item.kunci)
            wrong = next(o.text.id for o in item.options if o.id != item.kunci)
            table[:, j] = np.where(right[:, j], key, wrong)
        return table

    pre = choices(0.5)
    with open(paths["pre"], "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["Stempel waktu", "Kode peserta", "Unit kerja", *[i.text.id for i in keyed]])
        for k in range(n):
            out.writerow([f"20/05/2026 8.{k % 60:02d}.00", codes[k], units[k], *pre[k]])
    post = choices(0.8)
    book = Workbook()  # shared strings and a <dimension>, as Excel and Microsoft Forms write
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["ID", "Start time", "Completion time", "Email", "Name", "Kode peserta",
                  *[i.text.id for i in reversed(keyed)]])  # fmt: skip
    for k in range(n):
        sheet.append([k + 1, None, None, "anonymous", None, codes[k], *reversed(post[k])])
    paths["post"] = folder / "postes.xlsx"
    book.save(paths["post"])
    return paths


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_files(Path(tmp), N)
        size = sum(p.stat().st_size for p in paths.values()) / 1e6
        tracemalloc.start()
        wall, cpu = time.perf_counter(), time.process_time()
        result = from_files(**paths, group="Unit kerja")
        report = xlsx_bytes(result)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert result.learning is not None and result.reaction is not None
    print(f"{N} peserta, berkas {size:.1f} MB: {wall:.1f} s (CPU {cpu:.1f} s), "
          f"memori puncak {peak / 1e6:.0f} MB, laporan {len(report) / 1e3:.0f} kB")  # fmt: skip
    print(f"  NPS {result.reaction.nps:.1f}, <g> {result.learning.g:.3f}, "
          f"kelompok disembunyikan: {', '.join(result.learning.groups.suppressed)}")  # fmt: skip
    if wall > GOAL_SECONDS:
        print(f"GAGAL: lebih dari {GOAL_SECONDS:.0f} s", file=sys.stderr)
        return 1
    print(f"OK: target {GOAL_SECONDS:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
