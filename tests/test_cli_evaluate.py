"""``selfassess evaluate`` as a trainer runs it: a subprocess, real files, the report reopened."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

DATA = Path(__file__).resolve().parent / "data"
SAMPLE = DATA / "angkatan-contoh"
RUSAK = DATA / "rusak"
BAD = yaml.safe_load((RUSAK / "manifest.yaml").read_text(encoding="utf-8"))["files"]
ALL = [
    "--reaction", str(SAMPLE / "reaksi-google-forms.csv"),
    "--pre", str(SAMPLE / "pretes-google-sheets.csv"),
    "--post", str(SAMPLE / "postes-microsoft-forms.xlsx"),
    "--before", str(SAMPLE / "asesmen-sebelum-excel.csv"),
    "--after", str(SAMPLE / "asesmen-tindak-lanjut-libreoffice.xlsx"),
    "--coachee", str(SAMPLE / "penilaian-pegawai-google-forms.csv"),
    "--group", "Unit kerja",
]  # fmt: skip
PARTNER = {
    "--pre": ["--post", str(SAMPLE / "postes-microsoft-forms.xlsx")],
    "--post": ["--pre", str(SAMPLE / "pretes-google-sheets.csv")],
}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "selfassess.cli", "evaluate", *args],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("laporan") / "rekap.xlsx"
    result = run(*ALL, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "Laporan (reaksi, pembelajaran, perilaku) ditulis" in result.stdout
    assert "Peringatan: Kode ANGGREK-03 (tes sebelum) dan ANGGREK-3" in result.stderr
    return out


def test_xlsx_report_has_every_level_and_figure(report):
    book = load_workbook(report)
    assert book.sheetnames == [
        "Ringkasan", "Reaksi", "Pembelajaran", "Perilaku", "Kelompok", "Peringatan",
    ]  # fmt: skip
    summary = {
        row[1]: row[2]
        for row in book["Ringkasan"].iter_rows(values_only=True)
        if row and len(row) > 2 and row[1]
    }
    assert summary["Jumlah responden"] == 15
    assert summary["NPS (-100 sampai 100)"] == pytest.approx(46.7)
    assert summary["Rata-rata benar sebelum (%)"] == pytest.approx(51.0)
    assert summary["Rata-rata benar sesudah (%)"] == pytest.approx(78.1)
    assert summary["Kenaikan (poin persen)"] == pytest.approx(27.1)
    assert summary["Gain dinormalkan <g>"] == pytest.approx(0.55)
    assert summary["Peserta yang nilainya naik (%)"] == pytest.approx(85.7)
    assert summary["Peserta dengan asesmen sebelum dan tindak lanjut"] == 12
    assert summary["Kenaikan terbesar"] == pytest.approx(0.83)
    learning = [r for r in book["Pembelajaran"].iter_rows(values_only=True) if r[0] == "MERAK-14"]
    assert learning[0][1:5] == (80.0, 73.3, -6.7, "tidak")
    behaviour = list(book["Perilaku"].iter_rows(values_only=True))
    assert ("relasi", "Membangun hubungan dan kepercayaan", 12, 3.42, 4.0, 0.58) in [
        r[:6] for r in behaviour
    ]
    groups = [r for r in book["Kelompok"].iter_rows(values_only=True) if r and r[0]]
    keuangan = [r for r in groups if r[0] == "Bagian Keuangan"]
    assert keuangan and all(r[1] == "disembunyikan (kurang dari 5 orang)" for r in keuangan)
    assert all(v is None for r in keuangan for v in r[2:])
    warnings = [r[1] for r in book["Peringatan"].iter_rows(min_row=4, values_only=True) if r[1]]
    assert any("KENANGA-12" in w for w in warnings)
    with zipfile.ZipFile(report) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 6  # items, NPS, pre/post, per question, dimensions, gap


def test_json_has_every_figure_as_numbers(tmp_path):
    out = tmp_path / "angka.json"
    result = run(*ALL, "-o", str(out))
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    learn = data["pembelajaran"]
    assert learn["gain_dinormalkan"] == pytest.approx(57 / 103)
    assert learn["hanya_sesudah"] == ["ANGGREK-3"]
    assert {p["kode"] for p in learn["peserta"]} >= {"MAWAR-12", "CENDANA-6"}
    assert data["reaksi"]["nps"] == pytest.approx(100 * 7 / 15)
    assert data["reaksi"]["peserta"][0] == {"kode": "MAWAR-12", "rata_rata": pytest.approx(40 / 9),
                                            "rekomendasi": 10.0}  # fmt: skip
    groups = data["reaksi"]["kelompok"]["kelompok"]
    assert {"kelompok": "Bagian Keuangan", "disembunyikan": True} in groups
    gap = {d["dimensi"]: d["selisih"] for d in data["perilaku"]["selisih_diri_pegawai"]}
    assert gap["relasi"] == pytest.approx(0.5)
    assert gap["konsistensi"] == pytest.approx(1 / 12)
    assert len(data["perilaku"]["peserta"]) == 12 * 8


def test_formula_like_comments_are_neutralised(tmp_path):
    src = tmp_path / "reaksi.csv"
    rows = ["Kode peserta," + ",".join(f"REA{n}" for n in range(1, 13))]
    rows.append("A-01," + ",".join(["4"] * 9) + ',9,=HYPERLINK("http://x"),+1')
    src.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "rekap.xlsx"
    assert run("--reaction", str(src), "-o", str(out)).returncode == 0
    cells = [c for r in load_workbook(out)["Reaksi"].iter_rows(values_only=True) for c in r if c]
    assert '\'=HYPERLINK("http://x")' in cells
    assert "'+1" in cells
    assert not any(isinstance(c, str) and c.startswith("=") for c in cells)


@pytest.mark.parametrize("entry", BAD, ids=lambda e: e["file"])
def test_bad_file_gets_a_clear_message_and_no_output(tmp_path, entry):
    out = tmp_path / "rekap.xlsx"
    args = [entry["option"], str(RUSAK / entry["file"]), *PARTNER.get(entry["option"], [])]
    result = run(*args, "-o", str(out))
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    message = result.stderr.strip().splitlines()[-1]
    where = f"Galat: Berkas {entry['file']}"
    if entry.get("row"):
        where += f", baris {entry['row']}"
    if entry.get("column"):
        where += f', kolom "{entry["column"]}"'
    assert message.startswith(where), message
    for word in entry["words"]:
        assert word in message
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ([], "belum ada berkas jawaban"),
        (["--pre", str(SAMPLE / "pretes-google-sheets.csv")], "--post belum diberikan"),
        (["--reaction", str(SAMPLE / "tidak-ada.csv")], "tidak-ada.csv: berkas tidak ditemukan"),
        (["--reaction", str(SAMPLE / "reaksi-google-forms.csv"), "--group", "Eselon"],
         'kolom kelompok "Eselon" tidak ditemukan'),
        (["--pre", str(SAMPLE / "pretes-google-sheets.csv"),
          "--post", str(SAMPLE / "reaksi-google-forms.csv")], "reaksi-google-forms.csv"),
    ],
)  # fmt: skip
def test_bad_command_gets_a_clear_message_and_no_output(tmp_path, args, words):
    out = tmp_path / "rekap.json"
    result = run(*args, "-o", str(out))
    assert result.returncode == 2
    assert result.stderr.startswith("Galat: ") and words in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_existing_report_is_kept_unless_timpa(tmp_path):
    out = tmp_path / "rekap.json"
    out.write_text("laporan lama\n", encoding="utf-8")
    args = ["--reaction", str(SAMPLE / "reaksi-google-forms.csv"), "-o", str(out)]
    result = run(*args)
    assert result.returncode == 2 and "sudah ada" in result.stderr and "--timpa" in result.stderr
    assert out.read_text(encoding="utf-8") == "laporan lama\n"
    assert run(*args, "--force").returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["reaksi"]["jumlah_responden"] == 15
    assert [p.name for p in tmp_path.iterdir()] == ["rekap.json"]  # no temporary file left


@pytest.mark.parametrize("name", ["rekap.csv", "rekap", "tidak-ada/rekap.xlsx"])
def test_bad_output_path_is_refused_before_reading(tmp_path, name):
    result = run("--reaction", str(SAMPLE / "reaksi-google-forms.csv"), "-o", str(tmp_path / name))
    assert result.returncode == 2
    assert "Galat:" in result.stderr and (
        "tidak didukung" in result.stderr or "folder tujuan tidak ada" in result.stderr
    )
    assert list(tmp_path.iterdir()) == []


def test_large_input_shows_a_progress_bar(tmp_path):
    header = "Kode peserta," + ",".join(f"REA{n}" for n in range(1, 13))
    lines = [header] + [
        f"P-{n:05d},"
        + ",".join(str(1 + (n + k) % 5) for k in range(9))
        + f",{n % 11},"
        + "Pelatihan yang sangat bermanfaat untuk pekerjaan sehari-hari di kantor,"
        for n in range(6000)
    ]
    src = tmp_path / "besar.csv"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert src.stat().st_size > 512 * 1024
    out = tmp_path / "besar.json"
    result = run("--reaction", str(src), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "] 0/2 membaca besar.csv" in result.stderr
    assert "] 2/2 selesai" in result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["reaksi"]["jumlah_responden"] == 6000
    small = run(
        "--reaction", str(SAMPLE / "reaksi-google-forms.csv"), "-o", str(tmp_path / "k.json")
    )
    assert "membaca" not in small.stderr
