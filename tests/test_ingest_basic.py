"""File-level reading: encodings, delimiters, row numbers, header problems."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from selfassess.errors import UserError
from selfassess.ingest import read_table


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
    odd = tmp_path / "data.ods"
    odd.write_text("x")
    with pytest.raises(UserError, match="tidak dikenal"):
        read_table(odd)
