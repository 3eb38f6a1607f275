"""The participant forms (reaction survey, knowledge test) and the trainer's recap widget."""

from __future__ import annotations

import base64
import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from selfassess.store import Store
from selfassess.ui.evaluasi import survei_reaksi, tes_pengetahuan
from selfassess.ui.rekap import FROM_FILES, RekapPelatih

SAMPLE = Path(__file__).resolve().parent / "data" / "angkatan-contoh"


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "hasil.sqlite")


def fill_test(form, code: str, phase: str, correct: int, unit: str = "") -> None:
    form.code.value = code
    form.unit.value = unit
    form.phase.value = phase
    for n, item in enumerate(form.instrument.items):
        wrong = next(o.id for o in item.options if o.id != item.kunci)
        form.questions[item.id].value = item.kunci if n < correct else wrong


def test_knowledge_test_saves_and_shows_the_score(store):
    form = tes_pengetahuan(store)
    assert [b.description for b in form.questions.values()][:2] == ["Soal 1", "Soal 2"]
    fill_test(form, "mawar-12", "sebelum", 6, unit="Bagian Umum")
    form.save.click()
    assert "sa-msg-ok" in form.status.value
    assert "MAWAR-12" in form.status.value and "benar 6 dari 15 soal (40%)" in form.status.value
    saved = store.submissions(kind="jawaban", instrument="tes-pengetahuan")
    assert len(saved) == 1
    assert saved[0].payload["fase"] == "sebelum"
    assert saved[0].payload["kelompok"] == "Bagian Umum"
    assert saved[0].payload["jawaban"]["P01"] == "b"
    assert all(box.value is None for box in form.questions.values())  # ready for the next person
    fill_test(form, "MAWAR-12", "sesudah", 12)
    form.save.click()
    assert "benar 12 dari 15 soal (80%)" in form.status.value
    assert "Sebelum pelatihan: 6 dari 15 soal." in form.status.value


def test_knowledge_test_refuses_missing_answers_beside_the_form(store):
    form = tes_pengetahuan(store)
    fill_test(form, "MAWAR-12", "sebelum", 6)
    form.questions["P03"].value = None
    form.questions["P07"].value = None
    form.save.click()
    assert "sa-msg-error" in form.status.value
    assert "Soal 3, 7 belum dijawab" in form.status.value
    form.questions["P03"].value = "a"
    form.questions["P07"].value = "b"
    form.phase.value = None
    form.save.click()
    assert "Tahap tes" in form.status.value
    form.phase.value = "sebelum"
    form.code.value = "198705122010011003"
    form.save.click()
    assert "NIP atau NIK" in form.status.value
    assert store.submissions() == []


def test_reaction_survey_saves_numbers_and_comments(store):
    form = survei_reaksi(store)
    boxes = form.questions
    assert boxes["REA1"].description == "Pernyataan 1"
    assert boxes["REA10"].options[0] == "0" and boxes["REA10"].options[-1] == "10"
    assert boxes["REA11"].description == "Komentar 11"
    form.code.value = "BUDI-07"
    form.save.click()
    assert "Pernyataan 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 belum dijawab" in form.status.value
    for n in range(1, 10):
        boxes[f"REA{n}"].value = str(1 + n % 5)
    boxes["REA10"].value = "9"
    boxes["REA11"].value = "  Latihan <b>GROW</b>  "
    form.save.click()
    assert "sa-msg-ok" in form.status.value
    saved = store.submissions(kind="jawaban", instrument="reaksi-pelatihan")[0].payload
    assert saved["jawaban"]["REA1"] == 2 and saved["jawaban"]["REA10"] == 9
    assert saved["jawaban"]["REA11"] == "Latihan <b>GROW</b>"
    assert saved["jawaban"]["REA12"] is None and saved["fase"] is None


def test_recap_from_the_store_after_participants_fill_the_forms(store):
    test = tes_pengetahuan(store)
    survey = survei_reaksi(store)
    for n in range(6):
        code = f"PST-{n + 1:02d}"
        fill_test(test, code, "sebelum", 3, unit="Bagian Umum")
        test.save.click()
        fill_test(test, code, "sesudah", 9, unit="Bagian Umum")
        test.save.click()
        survey.code.value = code
        for k in range(1, 10):
            survey.questions[f"REA{k}"].value = "4"
        survey.questions["REA10"].value = "10" if n < 3 else "6"
        survey.save.click()
    recap = RekapPelatih(store, today=lambda: date(2026, 5, 22))
    assert recap.download.disabled
    recap.compute.click()
    assert "sa-msg-ok" in recap.status.value, recap.status.value
    html = recap.figures.value
    assert "Level 1 Reaksi" in html and "Level 2 Pembelajaran" in html
    assert html.count("data:image/png;base64,") == 4  # reaction ×2, learning ×2
    assert "<td>20,00</td>" in html and "<td>60,00</td>" in html  # 3/15 and 9/15
    assert "Bagian Umum" in html
    assert "Tidak ada peringatan" in recap.warnings.value
    recap.download.click()
    link = recap.link.value
    assert 'download="rekap-evaluasi-2026-05-22.xlsx"' in link
    data = base64.b64decode(link.split("base64,", 1)[1].split('"', 1)[0])
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames[:3] == ["Ringkasan", "Reaksi", "Pembelajaran"]


def test_recap_from_files_given_by_path_and_upload(tmp_path, store):
    recap = RekapPelatih(store)
    recap.source.value = FROM_FILES
    assert recap.files.layout.display == "flex"
    recap.compute.click()
    assert "belum ada berkas" in recap.status.value
    recap.paths["pre"].value = str(SAMPLE / "pretes-google-sheets.csv")
    content = (SAMPLE / "postes-microsoft-forms.xlsx").read_bytes()
    recap.uploads["post"].value = (
        {"name": "postes-microsoft-forms.xlsx", "type": "", "size": len(content),
         "content": memoryview(content), "last_modified": datetime(2026, 5, 22, tzinfo=UTC)},
    )  # fmt: skip
    recap.group.value = "Unit kerja"
    recap.compute.click()
    assert "sa-msg-ok" in recap.status.value, recap.status.value
    assert "ANGGREK-3" in recap.warnings.value
    assert "disembunyikan (kurang dari 5 orang)" in recap.figures.value
    # the summary table holds the cohort figures: pre 51.0 %, ⟨g⟩ 0.55
    assert "<td>51,00</td>" in recap.figures.value and "<td>0,55</td>" in recap.figures.value


def test_recap_shows_file_errors_beside_the_form(store):
    recap = RekapPelatih(store)
    recap.source.value = FROM_FILES
    recap.paths["reaction"].value = str(SAMPLE.parent / "rusak" / "judul-ganda.csv")
    recap.compute.click()
    assert "sa-msg-error" in recap.status.value
    assert "judul-ganda.csv" in recap.status.value and "muncul dua kali" in recap.status.value
    assert recap.download.disabled and recap.figures.value == ""
