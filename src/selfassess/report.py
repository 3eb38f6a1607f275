"""Personal results as a chart and a printable HTML report (self-assessment, obstacles check).

Everything a report needs is inside the file: the chart is a PNG in a ``data:`` URI and the styles
are inline, so the report opens offline and makes no request. Every text from an instrument or a
person is HTML-escaped; only the instrument's ``*emphasis*`` becomes ``<em>``. Links go to the
guide (:func:`selfassess.guide.page_url`) and are kept only when they are ``http(s)`` addresses.
"""

from __future__ import annotations

import base64
import html
import io
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from .instrument import Instrument, number, plain
from .scoring import DimensionResult, Scored, ranked, results, weakest

MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip

#: Colours of the chart (dark enough on white for text contrast, distinct in grey print).
SELF_COLOUR, OTHER_COLOUR = "#303f9f", "#e65100"
BAND_SHADES = ("#fdecea", "#fff8e1", "#e8f5e9", "#e3f2fd", "#f3e5f5", "#eceff1")

#: Fewest coachee answers before a comparison is shown (so that no single answer can be read off).
MIN_COACHEES = 3


def inline(text: str) -> str:
    """Escape text for HTML; the instrument's ``*word*`` emphasis becomes ``<em>word</em>``."""
    return re.sub(r"\*([^*<>]+)\*", r"<em>\1</em>", html.escape(text, quote=True))


def safe_url(url: str | None) -> str | None:
    """The URL when it is an ``http(s)`` address or a relative path; None otherwise."""
    if not url:
        return None
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url) and not re.match(r"^https?://", url, re.I):
        return None
    return url


def link(url: str | None, label: str) -> str:
    """An escaped link (opening in a new tab), or just the escaped label when the URL is unsafe."""
    target = safe_url(url)
    if target is None:
        return inline(label)
    href = html.escape(target, quote=True)
    # a new tab, so that a form in the app keeps its answers when the reader follows a link
    return f'<a href="{href}" target="_blank" rel="noopener">{inline(label)}</a>'


def long_date(day: date) -> str:
    """``22 Mei 2026``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


# ── chart ───────────────────────────────────────────────────────────────────────────────────────


def chart_png(
    instrument: Instrument,
    scores: Sequence[float | None],
    others: Sequence[float | None] | None = None,
    labels: tuple[str, str] = ("Diri sendiri", "Pegawai"),
) -> bytes:
    """A horizontal bar chart of dimension scores on the instrument's scale, as PNG bytes.

    The background shows the bands; ``others`` (e.g. the coachees' mean) adds a second bar.
    """
    from matplotlib.figure import Figure

    assert instrument.scale is not None
    dims = instrument.dimensions
    names = ["\n".join(textwrap.wrap(d.name.plain, 34)) for d in dims]
    height = 0.62 * len(dims) * (1.5 if others is not None else 1) + 1.4
    fig = Figure(figsize=(7.2, height), dpi=110)
    ax = fig.add_subplot()
    low, high = instrument.scale.min, instrument.scale.max
    for n, band in enumerate(instrument.bands):
        ax.axvspan(band.min, band.max, color=BAND_SHADES[n % len(BAND_SHADES)], zorder=0)
        ax.text(
            (band.min + band.max) / 2, -0.75, band.label.plain, ha="center", va="bottom",
            fontsize=7.5, color="#424242",
        )  # fmt: skip
    rows = list(range(len(dims)))
    width = 0.38 if others is not None else 0.6
    series = [(scores, SELF_COLOUR, labels[0], 0.0)]
    if others is not None:
        series = [
            (scores, SELF_COLOUR, labels[0], -width / 2),
            (others, OTHER_COLOUR, labels[1], width / 2),
        ]
    for values, colour, label, shift in series:
        for row, value in zip(rows, values, strict=True):
            y = row + shift
            if value is None or value != value:
                ax.text(low + 0.05, y, "kosong", va="center", fontsize=8, color="#616161")
                continue
            ax.barh(y, value - low, left=low, height=width, color=colour, zorder=2,
                    label=label if row == 0 else None)  # fmt: skip
            ax.text(value + 0.04, y, number(value), va="center", fontsize=8, zorder=3)
    ax.set_yticks(rows, names, fontsize=8)
    ax.set_ylim(len(dims) - 0.4, -0.9)
    ax.set_xlim(low, high + 0.35)
    ax.set_xticks(list(instrument.scale.points))
    ax.set_xlabel(f"Skor ({low} sampai {high})", fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    if others is not None:
        ax.legend(loc="lower right", fontsize=8, frameon=True)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def data_uri(png: bytes) -> str:
    """A PNG as a ``data:`` URI for an ``<img>``."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def chart_html(
    instrument: Instrument, scored: Scored, comparison: pd.DataFrame | None = None
) -> str:
    """An ``<img>`` with the chart and a text alternative listing the scores."""
    items = results(scored)
    scores = [r.score for r in items]
    others = list(comparison["pegawai"]) if comparison is not None else None
    png = chart_png(instrument, scores, others)
    alt = "; ".join(
        f"{r.dimension.name.plain}: {number(r.score) if r.score is not None else 'kosong'}"
        for r in items
    )
    return (
        f'<img class="sa-grafik" src="{data_uri(png)}" '
        f'alt="Grafik skor per dimensi. {html.escape(alt, quote=True)}">'
    )


# ── HTML pieces shared by the widget and the report ────────────────────────────────────────────


def scores_table(scored: Scored) -> str:
    """Table of each dimension's score, band and interpretation (plus the overall score)."""
    inst = scored.instrument
    head = "Kendala" if not inst.higher_is_better else "Dimensi"
    rows = []
    for r in results(scored):
        rows.append(
            "<tr>"
            f'<th scope="row">{link(r.dimension.url, r.dimension.name.id)}</th>'
            f'<td class="sa-angka">{_score(r.score)}</td>'
            f"<td>{inline(r.band.label.id) if r.band else '—'}</td>"
            f"<td>{inline(r.band.interpretation.id) if r.band else _empty_note(inst)}</td>"
            "</tr>"
        )
    overall = scored.table.iloc[0]["overall"]
    band = inst.band(None if pd.isna(overall) else float(overall))
    rows.append(
        '<tr class="sa-total"><th scope="row">Keseluruhan</th>'
        f'<td class="sa-angka">{_score(None if pd.isna(overall) else float(overall))}</td>'
        f"<td>{inline(band.label.id) if band else '—'}</td><td></td></tr>"
    )
    return (
        '<table class="sa-tabel"><thead><tr>'
        f'<th scope="col">{head}</th><th scope="col">Skor</th><th scope="col">Pita</th>'
        '<th scope="col">Artinya</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>"
    )


def _score(value: float | None) -> str:
    return number(value) if value is not None else "kosong"


def _empty_note(inst: Instrument) -> str:
    share = number(inst.min_share * 100)
    return f"Kurang dari {share}% butir dimensi ini dijawab, jadi skornya dikosongkan."


def _actions_html(result: DimensionResult) -> str:
    items = [
        f"<li>{inline(text)} ({link(url, 'baca panduan')})</li>" for text, url in result.actions
    ]
    return f"<ul>{''.join(items)}</ul>" if items else ""


def focus_html(scored: Scored) -> str:
    """The three weakest dimensions with actions, or the obstacles ranked with strategies."""
    inst = scored.instrument
    if inst.higher_is_better:
        chosen = weakest(scored, n=3)
        if not chosen:
            return "<p>Belum ada dimensi yang dapat dinilai.</p>"
        title = "Tiga dimensi yang paling perlu dikembangkan"
        entries = [
            f"<li><strong>{link(r.dimension.url, r.dimension.name.id)}</strong> "
            f"(skor {number(r.score)}, {inline(r.band.label.id) if r.band else '—'})"  # type: ignore[arg-type]
            f"{_actions_html(r)}</li>"
            for r in chosen
        ]
    else:
        title = "Kendala dari yang paling terasa"
        entries = []
        for r in ranked(scored):
            strategy = (
                f"<p>Strategi: <strong>{inline(r.dimension.strategy.id)}</strong></p>"
                if r.dimension.strategy
                else ""
            )
            entries.append(
                f"<li><strong>{link(r.dimension.url, r.dimension.name.id)}</strong> "
                f"(skor {_score(r.score)}, {inline(r.band.label.id) if r.band else '—'})"
                f"{strategy}{_actions_html(r)}</li>"
            )
    return f'<h3>{inline(title)}</h3><ol class="sa-fokus">{"".join(entries)}</ol>'


def comparison_table(comparison: pd.DataFrame) -> str:
    """Self vs coachees per dimension with the difference."""
    rows = []
    for rec in comparison.itertuples(index=False):
        diff = rec.selisih
        note = ""
        if diff == diff:  # not NaN
            if diff >= 0.5:
                note = "Anda menilai diri lebih tinggi daripada pegawai."
            elif diff <= -0.5:
                note = "Pegawai menilai Anda lebih tinggi daripada penilaian Anda sendiri."
            else:
                note = "Penilaian Anda dan pegawai serupa."
        rows.append(
            f'<tr><th scope="row">{inline(rec.nama)}</th>'
            f'<td class="sa-angka">{_score(_num(rec.diri))}</td>'
            f'<td class="sa-angka">{_score(_num(rec.pegawai))}</td>'
            f'<td class="sa-angka">{_signed(diff)}</td><td>{note}</td></tr>'
        )
    return (
        '<table class="sa-tabel"><thead><tr><th scope="col">Dimensi</th>'
        '<th scope="col">Diri sendiri</th><th scope="col">Pegawai</th>'
        '<th scope="col">Selisih</th><th scope="col">Artinya</th></tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table>"
    )


def _num(value: float) -> float | None:
    return None if value != value else float(value)


def _signed(value: float) -> str:
    if value != value:
        return "—"
    text = number(abs(value))
    return text if abs(value) < 0.005 else ("+" if value > 0 else "−") + text


# ── the report ──────────────────────────────────────────────────────────────────────────────────

#: Table styles shared by the report and the widgets.
TABLE_CSS = """
.sa-tabel{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.95rem}
.sa-tabel th,.sa-tabel td{border:1px solid #bdbdbd;padding:.35rem .5rem;text-align:left;
vertical-align:top}.sa-tabel thead th{background:#e8eaf6}.sa-angka{text-align:right;
white-space:nowrap}.sa-total th,.sa-total td{font-weight:bold;background:#f5f5f5}
"""

STYLE = (
    TABLE_CSS
    + """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;
color:#212121;margin:0;background:#fff;line-height:1.5}
main{max-width:48rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.3rem;margin-top:2rem;
border-bottom:2px solid #303f9f;padding-bottom:.2rem}h3{font-size:1.05rem}
.sa-meta{color:#424242}
.sa-grafik{max-width:100%;height:auto}a{color:#1a237e}.sa-catatan{white-space:pre-wrap;
border-left:4px solid #9fa8da;padding:.25rem .75rem;background:#f5f5f5}
footer{margin-top:2rem;font-size:.85rem;color:#424242}
@media print{main{max-width:none;padding:0}h2{break-before:auto;break-after:avoid}
table,figure,li{break-inside:avoid}a{color:#000}a[href^="http"]::after{content:" (" attr(href) ")";
font-size:.8em;word-break:break-all}.sa-cetak{display:none}}
@page{size:A4;margin:18mm 16mm}
"""
)


@dataclass
class Section:
    """One instrument's results in a report, optionally with the coachees' comparison."""

    scored: Scored
    comparison: pd.DataFrame | None = None
    coachees: int = 0


@dataclass
class PersonalReport:
    """What goes into a personal report."""

    code: str
    sections: list[Section]
    day: date = field(default_factory=date.today)
    phase: str | None = None
    group: str | None = None
    note: str | None = None


PHASES = {"sebelum": "sebelum pelatihan", "sesudah": "sesudah pelatihan (tindak lanjut)"}


def section_html(section: Section, level: int = 2) -> str:
    """One instrument's results: title, chart, table, focus and comparison."""
    scored = section.scored
    inst = scored.instrument
    parts = [
        f"<h{level}>{inline(inst.title.id)}</h{level}>",
        chart_html(inst, scored, section.comparison),
        scores_table(scored),
        focus_html(scored),
    ]
    if section.comparison is not None:
        parts += [
            "<h3>Perbandingan dengan penilaian pegawai</h3>",
            f"<p>Rata-rata dari {section.coachees} pegawai yang mengisi formulir umpan balik. "
            "Selisih positif berarti Anda menilai diri lebih tinggi daripada pegawai.</p>",
            comparison_table(section.comparison),
        ]
    return "\n".join(parts)


def personal_html(report: PersonalReport) -> str:
    """The complete, printable HTML document (UTF-8 text)."""
    from .guide import page_url

    meta = [f"Kode peserta: <strong>{html.escape(report.code)}</strong>"]
    meta.append(f"Tanggal: {long_date(report.day)}")
    if report.phase:
        meta.append(f"Fase: {html.escape(PHASES.get(report.phase, report.phase))}")
    if report.group:
        meta.append(f"Unit kerja: {html.escape(report.group)}")
    body = [
        "<h1>Laporan asesmen diri <em>coaching</em> dan <em>mentoring</em></h1>",
        f'<p class="sa-meta">{" · ".join(meta)}</p>',
        "<p>Skor setiap dimensi adalah rata-rata jawaban Anda pada skala instrumen; butir yang "
        "dibalik sudah dihitung terbalik. Pita menunjukkan arti skor itu. Laporan ini untuk "
        "Anda sendiri: bawalah ke sesi dengan pelatih atau rekan atasan bila Anda ingin.</p>",
    ]
    if report.note:
        body.append(f'<h2>Catatan Anda</h2><p class="sa-catatan">{html.escape(report.note)}</p>')
    body += [section_html(s) for s in report.sections]
    guide = link(page_url("alat/asesmen-diri.md"), "Panduan alat asesmen diri")
    body.append(
        f"<footer><p>Cara membaca hasil dan aturan penghitungannya: {guide}. Dibuat dengan "
        "perangkat Panduan Coaching &amp; Mentoring ASN. Cetak atau simpan sebagai PDF melalui "
        "menu cetak peramban (Ctrl+P).</p></footer>"
    )
    title = f"Laporan asesmen diri · {html.escape(report.code)}"
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )


def report_filename(code: str, day: date | None = None) -> str:
    """``laporan-asesmen-KODE-2026-05-22.html`` (the code is already limited to safe characters)."""
    day = day or date.today()
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", code).strip("-.") or "peserta"
    return f"laporan-asesmen-{safe}-{day.isoformat()}.html"


__all__ = [
    "MIN_COACHEES",
    "TABLE_CSS",
    "PersonalReport",
    "Section",
    "chart_html",
    "chart_png",
    "comparison_table",
    "focus_html",
    "inline",
    "personal_html",
    "plain",
    "report_filename",
    "scores_table",
    "section_html",
]
