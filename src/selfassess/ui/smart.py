"""Forms of ``02-tujuan-smart``: SMART draft with live feedback, coaching plan, GROW session log.

Thin shells over :mod:`selfassess.smart`, :mod:`selfassess.plan` and
:mod:`selfassess.plan_export`. Every input has an Indonesian ``description`` (its accessible label)
and a stable CSS class, so that browser tests can find it:

* draft: ``sa-smart-tujuan``, ``-indikator``, ``-target``, ``-tenggat``, ``-dukungan``,
  ``-keterkaitan``; feedback rows ``tr.sa-smart-kriteria`` with ``data-kriteria="S"`` and
  ``data-status="lulus|belum|tidak-dapat-dinilai"``; the goal sentence ``.sa-smart-kalimat``;
* plan: ``sa-rencana-<field>``; buttons ``sa-tombol-tambah-tujuan``, ``sa-tombol-simpan-rencana``,
  ``sa-tombol-muat-rencana``, ``sa-tombol-unduh``; download links ``a.sa-unduh-docx`` and
  ``a.sa-unduh-md`` inside ``.sa-unduhan``;
* session: ``sa-sesi-<field>``; buttons ``sa-tombol-tambah-tindakan``, ``sa-tombol-simpan-sesi``;
* status areas: ``sa-status-rencana``, ``sa-status-sesi``, ``sa-status-unduh`` (messages inside
  are ``.sa-msg-ok`` / ``.sa-msg-error``).

A field named by a :class:`~selfassess.errors.UserError` gets the class ``sa-isian-galat``.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import ipywidgets as w

from ..errors import UserError
from ..guide import page_url
from ..plan import (
    FREQUENCIES,
    LABELS,
    METHODS,
    Action,
    Plan,
    latest_plan,
    make_action,
    make_plan,
    make_session,
    save_plan,
    save_session,
    sessions_for,
)
from ..plan_export import export_plan, long_date
from ..smart import DRAFT_FIELDS, Draft, SmartResult, check_draft, goal_statement
from ..store import Store
from ..unduhan import download_dir, link_html
from .common import guarded, show, status_area

STYLE = {"description_width": "17em"}


def _wide() -> w.Layout:
    """A fresh layout for one input (layouts must never be shared: hiding one hides all)."""
    return w.Layout(width="min(100%, 50em)")


def _narrow() -> w.Layout:
    return w.Layout(width="min(100%, 31em)")


def _tall() -> w.Layout:
    return w.Layout(width="min(100%, 50em)", height="5.5em")


ERROR_CLASS = "sa-isian-galat"

#: Placeholders that show how civil servants write each draft field.
DRAFT_PLACEHOLDERS = {
    "goal": "misalnya: Meningkatkan ketepatan waktu jawaban surat masuk",
    "indicator": "misalnya: persentase surat yang dijawab dalam 3 hari kerja",
    "target": "misalnya: dari 60% menjadi 90%",
    "deadline": "misalnya: 31 Desember 2026, 31/12/2026, triwulan III 2026",
    "support": "misalnya: pendampingan Kasubbag 1 jam per minggu; akses aplikasi",
    "link": "misalnya: IKU 2 Biro Umum; rencana hasil kerja SKP 2026",
}

CSS = w.HTML(
    "<style>"
    f".{ERROR_CLASS} input, .{ERROR_CLASS} textarea, .{ERROR_CLASS} select "
    "{outline: 2px solid #b00020; outline-offset: 1px;}"
    ".sa-smart-umpan table {border-collapse: collapse; max-width: 52em;}"
    ".sa-smart-umpan td {padding: 0.25em 0.5em; vertical-align: top;}"
    ".sa-smart-umpan tr.sa-lulus td:first-child {color: #1b5e20;}"
    ".sa-smart-umpan tr.sa-belum td:first-child {color: #b00020;}"
    ".sa-smart-umpan tr.sa-tidak-dapat-dinilai td:first-child {color: #0d47a1;}"
    ".sa-unduhan a {display: inline-block; margin: 0.3em 1em 0.3em 0; font-weight: bold;}"
    "</style>"
)


def _text(description: str, css: str, placeholder: str = "", area: bool = False) -> w.Widget:
    cls = w.Textarea if area else w.Text
    widget = cls(
        description=description,
        placeholder=placeholder,
        continuous_update=True,
        layout=_tall() if area else _wide(),
        style=STYLE,
    )
    widget.add_class(css)
    return widget


def _button(description: str, css: str, style: str = "", icon: str = "") -> w.Button:
    button = w.Button(
        description=description,
        button_style=style,
        icon=icon,
        layout=w.Layout(width="auto"),
        tooltip=description,
    )
    button.add_class(css)
    return button


def _status(css: str) -> w.HTML:
    area = status_area()
    area.add_class(css)
    return area


def _heading(text: str, level: int = 3) -> w.HTML:
    return w.HTML(f"<h{level}>{html.escape(text)}</h{level}>")


class _FieldErrors:
    """Mark the input named by a UserError; clear the marks on the next try."""

    def __init__(self, fields: dict[str, w.Widget]) -> None:
        self.fields = fields

    def run(self, action: Callable[[], Any]) -> Any:
        for widget in self.fields.values():
            widget.remove_class(ERROR_CLASS)
        try:
            return action()
        except UserError as err:
            target = self.fields.get(err.field or "")
            if target is not None:
                target.add_class(ERROR_CLASS)
            raise


# ── the draft ───────────────────────────────────────────────────────────────────────────────────


class DraftForm(w.VBox):
    """A SMART draft whose per-criterion feedback and goal sentence follow every keystroke."""

    def __init__(self, today: date | None = None) -> None:
        self.today = today
        self.inputs: dict[str, w.Widget] = {}
        for attr, key, label in DRAFT_FIELDS:
            widget = _text(
                label, f"sa-smart-{key}", DRAFT_PLACEHOLDERS[attr], area=attr in ("goal", "support")
            )
            self.inputs[attr] = widget
        self.feedback = w.HTML()
        self.feedback.add_class("sa-smart-umpan")
        self.statement = w.HTML()
        self.statement.add_class("sa-smart-kalimat")
        self.status = _status("sa-status-rancangan")
        handler = guarded(self.status)(self._update)
        for widget in self.inputs.values():
            widget.observe(handler, names="value")
        super().__init__(
            [*self.inputs.values(), self.status, self.feedback, self.statement],
        )
        self._update()

    @property
    def draft(self) -> Draft:
        """The draft as typed."""
        return Draft(**{attr: widget.value for attr, widget in self.inputs.items()})

    @property
    def reference_date(self) -> date:
        """The day deadlines are compared with (today unless fixed for a workshop or a test)."""
        return self.today or date.today()

    @property
    def result(self) -> SmartResult:
        """The current SMART verdicts."""
        return check_draft(self.draft, today=self.reference_date)

    def clear(self) -> None:
        """Empty every field (feedback follows)."""
        for widget in self.inputs.values():
            widget.value = ""

    def _update(self, _change: Any = None) -> None:
        result = self.result
        rows = "".join(
            f'<tr class="sa-smart-kriteria sa-{r.status.value}" data-kriteria="{r.key}" '
            f'data-status="{r.status.value}"><td aria-label="{_STATUS_WORDS[r.status.value]}">'
            f"{r.mark}</td><th scope='row'>{r.key} · {html.escape(r.name)}</th>"
            f"<td>{html.escape(r.message)}</td></tr>"
            for r in result
        )
        self.feedback.value = (
            "<table><caption>Umpan balik SMART (✓ memenuhi, ✗ belum, ? perlu dinilai bersama "
            f"atasan)</caption><tbody>{rows}</tbody></table>"
        )
        sentence = goal_statement(self.draft)
        self.statement.value = (
            f"<p><strong>Kalimat tujuan:</strong> <span class='sa-kalimat'>"
            f"{html.escape(sentence)}</span></p>"
            if sentence
            else "<p><em>Kalimat tujuan muncul di sini setelah Anda mengisi tujuan.</em></p>"
        )


_STATUS_WORDS = {
    "lulus": "memenuhi",
    "belum": "belum memenuhi",
    "tidak-dapat-dinilai": "perlu dinilai",
}


# ── the plan ────────────────────────────────────────────────────────────────────────────────────


class PlanForm(w.VBox):
    """Goals collected from the draft form, schedule, methods, material and evaluation."""

    def __init__(self, draft_form: DraftForm, store: Store | None = None) -> None:
        self.draft_form = draft_form
        self.store = store or Store()
        self.goals: list[Draft] = []
        self.saved_id: int | None = None
        self._saved_payload: dict[str, Any] | None = None

        self.add_goal = _button("Tambahkan ke rencana", "sa-tombol-tambah-tujuan", icon="plus")
        self.remove_goal = _button("Hapus tujuan terakhir", "sa-tombol-hapus-tujuan")
        self.goal_list = w.HTML()
        self.goal_list.add_class("sa-rencana-tujuan")
        self.goal_status = _status("sa-status-tujuan")

        self.coachee = _text(LABELS["coachee"], "sa-rencana-coachee", "misalnya BUDI-07")
        self.coach = _text(LABELS["coach"], "sa-rencana-coach", "boleh dikosongkan")
        self.start = w.DatePicker(description=LABELS["start"], style=STYLE, layout=_narrow())
        self.start.add_class("sa-rencana-mulai")
        self.frequency = w.Dropdown(
            description=LABELS["frequency"],
            options=[(label, key) for key, (label, _, _) in FREQUENCIES.items()],
            value="dua-mingguan",
            style=STYLE,
            layout=_narrow(),
        )
        self.frequency.add_class("sa-rencana-frekuensi")
        self.duration = w.BoundedIntText(
            description=LABELS["duration"], value=60, min=0, max=1000, style=STYLE
        )
        self.duration.add_class("sa-rencana-durasi")
        self.count = w.BoundedIntText(
            description=LABELS["count"], value=6, min=0, max=1000, style=STYLE
        )
        self.count.add_class("sa-rencana-jumlah")
        self.dates = _text(
            LABELS["dates"],
            "sa-rencana-tanggal",
            "satu tanggal per baris, misalnya 4/5/2026",
            area=True,
        )
        self.place = _text(LABELS["place"], "sa-rencana-tempat", "misalnya ruang kerja; daring")
        self.method_boxes = [
            w.Checkbox(description=m, value=False, indent=False, layout=_wide()) for m in METHODS
        ]
        for box in self.method_boxes:
            box.add_class("sa-rencana-metode")
        self.other_methods = _text(
            "Metode lain", "sa-rencana-metode-lain", "pisahkan dengan titik koma"
        )
        self.material = _text(
            LABELS["material"], "sa-rencana-materi", "satu pokok bahasan per baris", area=True
        )
        self.evaluation_how = _text(
            LABELS["evaluation_how"],
            "sa-rencana-evaluasi-cara",
            "misalnya: capaian indikator dibahas saat dialog kinerja",
            area=True,
        )
        self.evaluation_when = _text(
            LABELS["evaluation_when"],
            "sa-rencana-evaluasi-waktu",
            "misalnya: setiap akhir bulan dan 31 Desember 2026",
        )
        self.notes = _text(LABELS["notes"], "sa-rencana-catatan", "boleh dikosongkan", area=True)

        self.save = _button("Simpan rencana", "sa-tombol-simpan-rencana", "primary", "save")
        self.load = _button("Muat rencana tersimpan", "sa-tombol-muat-rencana", icon="folder-open")
        self.status = _status("sa-status-rencana")

        self.errors = _FieldErrors(
            {
                LABELS["coachee"]: self.coachee,
                LABELS["coach"]: self.coach,
                LABELS["start"]: self.start,
                LABELS["frequency"]: self.frequency,
                LABELS["duration"]: self.duration,
                LABELS["count"]: self.count,
                LABELS["dates"]: self.dates,
                LABELS["place"]: self.place,
                LABELS["methods"]: self.other_methods,
                LABELS["material"]: self.material,
                LABELS["evaluation_how"]: self.evaluation_how,
                LABELS["evaluation_when"]: self.evaluation_when,
                LABELS["notes"]: self.notes,
                LABELS["goals"]: self.goal_list,
            }
        )
        self.add_goal.on_click(guarded(self.goal_status)(self._add_goal))
        self.remove_goal.on_click(guarded(self.goal_status)(self._remove_goal))
        self.save.on_click(guarded(self.status)(self._save))
        self.load.on_click(guarded(self.status)(self._load))
        self.frequency.observe(guarded(self.status)(self._frequency_changed), names="value")

        self.goal_controls = w.VBox(
            [w.HBox([self.add_goal, self.remove_goal]), self.goal_status, self.goal_list]
        )
        super().__init__(
            [
                self.coachee,
                self.coach,
                self.start,
                self.frequency,
                self.duration,
                self.count,
                self.dates,
                self.place,
                w.HTML(f"<strong>{LABELS['methods']}</strong>"),
                *self.method_boxes,
                self.other_methods,
                self.material,
                self.evaluation_how,
                self.evaluation_when,
                self.notes,
                w.HBox([self.save, self.load]),
                self.status,
            ],
        )
        self._show_goals()
        self._frequency_changed()

    # goals
    def _add_goal(self, _button: Any = None) -> None:
        draft = Draft.from_payload(self.draft_form.draft.to_payload())
        if not draft.goal:
            raise UserError(
                "kalimat tujuan masih kosong.",
                field="Tujuan",
                hint="Tulis tujuan pada rancangan di atas, lalu tekan tombol ini lagi.",
            )
        self.goals.append(draft)
        self._show_goals()
        missing = self.draft_form.result.missing()
        note = f" Yang masih perlu diperbaiki: {', '.join(missing)}." if missing else ""
        show(self.goal_status, f"Tujuan {len(self.goals)} ditambahkan ke rencana.{note}", "ok")

    def _remove_goal(self, _button: Any = None) -> None:
        if not self.goals:
            raise UserError("rencana belum berisi tujuan.", field=LABELS["goals"])
        self.goals.pop()
        self._show_goals()
        show(self.goal_status, "Tujuan terakhir dihapus dari rencana (belum disimpan).", "info")

    def _show_goals(self) -> None:
        if not self.goals:
            self.goal_list.value = "<p><em>Rencana belum berisi tujuan.</em></p>"
            return
        day = self.draft_form.reference_date
        items = "".join(
            f"<li><span class='sa-kalimat'>{html.escape(goal_statement(g))}</span> "
            f"<small>({html.escape(check_draft(g, today=day).summary())})</small></li>"
            for g in self.goals
        )
        self.goal_list.value = f"<ol>{items}</ol>"

    # plan
    def _frequency_changed(self, _change: Any = None) -> None:
        by_hand = self.frequency.value == "tidak-tetap"
        self.dates.layout.display = None if by_hand else "none"
        self.count.layout.display = "none" if by_hand else None

    def methods(self) -> list[str]:
        """Ticked methods plus the ones typed by hand."""
        chosen = [box.description for box in self.method_boxes if box.value]
        chosen += [m.strip() for m in self.other_methods.value.split(";") if m.strip()]
        return chosen

    def build(self) -> tuple[Plan, list[str]]:
        """Validate the form into a plan (raises UserError naming the field)."""
        return self.errors.run(
            lambda: make_plan(
                coachee=self.coachee.value,
                coach=self.coach.value,
                goals=self.goals,
                start=self.start.value,
                frequency=self.frequency.value,
                duration=self.duration.value,
                count=self.count.value,
                dates=self.dates.value,
                place=self.place.value,
                methods=self.methods(),
                material=self.material.value,
                evaluation_how=self.evaluation_how.value,
                evaluation_when=self.evaluation_when.value,
                notes=self.notes.value,
                today=self.draft_form.reference_date,
            )
        )

    def _save(self, _button: Any = None) -> None:
        plan, warnings = self.build()
        row = save_plan(self.store, plan)
        self.saved_id, self._saved_payload = row.id, plan.to_payload()
        text = f"Rencana untuk {plan.coachee} tersimpan (nomor {row.id})."
        show(self.status, " ".join([text, *warnings]), "ok")

    def is_saved(self, plan: Plan) -> bool:
        """True when this exact plan was saved from this form."""
        return self._saved_payload == plan.to_payload()

    def _load(self, _button: Any = None) -> None:
        code = self.coachee.value
        found = self.errors.run(lambda: latest_plan(self.store, code))
        if found is None:
            show(self.status, f"Belum ada rencana tersimpan untuk kode {code.upper()}.", "info")
            return
        plan_id, plan = found
        self.fill(plan)
        self.saved_id, self._saved_payload = plan_id, plan.to_payload()
        show(self.status, f"Rencana tersimpan nomor {plan_id} dimuat ke formulir.", "ok")

    def fill(self, plan: Plan) -> None:
        """Put a plan into the form."""
        s = plan.schedule
        self.coachee.value, self.coach.value = plan.coachee, plan.coach
        self.goals = list(plan.goals)
        self._show_goals()
        self.start.value, self.frequency.value = s.start, s.frequency
        self.duration.value, self.count.value = s.duration_minutes, len(s.dates)
        self.dates.value = "\n".join(d.strftime("%d/%m/%Y") for d in s.dates)
        self.place.value = s.place
        known = {box.description for box in self.method_boxes}
        for box in self.method_boxes:
            box.value = box.description in plan.methods
        self.other_methods.value = "; ".join(m for m in plan.methods if m not in known)
        self.material.value = plan.material
        self.evaluation_how.value = plan.evaluation_how
        self.evaluation_when.value = plan.evaluation_when
        self.notes.value = plan.notes


# ── the session log ─────────────────────────────────────────────────────────────────────────────


class SessionForm(w.VBox):
    """One GROW session: notes per stage, agreed actions, next session."""

    def __init__(self, store: Store | None = None, plan_id: Callable[[], int | None] | None = None):
        self.store = store or Store()
        self.plan_id = plan_id or (lambda: None)
        self.actions: list[Action] = []
        self.coachee = _text(LABELS["coachee"], "sa-sesi-coachee", "misalnya BUDI-07")
        self.number = w.BoundedIntText(
            description=LABELS["number"], value=1, min=0, max=1000, style=STYLE
        )
        self.number.add_class("sa-sesi-nomor")
        self.held_on = w.DatePicker(description=LABELS["held_on"], style=STYLE, layout=_narrow())
        self.held_on.add_class("sa-sesi-tanggal")
        hints = {
            "goal": "Apa yang ingin dicapai pegawai dari sesi ini?",
            "reality": "Bagaimana keadaannya sekarang? Apa yang sudah dicoba?",
            "options": "Pilihan apa saja yang terbuka?",
            "will": "Apa yang akan dilakukan, kapan, dan bagaimana mengukurnya?",
        }
        self.grow = {k: _text(LABELS[k], f"sa-sesi-{k}", hints[k], area=True) for k in hints}
        self.action_what = _text(
            LABELS["action"], "sa-sesi-tindakan", "misalnya: menyusun draf SOP"
        )
        self.action_owner = _text(
            LABELS["owner"], "sa-sesi-penanggung-jawab", "misalnya: coachee; atasan langsung"
        )
        self.action_due = w.DatePicker(description=LABELS["due"], style=STYLE, layout=_narrow())
        self.action_due.add_class("sa-sesi-tenggat-tindakan")
        self.add_action = _button("Tambah tindakan", "sa-tombol-tambah-tindakan", icon="plus")
        self.remove_action = _button("Hapus tindakan terakhir", "sa-tombol-hapus-tindakan")
        self.action_list = w.HTML()
        self.action_list.add_class("sa-sesi-daftar-tindakan")
        self.next_date = w.DatePicker(
            description=LABELS["next_date"], style=STYLE, layout=_narrow()
        )
        self.next_date.add_class("sa-sesi-berikut-tanggal")
        self.next_topic = _text(LABELS["next_topic"], "sa-sesi-berikut-topik")
        self.save = _button("Simpan sesi", "sa-tombol-simpan-sesi", "primary", "save")
        self.status = _status("sa-status-sesi")
        self.errors = _FieldErrors(
            {
                LABELS["coachee"]: self.coachee,
                LABELS["number"]: self.number,
                LABELS["held_on"]: self.held_on,
                **{LABELS[k]: v for k, v in self.grow.items()},
                LABELS["action"]: self.action_what,
                LABELS["owner"]: self.action_owner,
                LABELS["due"]: self.action_due,
                LABELS["next_date"]: self.next_date,
                LABELS["next_topic"]: self.next_topic,
            }
        )
        self.add_action.on_click(guarded(self.status)(self._add_action))
        self.remove_action.on_click(guarded(self.status)(self._remove_action))
        self.save.on_click(guarded(self.status)(self._save))
        super().__init__(
            [
                self.coachee,
                self.number,
                self.held_on,
                *self.grow.values(),
                w.HTML("<strong>Tindakan yang disepakati</strong>"),
                self.action_what,
                self.action_owner,
                self.action_due,
                w.HBox([self.add_action, self.remove_action]),
                self.action_list,
                self.next_date,
                self.next_topic,
                w.HBox([self.save]),
                self.status,
            ],
        )
        self._show_actions()

    def _add_action(self, _button: Any = None) -> None:
        action = self.errors.run(
            lambda: make_action(
                self.action_what.value,
                self.action_owner.value,
                self.action_due.value,
                held_on=self.held_on.value,
            )
        )
        self.actions.append(action)
        self.action_what.value = self.action_owner.value = ""
        self.action_due.value = None
        self._show_actions()
        show(self.status, f"Tindakan {len(self.actions)} ditambahkan (belum disimpan).", "info")

    def _remove_action(self, _button: Any = None) -> None:
        if not self.actions:
            raise UserError("belum ada tindakan.", field=LABELS["action"])
        self.actions.pop()
        self._show_actions()
        show(self.status, "Tindakan terakhir dihapus (belum disimpan).", "info")

    def _show_actions(self) -> None:
        if not self.actions:
            self.action_list.value = "<p><em>Belum ada tindakan.</em></p>"
            return
        rows = "".join(
            f"<tr><td>{html.escape(a.what)}</td><td>{html.escape(a.owner)}</td>"
            f"<td>{html.escape(long_date(a.due))}</td></tr>"
            for a in self.actions
        )
        self.action_list.value = (
            f"<table><thead><tr><th>{LABELS['action']}</th><th>{LABELS['owner']}</th>"
            f"<th>Tenggat</th></tr></thead><tbody>{rows}</tbody></table>"
        )

    def _save(self, _button: Any = None) -> None:
        session, warnings = self.errors.run(
            lambda: make_session(
                coachee=self.coachee.value,
                number=self.number.value,
                held_on=self.held_on.value,
                **{k: v.value for k, v in self.grow.items()},
                actions=self.actions,
                next_date=self.next_date.value,
                next_topic=self.next_topic.value,
                plan_id=self.plan_id(),
            )
        )
        row = save_session(self.store, session)
        text = f"Sesi {session.number} untuk {session.coachee} tersimpan (nomor {row.id})."
        show(self.status, " ".join([text, *warnings]), "ok")
        self.next_session(session.number + 1, session.next_date)

    def next_session(self, number: int, day: date | None) -> None:
        """Empty the notes for the next session (the code stays)."""
        self.number.value = number
        self.held_on.value = day
        for widget in self.grow.values():
            widget.value = ""
        self.next_date.value = None
        self.next_topic.value = ""
        self.actions = []
        self._show_actions()


# ── download and the whole tool ─────────────────────────────────────────────────────────────────


class DownloadPanel(w.VBox):
    """Writes the plan and its sessions as Word and Markdown and offers them to the browser."""

    def __init__(self, plan_form: PlanForm, folder: Path | None = None) -> None:
        self.plan_form = plan_form
        self.folder = folder
        self.button = _button(
            "Unduh rencana (Word dan Markdown)", "sa-tombol-unduh", "success", "download"
        )
        self.links = w.HTML()
        self.links.add_class("sa-unduhan")
        self.status = _status("sa-status-unduh")
        self.button.on_click(guarded(self.status)(self._download))
        self.written: list[Path] = []
        super().__init__([w.HBox([self.button]), self.status, self.links])

    def _download(self, _button: Any = None) -> None:
        self.links.value = ""
        plan, _ = self.plan_form.build()
        sessions = sessions_for(self.plan_form.store, plan.coachee)
        folder = self.folder or download_dir()
        today = self.plan_form.draft_form.reference_date
        self.written = export_plan(plan, sessions, folder, today=today)
        links = []
        for path in self.written:
            kind = path.suffix.lstrip(".")
            label = {"docx": "Unduh Word", "md": "Unduh Markdown"}[kind] + f" ({path.name})"
            links.append(
                link_html(path.name, path.read_bytes(), label, f"sa-unduh sa-unduh-{kind}")
            )
        self.links.value = "".join(links)
        parts = [
            f"Dokumen dibuat dengan {len(sessions)} catatan sesi dan juga disimpan di folder "
            f"{folder}."
        ]
        if not self.plan_form.is_saved(plan):
            parts.append("Rencana ini belum disimpan; tekan “Simpan rencana” agar tidak hilang.")
        show(self.status, " ".join(parts), "ok")


class TujuanSmart:
    """The whole tool of ``02-tujuan-smart``: draft, plan, sessions and download.

    Show the parts one by one in a notebook (``alat.rancangan``, ``alat.rencana``, ``alat.sesi``,
    ``alat.unduh``) or everything at once with :func:`tujuan_smart`.
    """

    def __init__(
        self, store: Store | None = None, folder: Path | None = None, today: date | None = None
    ) -> None:
        self.store = store or Store()
        self.draft_form = DraftForm(today=today)
        self.plan_form = PlanForm(self.draft_form, self.store)
        self.session_form = SessionForm(self.store, plan_id=lambda: self.plan_form.saved_id)
        self.download = DownloadPanel(self.plan_form, folder)
        self.plan_form.coachee.observe(
            guarded(self.session_form.status)(self._copy_code), names="value"
        )
        link = html.escape(page_url("alat/tujuan-smart.md"), quote=True)
        self.rancangan = w.VBox(
            [
                CSS,
                w.HTML(
                    "<p>Tulis rancangan tujuan; umpan balik SMART berubah saat Anda mengetik. "
                    f'Aturannya dijelaskan di <a href="{link}" target="_blank">panduan alat '
                    "Tujuan SMART</a>.</p>"
                ),
                self.draft_form,
                self.plan_form.goal_controls,
            ]
        )
        self.rencana = w.VBox([CSS, self.plan_form])
        self.sesi = w.VBox([CSS, self.session_form])
        self.unduh = w.VBox([CSS, self.download])

    def _copy_code(self, change: dict[str, Any]) -> None:
        """The session form follows the plan's coachee code until it is typed by hand."""
        if self.session_form.coachee.value in ("", change["old"]):
            self.session_form.coachee.value = change["new"]

    def widget(self) -> w.VBox:
        """Everything in one column with headings."""
        return w.VBox(
            [
                _heading("1. Rancang tujuan SMART"),
                self.rancangan,
                _heading("2. Rencana coaching"),
                self.rencana,
                _heading("3. Catatan sesi GROW"),
                self.sesi,
                _heading("4. Unduh dokumen"),
                self.unduh,
            ]
        )


def tujuan_smart(**kwargs: Any) -> w.VBox:
    """The whole tool as one widget."""
    return TujuanSmart(**kwargs).widget()


__all__ = [
    "DownloadPanel",
    "DraftForm",
    "PlanForm",
    "SessionForm",
    "TujuanSmart",
    "tujuan_smart",
]
