"""Read CSV and XLSX exports into a raw table whose index is the spreadsheet row number.

This is the file-level layer: encoding, delimiter, header row, empty rows, duplicate headers.
Mapping headers to items and answers to scale values happens in :mod:`selfassess.scoring`.
Every value is kept as text (or ``None`` when empty) so that later steps can report exactly what
was in the file.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .errors import UserError

ENCODINGS = ("utf-8-sig", "cp1252")


@dataclass
class Table:
    """A file's content: ``frame`` (text cells, index = row number as in a spreadsheet)."""

    frame: pd.DataFrame
    source: str
    notes: list[str] = field(default_factory=list)


def _decode(raw: bytes, name: str, notes: list[str]) -> str:
    for encoding in ENCODINGS:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding != "utf-8-sig":
            notes.append(
                f"{name}: berkas bukan UTF-8; dibaca sebagai Windows-1252 ({encoding}). "
                "Periksa huruf beraksen pada hasilnya."
            )
        return text
    raise UserError("berkas tidak dapat dibaca sebagai teks.", file=name)  # pragma: no cover


def _sniff_delimiter(text: str, name: str, notes: list[str]) -> str:
    header = text.splitlines()[0] if text.strip() else ""
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    delimiter = max(counts, key=lambda d: counts[d])
    if counts[delimiter] == 0:
        return ","
    if delimiter != ",":
        label = {";": "titik koma (;)", "\t": "tab"}[delimiter]
        notes.append(f"{name}: pemisah kolom yang dipakai adalah {label}.")
    return delimiter


def _rows_csv(path: Path, notes: list[str]) -> list[list[str]]:
    text = _decode(path.read_bytes(), path.name, notes)
    delimiter = _sniff_delimiter(text, path.name, notes)
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _rows_xlsx(path: Path) -> list[list[object]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise UserError(
            f"berkas XLSX tidak dapat dibuka ({type(exc).__name__}).",
            file=path.name,
            hint="Simpan ulang dari aplikasi lembar kerja sebagai .xlsx, atau ekspor sebagai CSV.",
        ) from exc
    sheet = book.worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    book.close()
    return rows


def _cell(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def read_table(path: str | Path) -> Table:
    """Read a CSV or XLSX file into a :class:`Table`; raise :class:`UserError` when unusable."""
    path = Path(path)
    if not path.is_file():
        raise UserError(
            "berkas tidak ditemukan.", file=str(path), hint="Periksa nama dan foldernya."
        )
    notes: list[str] = []
    suffix = path.suffix.lower()
    if suffix in {".xlsx", ".xlsm"}:
        rows = _rows_xlsx(path)
    elif suffix in {".csv", ".txt", ".tsv"}:
        rows = _rows_csv(path, notes)
    else:
        raise UserError(
            f"jenis berkas {suffix or '(tanpa akhiran)'} tidak dikenal.",
            file=path.name,
            hint="Gunakan berkas .csv atau .xlsx.",
        )
    cells = [[_cell(v) for v in row] for row in rows]
    # the header is the first row that has any content
    start = next((i for i, r in enumerate(cells) if any(c is not None for c in r)), None)
    if start is None:
        raise UserError("berkas kosong.", file=path.name, hint="Ekspor ulang data jawaban.")
    header = cells[start]
    while header and header[-1] is None:
        header.pop()
    for number, name in enumerate(header, start=1):
        if name is None:
            raise UserError(
                "judul kolom kosong.",
                file=path.name,
                row=start + 1,
                column=_column_letter(number),
                hint="Beri judul pada kolom itu atau hapus kolomnya.",
            )
    seen: dict[str, int] = {}
    for number, name in enumerate(header, start=1):
        key = name.casefold()
        if key in seen:
            raise UserError(
                f'judul kolom "{name}" muncul dua kali (kolom {_column_letter(seen[key])} dan '
                f"{_column_letter(number)}).",
                file=path.name,
                row=start + 1,
                hint="Ubah salah satu judul atau hapus kolom yang berlebih.",
            )
        seen[key] = number
    width = len(header)
    body = {}
    for i, row in enumerate(cells[start + 1 :], start=start + 2):
        values = (row + [None] * width)[:width]
        extra = [c for c in row[width:] if c is not None]
        if extra:
            raise UserError(
                "baris ini berisi lebih banyak nilai daripada jumlah judul kolom.",
                file=path.name,
                row=i,
                hint="Periksa pemisah kolom atau tanda kutip pada baris itu.",
            )
        if any(v is not None for v in values):
            body[i] = values
    frame = pd.DataFrame.from_dict(body, orient="index", columns=header, dtype=object)
    frame.index.name = "baris"
    return Table(frame=frame, source=path.name, notes=notes)


def _column_letter(number: int) -> str:
    """1 → A, 27 → AA (as spreadsheets name columns)."""
    letters = ""
    while number:
        number, rem = divmod(number - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
