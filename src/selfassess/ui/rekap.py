"""The trainer's cohort recap: load answers (store, uploaded files or paths), see every figure.

A thin shell over :mod:`selfassess.cohort` (gathering and computing), :mod:`selfassess.
evaluation_charts` (pictures) and :mod:`selfassess.evaluation_report` (the XLSX). The report is
offered as a download link built in the browser page (``<a download href="data:…">``), so it
works in Voilà without writing any file on the server.
"""

from __future__ import annotations

import base64
import html
import tempfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import ipywidgets as w

from .. import evaluation_charts as charts
from ..cohort import ROLES, Evaluation, from_files, from_store
from ..errors import UserError
from ..evaluation import MIN_GROUP, GroupTable
from ..evaluation_report import summary_rows, xlsx_bytes
from ..guide import page_url
from ..store import Store
from ..unduhan import link_html
from .common import guarded, show, status_area

PAGE = "alat/rekap-pelatih.md"
FROM_STORE, FROM_FILES = "Penyimpanan", "Berkas"
_WIDE = {"description_width": "initial"}
_LABELS = {
    "reaction": "Survei reaksi",
    "pre": "Tes sebelum",
    "post": "Tes sesudah",
    "before": "Asesmen diri sebelum",
    "after": "Asesmen diri tindak lanjut",
    "coachee": "Penilaian pegawai",
}


def _fmt(value: Any, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}".replace(".", ",")
    return html.escape(str(value))


def _table(headers: Sequence[str], rows: Any, caption: str = "") -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_fmt(v)}</td>" for v in r) + "</tr>" for r in rows)
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return (
        f'<table class="sa-tabel">{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    )


def _image(png: bytes | None, alt: str) -> str:
    if png is None:
        return ""
    data = base64.b64encode(png).decode("ascii")
    return f'<p><img src="data:image/png;base64,{data}" alt="{html.escape(alt)}"></p>'


def _groups(groups: GroupTable | None, title: str) -> str:
    if groups is None:
        return ""
    rows = []
    for name in groups.table.index:
        if name in groups.suppressed:
            rows.append([name, f"disembunyikan (kurang dari {MIN_GROUP} orang)"])
        else:
            rows.append([name, *groups.table.loc[name].tolist()])
    headers = ["Kelompok", *[str(c).replace("_", " ") for c in groups.table.columns]]
    return f"<h4>{html.escape(title)}</h4>" + _table(headers, rows)


def render(result: Evaluation) -> str:
    """The whole recap as HTML: key figures, charts, tables, group breakdowns."""
    parts = [
        "<h3>Angka utama</h3>",
        _table(["Level", "Ukuran", "Nilai", "Keterangan"], summary_rows(result)),
    ]
    r = result.reaction
    if r:
        parts += [
            "<h3>Level 1 Reaksi</h3>",
            _image(charts.reaction_items(r), "Grafik rata-rata reaksi per butir"),
            _image(charts.reaction_distribution(r), "Grafik sebaran jawaban rekomendasi"),
        ]
        for item, texts in r.comments.items():
            if texts:
                listed = "".join(f"<li>{html.escape(t)}</li>" for t in texts)
                parts.append(f"<h4>Komentar ({item})</h4><ul>{listed}</ul>")
        parts.append(_groups(r.groups, "Reaksi per kelompok"))
    learn = result.learning
    if learn:
        rows = [
            [code, row["sebelum"], row["sesudah"], row["selisih"], "ya" if row["naik"] else "tidak"]
            for code, row in learn.participants.to_dict(orient="index").items()
        ]
        parts += [
            "<h3>Level 2 Pembelajaran</h3>",
            _image(charts.learning_participants(learn), "Grafik persen benar sebelum dan sesudah"),
            _table(["Kode peserta", "Sebelum (%)", "Sesudah (%)", "Selisih (poin)", "Naik"], rows),
            _image(charts.learning_questions(learn), "Grafik persen benar per soal"),
        ]
        if learn.only_pre or learn.only_post:
            parts.append(
                "<p>Tidak dibandingkan: hanya tes sebelum "
                f"{html.escape(', '.join(learn.only_pre) or '–')}; hanya tes sesudah "
                f"{html.escape(', '.join(learn.only_post) or '–')}.</p>"
            )
        parts.append(_groups(learn.groups, "Pembelajaran per kelompok"))
    b = result.behaviour
    if b:
        parts.append("<h3>Level 3 Perilaku</h3>")
        if b.n:
            rows = b.dimensions[["nama", "n", "sebelum", "sesudah", "perubahan"]].to_numpy()
            parts += [
                _image(charts.behaviour_dimensions(b), "Grafik skor dimensi sebelum dan sesudah"),
                _table(["Dimensi", "n", "Sebelum", "Tindak lanjut", "Perubahan"], rows),
            ]
        if b.gap is not None:
            rows = b.gap[["nama", "n", "diri", "pegawai", "selisih"]].to_numpy()
            parts += [
                _image(charts.behaviour_gap(b), "Grafik asesmen diri dan penilaian pegawai"),
                _table(["Dimensi", "Jumlah atasan", "Diri", "Pegawai", "Selisih"], rows),
            ]
        parts.append(_groups(b.groups, "Perubahan perilaku per kelompok"))
    return "\n".join(p for p in parts if p)


def warnings_html(result: Evaluation) -> str:
    """The warnings as an HTML list (escaped)."""
    warnings = result.all_warnings()
    if not warnings:
        return "<p>Tidak ada peringatan.</p>"
    items = "".join(f"<li>{html.escape(x)}</li>" for x in warnings)
    return f'<h3>Peringatan ({len(warnings)})</h3><ul class="sa-peringatan">{items}</ul>'


class RekapPelatih(w.VBox):
    """Choose the answers, compute the recap, read it, download the XLSX report."""

    def __init__(self, store: Store | None = None, today: Callable[[], date] = date.today) -> None:
        self.store = store
        self.today = today
        self.result: Evaluation | None = None
        self.source = w.ToggleButtons(
            options=[FROM_STORE, FROM_FILES],
            value=FROM_STORE,
            description="Sumber data",
            style=_WIDE,
        )
        self.uploads: dict[str, w.FileUpload] = {}
        self.paths: dict[str, w.Text] = {}
        rows = []
        for role, label in _LABELS.items():
            upload = w.FileUpload(
                accept=".csv,.xlsx,.txt",
                multiple=False,
                description=f"Unggah {label.lower()}",
                layout=w.Layout(width="19em"),
            )
            path = w.Text(
                description=f"Lokasi {label.lower()}",
                placeholder="atau tulis lokasi berkas .csv/.xlsx",
                style=_WIDE,
                layout=w.Layout(width="32em"),
            )
            self.uploads[role], self.paths[role] = upload, path
            rows.append(w.HBox([w.Label(label, layout=w.Layout(width="14em")), upload, path]))
        self.files = w.VBox(rows, layout=w.Layout(display="none"))
        self.group = w.Text(
            description="Kolom kelompok", placeholder="misalnya Unit kerja", style=_WIDE
        )
        self.compute = w.Button(description="Hitung", button_style="primary", icon="calculator")
        self.download = w.Button(description="Unduh laporan", icon="download", disabled=True)
        self.status = status_area()
        self.link = w.HTML()
        self.figures = w.HTML()
        self.warnings = w.HTML()
        self.source.observe(self._switch, names="value")
        self.compute.on_click(guarded(self.status)(self._compute))
        self.download.on_click(guarded(self.status)(self._download))
        intro = w.HTML(
            "<p>Pilih sumber jawaban: <b>Penyimpanan</b> (jawaban yang diisi peserta di notebook "
            "03) atau <b>Berkas</b> ekspor Google Forms, Microsoft Forms, Excel, atau LibreOffice. "
            f'Penjelasan setiap angka: <a href="{html.escape(page_url(PAGE))}" target="_blank">'
            "Rekap pelatih</a> di panduan.</p>"
        )
        super().__init__(
            [
                intro,
                self.source,
                self.files,
                self.group,
                w.HBox([self.compute, self.download]),
                self.status,
                self.link,
                self.warnings,
                self.figures,
            ]
        )

    def _switch(self, change: dict[str, Any]) -> None:
        self.files.layout.display = "flex" if change["new"] == FROM_FILES else "none"

    def _inputs(self, folder: Path) -> dict[str, str | None]:
        chosen: dict[str, str | None] = {}
        for role in _LABELS:
            uploaded = self.uploads[role].value
            typed = self.paths[role].value.strip()
            if uploaded:
                item = uploaded[0]
                name = Path(str(item["name"])).name or f"{role}.csv"
                target = folder / role
                target.mkdir()
                (target / name).write_bytes(bytes(item["content"]))
                chosen[role] = str(target / name)
            elif typed:
                chosen[role] = str(Path(typed).expanduser())
            else:
                chosen[role] = None
        return chosen

    def _compute(self, _button: w.Button | None = None) -> None:
        self.result = None
        self.download.disabled = True
        self.link.value = self.figures.value = self.warnings.value = ""
        group = self.group.value.strip() or None
        if self.source.value == FROM_STORE:
            result = from_store(self.store)
        else:
            with tempfile.TemporaryDirectory(prefix="rekap-") as folder:
                files = self._inputs(Path(folder))
                if not any(files.values()):
                    raise UserError(
                        "belum ada berkas yang diunggah atau ditulis lokasinya.",
                        field="Sumber data",
                        hint="Unggah paling sedikit satu berkas, misalnya survei reaksi.",
                    )
                result = from_files(group=group, **files)
        self.result = result
        self.figures.value = render(result)
        self.warnings.value = warnings_html(result)
        self.download.disabled = False
        used = ", ".join(ROLES[s.role] for s in result.sources)
        show(self.status, f"Rekap selesai dihitung dari: {used}.", "ok")

    def _download(self, _button: w.Button | None = None) -> None:
        if self.result is None:
            raise UserError("rekap belum dihitung.", field="Hitung", hint="Klik Hitung dahulu.")
        name = f"rekap-evaluasi-{self.today():%Y-%m-%d}.xlsx"
        self.link.value = link_html(name, xlsx_bytes(self.result), f"Simpan {name}")
        show(self.status, f"Laporan siap. Klik tautan Simpan {name} untuk mengunduhnya.", "ok")


def rekap_pelatih(store: Store | None = None) -> RekapPelatih:
    """Build the trainer's recap form."""
    return RekapPelatih(store)
