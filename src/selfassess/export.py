"""Write result tables to CSV or XLSX safely, and build the export of stored answers.

* Cells that a spreadsheet would run as a formula (text starting with ``=``, ``+``, ``-``, ``@``,
  a tab or a carriage return) are neutralised with a leading apostrophe.
* An existing file is never replaced unless ``overwrite=True``; the file appears whole or not at
  all (written to a temporary file in the same folder, then linked or renamed into place).
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .errors import UserError
from .instrument import Instrument
from .store import CODE_COLUMN, Store, answers_frame, latest_per_participant
from .unduhan import write_new

#: First characters that make a spreadsheet treat text as a formula (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SUFFIXES = (".csv", ".xlsx")


def neutralise(value: Any) -> Any:
    """Text that would start a formula gets a leading apostrophe; everything else is unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text cell (and header) neutralised; numbers stay numbers."""
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if series.dtype == object or isinstance(series.dtype, pd.CategoricalDtype | pd.StringDtype):
            out[column] = series.astype(object).map(neutralise)
    out.columns = [neutralise(str(c)) for c in out.columns]
    return out


def check_target(
    path: str | os.PathLike[str], overwrite: bool = False, suffixes: tuple[str, ...] = SUFFIXES
) -> Path:
    """Check an output path: a known suffix, an existing folder, no file in the way."""
    target = Path(path)
    if target.suffix.lower() not in suffixes:
        raise UserError(
            f"jenis berkas keluaran {target.suffix or '(tanpa akhiran)'} tidak didukung.",
            file=str(target),
            hint=f"Gunakan nama berkas yang berakhir {' atau '.join(suffixes)}.",
        )
    if not target.parent.is_dir():
        raise UserError(
            "folder tujuan tidak ada.", file=str(target), hint="Buat foldernya lebih dahulu."
        )
    if target.exists() and not overwrite:
        raise UserError(
            "berkas ini sudah ada dan tidak akan ditimpa.",
            file=str(target),
            hint="Pilih nama lain, atau pakai pilihan --timpa bila memang ingin menggantinya.",
        )
    return target


def write_table(
    frame: pd.DataFrame,
    path: str | os.PathLike[str],
    overwrite: bool = False,
    sheet: str = "hasil",
    index: bool = False,
) -> Path:
    """Write a table to ``.csv`` (UTF-8 with BOM, opens cleanly in spreadsheets) or ``.xlsx``."""
    target = check_target(path, overwrite)
    safe = neutralise_frame(frame.reset_index() if index else frame)
    if target.suffix.lower() == ".csv":
        data = safe.to_csv(index=False).encode("utf-8-sig")
    else:
        buffer = io.BytesIO()
        _write_xlsx(safe, buffer, sheet)
        data = buffer.getvalue()
    return write_new(target, data, overwrite)


def _write_xlsx(frame: pd.DataFrame, path: Path | io.BytesIO, sheet: str) -> None:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook()
    ws = book.active
    ws.title = sheet[:31]
    ws.append(list(frame.columns))
    for row in frame.itertuples(index=False, name=None):
        ws.append([_xlsx_cell(v) for v in row])
    for number, column in enumerate(frame.columns, start=1):
        width = max([len(str(column))] + [len(str(v)) for v in frame[column].head(200)])
        ws.column_dimensions[get_column_letter(number)].width = min(max(width + 2, 8), 60)
    ws.freeze_panes = "B2"
    book.save(path)


def _xlsx_cell(value: Any) -> Any:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, str) and value.startswith("="):  # pragma: no cover - neutralised before
        return "'" + value
    return value


def round_scores(frame: pd.DataFrame, instrument: Instrument, digits: int = 2) -> pd.DataFrame:
    """Scores rounded for people to read (the computation itself is never rounded)."""
    cols = [d.id for d in instrument.dimensions if d.id in frame] + (
        ["overall"] if "overall" in frame else []
    )
    out = frame.copy()
    out[cols] = out[cols].round(digits)
    return out


def stored_answers(
    store: Store, instrument: Instrument, latest_only: bool = False
) -> tuple[pd.DataFrame, list[str]]:
    """Saved answers to one instrument with their scores, one row per submission.

    With ``latest_only`` each participant keeps only the latest submission per phase (earlier ones
    stay in the store). Returns the table and warnings.
    """
    from .scoring import prepare, score

    subs = store.submissions(kind="jawaban", instrument=instrument.id)
    if not subs:
        raise UserError(
            f"belum ada jawaban tersimpan untuk instrumen {instrument.id}.",
            file=str(store.path),
            hint="Periksa nama instrumen dan berkas hasil (SELFASSESS_DB).",
        )
    frame = answers_frame(subs)
    if latest_only:
        frame = latest_per_participant(frame)
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    items = [i.id for i in instrument.items]
    for item in items:
        if item not in frame:
            frame[item] = None
    base = frame[[CODE_COLUMN, "fase", "waktu", "id_kiriman", *items]].astype(object)
    prepared = prepare(instrument, base, source=store.path.name)
    table = base.copy()
    if instrument.dimensions and instrument.bands:
        scored = score(prepared)
        extra = round_scores(scored.table, instrument).drop(columns="respondent")
        table = pd.concat([table, extra], axis=1)
        return table, scored.warnings
    return table, prepared.warnings
