"""File-level reading: encodings, delimiters, row numbers, header problems."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml
from openpyxl import Workbook

from selfassess.errors import UserError
from selfassess.ingest import parse_times, read_table


def test_semicolon_csv_with_bom_keeps_spreadsheet_row_numbers(tmp_path):
    path = tmp_path / "jawaban.csv"
    path.write_bytes("\ufeffKode peserta;K1;K2\r\nA1;3;4\r\n;;\r\nB2;5;\r\n".encode())
    table = read_table(path)
    assert list(table.frame.columns) == ["Kode peserta", "K1", "K2"]
    assert list(table.frame.index) == [2, 4]
    assert table.frame.loc[4, "K2"] is None
    assert any("titik koma" in n for n in table.notes)


def test_windows_1252_is_read_and_reported(tmp_path):
    path = tmp_path / "lama.csv"
    path.write_bytes("Kode,Komentar\nA1,Sangat bermanfaat – terima kasih\n".encode("cp1252"))
    table = read_table(path)
    assert table.frame.loc[2, "Komentar"] == "Sangat bermanfaat – terima kasih"
    assert any("Windows-1252" in n for n in table.notes)


def test_xlsx_numbers_become_text(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Kode peserta", "K1"])
    sheet.append(["A1", 4.0])
    path = tmp_path / "jawaban.xlsx"
    book.save(path)
    table = read_table(path)
    assert table.frame.loc[2, "K1"] == "4"


@pytest.mark.parametrize(
    ("content", "words", "row"),
    [
        ("Kode,K1,k1\nA1,1,2\n", "muncul dua kali", 1),
        ("Kode,,K2\nA1,1,2\n", "judul kolom kosong", 1),
        ("Kode,K1\nA1,1,2\n", "lebih banyak nilai", 2),
        ("\n\n", "berkas kosong", None),
    ],
)
def test_bad_files_name_the_row(tmp_path, content, words, row):
    path = tmp_path / "rusak.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UserError) as info:
        read_table(path)
    assert words in str(info.value)
    assert info.value.file == "rusak.csv"
    assert info.value.row == row


def test_unknown_suffix_and_missing_file(tmp_path):
    with pytest.raises(UserError, match="tidak ditemukan"):
        read_table(tmp_path / "tidak-ada.csv")
    odd = tmp_path / "data.docx"
    odd.write_text("x")
    with pytest.raises(UserError, match="tidak dikenal"):
        read_table(odd)
    ods = tmp_path / "data.ods"
    ods.write_text("x")
    with pytest.raises(UserError, match="belum dapat dibaca"):
        read_table(ods)


RUSAK = Path(__file__).resolve().parent / "data" / "rusak"
BAD = yaml.safe_load((RUSAK / "manifest.yaml").read_text(encoding="utf-8"))["files"]


@pytest.mark.parametrize(
    "entry", [e for e in BAD if e["layer"] == "ingest"], ids=lambda e: e["file"]
)
def test_bad_corpus_file_gets_located_message(entry):
    with pytest.raises(UserError) as info:
        read_table(RUSAK / entry["file"])
    err = info.value
    assert err.file == entry["file"]
    assert err.row == entry.get("row")
    assert err.column == entry.get("column")
    for word in entry["words"]:
        assert word in str(err)
    assert str(err).startswith(f"Berkas {entry['file']}")


def test_delimiter_choice_is_reported_when_two_fit(tmp_path):
    path = tmp_path / "ragu.csv"
    path.write_text("Kode;Catatan, saran\nA1;ya, tentu\nB2;tidak, belum\n", encoding="utf-8")
    table = read_table(path)
    assert table.delimiter == ";"
    assert list(table.frame.columns) == ["Kode", "Catatan, saran"]
    assert any("tidak pasti" in n and "titik koma" in n and "koma (,)" in n for n in table.notes)


def test_decimal_comma_only_in_all_number_columns(tmp_path):
    path = tmp_path / "desimal.csv"
    path.write_text(
        "Kode;Nilai;Catatan;Kelas\nA1;3,5;2,5 jam;1,5\nB2;4;1,2;2\nC3;;x;A\n", encoding="utf-8"
    )
    table = read_table(path)
    assert table.decimal_comma == ["Nilai"]
    assert table.frame["Nilai"].tolist() == ["3.5", "4", None]
    assert table.frame.loc[3, "Catatan"] == "1,2"
    assert table.frame.loc[2, "Kelas"] == "1,5"


def test_title_rows_are_skipped_only_when_a_wider_row_follows(tmp_path):
    path = tmp_path / "satu-kolom.csv"
    path.write_text("Kode\nA1\nB2\n", encoding="utf-8")
    table = read_table(path)
    assert list(table.frame.columns) == ["Kode"]
    assert table.notes == []


def test_mixed_day_month_order_leaves_unsure_times_empty():
    values = pd.Series(["13/05/2026 10:00", "05/14/2026 10:00", "03/04/2026 10:00", "rusak"])
    values.index = [2, 3, 4, 5]
    times, notes = parse_times(values, "Waktu", "x.csv")
    assert times[2] == pd.Timestamp("2026-05-13 10:00")
    assert times[3] == pd.Timestamp("2026-05-14 10:00")
    assert pd.isna(times[4]) and pd.isna(times[5])
    assert any("mencampur" in n for n in notes)
    assert any("2 nilai" in n and "baris 4, 5" in n for n in notes)


def test_several_time_zones_become_utc():
    values = pd.Series(["2026/05/20 1:00:00 PM GMT+7", "2026/05/20 1:00:00 PM GMT+8"], index=[2, 3])
    times, notes = parse_times(values, "Timestamp", "x.csv")
    assert times[2] == pd.Timestamp("2026-05-20 06:00", tz="UTC")
    assert times[3] == pd.Timestamp("2026-05-20 05:00", tz="UTC")
    assert any("UTC" in n for n in notes)


def test_store_export_times_keep_their_offset():
    values = pd.Series(["2026-05-20T06:43:01+00:00", "2026-05-21 08:00:00+00:00"], index=[2, 3])
    times, notes = parse_times(values, "waktu", "x.csv")
    assert notes == []
    assert times[2] == pd.Timestamp("2026-05-20 06:43:01", tz="UTC")
