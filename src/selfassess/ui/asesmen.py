"""Forms of ``01-asesmen-diri`` (self-assessment + obstacles check) and ``05-umpan-balik-pegawai``.

* :class:`InstrumentForm` — one instrument: items grouped by dimension, progress, **Hitung**
  (names unanswered items, else scores, chart, bands, focus and guide links) and **Simpan**.
* :class:`AsesmenDiri` — the participant's code and details once, the self-assessment and the
  obstacles check in two tabs, and **Unduh laporan** for a printable HTML report of both.
* :func:`umpan_balik_pegawai` — the coachee's form about their supervisor (anonymous: only the
  supervisor's code is stored).
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from ..errors import UserError
from ..guide import page_url
from ..instrument import Instrument, Item, load, number
from ..report import (
    MIN_COACHEES,
    TABLE_CSS,
    PersonalReport,
    Section,
    chart_html,
    comparison_table,
    focus_html,
    link,
    personal_html,
    report_filename,
    scores_table,
)
from ..scoring import Scored, compare, prepare, score, score_answers, unanswered
from ..store import CODE_COLUMN, Store, answers_frame, normalise_code
from .common import guarded, show, status_area

SELF_ID, STAFF_ID, OBSTACLES_ID = (
    "kompetensi-coaching",
    "kompetensi-coaching-pegawai",
    "cek-kendala",
)

PHASE_OPTIONS = [
    ("Bukan bagian pelatihan", ""),  # "" because a Dropdown shows None as an empty choice
    ("Sebelum pelatihan", "sebelum"),
    ("Sesudah pelatihan (tindak lanjut)", "sesudah"),
]

#: Styles for the forms: full item texts above their answers, answers side by side.
STYLE = (
    """<style>
.sa-butir{flex-direction:column;align-items:flex-start;width:100%;margin:.35rem 0 .6rem 0}
.sa-butir>.widget-label{white-space:normal;width:auto!important;max-width:100%;
  overflow:visible;line-height:1.4;margin-bottom:.15rem}
.sa-butir .widget-radio-box{flex-direction:row;flex-wrap:wrap;gap:.2rem 1rem}
.sa-butir .widget-radio-box label{width:auto}
.sa-belum>.widget-label{color:#b00020;font-weight:bold}
.sa-dimensi{margin-top:1rem}
.sa-hasil a,.sa-intro a{color:#1a237e;text-decoration:underline}
.sa-hasil .sa-grafik{max-width:100%;height:auto}
"""
    + TABLE_CSS
    + "</style>"
)


def guide_link(page: str, label: str) -> str:
    """A link to a guide page that opens in a new tab (the form stays as it is)."""
    return link(page_url(page), label)


def _item_widget(number_: int, item: Item) -> w.Widget:
    label = f"{number_}. {item.text.plain}"
    if item.type == "teks":
        widget = w.Textarea(
            description=label, placeholder="(boleh dikosongkan)", layout=w.Layout(width="100%")
        )
    else:
        if item.type == "skala":
            options = [(item.scale.label(p), p) for p in item.scale.points]  # type: ignore[union-attr]
        else:
            options = [(f"{o.id}. {o.text.plain}", o.id) for o in item.options]
        widget = w.RadioButtons(
            options=options, index=None, description=label, layout=w.Layout(width="100%")
        )
    widget.style.description_width = "initial"
    widget.add_class("sa-butir")
    return widget


class InstrumentForm(w.VBox):
    """One instrument as a form: items by dimension, progress, Hitung and Simpan."""

    def __init__(
        self,
        instrument: str | Instrument = SELF_ID,
        *,
        code: w.Text | None = None,
        phase: w.Dropdown | None = None,
        group: w.Text | None = None,
        role: str = "diri",
        store: Store | None = None,
    ) -> None:
        self.instrument = instrument if isinstance(instrument, Instrument) else load(instrument)
        self.role = role
        self.store_path = store.path if store is not None else None
        self.own_code = code is None
        self.code = code or w.Text(
            description="Kode atasan" if role == "pegawai" else "Kode peserta",
            placeholder="misalnya MAWAR-12",
            style={"description_width": "initial"},
        )
        self.phase = phase
        self.group = group
        self.scored: Scored | None = None
        self.comparison: Section | None = None
        self._coachee_count = 0
        inst = self.instrument
        self.questions: dict[str, w.Widget] = {}
        blocks: list[w.Widget] = []
        counter = 0
        for dim in inst.dimensions:
            blocks.append(w.HTML(f"<h4 class='sa-dimensi'>{html.escape(dim.name.plain)}</h4>"))
            for item in inst.items_of(dim.id):
                counter += 1
                self.questions[item.id] = _item_widget(counter, item)
                blocks.append(self.questions[item.id])
        loose = [i for i in inst.items if i.dimension is None]
        if loose:
            blocks.append(w.HTML("<h4 class='sa-dimensi'>Pertanyaan lain</h4>"))
            for item in loose:
                counter += 1
                self.questions[item.id] = _item_widget(counter, item)
                blocks.append(self.questions[item.id])
        self.required = [i.id for i in inst.items if i.required]
        self.progress = w.IntProgress(
            value=0, min=0, max=len(self.required), description="Terjawab",
            style={"description_width": "initial"},
        )  # fmt: skip
        self.progress_label = w.HTML()
        for item_id in self.questions:
            self.questions[item_id].observe(self._on_answer, names="value")
        self.hitung = w.Button(description="Hitung", button_style="primary", icon="calculator")
        self.simpan = w.Button(description="Simpan", button_style="success", icon="save")
        self.status = status_area()
        self.results = w.HTML()
        self.hitung.on_click(guarded(self.status)(self._compute))
        self.simpan.on_click(guarded(self.status)(self._save))
        intro = w.HTML(
            f"<h3>{html.escape(inst.title.plain)}</h3><p>{html.escape(inst.instructions.id)}</p>"
        ).add_class("sa-intro")
        if self.own_code and inst.page:
            intro.value += f"<p>Penjelasan: {guide_link(inst.page, 'panduan alat ini')}.</p>"
        head: list[w.Widget] = [w.HTML(STYLE), intro]
        if self.own_code:
            head.append(self.code)
        self._update_progress()
        super().__init__(
            [
                *head,
                *blocks,
                w.HBox([self.progress, self.progress_label]),
                w.HBox([self.hitung, self.simpan]),
                self.status,
                self.results,
            ]
        )

    # ── state ──
    def answers(self) -> dict[str, Any]:
        """The current answers as ``{item_id: value}`` (None when unanswered)."""
        out: dict[str, Any] = {}
        for item_id, widget in self.questions.items():
            value = widget.value
            if isinstance(value, str):
                value = value.strip() or None
            out[item_id] = value
        return out

    def answered(self) -> int:
        """How many required items have an answer."""
        answers = self.answers()
        return sum(answers[i] is not None for i in self.required)

    def _on_answer(self, change: dict[str, Any]) -> None:
        owner = change.get("owner")
        if owner is not None and change.get("new") is not None:
            owner.remove_class("sa-belum")
        self._update_progress()

    def _update_progress(self) -> None:
        done = self.answered()
        self.progress.value = done
        self.progress_label.value = (
            f'<span role="status">{done} dari {len(self.required)} butir terjawab</span>'
        )

    # ── actions ──
    def _check(self) -> tuple[str, dict[str, Any]]:
        field = self.code.description
        code = normalise_code(self.code.value, field=field)
        answers = self.answers()
        missing = unanswered(self.instrument, answers)
        for item_id, widget in self.questions.items():
            if any(m.id == item_id for m in missing):
                widget.add_class("sa-belum")
        if missing:
            numbers = {item_id: n for n, item_id in enumerate(self.questions, start=1)}
            listed = "; ".join(f"nomor {numbers[m.id]} ({m.text.plain})" for m in missing[:5])
            more = f"; dan {len(missing) - 5} butir lain" if len(missing) > 5 else ""
            raise UserError(
                f"{len(missing)} butir belum dijawab: {listed}{more}.",
                field="jawaban",
                hint="Butir yang belum dijawab ditandai merah. Jawablah semuanya, lalu tekan "
                "Hitung lagi.",
            )
        return code, answers

    def compute(self) -> Scored:
        """Check the answers, score them and show the results (raises UserError)."""
        code, answers = self._check()
        scored = score_answers(self.instrument, code, answers)
        self.scored = scored
        self.comparison = self._comparison(code, scored)
        self.results.value = self.results_html()
        return scored

    def _compute(self, _button: w.Button | None = None) -> None:
        self.compute()
        show(self.status, "Skor dihitung. Lihat hasilnya di bawah.", "ok")

    def _save(self, _button: w.Button | None = None) -> None:
        code, answers = self._check()
        payload: dict[str, Any] = {
            "jawaban": answers,
            "fase": (self.phase.value or None) if self.phase is not None else None,
            "peran": self.role,
        }
        if self.group is not None and self.group.value.strip():
            payload["kelompok"] = self.group.value.strip()
        saved = self._store().append("jawaban", code, payload, instrument=self.instrument.id)
        show(
            self.status,
            f"Jawaban tersimpan (kiriman nomor {saved.id}, kode {saved.participant}). Bila Anda "
            "menyimpan lagi, kiriman lama tetap ada dan yang dipakai adalah yang terakhir.",
            "ok",
        )

    def _store(self) -> Store:
        return Store(self.store_path)

    def _comparison(self, code: str, scored: Scored) -> Section | None:
        """Coachees' view of the same supervisor, once enough coachees have answered."""
        if self.instrument.id != SELF_ID:
            return None
        subs = self._store().submissions(kind="jawaban", instrument=STAFF_ID, participant=code)
        self._coachee_count = len(subs)
        if len(subs) < MIN_COACHEES:
            return None
        staff = load(STAFF_ID)
        frame = answers_frame(subs)
        frame.index = range(1, len(frame) + 1)
        items = [i.id for i in staff.items if i.id in frame]
        theirs = score(prepare(staff, frame[[CODE_COLUMN, "id_kiriman", *items]], source=None))
        return Section(scored, compare(scored, theirs), len(subs))

    def results_html(self) -> str:
        """Scores, chart, bands and focus of the last computation."""
        if self.scored is None:
            return ""
        comparison = self.comparison.comparison if self.comparison else None
        parts = [
            chart_html(self.instrument, self.scored, comparison),
            scores_table(self.scored),
        ]
        if self.role != "pegawai":
            parts.append(focus_html(self.scored))
        if self.instrument.id == SELF_ID:
            if self.comparison is not None:
                parts += [
                    "<h3>Perbandingan dengan penilaian pegawai</h3>",
                    f"<p>Rata-rata dari {self.comparison.coachees} pegawai.</p>",
                    comparison_table(self.comparison.comparison),  # type: ignore[arg-type]
                ]
            else:
                count = self._coachee_count
                parts.append(
                    f"<p>Penilaian dari pegawai: {count} tersimpan untuk kode ini. Perbandingan "
                    f"tampil setelah paling sedikit {MIN_COACHEES} pegawai mengisi formulir umpan "
                    "balik, agar jawaban mereka tetap anonim.</p>"
                )
        return '<div class="sa-hasil">' + "\n".join(parts) + "</div>"

    def section(self) -> Section | None:
        """This form's part of a report (after Hitung)."""
        if self.scored is None:
            return None
        if self.comparison is not None:
            return self.comparison
        return Section(self.scored)


class AsesmenDiri(w.VBox):
    """The self-assessment and the obstacles check with one code and one report."""

    def __init__(self, store: Store | None = None) -> None:
        self.code = w.Text(
            description="Kode peserta",
            placeholder="misalnya MAWAR-12",
            style={"description_width": "initial"},
        )
        self.phase = w.Dropdown(
            options=PHASE_OPTIONS, value="", description="Fase",
            style={"description_width": "initial"},
        )  # fmt: skip
        self.group = w.Text(
            description="Unit kerja (boleh dikosongkan)",
            style={"description_width": "initial"},
            layout=w.Layout(width="32rem"),
        )
        self.note = w.Textarea(
            description="Catatan untuk laporan (boleh dikosongkan)",
            placeholder="misalnya: dua hal yang ingin saya latih bulan ini",
            style={"description_width": "initial"},
            layout=w.Layout(width="100%"),
        )
        shared = {"code": self.code, "phase": self.phase, "group": self.group, "store": store}
        self.self_form = InstrumentForm(SELF_ID, **shared)  # type: ignore[arg-type]
        self.obstacles_form = InstrumentForm(OBSTACLES_ID, **shared)  # type: ignore[arg-type]
        self.tabs = w.Tab(children=[self.self_form, self.obstacles_form])
        self.tabs.set_title(0, "1. Asesmen diri")
        self.tabs.set_title(1, "2. Cek kendala")
        self.unduh = w.Button(description="Unduh laporan", icon="download")
        self.status = status_area()
        self.download = w.HTML()
        self.unduh.on_click(guarded(self.status)(self._report))
        super().__init__(
            [
                w.HTML(STYLE),
                w.HTML(
                    '<p class="sa-intro">Isi kode peserta Anda sekali di sini. Kode yang sama '
                    "dipakai untuk kedua bagian dan untuk laporan. Cara membaca hasilnya ada di "
                    f"{guide_link('alat/asesmen-diri.md', 'panduan alat asesmen diri')}.</p>"
                ),
                self.code,
                self.phase,
                self.group,
                self.tabs,
                w.HTML("<h3>Laporan pribadi</h3>"),
                self.note,
                self.unduh,
                self.status,
                self.download,
            ]
        )

    def report(self) -> tuple[str, str]:
        """The report's file name and HTML for what has been computed (raises UserError)."""
        sections = []
        for form in (self.self_form, self.obstacles_form):
            if form.scored is None and form.answered() == len(form.required):
                form.compute()
            section = form.section()
            if section is not None:
                sections.append(section)
        if not sections:
            raise UserError(
                "belum ada hasil untuk dilaporkan.",
                field="jawaban",
                hint="Jawab semua butir asesmen diri atau cek kendala, lalu tekan Hitung.",
            )
        code = normalise_code(self.code.value)
        report = PersonalReport(
            code=code,
            sections=sections,
            phase=self.phase.value or None,
            group=self.group.value.strip() or None,
            note=self.note.value.strip() or None,
        )
        return report_filename(code), personal_html(report)

    def _report(self, _button: w.Button | None = None) -> None:
        from ..unduhan import download_dir, free_path, link_html, write_new

        name, text = self.report()
        data = text.encode("utf-8")
        folder = download_dir()
        stem = name.removesuffix(".html")
        path = write_new(free_path(folder, stem, ".html"), data)
        self.download.value = link_html(path.name, data, f"Unduh {path.name}")
        show(
            self.status,
            f"Laporan dibuat dan disimpan juga di {path}. Tekan tautan di bawah untuk "
            "mengunduhnya, lalu buka dengan peramban; cetak dengan Ctrl+P.",
            "ok",
        )


def asesmen_diri(store: Store | None = None) -> AsesmenDiri:
    """Build the self-assessment + obstacles check form of ``01-asesmen-diri``."""
    return AsesmenDiri(store)


def umpan_balik_pegawai(store: Store | None = None) -> InstrumentForm:
    """Build the coachee's form of ``05-umpan-balik-pegawai``."""
    return InstrumentForm(STAFF_ID, role="pegawai", store=store)


def ringkasan(instrument_id: str) -> str:
    """A short text summary: dimensions with their number of items (for notebooks)."""
    inst = load(instrument_id)
    lines = [f"{inst.title.plain}: {len(inst.items)} butir"]
    for dim in inst.dimensions:
        lines.append(f"- {dim.name.plain}: {len(inst.items_of(dim.id))} butir")
    if inst.scale is not None:
        lines.append(
            f"Skala {inst.scale.min}-{inst.scale.max}; skor dimensi kosong bila kurang dari "
            f"{number(inst.min_share * 100)}% butirnya dijawab."
        )
    return "\n".join(lines)
