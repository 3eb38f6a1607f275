"""Helpers for the guide's browser tools (``docs/alat/kompetensi-coaching.md``, ``cek-kendala.md``).

They speak the markup contract of the issue: every item is a radio group whose inputs have
``name`` = the item id and ``value`` = the numeric answer; after **Hitung** every row of the score
table carries ``data-dimension``, ``data-score`` (full precision, empty when there is no score) and
``data-band``. The Python side of every comparison is :func:`selfassess.scoring.score`.
"""

from __future__ import annotations

import importlib.util
import math
import random
from fractions import Fraction
from pathlib import Path

import pandas as pd

from selfassess.instrument import Instrument, load
from selfassess.scoring import BAND_SUFFIX, OVERALL, prepare, score, weakest

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("kompetensi-coaching", "cek-kendala")

_spec = importlib.util.spec_from_file_location("alat_situs", ROOT / "scripts" / "alat_situs.py")
alat_situs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(alat_situs)  # type: ignore[union-attr]

Answers = dict[str, int]

#: Put one answer set on the form (unanswered items cleared), as a reader's clicks would leave it.
FILL = """answers => {
  for (const input of document.querySelectorAll('.alat-formulir input[type=radio]')) {
    const want = answers[input.name];
    const on = want !== undefined && Number(input.value) === want;
    if (input.checked !== on) {
      input.checked = on;
      input.dispatchEvent(new Event('change', {bubbles: true}));
    }
  }
}"""
ROWS = """() => [...document.querySelectorAll('.alat-skor tr[data-dimension]')].map(
  tr => [tr.dataset.dimension, tr.dataset.score, tr.dataset.band])"""
FOCUS = """() => [...document.querySelectorAll('.alat-fokus li[data-fokus]')].map(
  li => li.dataset.fokus)"""


def page_url(base: str, instrument_id: str, offline: bool) -> str:
    """The tool page on the HTTP build (``base``: site URL) or the file build (``base``: folder)."""
    if offline:
        return (Path(base) / "alat" / f"{instrument_id}.html").as_uri()
    return f"{base}alat/{instrument_id}/"


def open_tool(page, url: str) -> None:
    """Load a tool page and wait until the script has built the form."""
    page.goto(url, wait_until="load")
    page.locator(".alat--siap .alat-formulir").wait_for()


def compute(page, answers: Answers) -> list[list[str]]:
    """Fill the form, press Hitung, return the result rows (dimension, score, band)."""
    page.evaluate(FILL, answers)
    page.get_by_role("button", name="Hitung", exact=True).click()
    return page.evaluate(ROWS)


# ── the Python side ─────────────────────────────────────────────────────────────────────────────


def python_rows(inst: Instrument, answer_sets: list[Answers]) -> tuple[list[list], list[list]]:
    """Per answer set: [(dimension, score or None, band id or None)] and the focus order."""
    items = [i.id for i in inst.items if i.scored and i.dimension]
    frame = pd.DataFrame(
        [
            {"Kode peserta": f"P{n:04d}", **{i: a.get(i, math.nan) for i in items}}
            for n, a in enumerate(answer_sets)
        ],
        index=pd.RangeIndex(2, len(answer_sets) + 2, name="baris"),
    )
    scored = score(prepare(inst, frame))
    band_ids = {b.label.id: alat_situs.band_id(b) for b in inst.bands}
    rows, focus = [], []
    for n in range(len(answer_sets)):
        record = scored.table.iloc[n]
        out = []
        for dim in [*(d.id for d in inst.dimensions), OVERALL]:
            value = record[dim]
            band = record[dim + BAND_SUFFIX]
            out.append(
                (
                    "overall" if dim == OVERALL else dim,
                    None if pd.isna(value) else float(value),
                    None if pd.isna(band) else band_ids[band],
                )
            )
        rows.append(out)
        count = 3 if inst.higher_is_better else len(inst.dimensions)
        focus.append([r.dimension.id for r in weakest(scored, n, count)])
    return rows, focus


def same(browser_rows: list[list[str]], python: list[tuple]) -> list[str]:
    """Differences between the page's rows and Python's (exact: the page's shortest repr of a
    double parses back to the same double, so ``float(text) == value`` is a bitwise check)."""
    problems = []
    if [r[0] for r in browser_rows] != [p[0] for p in python]:
        return [f"rows {[r[0] for r in browser_rows]} != {[p[0] for p in python]}"]
    for (dim, text, band), (_, value, want_band) in zip(browser_rows, python, strict=True):
        got = None if text == "" else float(text)
        if got != value or (got is not None and text != repr(value).removesuffix(".0")):
            problems.append(f"{dim}: page {text!r}, Python {value!r}")
        if (band or None) != want_band:
            problems.append(f"{dim}: band page {band!r}, Python {want_band!r}")
    return problems


# ── generated answer sets ───────────────────────────────────────────────────────────────────────


def answer_sets(inst: Instrument, seed: int = 11) -> list[tuple[str, Answers]]:
    """Answer sets that probe the rule: random, missing answers, reverse items, band edges,
    min_share edges for dimensions and for the overall score (each with a short label)."""
    rng = random.Random(seed)
    assert inst.scale is not None
    lo, hi = inst.scale.min, inst.scale.max
    dims = {d.id: [i for i in inst.items if i.dimension == d.id] for d in inst.dimensions}
    need = {d: alat_situs.min_answered(inst.min_share, len(its)) for d, its in dims.items()}
    need_dims = alat_situs.min_answered(inst.min_share, len(dims))
    every = [i for its in dims.values() for i in its]

    def raw(item, effective: int) -> int:
        """The answer that scores ``effective`` (reverse items count as min + max − x)."""
        return lo + hi - effective if item.reverse else effective

    sets: list[tuple[str, Answers]] = []
    for value in range(lo, hi + 1):
        sets.append((f"semua {value}", {i.id: value for i in every}))
        sets.append((f"nilai efektif {value}", {i.id: raw(i, value) for i in every}))
    for _ in range(40):
        sets.append(("acak lengkap", {i.id: rng.randint(lo, hi) for i in every}))
    for share in (0.1, 0.25, 0.4, 0.6):
        for _ in range(10):
            sets.append(
                (
                    f"acak, {share:.0%} kosong",
                    {i.id: rng.randint(lo, hi) for i in every if rng.random() >= share},
                )
            )
    for dim, its in dims.items():  # a dimension with exactly enough answers, and one fewer
        for count in (need[dim], need[dim] - 1):
            answers = {i.id: rng.randint(lo, hi) for i in every}
            for item in its[count:]:
                answers.pop(item.id)
            sets.append((f"{dim}: {count} dari {len(its)} dijawab", answers))
    for count in (need_dims, need_dims - 1):  # overall with exactly enough dimensions, one fewer
        for _ in range(3):
            answers = {i.id: rng.randint(lo, hi) for i in every}
            for dim in rng.sample(sorted(dims), len(dims) - count):
                for item in dims[dim]:
                    answers.pop(item.id)
            sets.append((f"{count} dimensi berskor", answers))
    edges = [b.min for b in inst.bands[1:]] + [inst.bands[-1].max, lo]
    for edge in edges:  # a dimension mean exactly on a band edge, with reverse items in it
        for dim, its in dims.items():
            for count in range(need[dim], len(its) + 1):
                total = edge * count
                if total != int(total):
                    continue
                values = _split(int(total), count, lo, hi, rng)
                if values is None:
                    continue
                answers = {i.id: rng.randint(lo, hi) for i in every}
                chosen = rng.sample(its, count)
                for item in its:
                    answers.pop(item.id)
                for item, effective in zip(chosen, values, strict=True):
                    answers[item.id] = raw(item, effective)
                sets.append((f"{dim} tepat {edge:g} ({count} butir)", answers))
                break
    for _ in range(20):  # thirds and fifths: overall means whose sums are not exact in binary
        answers = {}
        for dim, its in dims.items():
            count = rng.choice([c for c in (3, len(its)) if need[dim] <= c <= len(its)])
            for item in rng.sample(its, count):
                answers[item.id] = rng.randint(lo, hi)
        sets.append(("pertigaan dan perlimaan", answers))
    sets.append(("kosong satu butir", {i.id: hi for i in every[1:]}))
    sets += _overall_on_edges(inst, dims, need, rng)
    return sets


def _overall_on_edges(inst: Instrument, dims, need, rng: random.Random, per_edge: int = 4):
    """Answer sets whose overall score is exactly a band edge in exact arithmetic, although the
    floating-point sum of the dimension scores is not (e.g. 11/3, 11/3, 10/3, 10/3 → 3.5)."""
    assert inst.scale is not None
    lo, hi = inst.scale.min, inst.scale.max
    edges = {Fraction(b.min).limit_denominator() for b in inst.bands[1:]}
    found: dict[Fraction, int] = dict.fromkeys(edges, 0)
    sets = []
    for _ in range(60_000):
        if all(n >= per_edge for n in found.values()):
            break
        answers, means = {}, []
        for dim, its in dims.items():
            count = rng.randint(need[dim], len(its))
            effective = [rng.randint(lo + 1, hi - 1) for _ in range(count)]
            for item, value in zip(rng.sample(its, count), effective, strict=True):
                answers[item.id] = lo + hi - value if item.reverse else value
            mean = Fraction(sum(effective), count)
            means.append(Fraction(round(mean * 10**10), 10**10))
        overall = sum(means) / len(means)
        if overall in found and found[overall] < per_edge:
            found[overall] += 1
            sets.append((f"skor keseluruhan tepat {float(overall):g}", answers))
    return sets


def _split(total: int, count: int, lo: int, hi: int, rng: random.Random) -> list[int] | None:
    """``count`` integers in [lo, hi] that add up to ``total`` (None when impossible)."""
    if not lo * count <= total <= hi * count:
        return None
    values = [lo] * count
    rest = total - lo * count
    while rest:
        k = rng.randrange(count)
        if values[k] < hi:
            values[k] += 1
            rest -= 1
    return values


def instruments() -> dict[str, Instrument]:
    """The instruments of the browser tools."""
    return {i: load(i) for i in TOOLS}


# ── a reader's steps ────────────────────────────────────────────────────────────────────────────

KEY = "panduan-coaching-asn.riwayat"


def save(page, date: str, phase: str = "") -> str:
    """Press Simpan ke riwayat for the result on screen, dated ``date``; return the status text."""
    page.get_by_label("Tanggal pengisian").fill(date)
    page.get_by_label("Kaitan dengan pelatihan").select_option(phase)
    page.get_by_role("button", name="Simpan ke riwayat").click()
    status = page.locator(".alat-simpan .alat-pesan")
    status.wait_for()
    return status.inner_text()


def history(page) -> list[str]:
    """Dates (ISO) of the saved results listed on the page, in the order shown."""
    return page.eval_on_selector_all(
        ".alat-daftar tbody tr", "rows => rows.map(r => r.dataset.tanggal)"
    )


def trend(page) -> dict[str, str]:
    """Change since the previous result per row of the trend table (full precision or '')."""
    return dict(
        page.eval_on_selector_all(
            ".alat-tren-tabel tr[data-tren]",
            "rows => rows.map(r => [r.dataset.tren, r.querySelector('[data-perubahan]')"
            ".dataset.perubahan])",
        )
    )


def riwayat_message(page) -> str:
    """The status message of the history section (import, delete, code)."""
    box = page.locator(".alat-kelola .alat-pesan")
    box.wait_for()
    return box.inner_text()


def stored(page) -> str | None:
    """The raw value the tools keep in localStorage."""
    return page.evaluate(f"() => localStorage.getItem({KEY!r})")
