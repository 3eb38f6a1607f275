"""Scoring: a responses frame in, one row of scores and bands per respondent out (pure).

Two steps:

* :func:`prepare` maps a raw frame (text cells as read by :func:`selfassess.ingest.read_table`, or
  numbers from the store) to clean values: it finds the participant-code column, matches each
  column to an item (by id or by item text, as form tools export them) and turns every answer
  into a number on the item's scale (``skala``), an option id (``pilihan``) or text (``teks``).
  Problems a person must fix raise :class:`~selfassess.errors.UserError` naming the row and column;
  problems that leave an honest score possible become warnings.
* :func:`score` computes dimension scores, bands and the overall score with NumPy on the prepared
  matrix.

The rule (also on the guide page ``alat/asesmen-diri.md``): reverse items are scored as
``min + max - x``; a dimension's score is the mean of its answered items when at least
``min_share`` (default 80 %) of its items are answered, otherwise empty; ``overall`` is the mean of
the dimension scores when at least ``min_share`` of the dimensions have a score, otherwise empty.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .errors import UserError
from .ingest import Table
from .instrument import (
    Band,
    Dimension,
    Instrument,
    Item,
    Scale,
    normalise_header,
    normalise_label,
    number,
)

#: Headers recognised as the participant-code column, in order of preference (normalised).
CODE_HEADERS = (
    "kode peserta",
    "kode",
    "id peserta",
    "kode responden",
    "kode pegawai",
    "kode atasan",
    "id",
    "responden",
    "respondent",
    "participant code",
    "participant",
    "code",
)

#: Columns that form tools and the store add; they are kept as metadata, never warned about.
META_HEADERS = {
    "fase": "fase",
    "phase": "fase",
    "kelompok": "kelompok",
    "group": "kelompok",
    "unit": "kelompok",
    "unit kerja": "kelompok",
    "waktu": "waktu",
    "id_kiriman": "id_kiriman",
    "timestamp": "waktu",
    "stempel waktu": "waktu",
    "start time": "waktu",
    "completion time": "waktu",
    "waktu mulai": "waktu",
    "waktu selesai": "waktu",
    "email": "email",
    "alamat email": "email",
    "email address": "email",
    "nama": "nama",
    "name": "nama",
    "last modified time": "waktu",
    "peran": "peran",
    "penilai": "penilai",
}

#: Column names of the result table (besides the dimension ids and their ``_band`` columns).
RESPONDENT, OVERALL = "respondent", "overall"
BAND_SUFFIX = "_band"

_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
_NUMBER_LABEL = re.compile(r"^\s*(\d+)\s*(?:[-–—=:.)]\s*|\(\s*)(.+?)\s*\)?\s*$")
_BRACKET = re.compile(r"^(.*?)\s*\[(.+)\]\s*$")
_ID_PREFIX = re.compile(r"^\[?([A-Za-z][A-Za-z0-9_.-]{0,39})\]?\s*[-:.)\]]\s+\S")


@dataclass
class Prepared:
    """Clean answers: ``values`` has one column per item id and the file's row numbers as index.

    ``skala`` columns are float (NaN = unanswered), ``pilihan`` columns hold option ids and
    ``teks`` columns text (None = unanswered). ``codes`` are the normalised participant codes,
    ``meta`` the recognised extra columns (``fase``, ``kelompok``, ...), ``columns`` maps item id
    to the header it was read from.
    """

    instrument: Instrument
    values: pd.DataFrame
    codes: pd.Series
    meta: pd.DataFrame = field(default_factory=pd.DataFrame)
    columns: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    source: str | None = None

    def correct(self) -> pd.DataFrame:
        """For ``pilihan`` items with a key: True/False per answer, NA when unanswered."""
        keyed = [i for i in self.instrument.items if i.type == "pilihan" and i.kunci]
        out = {}
        for item in keyed:
            col = self.values[item.id]
            out[item.id] = (col == item.kunci).astype("boolean").mask(col.isna())
        return pd.DataFrame(out, index=self.values.index)


@dataclass
class Scored:
    """The result: ``table`` (one row per respondent, index = row number) and warnings."""

    instrument: Instrument
    table: pd.DataFrame
    warnings: list[str] = field(default_factory=list)
    meta: pd.DataFrame = field(default_factory=pd.DataFrame)


# ── prepare ─────────────────────────────────────────────────────────────────────────────────────


class _Bad(Exception):
    """An answer that cannot be used; the message says why."""


def _where(source: str | None, row: Any = None, column: str | None = None) -> dict[str, Any]:
    return {"file": source, "row": _row(row), "column": column}


def _row(row: Any) -> int | None:
    if row is None:
        return None
    try:
        return int(row)
    except (TypeError, ValueError):  # pragma: no cover - non-numeric index
        return None


def _find_code_column(columns: list[str], source: str | None) -> str:
    norm = {normalise_header(c): c for c in reversed(columns)}
    for header in CODE_HEADERS:
        if header in norm:
            return norm[header]
    raise UserError(
        "kolom kode peserta tidak ditemukan.",
        file=source,
        row=1,
        hint='Beri judul "Kode peserta" (atau "Kode"/"ID") pada kolom yang berisi kode peserta. '
        f"Judul kolom yang ada: {', '.join(columns[:8])}{' …' if len(columns) > 8 else ''}.",
    )


def _item_keys(inst: Instrument) -> dict[str, Item]:
    """Every way a header may name an item: id, Indonesian text, English text (normalised)."""
    keys: dict[str, Item] = {}
    for item in inst.items:
        for key in (item.id, item.text.id, item.text.en):
            if key:
                keys.setdefault(normalise_header(key), item)
    return keys


def _match_header(header: str, keys: dict[str, Item]) -> Item | None:
    candidates = [header]
    bracket = _BRACKET.match(header)  # Google Forms grids: "Question [row text]"
    if bracket:
        candidates.append(bracket.group(2))
    prefix = _ID_PREFIX.match(header)  # "K01. Saya …", "[K01] Saya …"
    if prefix:
        candidates.append(prefix.group(1))
    for candidate in candidates:
        item = keys.get(normalise_header(candidate))
        if item is not None:
            return item
    return None


def _scale_map(scale: Scale) -> dict[str, int]:
    labels: dict[str, int] = {}
    for point, text in scale.labels.items():
        for value in (text.id, text.en):
            if value:
                labels.setdefault(normalise_label(value), point)
    return labels


def _allowed(scale: Scale) -> str:
    names = ", ".join(t.id for t in scale.labels.values())
    return f"angka {scale.min}-{scale.max}" + (f" atau label ({names})" if names else "")


def _scale_value(raw: Any, scale: Scale, labels: dict[str, int]) -> float:
    if raw is None or (isinstance(raw, float) and math.isnan(raw)):
        return math.nan
    if isinstance(raw, bool):
        raise _Bad(f'jawaban "{raw}" bukan angka skala.')
    if isinstance(raw, int | float | np.integer | np.floating):
        number = float(raw)
    else:
        text = str(raw).strip()
        if not text:
            return math.nan
        if _NUMBER.match(text):
            number = float(text.replace(",", "."))
        elif normalise_label(text) in labels:
            return float(labels[normalise_label(text)])
        else:
            pair = _NUMBER_LABEL.match(text)
            if not pair:
                raise _Bad(f'jawaban "{text}" tidak dikenal.')
            number = float(pair.group(1))
            said = labels.get(normalise_label(pair.group(2)))
            if said is not None and said != number:
                raise _Bad(f'angka dan label pada jawaban "{text}" tidak cocok.')
            if said is None and scale.labels:
                raise _Bad(f'label pada jawaban "{text}" tidak dikenal.')
    if not number.is_integer():
        raise _Bad(f"jawaban {number:g} bukan bilangan bulat.")
    if not scale.min <= number <= scale.max:
        raise _Bad(f"jawaban {number:g} berada di luar skala {scale.min}-{scale.max}.")
    return number


def _option_value(raw: Any, item: Item) -> str | None:
    if raw is None or (isinstance(raw, float) and math.isnan(raw)):
        return None
    text = str(raw).strip()
    if not text:
        return None
    by_id = {o.id.casefold(): o.id for o in item.options}
    by_text: dict[str, str] = {}
    for option in item.options:
        for value in (option.text.id, option.text.en):
            if value:
                by_text.setdefault(normalise_label(value), option.id)
    if text.casefold() in by_id:
        return by_id[text.casefold()]
    if normalise_label(text) in by_text:
        return by_text[normalise_label(text)]
    pair = re.match(r"^([A-Za-z0-9]{1,3})\s*[.)]\s+(.+)$", text)  # "b. Apa yang …"
    if pair and pair.group(1).casefold() in by_id:
        option_id = by_id[pair.group(1).casefold()]
        if by_text.get(normalise_label(pair.group(2)), option_id) == option_id:
            return option_id
    raise _Bad(f'jawaban "{text}" bukan salah satu pilihan.')


def _text_value(raw: Any) -> str | None:
    if raw is None or (isinstance(raw, float) and math.isnan(raw)):
        return None
    text = str(raw).strip()
    return text or None


def _convert(column: pd.Series, item: Item, header: str, source: str | None) -> pd.Series:
    """Map one column through its unique values (vectorised: the loop is over distinct answers)."""
    uniques = pd.unique(column.to_numpy(dtype=object))
    mapping: dict[Any, Any] = {}
    bad: dict[Any, str] = {}
    labels = _scale_map(item.scale) if item.scale else {}
    for raw in uniques:
        try:
            if item.type == "skala":
                mapping[raw] = _scale_value(raw, item.scale, labels)  # type: ignore[arg-type]
            elif item.type == "pilihan":
                mapping[raw] = _option_value(raw, item)
            else:
                mapping[raw] = _text_value(raw)
        except _Bad as why:
            bad[raw] = str(why)
    if bad:
        hits = column.isin(list(bad))
        first = column.index[hits.to_numpy()][0]
        reason = bad[column.loc[first]]
        if item.type == "skala":
            hint = f"Jawaban yang sah: {_allowed(item.scale)}."  # type: ignore[arg-type]
        else:
            hint = "Pilihan yang sah: " + ", ".join(f"{o.id} ({o.text.id})" for o in item.options)
        others = int(hits.sum()) - 1
        more = f" Ada {others} sel lain yang juga bermasalah di kolom ini." if others else ""
        raise UserError(
            f"butir {item.id}: {reason}", **_where(source, first, header), hint=hint + more
        )
    if item.type == "skala":
        return column.map(mapping).astype("float64")
    mapped = column.map(mapping).astype(object)
    return mapped.where(mapped.notna(), None)


def prepare(
    instrument: Instrument,
    frame: pd.DataFrame | Table,
    source: str | None = None,
    repeats: bool = False,
) -> Prepared:
    """Map a raw responses frame to clean answers (see the module docstring for the rule).

    ``repeats=True`` allows several rows with the same code: a coachee form, where the code names
    the supervisor being rated and each of their coachees sends one row. For a file read with
    :func:`~selfassess.ingest.read_table`, error locations name the column by header and
    spreadsheet letter, e.g. ``kolom "REA1 (D)"``.
    """
    warnings: list[str] = []
    tool_columns: set[str] = set()
    letters: dict[str, str] = {}
    if isinstance(frame, Table):
        source = source or frame.source
        warnings.extend(frame.notes)
        letters = {str(c): frame.letter(c) for c in frame.frame.columns}
        tool_columns = {*frame.metadata, *frame.personal}
        personal = set(frame.personal)
        frame = frame.frame[[c for c in frame.frame.columns if c not in personal]]
    columns = [str(c) for c in frame.columns]
    frame = frame.set_axis(columns, axis=1)

    def label(header: str) -> str:
        return f"{header} ({letters[header]})" if header in letters else header

    if frame.empty:
        raise UserError("tidak ada baris jawaban.", file=source, hint="Periksa berkas jawabannya.")
    code_col = _find_code_column([c for c in columns if c not in tool_columns], source)
    keys = _item_keys(instrument)
    found: dict[str, str] = {}
    meta_cols: dict[str, str] = {}
    unknown: list[str] = []
    for header in columns:
        if header == code_col:
            continue
        item = None if header in tool_columns else _match_header(header, keys)
        if item is not None:
            if item.id in found:
                raise UserError(
                    f'kolom "{found[item.id]}" dan "{header}" sama-sama berisi butir {item.id}.',
                    **_where(source, 1, label(header)),
                    hint="Hapus salah satu kolom itu.",
                )
            found[item.id] = header
        elif normalise_header(header) in META_HEADERS:
            meta_cols.setdefault(META_HEADERS[normalise_header(header)], header)
        elif header in tool_columns:
            meta_cols.setdefault(header, header)
        else:
            unknown.append(header)
    missing = [i for i in instrument.items if i.id not in found and i.required]
    if missing:
        names = "; ".join(f"{i.id} ({_short(i.text.id)})" for i in missing[:5])
        more = f" dan {len(missing) - 5} butir lain" if len(missing) > 5 else ""
        guess = (
            f" Kolom yang tidak dikenal: {', '.join(f'{u!r}' for u in unknown[:5])}; mungkin "
            "judulnya berubah."
            if unknown
            else ""
        )
        raise UserError(
            f"kolom untuk butir {names}{more} tidak ditemukan.{guess}",
            file=source,
            row=1,
            column=unknown[0] if unknown else None,
            hint="Beri setiap kolom jawaban judul berupa pengenal butir (misalnya "
            f"{instrument.items[0].id}) atau teks butirnya persis seperti di instrumen.",
        )
    if unknown:
        warnings.append(
            f"{len(unknown)} kolom tidak dikenal dan diabaikan: "
            + ", ".join(f'"{_short(u)}"' for u in unknown)
            + "."
        )

    codes = _codes(frame[code_col], label(code_col), source)
    meta = frame[list(meta_cols.values())].set_axis(list(meta_cols), axis=1)
    keys_frame = pd.DataFrame({"kode": codes})
    if "fase" in meta:
        keys_frame["fase"] = meta["fase"].fillna("").astype(str).str.strip().str.casefold()
    if "id_kiriman" in meta:  # rows from the store are distinct submissions by construction
        keys_frame["id_kiriman"] = meta["id_kiriman"]
    dup = keys_frame.duplicated(keep=False).to_numpy()
    if dup.any() and not repeats:
        first_rows = keys_frame.index[dup]
        code = codes.loc[first_rows[0]]
        rows = [r for r in first_rows if codes.loc[r] == code]
        raise UserError(
            f"kode peserta {code} muncul lebih dari sekali (baris "
            f"{', '.join(str(r) for r in rows[:5])}).",
            **_where(source, rows[1], label(code_col)),
            hint="Setiap peserta cukup satu baris; hapus baris yang berlebih (biasanya yang lebih "
            "lama) atau perbaiki kodenya.",
        )

    values = {}
    for item in instrument.items:
        header = found.get(item.id)
        if header is None:
            empty = math.nan if item.type == "skala" else None
            values[item.id] = pd.Series([empty] * len(frame), index=frame.index, dtype=object)
            continue
        values[item.id] = _convert(frame[header], item, label(header), source)
    clean = pd.DataFrame(values, index=frame.index)
    return Prepared(instrument, clean, codes, meta, found, warnings, source)


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _codes(column: pd.Series, header: str, source: str | None) -> pd.Series:
    from .store import normalise_code

    uniques = pd.unique(column.to_numpy(dtype=object))
    mapping: dict[Any, str] = {}
    for raw in uniques:
        text = "" if raw is None or (isinstance(raw, float) and math.isnan(raw)) else str(raw)
        try:
            mapping[raw] = normalise_code(text, field=header)
        except UserError as err:
            hits = column.isna() if not text else column == raw
            first = column.index[hits.to_numpy()][0]
            raise UserError(err.message, **_where(source, first, header), hint=err.hint) from None
    return column.map(mapping).astype(object)


# ── score ───────────────────────────────────────────────────────────────────────────────────────


def band_codes(inst: Instrument, scores: np.ndarray) -> np.ndarray:
    """Band index per score (−1 for empty), vectorised; the last band includes the scale max."""
    edges = [b.min for b in inst.bands]
    codes = np.zeros(scores.shape, dtype=np.int8)
    for edge in edges[1:]:
        codes += scores >= edge  # NaN compares False
    outside = ~((scores >= edges[0]) & (scores <= inst.bands[-1].max))  # also NaN
    codes[outside] = -1
    return codes


def _band_column(inst: Instrument, scores: np.ndarray) -> pd.Categorical:
    labels = [b.label.id for b in inst.bands]
    return pd.Categorical.from_codes(band_codes(inst, scores), categories=labels, validate=False)


#: Scores are rounded to this many decimals, so that a mean that is exactly on a band boundary
#: (3.5) is never read as 3.4999999999999996 because of the order of floating-point additions.
DECIMALS = 10


def score_matrix(
    inst: Instrument, matrix: np.ndarray, items: list[Item]
) -> tuple[np.ndarray, np.ndarray]:
    """Dimension scores (n × D) and overall (n) from a float matrix of answers (NaN = missing).

    ``items`` names the matrix columns; reverse items count as ``min + max - x``. The work is done
    column by column with masked in-place additions: no copy of the matrix is made, and a column
    of a pandas frame (column-major) is read as one contiguous block.
    """
    assert inst.scale is not None
    x = np.asarray(matrix, dtype=np.float64)
    n = x.shape[0]
    flip = float(inst.scale.min + inst.scale.max)
    dims = np.empty((n, len(inst.dimensions)), dtype=np.float64, order="F")
    answered = np.empty(n, dtype=bool)
    for d, dim in enumerate(inst.dimensions):
        columns = [k for k, item in enumerate(items) if item.dimension == dim.id]
        total = np.zeros(n, dtype=np.float64)
        count = np.zeros(n, dtype=np.float64)
        flipped = np.zeros(n, dtype=np.float64)
        for k in columns:
            column = x[:, k]
            np.isnan(column, out=answered)
            np.logical_not(answered, out=answered)
            if items[k].reverse:
                np.subtract(total, column, out=total, where=answered)
                np.add(flipped, answered, out=flipped)
            else:
                np.add(total, column, out=total, where=answered)
            np.add(count, answered, out=count)
        total += flipped * flip
        enough = count >= inst.min_share * len(columns) - 1e-9
        enough &= count > 0
        out = dims[:, d]
        out.fill(np.nan)
        np.divide(total, count, out=out, where=enough)
    np.round(dims, DECIMALS, out=dims)
    have = ~np.isnan(dims)
    n_have = have.sum(axis=1, dtype=np.float64)
    sums = np.zeros(n, dtype=np.float64)
    for d in range(dims.shape[1]):
        np.add(sums, dims[:, d], out=sums, where=have[:, d])
    overall = np.full(n, np.nan)
    enough = (n_have >= inst.min_share * dims.shape[1] - 1e-9) & (n_have > 0)
    np.divide(sums, n_have, out=overall, where=enough)
    np.round(overall, DECIMALS, out=overall)
    return dims, overall


def score(prepared: Prepared) -> Scored:
    """One row per respondent: ``respondent``, dimension scores and bands, ``overall(_band)``."""
    inst = prepared.instrument
    if not inst.dimensions or inst.scale is None or not inst.bands:
        raise UserError(
            f"instrumen {inst.id} tidak punya dimensi berskala, jadi tidak dapat diberi skor.",
            field="instrumen",
        )
    items = [i for i in inst.items if i.scored and i.dimension is not None]
    matrix = prepared.values[[i.id for i in items]].to_numpy(dtype=np.float64)
    dims, overall = score_matrix(inst, matrix, items)
    table = assemble(
        inst, prepared.codes.to_numpy(dtype=object), dims, overall, prepared.codes.index
    )
    warnings = list(prepared.warnings)
    warnings.extend(_missing_warnings(inst, table))
    return Scored(inst, table, warnings, prepared.meta)


def assemble(
    inst: Instrument,
    respondents: np.ndarray,
    dims: np.ndarray,
    overall: np.ndarray,
    index: pd.Index | None = None,
) -> pd.DataFrame:
    """The result table from score arrays (bands as categoricals, dimension scores not copied)."""
    ids = [d.id for d in inst.dimensions]
    table = pd.DataFrame(np.asfortranarray(dims), columns=ids, index=index, copy=False)
    table.insert(0, RESPONDENT, respondents)
    for d, dim_id in enumerate(ids):
        table[dim_id + BAND_SUFFIX] = _band_column(inst, dims[:, d])
    table[OVERALL] = overall
    table[OVERALL + BAND_SUFFIX] = _band_column(inst, overall)
    if index is not None:
        table.index.name = "baris"
    return table


def _missing_warnings(inst: Instrument, table: pd.DataFrame) -> list[str]:
    dim_ids = [d.id for d in inst.dimensions]
    empty = table[dim_ids].isna()
    rows = empty.any(axis=1).to_numpy()
    if not rows.any():
        return []
    share = f"{number(inst.min_share * 100)}%"
    who = table.loc[rows]
    listed = []
    for row, respondent in zip(who.index[:10], who[RESPONDENT].iloc[:10], strict=True):
        names = [d for d in dim_ids if empty.at[row, d]]
        listed.append(f"baris {row} ({respondent}): {', '.join(names)}")
    more = f"; dan {int(rows.sum()) - 10} baris lain" if rows.sum() > 10 else ""
    return [
        f"Skor dimensi dikosongkan karena kurang dari {share} butirnya dijawab — "
        + "; ".join(listed)
        + more
        + "."
    ]


# ── one respondent: answers from a form, weakest dimensions, obstacles ─────────────────────────


def unanswered(instrument: Instrument, answers: Mapping[str, Any]) -> list[Item]:
    """Required items without an answer, in instrument order."""
    return [
        i
        for i in instrument.items
        if i.required and (answers.get(i.id) is None or str(answers.get(i.id)).strip() == "")
    ]


def score_answers(instrument: Instrument, code: str, answers: Mapping[str, Any]) -> Scored:
    """Score one respondent's answers given as ``{item_id: value}`` (a widget's form)."""
    frame = pd.DataFrame(
        [{"Kode peserta": code, **{i.id: answers.get(i.id) for i in instrument.items}}],
        index=pd.Index([1], name="baris"),
        dtype=object,
    )
    return score(prepare(instrument, frame, source=None))


@dataclass(frozen=True)
class DimensionResult:
    """One dimension of one respondent, with what to do next."""

    dimension: Dimension
    score: float | None
    band: Band | None

    @property
    def actions(self) -> list[tuple[str, str | None]]:
        """Concrete actions as (text, guide URL): the dimension's own, then its band's."""
        out: list[tuple[str, str | None]] = [
            (a.text.id, a.url or self.dimension.url) for a in self.dimension.actions
        ]
        if self.band is not None:
            out.extend((a.text.id, a.url or self.dimension.url) for a in self.band.actions)
        return out


def results(scored: Scored, row: int = 0) -> list[DimensionResult]:
    """The dimensions of one respondent (by position in the table), in instrument order."""
    inst = scored.instrument
    record = scored.table.iloc[row]
    out = []
    for dim in inst.dimensions:
        value = record[dim.id]
        value = None if pd.isna(value) else float(value)
        out.append(DimensionResult(dim, value, inst.band(value)))
    return out


def ranked(scored: Scored, row: int = 0) -> list[DimensionResult]:
    """Dimensions from the one that needs attention most to the least.

    For a competence instrument that is the lowest score first; for an obstacle check
    (``higher_is_better: false``) the strongest obstacle first. Empty scores come last; ties keep
    the instrument's order.
    """
    items = results(scored, row)
    sign = 1.0 if scored.instrument.higher_is_better else -1.0
    return sorted(
        items, key=lambda r: (r.score is None, sign * r.score if r.score is not None else 0.0)
    )


def weakest(scored: Scored, row: int = 0, n: int = 3) -> list[DimensionResult]:
    """The ``n`` dimensions that need attention most (with a score)."""
    return [r for r in ranked(scored, row) if r.score is not None][:n]


def compare(self_scored: Scored, others: Scored, row: int = 0) -> pd.DataFrame:
    """Self-assessment vs coachees' view of the same dimensions (mean of all coachees).

    Columns: ``dimensi``, ``nama``, ``diri``, ``pegawai``, ``jumlah_pegawai``, ``selisih``
    (self − coachees; positive means the supervisor rates themselves higher).
    """
    dims = [d for d in self_scored.instrument.dimensions]
    other_ids = {d.id for d in others.instrument.dimensions}
    rows = []
    for dim in dims:
        own = self_scored.table.iloc[row][dim.id]
        theirs = others.table[dim.id] if dim.id in other_ids else pd.Series(dtype=float)
        mean = float(theirs.mean()) if theirs.notna().any() else math.nan
        rows.append(
            {
                "dimensi": dim.id,
                "nama": dim.name.id,
                "diri": float(own),
                "pegawai": mean,
                "jumlah_pegawai": int(theirs.notna().sum()),
                "selisih": float(own) - mean,
            }
        )
    return pd.DataFrame(rows)


def score_row_naive(instrument: Instrument, answers: Mapping[str, float | None]) -> dict[str, Any]:
    """The scoring rule written plainly for one respondent (a reference for tests and benchmarks).

    Same result as :func:`score` for one row; far slower, so never used on real data.
    """
    assert instrument.scale is not None
    low, high = instrument.scale.min, instrument.scale.max
    out: dict[str, Any] = {}
    dim_scores = []
    for dim in instrument.dimensions:
        items = instrument.items_of(dim.id)
        given = []
        for item in items:
            value = answers.get(item.id)
            if value is None or value != value:
                continue
            given.append(low + high - value if item.reverse else value)
        enough = given and len(given) >= instrument.min_share * len(items) - 1e-9
        value = round(sum(given) / len(given), DECIMALS) if enough else None
        out[dim.id] = value
        band = instrument.band(value)
        out[dim.id + BAND_SUFFIX] = band.label.id if band else None
        if value is not None:
            dim_scores.append(value)
    n_dims = len(instrument.dimensions)
    enough = dim_scores and len(dim_scores) >= instrument.min_share * n_dims - 1e-9
    overall = round(sum(dim_scores) / len(dim_scores), DECIMALS) if enough else None
    band = instrument.band(overall)
    out[OVERALL] = overall
    out[OVERALL + BAND_SUFFIX] = band.label.id if band else None
    return out
