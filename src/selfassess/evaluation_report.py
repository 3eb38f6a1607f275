"""The trainer's evaluation report: XLSX for people (sheets and charts) or JSON for programs.

The XLSX has a summary sheet, one sheet per Kirkpatrick level that has data, a sheet of group
breakdowns (suppressed groups marked, never shown) and a sheet of warnings. Charts are native
spreadsheet charts (openpyxl), so they stay editable in Excel and LibreOffice. Text from
participants (comments, codes, group names) is neutralised so that no cell runs as a formula.

Files are written whole or not at all and an existing file is never replaced unless ``overwrite``
is set (:func:`selfassess.unduhan.write_new`).
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from . import evaluation as ev
from .cohort import ROLES, Evaluation
from .export import check_target, neutralise
from .unduhan import write_new

SUFFIXES = (".xlsx", ".json")
_HEAD_FILL = "DCE3F4"
_TITLE = "Rekap evaluasi pelatihan"
FORMULAS = [
    ("Rata-rata butir", "jumlah jawaban butir itu dibagi banyaknya jawaban (skala 1-5)."),
    ("NPS", "persen jawaban 9-10 dikurangi persen jawaban 0-6 pada butir rekomendasi (0-10)."),
    ("Persen benar", "jawaban benar dibagi jumlah soal x 100; soal kosong dihitung salah."),
    (
        "Kenaikan",
        "rata-rata sesudah dikurangi rata-rata sebelum (poin persen), hanya peserta "
        "yang mengikuti kedua tes.",
    ),
    (
        "Gain dinormalkan <g>",
        "(sesudah - sebelum) / (100 - sebelum) pada rata-rata angkatan; "
        "tidak dapat dihitung bila rata-rata sebelum 100.",
    ),
    ("Perubahan perilaku", "skor dimensi tindak lanjut dikurangi skor sebelum, per peserta."),
    ("Selisih diri - pegawai", "skor asesmen diri dikurangi rata-rata penilaian pegawainya."),
    ("Kelompok", f"kelompok dengan kurang dari {ev.MIN_GROUP} orang tidak ditampilkan."),
]


# ── writing files safely ───────────────────────────────────────────────────────────────────────


def check_output(path: str | os.PathLike[str], overwrite: bool = False) -> Path:
    """Check an output path before any work: ``.xlsx`` or ``.json``, folder exists, no file."""
    return check_target(path, overwrite, suffixes=SUFFIXES)


def write_report(
    evaluation: Evaluation, path: str | os.PathLike[str], overwrite: bool = False
) -> Path:
    """Write ``.xlsx`` or ``.json`` (by the suffix)."""
    target = check_output(path, overwrite)
    data = json_bytes(evaluation) if target.suffix.lower() == ".json" else xlsx_bytes(evaluation)
    return write_new(target, data, overwrite)


def json_bytes(evaluation: Evaluation) -> bytes:
    """Every figure as UTF-8 JSON (no NaN: empty figures are null)."""
    text = json.dumps(evaluation.to_dict(), ensure_ascii=False, indent=2, allow_nan=False)
    return (text + "\n").encode("utf-8")


# ── XLSX ───────────────────────────────────────────────────────────────────────────────────────


def _safe(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and value != value:
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    return neutralise(value) if isinstance(value, str) else value


class _Sheet:
    """A worksheet written top to bottom."""

    def __init__(self, book: Any, title: str) -> None:
        self.ws = book.create_sheet(title)
        self.row = 1
        self.widths: dict[int, int] = {}

    def title(self, text: str) -> None:
        from openpyxl.styles import Font

        cell = self.ws.cell(self.row, 1, text)
        cell.font = Font(bold=True, size=14)
        self.row += 2

    def heading(self, text: str) -> None:
        from openpyxl.styles import Font

        self.ws.cell(self.row, 1, text).font = Font(bold=True, size=12)
        self.row += 1

    def line(self, *values: Any) -> None:
        """One row of label and values; long text overflows to the right instead of widening."""
        for col, value in enumerate(values, start=1):
            self.ws.cell(self.row, col, _safe(value))
            if len(str(value)) <= 40:
                self._width(col, value)
        self.row += 1

    def gap(self) -> None:
        self.row += 1

    def _width(self, col: int, value: Any) -> None:
        size = len(str(value)) if value is not None else 0
        self.widths[col] = min(max(self.widths.get(col, 8), size + 2), 70)

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[Any]],
        formats: dict[int, str] | None = None,
    ) -> tuple[int, int]:
        """Write a table; return its first and last data row (header is the row above)."""
        from openpyxl.styles import Alignment, Font, PatternFill

        head = self.row
        for col, text in enumerate(headers, start=1):
            cell = self.ws.cell(head, col, text)
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor=_HEAD_FILL)
            self._width(col, text)
        for r, values in enumerate(rows, start=head + 1):
            for col, value in enumerate(values, start=1):
                cell = self.ws.cell(r, col, _safe(value))
                if isinstance(value, str) and "\n" in value:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                if formats and col in formats and isinstance(cell.value, float):
                    cell.number_format = formats[col]
                self._width(col, value if not isinstance(value, float) else "0.00")
        self.row = head + len(rows) + 2
        return head + 1, head + len(rows)

    def bar_chart(
        self,
        title: str,
        categories: tuple[int, int, int],
        series: Sequence[tuple[int, str]],
        first: int,
        last: int,
        anchor: str,
        y_title: str,
        y_range: tuple[float, float] | None = None,
        horizontal: bool = False,
    ) -> None:
        from openpyxl.chart import BarChart, Reference

        if last < first:
            return
        chart = BarChart()
        chart.type = "bar" if horizontal else "col"
        chart.title = title
        chart.y_axis.title = y_title
        chart.height = max(7.5, 1.1 * (last - first + 1) + 3) if horizontal else 8
        chart.width = 18
        if y_range:
            chart.y_axis.scaling.min, chart.y_axis.scaling.max = y_range
        col, _, _ = categories
        for data_col, _name in series:
            ref = Reference(self.ws, min_col=data_col, min_row=first - 1, max_row=last)
            chart.add_data(ref, titles_from_data=True)
        chart.set_categories(Reference(self.ws, min_col=col, min_row=first, max_row=last))
        if len(series) == 1:
            chart.legend = None
        chart.y_axis.delete = False
        chart.x_axis.delete = False
        self.ws.add_chart(chart, anchor)

    def finish(self) -> None:
        from openpyxl.utils import get_column_letter

        for col, width in self.widths.items():
            self.ws.column_dimensions[get_column_letter(col)].width = width
        # printing: landscape, as wide as one page
        self.ws.page_setup.orientation = "landscape"
        self.ws.page_setup.paperSize = self.ws.PAPERSIZE_A4
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        self.ws.page_setup.fitToWidth = 1
        self.ws.page_setup.fitToHeight = 0


def _num(value: float | None, digits: int = 2) -> float | None:
    return None if value is None or value != value else round(float(value), digits)


def summary_rows(e: Evaluation) -> list[list[Any]]:
    """The key figures as rows: level, measure, value, remark."""
    rows: list[list[Any]] = []
    r = e.reaction
    if r:
        rows += [
            ["Level 1 Reaksi", "Jumlah responden", r.n, ""],
            ["Level 1 Reaksi", "Rata-rata keseluruhan (skala 1-5)", _num(r.overall), ""],
            [
                "Level 1 Reaksi",
                "NPS (-100 sampai 100)",
                _num(r.nps, 1),
                f"{r.nps_counts['promotor']} promotor, {r.nps_counts['pasif']} pasif, "
                f"{r.nps_counts['pengkritik']} pengkritik",
            ],
        ]
    learn = e.learning
    if learn:
        g = _num(learn.g) if learn.g is not None else "tidak dapat dihitung"
        rows += [
            [
                "Level 2 Pembelajaran",
                "Peserta dengan tes sebelum dan sesudah",
                learn.n,
                f"{len(learn.only_pre)} hanya sebelum, {len(learn.only_post)} hanya sesudah",
            ],
            ["Level 2 Pembelajaran", "Rata-rata benar sebelum (%)", _num(learn.pre_mean, 1), ""],
            ["Level 2 Pembelajaran", "Rata-rata benar sesudah (%)", _num(learn.post_mean, 1), ""],
            ["Level 2 Pembelajaran", "Kenaikan (poin persen)", _num(learn.gain, 1), ""],
            [
                "Level 2 Pembelajaran",
                "Gain dinormalkan <g>",
                g,
                "(sesudah - sebelum) / (100 - sebelum)",
            ],
            [
                "Level 2 Pembelajaran",
                "Peserta yang nilainya naik (%)",
                _num(learn.improved_share, 1),
                f"{learn.improved} dari {learn.n} peserta",
            ],
        ]
    b = e.behaviour
    if b:
        if b.n:
            dims = b.dimensions.dropna(subset=["perubahan"])
            if not dims.empty:
                top = dims["perubahan"].idxmax()
                low = dims["perubahan"].idxmin()
                rows += [
                    [
                        "Level 3 Perilaku",
                        "Peserta dengan asesmen sebelum dan tindak lanjut",
                        b.n,
                        "",
                    ],
                    [
                        "Level 3 Perilaku",
                        "Kenaikan terbesar",
                        _num(dims.loc[top, "perubahan"]),
                        str(dims.loc[top, "nama"]),
                    ],
                    [
                        "Level 3 Perilaku",
                        "Kenaikan terkecil",
                        _num(dims.loc[low, "perubahan"]),
                        str(dims.loc[low, "nama"]),
                    ],
                ]
        if b.gap is not None and b.gap["selisih"].notna().any():
            widest = b.gap["selisih"].abs().idxmax()
            rows.append(
                [
                    "Level 3 Perilaku",
                    "Selisih diri - pegawai terbesar",
                    _num(b.gap.loc[widest, "selisih"]),
                    str(b.gap.loc[widest, "nama"]),
                ]
            )
    rows.append(
        [
            "Level 4 Hasil",
            "Tidak dihitung oleh alat ini",
            None,
            "Bandingkan capaian SKP atau indikator unit sebelum dan sesudah pelatihan.",
        ]
    )
    return rows


def _write_summary(book: Any, e: Evaluation) -> None:
    s = _Sheet(book, "Ringkasan")
    s.title(_TITLE)
    s.line("Dibuat", e.created)
    if e.group_column:
        s.line("Kolom kelompok", e.group_column)
    s.gap()
    s.heading("Berkas yang dipakai")
    s.table(
        ["Peran", "Berkas", "Baris jawaban", "Alat"],
        [[ROLES[x.role], x.name, x.rows, x.tool or ""] for x in e.sources],
    )
    s.heading("Angka utama")
    s.table(["Level", "Ukuran", "Nilai", "Keterangan"], summary_rows(e), {3: "0.00"})
    warnings = e.all_warnings()
    if warnings:
        s.line(f"Ada {len(warnings)} peringatan; bacalah lembar Peringatan.")
        s.gap()
    s.heading("Cara membaca")
    for name, text in FORMULAS:
        s.line(name, text)
    s.finish()


def _write_reaction(book: Any, r: ev.Reaction) -> None:
    s = _Sheet(book, "Reaksi")
    s.title("Level 1 Reaksi")
    s.line("Jumlah responden", r.n)
    s.line("Rata-rata keseluruhan", _num(r.overall))
    s.line("NPS", _num(r.nps, 1))
    s.gap()
    s.heading("Rata-rata per butir (1 = sangat tidak setuju, 5 = sangat setuju)")
    points = [c for c in r.items.columns if c.isdigit()]
    rows = [
        [item, row["teks"], int(row["n"]), _num(row["rata_rata"]), *[int(row[p]) for p in points]]
        for item, row in r.items.to_dict(orient="index").items()
    ]
    first, last = s.table(
        ["Butir", "Pernyataan", "n", "Rata-rata", *[f"Jawaban {p}" for p in points]],
        rows,
        {4: "0.00"},
    )
    s.bar_chart(
        "Rata-rata per butir",
        (1, first, last),
        [(4, "Rata-rata")],
        first,
        last,
        f"{_col(len(points) + 6)}3",
        "Rata-rata (1-5)",
        (1, 5),
    )
    s.heading(f"Rekomendasi (butir {r.nps_item or '-'}, 0-10)")
    s.line("Promotor (9-10)", r.nps_counts["promotor"])
    s.line("Pasif (7-8)", r.nps_counts["pasif"])
    s.line("Pengkritik (0-6)", r.nps_counts["pengkritik"])
    s.line("NPS", _num(r.nps, 1))
    s.gap()
    first, last = s.table(
        ["Nilai", "Jumlah jawaban"], [[int(k), int(v)] for k, v in r.nps_distribution.items()]
    )
    s.bar_chart(
        "Sebaran jawaban rekomendasi",
        (1, first, last),
        [(2, "Jumlah")],
        first,
        last,
        f"{_col(len(points) + 6)}22",
        "Jumlah jawaban",
    )
    for item, texts in r.comments.items():
        s.heading(f"Komentar ({item})")
        if texts:
            s.table(["Komentar"], [[t] for t in texts])
        else:
            s.line("(tidak ada)")
            s.gap()
    s.finish()


def _write_learning(book: Any, learn: ev.Learning) -> None:
    s = _Sheet(book, "Pembelajaran")
    s.title("Level 2 Pembelajaran")
    g = _num(learn.g) if learn.g is not None else "tidak dapat dihitung"
    for label, value in [
        ("Jumlah soal", learn.questions),
        ("Peserta tes sebelum", learn.n_pre),
        ("Peserta tes sesudah", learn.n_post),
        ("Peserta dengan kedua tes", learn.n),
        ("Rata-rata benar sebelum (%)", _num(learn.pre_mean, 1)),
        ("Rata-rata benar sesudah (%)", _num(learn.post_mean, 1)),
        ("Kenaikan (poin persen)", _num(learn.gain, 1)),
        ("Gain dinormalkan <g>", g),
        ("Peserta yang nilainya naik (%)", _num(learn.improved_share, 1)),
    ]:
        s.line(label, value)
    s.gap()
    s.heading("Per peserta (hanya yang mengikuti kedua tes)")
    parts = learn.participants
    rows = [
        [
            code,
            _num(row["sebelum"], 1),
            _num(row["sesudah"], 1),
            _num(row["selisih"], 1),
            bool(row["naik"]),
        ]
        for code, row in parts.to_dict(orient="index").items()
    ]
    first, last = s.table(
        ["Kode peserta", "Sebelum (%)", "Sesudah (%)", "Selisih (poin)", "Naik"],
        rows,
        {2: "0.0", 3: "0.0", 4: "0.0"},
    )
    s.bar_chart(
        "Persen benar sebelum dan sesudah",
        (1, first, last),
        [(2, "Sebelum"), (3, "Sesudah")],
        first,
        last,
        "H3",
        "Persen benar",
        (0, 100),
    )
    if learn.only_pre or learn.only_post:
        s.heading("Tidak dibandingkan (hanya satu tes)")
        s.table(
            ["Kode peserta", "Tes yang ada"],
            [[c, "sebelum"] for c in learn.only_pre] + [[c, "sesudah"] for c in learn.only_post],
        )
    s.heading("Per soal: persen peserta yang menjawab benar")
    rows = [
        [item, row["teks"], _num(row["benar_sebelum"], 1), _num(row["benar_sesudah"], 1)]
        for item, row in learn.items.to_dict(orient="index").items()
    ]
    first, last = s.table(
        ["Soal", "Pertanyaan", "Sebelum (%)", "Sesudah (%)"], rows, {3: "0.0", 4: "0.0"}
    )
    s.bar_chart(
        "Persen benar per soal",
        (1, first, last),
        [(3, "Sebelum"), (4, "Sesudah")],
        first,
        last,
        f"H{first}",
        "Persen benar",
        (0, 100),
    )
    s.finish()


def _dimension_block(
    s: _Sheet,
    frame: pd.DataFrame,
    columns: tuple[str, str, str],
    headers: list[str],
    chart: str,
    anchor_row: int,
) -> int:
    """A table of one row per dimension (n and three scores) with a paired bar chart."""
    table = frame[["nama", "n", *columns]].copy()
    table[list(columns)] = table[list(columns)].astype("float64").round(2)
    rows = [
        [dim, *values] for dim, values in zip(table.index, table.to_numpy().tolist(), strict=True)
    ]
    first, last = s.table(["Dimensi", *headers], rows, {4: "0.00", 5: "0.00", 6: "0.00"})
    s.bar_chart(chart, (2, first, last), [(4, headers[2]), (5, headers[3])], first, last,
                f"I{max(anchor_row, first)}", "Skor (1-5)", (1, 5), horizontal=True)  # fmt: skip
    return last + 14


def _write_behaviour(book: Any, b: ev.Behaviour) -> None:
    s = _Sheet(book, "Perilaku")
    s.title("Level 3 Perilaku")
    s.line("Asesmen diri sebelum", b.n_before)
    s.line("Asesmen diri tindak lanjut", b.n_after)
    s.line("Peserta dengan keduanya", b.n)
    s.gap()
    anchor_row = 3
    if b.n:
        s.heading("Perubahan per dimensi (skala 1-5)")
        anchor_row = _dimension_block(
            s, b.dimensions, ("sebelum", "sesudah", "perubahan"),
            ["Nama", "n", "Sebelum", "Sesudah", "Perubahan"],
            "Skor dimensi sebelum dan sesudah", anchor_row,
        )  # fmt: skip
    if b.gap is not None:
        phase = "tindak lanjut" if b.self_phase == "sesudah" else "sebelum"
        s.heading(f"Selisih asesmen diri ({phase}) dengan penilaian pegawai")
        _dimension_block(
            s, b.gap, ("diri", "pegawai", "selisih"),
            ["Nama", "Jumlah atasan", "Diri", "Pegawai", "Selisih"],
            "Asesmen diri dan penilaian pegawai", anchor_row,
        )  # fmt: skip
    if b.n:
        s.heading("Per peserta dan dimensi")
        s.table(
            ["Kode peserta", "Dimensi", "Sebelum", "Sesudah", "Perubahan"],
            b.participants[["kode", "dimensi", "sebelum", "sesudah", "perubahan"]]
            .astype(object)
            .values.tolist(),
            {3: "0.00", 4: "0.00", 5: "0.00"},
        )
    if b.only_before or b.only_after:
        s.heading("Tidak dibandingkan (hanya satu asesmen)")
        s.table(
            ["Kode peserta", "Asesmen yang ada"],
            [[c, "sebelum"] for c in b.only_before] + [[c, "tindak lanjut"] for c in b.only_after],
        )
    s.finish()


_GROUP_HEADERS = {
    "n": "Jumlah orang",
    "rata_rata_keseluruhan": "Rata-rata reaksi",
    "nps": "NPS",
    "rata_rata_sebelum": "Sebelum (%)",
    "rata_rata_sesudah": "Sesudah (%)",
    "kenaikan_poin_persen": "Kenaikan (poin)",
    "gain_dinormalkan": "<g>",
    "persen_naik": "Naik (%)",
}


def _write_groups(book: Any, e: Evaluation) -> None:
    tables = [
        (label, level.groups)
        for label, level in (
            ("Level 1 Reaksi", e.reaction),
            ("Level 2 Pembelajaran", e.learning),
            ("Level 3 Perilaku (perubahan per dimensi)", e.behaviour),
        )
        if level is not None and level.groups is not None
    ]
    if not tables:
        return
    s = _Sheet(book, "Kelompok")
    s.title(f"Per kelompok ({e.group_column})")
    s.line(
        f"Kelompok dengan kurang dari {ev.MIN_GROUP} orang tidak ditampilkan. Bila hanya sedikit "
        "orang yang disembunyikan, kelompok terkecil berikutnya ikut disembunyikan agar angkanya "
        "tidak dapat dihitung dari total."
    )
    s.gap()
    for label, groups in tables:
        s.heading(label)
        columns = [c for c in groups.table.columns]
        rows = []
        for name in groups.table.index:
            if name in groups.suppressed:
                rows.append([name, f"disembunyikan (kurang dari {ev.MIN_GROUP} orang)"])
            else:
                values = groups.table.loc[name]
                rows.append(
                    [name, *[_num(values[c]) if c != "n" else int(values[c]) for c in columns]]
                )
        headers = [
            "Kelompok",
            *[_GROUP_HEADERS.get(c, c.replace("perubahan_", "")) for c in columns],
        ]
        s.table(headers, rows, {i: "0.00" for i in range(3, len(headers) + 1)})
    s.finish()


def _write_warnings(book: Any, e: Evaluation) -> None:
    s = _Sheet(book, "Peringatan")
    s.title("Peringatan dan catatan")
    warnings = e.all_warnings()
    if not warnings:
        s.line("Tidak ada peringatan.")
    else:
        s.table(["No.", "Peringatan"], [[n, w] for n, w in enumerate(warnings, start=1)])
    s.finish()


def _col(number: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(number)


def xlsx_bytes(evaluation: Evaluation) -> bytes:
    """The readable report as the bytes of an XLSX workbook."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    book.properties.title = _TITLE
    book.properties.creator = "selfassess"
    writers: list[tuple[Any, Callable[[Any, Any], None]]] = [
        (evaluation.reaction, _write_reaction),
        (evaluation.learning, _write_learning),
        (evaluation.behaviour, _write_behaviour),
    ]
    _write_summary(book, evaluation)
    for level, writer in writers:
        if level is not None:
            writer(book, level)
    _write_groups(book, evaluation)
    _write_warnings(book, evaluation)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
