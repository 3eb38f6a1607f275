"""The participant's side of the training evaluation: reaction survey and knowledge test.

Both forms save to the results store as ``kind="jawaban"`` with the instrument id, the participant
code, and ``{"jawaban": {...}, "fase": ..., "kelompok": ...}``. Saving again adds a new row; the
trainer's recap uses each participant's latest answers.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w
import pandas as pd

from ..errors import UserError
from ..evaluation import percent_correct
from ..guide import page_url
from ..instrument import Instrument, load
from ..store import Store, answers_frame, latest_per_participant, normalise_code
from .common import guarded, show, status_area

PAGE = "alat/evaluasi-pelatihan.md"
PHASES = (("Sebelum pelatihan", "sebelum"), ("Sesudah pelatihan", "sesudah"))
_WIDE = {"description_width": "initial"}


def _intro(instrument: Instrument) -> w.HTML:
    return w.HTML(
        f"<h3>{html.escape(instrument.title.id)}</h3>"
        f"<p>{html.escape(instrument.instructions.id)}</p>"
        f'<p>Penjelasan alat ini: <a href="{html.escape(page_url(PAGE))}" target="_blank">'
        "Evaluasi pelatihan</a> di panduan.</p>"
    )


def _question(number: int, text: str) -> w.HTML:
    return w.HTML(f"<p><b>{number}.</b> {html.escape(text)}</p>")


class _Form(w.VBox):
    """Code and unit fields, a save button and a status area around a list of questions."""

    instrument_id = ""

    def __init__(self, store: Store | None = None) -> None:
        self.store = store
        self.instrument = load(self.instrument_id)
        self.code = w.Text(description="Kode peserta", placeholder="misalnya BUDI-07", style=_WIDE)
        self.unit = w.Text(
            description="Unit kerja (boleh kosong)",
            placeholder="misalnya Bagian Umum",
            style=_WIDE,
        )
        self.save = w.Button(description="Simpan", button_style="primary", icon="save")
        self.status = status_area()
        self.save.on_click(guarded(self.status)(self._save))
        body = self._build()
        super().__init__(
            [_intro(self.instrument), self.code, self.unit, *body, self.save, self.status]
        )

    def _build(self) -> list[w.Widget]:  # pragma: no cover - abstract
        raise NotImplementedError

    def _store(self) -> Store:
        return self.store or Store()

    def _payload(self, answers: dict[str, Any], phase: str | None) -> dict[str, Any]:
        unit = " ".join(self.unit.value.split())
        return {"jawaban": answers, "fase": phase, "kelompok": unit or None}

    def _missing(self, missing: list[str], label: str) -> None:
        if missing:
            raise UserError(
                f"{label} {', '.join(missing)} belum dijawab.",
                field=f"{label} {missing[0]}",
                hint="Pilih satu jawaban untuk setiap pertanyaan, lalu klik Simpan lagi.",
            )

    def _save(self, _button: w.Button | None = None) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


class SurveiReaksi(_Form):
    """Level 1: agreement items (1-5), the recommend item (0-10) and open comments."""

    instrument_id = "reaksi-pelatihan"

    def _build(self) -> list[w.Widget]:
        self.questions: dict[str, w.ValueWidget] = {}
        rows: list[w.Widget] = []
        for number, item in enumerate(self.instrument.items, start=1):
            if item.type == "teks":
                box = w.Textarea(
                    description=f"Komentar {number}",
                    placeholder="Tulis di sini (boleh kosong)",
                    layout=w.Layout(width="95%", height="5em"),
                    style=_WIDE,
                )
            elif item.scale is not None and item.scale.max - item.scale.min > 5:
                box = w.ToggleButtons(
                    options=[str(p) for p in item.scale.points],
                    value=None,
                    description=f"Pernyataan {number}",
                    style={**_WIDE, "button_width": "2.6em"},
                    tooltips=[item.scale.label(p) for p in item.scale.points],
                )
            else:
                assert item.scale is not None
                box = w.RadioButtons(
                    options=[(item.scale.label(p), str(p)) for p in item.scale.points],
                    value=None,
                    description=f"Pernyataan {number}",
                    style=_WIDE,
                )
            self.questions[item.id] = box
            rows += [_question(number, item.text.id), box]
        return rows

    def _save(self, _button: w.Button | None = None) -> None:
        code = normalise_code(self.code.value)
        numbers = {item.id: n for n, item in enumerate(self.instrument.items, start=1)}
        answers: dict[str, Any] = {}
        missing = []
        for item in self.instrument.items:
            value = self.questions[item.id].value
            if item.type == "teks":
                text = (value or "").strip()
                answers[item.id] = text or None
            elif value is None:
                missing.append(str(numbers[item.id]))
            else:
                answers[item.id] = int(value)
        self._missing(missing, "Pernyataan")
        self._store().append(
            "jawaban", code, self._payload(answers, None), instrument=self.instrument.id
        )
        for box in self.questions.values():
            box.value = "" if isinstance(box, w.Textarea) else None
        show(
            self.status,
            f"Terima kasih. Jawaban survei untuk kode {code} sudah tersimpan. Bila Anda menyimpan "
            "lagi, jawaban terakhir yang dipakai.",
            "ok",
        )


class TesPengetahuan(_Form):
    """Level 2: the multiple-choice test, before or after the training."""

    instrument_id = "tes-pengetahuan"

    def _build(self) -> list[w.Widget]:
        self.phase = w.ToggleButtons(
            options=list(PHASES), value=None, description="Tahap tes", style=_WIDE
        )
        self.questions: dict[str, w.RadioButtons] = {}
        rows: list[w.Widget] = []
        for number, item in enumerate(self.instrument.items, start=1):
            box = w.RadioButtons(
                options=[(o.text.id, o.id) for o in item.options],
                value=None,
                description=f"Soal {number}",
                style=_WIDE,
                layout=w.Layout(width="95%"),
            )
            self.questions[item.id] = box
            rows += [_question(number, item.text.id), box]
        return [self.phase, *rows]

    def _save(self, _button: w.Button | None = None) -> None:
        code = normalise_code(self.code.value)
        if self.phase.value is None:
            raise UserError(
                "tahap tes belum dipilih.",
                field="Tahap tes",
                hint="Pilih Sebelum pelatihan atau Sesudah pelatihan.",
            )
        missing = [
            str(n)
            for n, item in enumerate(self.instrument.items, start=1)
            if self.questions[item.id].value is None
        ]
        self._missing(missing, "Soal")
        answers = {item_id: box.value for item_id, box in self.questions.items()}
        phase = self.phase.value
        self._store().append(
            "jawaban", code, self._payload(answers, phase), instrument=self.instrument.id
        )
        result = percent_correct(pd.DataFrame([answers], index=[code]), self.instrument)
        right, total = int(result["benar"].iloc[0]), int(result["soal"].iloc[0])
        text = (
            f"Jawaban tes ({dict((v, k) for k, v in PHASES)[phase].lower()}) untuk kode {code} "
            f"tersimpan. Anda menjawab benar {right} dari {total} soal "
            f"({100 * right / total:.0f}%)."
        )
        if phase == "sesudah":
            earlier = self._earlier(code)
            if earlier is not None:
                text += f" Sebelum pelatihan: {earlier} dari {total} soal."
        for box in self.questions.values():
            box.value = None
        show(self.status, text.replace(".0%", "%"), "ok")

    def _earlier(self, code: str) -> int | None:
        subs = self._store().submissions(
            kind="jawaban", instrument=self.instrument.id, participant=code
        )
        frame = answers_frame([s for s in subs if s.payload.get("fase") == "sebelum"])
        if frame.empty:
            return None
        latest = latest_per_participant(frame).set_index("Kode peserta")
        return int(percent_correct(latest, self.instrument)["benar"].iloc[0])


def survei_reaksi(store: Store | None = None) -> SurveiReaksi:
    """Build the reaction survey form."""
    return SurveiReaksi(store)


def tes_pengetahuan(store: Store | None = None) -> TesPengetahuan:
    """Build the knowledge test form."""
    return TesPengetahuan(store)
