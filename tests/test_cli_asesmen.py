"""The ``instruments``, ``score`` and ``ekspor`` commands, run as a user runs them."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from selfassess.instrument import load
from selfassess.store import Store


def run(*args: str, env_db: Path | None = None) -> subprocess.CompletedProcess[str]:
    import os

    env = dict(os.environ)
    if env_db is not None:
        env["SELFASSESS_DB"] = str(env_db)
    return subprocess.run(
        [sys.executable, "-m", "selfassess.cli", *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def answers_csv(path: Path, rows: list[dict], delimiter: str = ";") -> Path:
    inst = load("kompetensi-coaching")
    header = ["Stempel waktu", "Kode peserta", *[i.text.id for i in inst.items]]
    with path.open("w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(header)
        for row in rows:
            writer.writerow(
                ["22/05/2026 09.00.00", row["kode"], *[row.get(i.id, "") for i in inst.items]]
            )
    return path


def uniform(value: int) -> dict:
    inst = load("kompetensi-coaching")
    return {i.id: (6 - value if i.reverse else value) for i in inst.items}


def test_instruments_lists_the_three_with_counts():
    result = run("instruments")
    assert result.returncode == 0, result.stderr
    assert "kompetensi-coaching  " in result.stdout
    assert "37 butir  8 dimensi" in result.stdout
    assert "cek-kendala" in result.stdout and "16 butir  4 dimensi" in result.stdout
    assert "kompetensi-coaching-pegawai" in result.stdout


def test_instruments_id_shows_dimensions_and_items():
    result = run("instruments", "kompetensi-coaching")
    assert result.returncode == 0
    out = result.stdout
    assert "[relasi] Membangun hubungan dan kepercayaan" in out
    assert "[pengembangan] Mengembangkan keterampilan dan potensi (coaching)" in out
    assert "REL4    Pegawai tampak sungkan" in out and "(dibalik)" in out
    assert "Pita skor: Perlu dikembangkan 1–2,5; Berkembang 2,5–3,5" in out


def test_unknown_instrument_is_an_indonesian_error():
    result = run("instruments", "tidak-ada")
    assert result.returncode == 2
    assert result.stderr.startswith("Galat:") and "tidak dikenal" in result.stderr
    assert "kompetensi-coaching" in result.stderr and "Traceback" not in result.stderr


def test_score_writes_csv_with_the_documented_columns(tmp_path):
    src = answers_csv(
        tmp_path / "jawaban.csv",
        [{"kode": "mawar-12", **uniform(4)}, {"kode": "ANI-1", **uniform(2), "REL1": "Selalu"}],
    )
    out = tmp_path / "skor.csv"
    result = run("score", str(src), "--instrument", "kompetensi-coaching", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "2 responden dinilai" in result.stdout
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    dims = [d.id for d in load("kompetensi-coaching").dimensions]
    assert list(rows[0]) == [
        "respondent", *dims, *[f"{d}_band" for d in dims], "overall", "overall_band",
    ]  # fmt: skip
    assert rows[0]["respondent"] == "MAWAR-12"
    assert float(rows[0]["relasi"]) == 4.0 and rows[0]["relasi_band"] == "Cakap"
    # ANI-1: relasi 2,2,2,2 and REL1 "Selalu" = 5 → (5+2+2+2+2)/5 = 2.6
    assert float(rows[1]["relasi"]) == 2.6 and rows[1]["relasi_band"] == "Berkembang"
    assert float(rows[1]["mendengar"]) == 2.0
    # overall (2.6 + 7 × 2) / 8 = 2.075 → 2.08 after rounding for display
    assert float(rows[1]["overall"]) == 2.08 and rows[1]["overall_band"] == "Perlu dikembangkan"


def test_score_writes_xlsx_and_prints_warnings(tmp_path):
    src = answers_csv(
        tmp_path / "jawaban.csv", [{"kode": "A1", **uniform(5), "KAR1": "", "KAR2": ""}]
    )
    out = tmp_path / "skor.xlsx"
    result = run("score", str(src), "-i", "kompetensi-coaching", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "Peringatan:" in result.stderr and "karier" in result.stderr
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    values = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert values["respondent"] == "A1"
    assert values["karier"] is None and values["relasi"] == 5
    assert values["overall_band"] == "Mahir"


def test_score_to_stdout(tmp_path):
    src = answers_csv(tmp_path / "jawaban.csv", [{"kode": "A1", **uniform(3)}])
    result = run("score", str(src), "-i", "kompetensi-coaching")
    assert result.returncode == 0
    assert result.stdout.splitlines()[0].startswith("respondent,relasi,mendengar")
    assert "A1,3.0" in result.stdout


def test_score_errors_name_row_and_column_and_write_nothing(tmp_path):
    src = answers_csv(
        tmp_path / "jawaban.csv",
        [{"kode": "A1", **uniform(3)}, {"kode": "B2", **uniform(3), "DEN3": "7"}],
    )
    out = tmp_path / "skor.csv"
    result = run("score", str(src), "-i", "kompetensi-coaching", "-o", str(out))
    assert result.returncode == 2
    assert result.stderr.startswith('Galat: Berkas jawaban.csv, baris 3, kolom "Saya mengulang')
    assert "di luar skala 1-5" in result.stderr
    assert not out.exists()


def test_score_never_overwrites_unless_asked(tmp_path):
    src = answers_csv(tmp_path / "jawaban.csv", [{"kode": "A1", **uniform(3)}])
    out = tmp_path / "skor.csv"
    out.write_text("punya orang lain\n", encoding="utf-8")
    result = run("score", str(src), "-i", "kompetensi-coaching", "-o", str(out))
    assert result.returncode == 2 and "sudah ada" in result.stderr and "--timpa" in result.stderr
    assert out.read_text(encoding="utf-8") == "punya orang lain\n"
    result = run("score", str(src), "-i", "kompetensi-coaching", "-o", str(out), "--timpa")
    assert result.returncode == 0
    assert out.read_text(encoding="utf-8-sig").startswith("respondent,")


def test_score_rejects_unknown_output_type(tmp_path):
    src = answers_csv(tmp_path / "jawaban.csv", [{"kode": "A1", **uniform(3)}])
    result = run("score", str(src), "-i", "kompetensi-coaching", "-o", str(tmp_path / "skor.pdf"))
    assert result.returncode == 2 and ".pdf tidak didukung" in result.stderr


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_ekspor_neutralises_formulas(tmp_path, suffix):
    db = tmp_path / "hasil.sqlite"
    inst = load("kompetensi-coaching-pegawai")
    store = Store(db)
    nasty = ['=HYPERLINK("http://contoh.invalid","klik")', "+1+1", "-2+3", "@SUM(1)", "\t=1"]
    for text in nasty:
        answers = {i.id: 4 for i in inst.scored_items} | {"PKOMEN": text}
        store.append("jawaban", "ATASAN-1", {"jawaban": answers, "fase": None}, instrument=inst.id)
    out = tmp_path / f"ekspor{suffix}"
    result = run("ekspor", "-i", inst.id, "-o", str(out), env_db=db)
    assert result.returncode == 0, result.stderr
    assert "5 kiriman" in result.stdout
    if suffix == ".csv":
        with out.open(encoding="utf-8-sig") as fh:
            rows = list(csv.DictReader(fh))
        comments = [r["PKOMEN"] for r in rows]
        assert [r["relasi"] for r in rows] == ["3.5"] * 5  # (4 + 4 + 4 + reverse 4 → 2) / 4
    else:
        sheet = load_workbook(out).active
        header = [c.value for c in sheet[1]]
        col = header.index("PKOMEN")
        cells = [sheet.cell(row=r, column=col + 1) for r in range(2, 7)]
        assert all(c.data_type == "s" for c in cells), "text, never a formula"
        comments = [c.value for c in cells]
    assert comments == ["'" + t for t in nasty]


def test_ekspor_latest_only_and_empty_store(tmp_path):
    db = tmp_path / "hasil.sqlite"
    result = run("ekspor", "-i", "kompetensi-coaching", "-o", str(tmp_path / "a.csv"), env_db=db)
    assert result.returncode == 2 and "belum ada jawaban tersimpan" in result.stderr
    inst = load("kompetensi-coaching")
    store = Store(db)
    for value in (2, 4):
        store.append("jawaban", "A1", {"jawaban": uniform(value), "fase": None}, instrument=inst.id)
    out = tmp_path / "b.csv"
    assert run("ekspor", "-i", inst.id, "-o", str(out), "--terbaru", env_db=db).returncode == 0
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 1 and rows[0]["overall"] == "4.0"
    assert len(Store(db).submissions()) == 2, "the export never removes anything"


def test_neutralise_only_touches_text_that_starts_a_formula():
    import pandas as pd

    from selfassess.export import neutralise, neutralise_frame

    assert neutralise("=1+1") == "'=1+1"
    assert neutralise("-awal") == "'-awal"
    assert neutralise("biasa - saja") == "biasa - saja"
    assert neutralise(-1) == -1 and neutralise(2.5) == 2.5 and neutralise(None) is None
    frame = pd.DataFrame({"=judul": ["@a", "b"], "angka": [-1.5, 2.0]})
    safe = neutralise_frame(frame)
    assert list(safe.columns) == ["'=judul", "angka"]
    assert list(safe["'=judul"]) == ["'@a", "b"]
    assert list(safe["angka"]) == [-1.5, 2.0]
    assert list(frame["=judul"]) == ["@a", "b"], "the input is not changed"
