"""Read CSV and XLSX exports into a raw table whose index is the spreadsheet row number.

This is the file-level layer: encoding, delimiter, header row, empty rows, duplicate headers,
decimal commas, the form tool's own columns and its timestamps. Mapping headers to items and
answers to scale values happens in :mod:`selfassess.scoring`.

Every answer cell is kept as text (or ``None`` when empty) so that later steps can report exactly
what was in the file. Whenever a choice had to be made (encoding, delimiter, day/month order,
which sheet), it is written to :attr:`Table.notes` in Indonesian: nothing is guessed silently.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pandas as pd

from .errors import UserError

ENCODINGS = ("utf-8-sig", "cp1252")
DELIMITERS = (",", ";", "\t", "|")
_DELIMITER_NAMES = {",": "koma (,)", ";": "titik koma (;)", "\t": "tab", "|": "garis tegak (|)"}

#: Headers that hold the form tool's submission time, in order of preference.
TIME_HEADERS = (
    "timestamp",
    "stempel waktu",
    "cap waktu",
    "completion time",
    "waktu penyelesaian",
    "waktu selesai",
    "waktu",
    "start time",
    "waktu mulai",
    "tanggal isi",
    "tanggal",
)
_GOOGLE_FIRST = {"timestamp", "stempel waktu", "cap waktu"}
_MICROSOFT_MARKERS = ({"id", "start time", "completion time"}, {"id", "waktu mulai"})
#: Columns written by the form tools themselves (never answers to an item).
_TOOL_COLUMNS = {
    "Google Forms": {
        "timestamp",
        "stempel waktu",
        "cap waktu",
        "email address",
        "alamat email",
        "score",
        "skor",
        "total score",
    },
    "Microsoft Forms": {
        "id",
        "start time",
        "completion time",
        "email",
        "name",
        "last modified time",
        "total points",
        "quiz feedback",
        "waktu mulai",
        "waktu penyelesaian",
        "waktu selesai",
        "nama",
        "waktu modifikasi terakhir",
        "total poin",
        "umpan balik kuis",
    },
}
_MICROSOFT_QUIZ_PREFIXES = ("points - ", "feedback - ", "poin - ", "umpan balik - ")
#: Columns that hold personal data; they are never scored or reported.
PERSONAL_HEADERS = {"email", "email address", "alamat email", "name", "nama", "nama lengkap", "nip"}

_MAGIC = {
    b"PK\x03\x04": (
        "berkas ini sebenarnya buku kerja XLSX (atau ZIP), bukan teks CSV.",
        "Ubah akhiran namanya menjadi .xlsx, atau ekspor ulang sebagai CSV.",
    ),
    b"\xd0\xcf\x11\xe0": (
        "berkas ini buku kerja Excel lama (.xls), bukan teks CSV atau XLSX.",
        "Buka di Excel atau LibreOffice lalu simpan sebagai .xlsx atau CSV.",
    ),
    b"%PDF": (
        "berkas ini PDF, bukan data jawaban.",
        "Unduh jawaban dari alat formulir sebagai CSV atau XLSX.",
    ),
}


@dataclass
class Table:
    """A file's content and how it was read.

    ``frame`` holds text cells; its index is the row number as a spreadsheet shows it (header =
    the first non-empty row) and its columns are the file's headers in order, so
    :meth:`letter` gives the spreadsheet column letter of any column.
    """

    frame: pd.DataFrame
    source: str
    notes: list[str] = field(default_factory=list)
    #: "Google Forms", "Microsoft Forms" or None (a spreadsheet or another tool).
    tool: str | None = None
    #: Text encoding used ("UTF-8", "UTF-8 dengan BOM", "UTF-16", "Windows-1252"); None for XLSX.
    encoding: str | None = None
    #: Column delimiter of a CSV file; None for XLSX.
    delimiter: str | None = None
    #: Worksheet read from an XLSX file.
    sheet: str | None = None
    #: Columns whose decimal commas were read as decimal points ("3,5" → "3.5").
    decimal_comma: list[str] = field(default_factory=list)
    #: The column holding the submission time, and its values parsed (index = row number).
    time_column: str | None = None
    times: pd.Series | None = None
    #: Columns written by the form tool (timestamps, ids, e-mail, quiz totals): not answers.
    metadata: list[str] = field(default_factory=list)
    #: Columns that hold personal data (names, e-mail addresses): never scored or reported.
    personal: list[str] = field(default_factory=list)
    #: Row number of the header row (1 unless title rows or a "sep=" line come first).
    header_row: int = 1

    def letter(self, column: str) -> str:
        """Spreadsheet letter of a column of :attr:`frame` (first column = ``A``)."""
        return column_letter(list(self.frame.columns).index(column) + 1)

    def answer_columns(self) -> list[str]:
        """Columns that may hold answers (everything except the tool's and personal columns)."""
        skip = set(self.metadata) | set(self.personal)
        return [c for c in self.frame.columns if c not in skip]


# ── text files ─────────────────────────────────────────────────────────────────────────────────


def _decode(raw: bytes, name: str, notes: list[str]) -> tuple[str, str]:
    for magic, (message, hint) in _MAGIC.items():
        if raw.startswith(magic):
            raise UserError(message, file=name, hint=hint)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        notes.append(f'{name}: berkas dibaca sebagai teks UTF-16 (ekspor "Unicode Text").')
        return raw.decode("utf-16"), "UTF-16"
    if b"\x00" in raw[:4096]:
        raise UserError(
            "berkas ini bukan teks CSV (berisi data biner).",
            file=name,
            hint="Ekspor ulang jawaban sebagai CSV atau XLSX.",
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        if not _utf8(raw[3:]):
            _bad(name)
        return raw[3:].decode("utf-8"), "UTF-8 dengan BOM"
    if _utf8(raw):
        return raw.decode("utf-8"), "UTF-8"
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        _bad(name)
    notes.append(
        f"{name}: berkas bukan UTF-8; dibaca sebagai Windows-1252 (cp1252), pengodean bawaan "
        "Excel di Windows. Periksa huruf beraksen pada hasilnya."
    )
    return text, "Windows-1252"


def _utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _bad(name: str) -> None:
    raise UserError(
        "berkas tidak dapat dibaca sebagai teks (bukan UTF-8 maupun Windows-1252).",
        file=name,
        hint='Simpan ulang dari lembar kerja sebagai "CSV UTF-8".',
    )


def _sniff_delimiter(text: str, name: str, notes: list[str]) -> str:
    """Choose the delimiter that splits the first records into the same number of columns."""
    sample = "\n".join(text.splitlines()[:50])
    fits: dict[str, tuple[int, float]] = {}
    for delimiter in DELIMITERS:
        try:
            rows = [r for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if any(r)]
        except csv.Error:
            continue
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        consistent = sum(len(r) == width for r in rows) / len(rows)
        fits[delimiter] = (width, consistent)
    if not fits:
        return ","
    # Prefer the most consistent split; among equals, the delimiter that is not followed by a
    # space (commas in prose are, delimiters in exports are not), then the wider split.
    top = max(c for _, c in fits.values())
    spaced = {d: sample.count(d + " ") / max(sample.count(d), 1) for d in fits}
    best = min(
        (d for d in fits if fits[d][1] >= top - 0.01),
        key=lambda d: (round(spaced[d], 2), -fits[d][0], d != ","),
    )
    rivals = [d for d in fits if d != best and fits[d][1] >= 0.99 and fits[d][0] >= 2]
    if rivals:
        names = ", ".join(_DELIMITER_NAMES[d] for d in rivals)
        notes.append(
            f"{name}: pemisah kolom tidak pasti; dipakai {_DELIMITER_NAMES[best]} "
            f"({fits[best][0]} kolom), bukan {names}. Bila judul kolom tampak terpotong, "
            "ekspor ulang dengan pemisah koma."
        )
    elif best != ",":
        notes.append(f"{name}: pemisah kolom yang dipakai adalah {_DELIMITER_NAMES[best]}.")
    return best


def _rows_csv(path: Path, notes: list[str]) -> tuple[list[list[str]], str, str, int]:
    text, encoding = _decode(path.read_bytes(), path.name, notes)
    skipped = 0
    first, _, rest = text.partition("\n")
    match = re.fullmatch(r'"?sep=(.)"?\r?', first)
    if match:
        delimiter = match.group(1)
        text = rest
        skipped = 1
        notes.append(
            f'{path.name}: baris pertama ("sep={delimiter}") menetapkan pemisah kolom '
            f"({_DELIMITER_NAMES.get(delimiter, delimiter)}); baris itu dilewati."
        )
    else:
        delimiter = _sniff_delimiter(text, path.name, notes)
    rows: list[list[str]] = []
    try:
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True):
            rows.append(record)
    except csv.Error as exc:
        raise UserError(
            'tanda kutip (") pada baris ini tidak ditutup, sehingga sisa berkas tidak terbaca.',
            file=path.name,
            row=len(rows) + 1 + skipped,
            hint="Tutup tanda kutipnya di lembar kerja atau ekspor ulang berkas itu.",
        ) from exc
    return rows, encoding, delimiter, skipped


# ── XLSX ───────────────────────────────────────────────────────────────────────────────────────


def _rows_xlsx(path: Path, notes: list[str]) -> tuple[list[list[object]], str]:
    from openpyxl import load_workbook

    raw = path.read_bytes()[:4096]
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        message, hint = _MAGIC[b"\xd0\xcf\x11\xe0"]
        raise UserError(message, file=path.name, hint=hint)
    if raw and not raw.startswith(b"PK") and b"\x00" not in raw and _utf8(raw[:2000]):
        raise UserError(
            "berkas ini teks (CSV), bukan buku kerja XLSX.",
            file=path.name,
            hint="Ubah akhiran namanya menjadi .csv lalu coba lagi.",
        )
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise UserError(
            f"berkas XLSX tidak dapat dibuka ({type(exc).__name__}).",
            file=path.name,
            hint="Simpan ulang dari aplikasi lembar kerja sebagai .xlsx, atau ekspor sebagai CSV.",
        ) from exc
    try:
        sheets = []
        for ws in book.worksheets:
            ws.reset_dimensions()  # some tools write a wrong size; read every stored cell
            sheets.append(
                (ws.title, ws.sheet_state, [list(r) for r in ws.iter_rows(values_only=True)])
            )
    finally:
        book.close()
    filled = [
        (title, state, rows)
        for title, state, rows in sheets
        if any(v is not None and str(v).strip() for r in rows for v in r)
    ]
    if not filled:
        return [], sheets[0][0] if sheets else ""
    visible = [s for s in filled if s[1] == "visible"] or filled
    title, _, rows = visible[0]
    others = [s[0] for s in filled if s[0] != title]
    if others:
        listed = ", ".join(f'"{o}"' for o in others)
        notes.append(
            f'{path.name}: buku kerja berisi lebih dari satu lembar; yang dibaca lembar "{title}", '
            f"lembar lain diabaikan: {listed}."
        )
    return rows, title


def _cell(value: object) -> str | None:
    if value is None:
        return None
    if type(value) is str:  # the common case first
        return value.replace("\xa0", " ").strip() or None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        value = int(value) if value.is_integer() else repr(round(value, 10))
    if isinstance(value, datetime):
        value = value.isoformat(sep=" ")
    text = str(value).replace("\xa0", " ").strip()
    return text or None


def _header_cell(value: object) -> str | None:
    text = _cell(value)
    return " ".join(text.split()) if text else None


# ── decimal commas ─────────────────────────────────────────────────────────────────────────────

_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+$")


def _decimal_columns(frame: pd.DataFrame) -> list[str]:
    """Columns whose every value is a number and some use a decimal comma ("3,5")."""
    found = []
    for column in frame.columns:
        values = frame[column].dropna().astype(str)
        comma = values.str.fullmatch(_DECIMAL_COMMA)
        if comma.any() and (comma | values.str.fullmatch(_PLAIN_NUMBER)).all():
            found.append(column)
    return found


# ── timestamps ─────────────────────────────────────────────────────────────────────────────────

_ISO = re.compile(
    r"^(?P<y>\d{4})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})"
    r"(?:[ T](?P<H>\d{1,2})[:.](?P<M>\d{2})(?:[:.](?P<S>\d{2})(?:\.\d+)?)?)?"
    r"\s*(?P<ampm>[AaPp]\.?\s?[Mm]\.?)?"
    r"\s*(?P<tz>(?:GMT|UTC|Z)?\s*(?:[+-]\d{1,2}(?::?\d{2})?)?)?$"
)
_DMY = re.compile(
    r"^(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>\d{2}|\d{4})"
    r"(?:[ T,]+(?P<H>\d{1,2})[:.](?P<M>\d{2})(?:[:.](?P<S>\d{2}))?)?"
    r"\s*(?P<ampm>[AaPp]\.?\s?[Mm]\.?)?"
    r"\s*(?P<tz>(?:GMT|UTC|Z)?\s*(?:[+-]\d{1,2}(?::?\d{2})?)?)?$"
)


def _offset(text: str | None) -> timezone | None:
    if not text or not text.strip():
        return None
    text = text.strip().upper()
    if text in {"Z", "GMT", "UTC"}:
        return UTC
    sign = -1 if "-" in text else 1
    digits = re.sub(r"[^0-9:]", "", text)
    hours, _, minutes = digits.partition(":")
    if not minutes and len(hours) > 2:
        hours, minutes = hours[:-2], hours[-2:]
    return timezone(sign * timedelta(hours=int(hours), minutes=int(minutes or 0)))


def _hour(match: re.Match[str]) -> int:
    hour = int(match.group("H") or 0)
    ampm = (match.group("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    if ampm == "am" and hour == 12:
        hour = 0
    return hour


def _build(y: int, m: int, d: int, match: re.Match[str]) -> datetime | None:
    try:
        return datetime(
            y,
            m,
            d,
            _hour(match),
            int(match.group("M") or 0),
            int(match.group("S") or 0),
            tzinfo=_offset(match.group("tz")),
        )
    except ValueError:
        return None


def parse_times(values: pd.Series, column: str, source: str) -> tuple[pd.Series, list[str]]:
    """Parse a timestamp column as the form tools write it; return the times and notes.

    Year-first values (``2026/05/20 1:43:01 PM GMT+7``, ISO) are unambiguous. For ``a/b/yyyy``
    values the day/month order is decided from the whole column: a first number above 12 means
    day first, a second number above 12 means month first. When no value decides it, the
    Indonesian order (day first) is used and a note says so. Values with a time-zone offset are
    converted to UTC; values that cannot be read stay empty and are listed in a note.
    """
    notes: list[str] = []
    text = values.dropna().astype(str).str.strip()
    parsed: dict[object, datetime | None] = {}
    pending: dict[object, re.Match[str]] = {}
    numbers = pd.to_numeric(text, errors="coerce")
    serial = {r: float(v) for r, v in numbers.items() if pd.notna(v) and 20000 < v < 80000}
    for row, value in text.items():
        if row in serial:
            seconds = round(serial[row] * 86400)
            parsed[row] = datetime(1899, 12, 30) + timedelta(seconds=seconds)
            continue
        match = _ISO.match(value)
        if match:
            parsed[row] = _build(int(match["y"]), int(match["m"]), int(match["d"]), match)
            continue
        match = _DMY.match(value)
        if match:
            pending[row] = match
            continue
        parsed[row] = None
    if any(parsed.get(r) is not None for r in serial):
        notes.append(
            f'{source}: kolom "{column}" berisi angka tanggal Excel; dibaca sebagai tanggal-waktu.'
        )
    if pending:
        firsts = [int(m["a"]) for m in pending.values()]
        seconds = [int(m["b"]) for m in pending.values()]
        day_first_evidence = any(a > 12 for a in firsts)
        month_first_evidence = any(b > 12 for b in seconds)
        if day_first_evidence and month_first_evidence:
            notes.append(
                f'{source}: kolom "{column}" mencampur urutan hari/bulan dan bulan/hari; '
                "tanggal yang tidak pasti dibiarkan kosong."
            )
        elif not day_first_evidence and not month_first_evidence:
            notes.append(
                f'{source}: urutan tanggal pada kolom "{column}" tidak dapat dipastikan (semua '
                "angka hari dan bulan ≤ 12); dibaca sebagai hari/bulan/tahun (format Indonesia). "
                "Bila alat formulir memakai format bulan/hari, ubah dulu formatnya."
            )
        day_first = day_first_evidence or not month_first_evidence
        mixed = day_first_evidence and month_first_evidence
        if month_first_evidence and not day_first_evidence:
            notes.append(
                f'{source}: kolom "{column}" dibaca sebagai bulan/hari/tahun (ada angka bulan '
                "> 12 pada posisi kedua)."
            )
        for row, match in pending.items():
            a, b, year = int(match["a"]), int(match["b"]), int(match["y"])
            year = year + 2000 if year < 100 else year
            if mixed and a <= 12 and b <= 12:
                parsed[row] = None
                continue
            if mixed:
                day, month = (a, b) if a > 12 else (b, a)
            else:
                day, month = (a, b) if day_first else (b, a)
            parsed[row] = _build(year, month, day, match)
    unreadable = sorted(row for row, when in parsed.items() if when is None)
    if unreadable:
        rows = ", ".join(str(r) for r in unreadable[:10]) + (" …" if len(unreadable) > 10 else "")
        notes.append(
            f'{source}: {len(unreadable)} nilai pada kolom "{column}" bukan tanggal-waktu yang '
            f"dikenali (baris {rows}); waktunya dibiarkan kosong."
        )
    aware = [t for t in parsed.values() if t is not None and t.tzinfo is not None]
    naive = [t for t in parsed.values() if t is not None and t.tzinfo is None]
    if aware and naive:
        notes.append(
            f'{source}: sebagian nilai kolom "{column}" mencantumkan zona waktu dan sebagian '
            "tidak; semuanya dibaca sebagai waktu setempat tanpa zona."
        )
        parsed = {r: t.replace(tzinfo=None) if t else None for r, t in parsed.items()}
    elif aware and len({t.utcoffset() for t in aware}) > 1:
        notes.append(
            f'{source}: kolom "{column}" memakai beberapa zona waktu; semuanya diubah ke UTC.'
        )
        parsed = {r: t.astimezone(UTC) if t else None for r, t in parsed.items()}
    series = pd.Series(
        [parsed.get(r) for r in values.index], index=values.index, name=column, dtype=object
    )
    if aware and not naive:
        zone = next(t.tzinfo for t in parsed.values() if t is not None)
        return pd.to_datetime(series, utc=True).dt.tz_convert(zone), notes
    return pd.to_datetime(series), notes


# ── form tools ─────────────────────────────────────────────────────────────────────────────────


def _detect_tool(header: list[str]) -> str | None:
    keys = [h.casefold() for h in header]
    if keys and keys[0] in _GOOGLE_FIRST:
        return "Google Forms"
    if any(marker <= set(keys) for marker in _MICROSOFT_MARKERS):
        return "Microsoft Forms"
    return None


def _metadata(header: list[str], tool: str | None) -> list[str]:
    if tool is None:
        return []
    known = _TOOL_COLUMNS[tool]
    return [
        h
        for h in header
        if h.casefold() in known
        or (tool == "Microsoft Forms" and h.casefold().startswith(_MICROSOFT_QUIZ_PREFIXES))
    ]


def _time_column(header: list[str]) -> str | None:
    keys = {h.casefold(): h for h in header}
    return next((keys[k] for k in TIME_HEADERS if k in keys), None)


# ── the table ──────────────────────────────────────────────────────────────────────────────────


def read_table(path: str | Path) -> Table:
    """Read a CSV or XLSX file into a :class:`Table`; raise :class:`UserError` when unusable."""
    path = Path(path)
    if not path.is_file():
        raise UserError(
            "berkas tidak ditemukan.", file=str(path), hint="Periksa nama dan foldernya."
        )
    notes: list[str] = []
    suffix = path.suffix.lower()
    encoding = delimiter = sheet = None
    skipped = 0
    if suffix in {".xlsx", ".xlsm"}:
        rows, sheet = _rows_xlsx(path, notes)
    elif suffix in {".csv", ".txt", ".tsv"}:
        rows, encoding, delimiter, skipped = _rows_csv(path, notes)
    elif suffix in {".xls", ".ods", ".numbers"}:
        raise UserError(
            f"format {suffix} belum dapat dibaca.",
            file=path.name,
            hint="Buka berkas itu di Excel atau LibreOffice lalu simpan sebagai .xlsx atau CSV.",
        )
    else:
        raise UserError(
            f"jenis berkas {suffix or '(tanpa akhiran)'} tidak dikenal.",
            file=path.name,
            hint="Gunakan berkas .csv atau .xlsx.",
        )
    cells = [[_cell(v) for v in row] for row in rows]
    start = _header_index(cells, path.name, skipped, notes)
    header_number = start + 1 + skipped
    header = [_header_cell(v) for v in rows[start]]
    while header and header[-1] is None:
        header.pop()
    for number, name in enumerate(header, start=1):
        if name is None:
            raise UserError(
                "judul kolom kosong.",
                file=path.name,
                row=header_number,
                column=column_letter(number),
                hint="Beri judul pada kolom itu atau hapus kolomnya.",
            )
    seen: dict[str, int] = {}
    names = [h for h in header if h is not None]
    for number, name in enumerate(names, start=1):
        key = name.casefold()
        if key in seen:
            raise UserError(
                f'judul kolom "{name}" muncul dua kali (kolom {column_letter(seen[key])} dan '
                f"{column_letter(number)}).",
                file=path.name,
                row=header_number,
                column=column_letter(number),
                hint="Ubah salah satu judul atau hapus kolom yang berlebih.",
            )
        seen[key] = number
    width = len(names)
    body = {}
    for i, row in enumerate(cells[start + 1 :], start=header_number + 1):
        values = (row + [None] * width)[:width]
        extra = [c for c in row[width:] if c is not None]
        if extra:
            raise UserError(
                "baris ini berisi lebih banyak nilai daripada jumlah judul kolom.",
                file=path.name,
                row=i,
                column=column_letter(width + 1),
                hint="Periksa pemisah kolom atau tanda kutip pada baris itu.",
            )
        if any(v is not None for v in values):
            body[i] = values
    if not body:
        raise UserError(
            "berkas hanya berisi judul kolom; belum ada jawaban.",
            file=path.name,
            hint="Periksa bahwa Anda mengekspor berkas jawaban yang benar.",
        )
    frame = pd.DataFrame.from_dict(body, orient="index", columns=names, dtype=object)
    frame.index.name = "baris"
    tool = _detect_tool(names)
    metadata = _metadata(names, tool)
    time_column = _time_column(names)
    if time_column and time_column not in metadata:
        metadata.append(time_column)
    personal = [h for h in names if h.casefold() in PERSONAL_HEADERS]
    if tool:
        notes.append(f"{path.name}: dikenali sebagai ekspor {tool}.")
    if personal:
        listed = ", ".join(f'"{p}"' for p in personal)
        notes.append(
            f"{path.name}: kolom {listed} berisi data pribadi; kolom itu diabaikan dan tidak "
            "masuk laporan."
        )
    decimal = _decimal_columns(frame[[c for c in names if c not in metadata]])
    for column in decimal:
        filled = frame[column].notna()
        frame.loc[filled, column] = frame.loc[filled, column].str.replace(",", ".", regex=False)
    if decimal:
        listed = ", ".join(f'"{c}"' for c in decimal)
        notes.append(
            f"{path.name}: koma dibaca sebagai tanda desimal (3,5 = 3.5) pada kolom {listed}."
        )
    times = None
    if time_column:
        times, time_notes = parse_times(frame[time_column], time_column, path.name)
        notes.extend(time_notes)
    return Table(
        frame=frame,
        source=path.name,
        notes=notes,
        tool=tool,
        encoding=encoding,
        delimiter=delimiter,
        sheet=sheet,
        decimal_comma=decimal,
        time_column=time_column,
        times=times,
        metadata=metadata,
        personal=personal,
        header_row=header_number,
    )


def _header_index(cells: list[list[str | None]], name: str, skipped: int, notes: list[str]) -> int:
    """Index of the header: the first row with content, after any title rows above it.

    A title row is a row with one filled cell above the first row with two or more (a trainer's
    "Rekap survei angkatan 5" line); such rows are skipped with a note.
    """
    filled = [sum(c is not None for c in row) for row in cells]
    first = next((i for i, n in enumerate(filled) if n), None)
    if first is None:
        raise UserError("berkas kosong.", file=name, hint="Ekspor ulang data jawaban.")
    wide = next((i for i, n in enumerate(filled) if n >= 2), None)
    if filled[first] == 1 and wide is not None and wide > first and wide - first <= 5:
        titles = [i + 1 + skipped for i in range(first, wide) if filled[i]]
        listed = ", ".join(str(t) for t in titles)
        notes.append(
            f"{name}: baris {listed} berisi satu sel saja dan dianggap judul lembar; judul kolom "
            f"dibaca dari baris {wide + 1 + skipped}."
        )
        return wide
    return first


def column_letter(number: int) -> str:
    """1 → A, 27 → AA (as spreadsheets name columns)."""
    letters = ""
    while number:
        number, rem = divmod(number - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


_column_letter = column_letter
