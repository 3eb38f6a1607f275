"""The trainer's cohort recap: gather answers from files or the store and compute every figure.

This is the edge between the outside world and :mod:`selfassess.evaluation`: it reads files with
:func:`selfassess.ingest.read_table`, maps them to instruments with
:func:`selfassess.scoring.prepare` (and :func:`~selfassess.scoring.score` for self-assessments),
turns the results into frames indexed by participant code and calls the pure evaluation functions.
Everything is checked before anything is written, so a bad file never leaves a half report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from . import evaluation as ev
from .errors import UserError
from .ingest import Table, read_table
from .instrument import Instrument, load, normalise_header
from .store import CODE_COLUMN, Store, answers_frame, latest_per_participant

REACTION, TEST, SELF, COACHEE = (
    "reaksi-pelatihan",
    "tes-pengetahuan",
    "kompetensi-coaching",
    "kompetensi-coaching-pegawai",
)

#: The roles a file can play, with their Indonesian names (for messages and the report).
ROLES = {
    "reaction": "survei reaksi",
    "pre": "tes pengetahuan sebelum",
    "post": "tes pengetahuan sesudah",
    "before": "asesmen diri sebelum",
    "after": "asesmen diri tindak lanjut",
    "coachee": "penilaian oleh pegawai",
}
_INSTRUMENT_OF = {
    "reaction": REACTION,
    "pre": TEST,
    "post": TEST,
    "before": SELF,
    "after": SELF,
    "coachee": COACHEE,
}
#: Above this many bytes of input, the CLI shows a progress bar.
LARGE_INPUT = 512 * 1024

Progress = Callable[[int, int, str], None]


@dataclass
class Source:
    """One input and what was found in it."""

    role: str
    name: str
    rows: int
    tool: str | None = None
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "peran": self.role,
            "nama_peran": ROLES[self.role],
            "berkas": self.name,
            "baris": self.rows,
            "alat": self.tool,
        }


@dataclass
class Evaluation:
    """Every figure of one cohort, with the inputs it came from and the warnings to read."""

    reaction: ev.Reaction | None = None
    learning: ev.Learning | None = None
    behaviour: ev.Behaviour | None = None
    sources: list[Source] = field(default_factory=list)
    group_column: str | None = None
    warnings: list[str] = field(default_factory=list)
    created: str = field(default_factory=lambda: datetime.now().isoformat(timespec="seconds"))

    def all_warnings(self) -> list[str]:
        """Warnings of the inputs and of every level, in reading order."""
        out = list(self.warnings)
        for level in (self.reaction, self.learning, self.behaviour):
            if level is not None:
                out.extend(level.warnings)
        return out

    def to_dict(self) -> dict[str, Any]:
        """Every figure as plain numbers and text (for JSON)."""
        return {
            "dibuat": self.created,
            "berkas": [s.to_dict() for s in self.sources],
            "kolom_kelompok": self.group_column,
            "minimum_kelompok": ev.MIN_GROUP,
            "reaksi": self.reaction.to_dict() if self.reaction else None,
            "pembelajaran": self.learning.to_dict() if self.learning else None,
            "perilaku": self.behaviour.to_dict() if self.behaviour else None,
            "peringatan": self.warnings,
        }


@dataclass
class _Loaded:
    """Prepared answers of one input: ``values`` indexed by code, and the group labels."""

    values: pd.DataFrame
    groups: pd.Series | None
    source: Source
    prepared: Any = None


def check_roles(paths: dict[str, Any]) -> None:
    """Refuse combinations that cannot give a figure (before reading anything)."""
    given = {role for role, path in paths.items() if path is not None}
    if not given:
        raise UserError(
            "belum ada berkas jawaban yang diberikan.",
            hint="Berikan paling sedikit satu: --reaction, --pre dan --post, --before dan --after, "
            "atau --coachee.",
        )
    if ("pre" in given) != ("post" in given):
        missing = "--post" if "pre" in given else "--pre"
        raise UserError(
            f"tes pengetahuan perlu berkas sebelum dan sesudah; {missing} belum diberikan.",
            field=missing,
            hint="Kenaikan hanya dapat dihitung dari kedua tes.",
        )
    behaviour = given & {"before", "after", "coachee"}
    if behaviour and behaviour in ({"before"}, {"after"}):
        only = next(iter(behaviour))
        other = "--after" if only == "before" else "--before"
        raise UserError(
            f"asesmen diri {ROLES[only].split(' ', 2)[2]} saja belum menghasilkan angka perilaku.",
            field=f"--{only}",
            hint=f"Berikan juga {other} (perubahan per dimensi) atau --coachee (selisih dengan "
            "penilaian pegawai).",
        )


def _group_column(table: Table, wanted: str) -> str | None:
    key = normalise_header(wanted)
    return next((c for c in table.frame.columns if normalise_header(c) == key), None)


def _load_file(
    role: str, path: str | Path, group: str | None, instruments: dict[str, Instrument]
) -> _Loaded:
    from .scoring import prepare, score

    instrument = instruments[_INSTRUMENT_OF[role]]
    table = read_table(path)
    prepared = prepare(instrument, table, repeats=role == "coachee")
    notes = list(prepared.warnings)
    if role in ("before", "after", "coachee"):
        scored = score(prepared)
        dims = [d.id for d in instrument.dimensions]
        values = scored.table[dims].set_axis(prepared.codes.to_numpy(), axis=0)
        notes += [w for w in scored.warnings if w not in notes]
    else:
        values = prepared.values.set_axis(prepared.codes.to_numpy(), axis=0)
    values.index.name = "kode"
    groups = None
    if group and role != "coachee":  # a coachee row's code names the supervisor, not the rater
        column = _group_column(table, group)
        if column is None:
            notes.append(f'{table.source}: kolom kelompok "{group}" tidak ada di berkas ini.')
        else:
            groups = table.frame[column].loc[prepared.codes.index]
            groups.index = prepared.codes.to_numpy()
    source = Source(role, table.source, len(values), table.tool, notes)
    return _Loaded(values, groups, source, prepared)


def _merge_groups(loaded: list[_Loaded], group: str | None) -> tuple[pd.Series | None, list[str]]:
    """One label per code: the first input that names the code's group wins (later fill gaps)."""
    if not group:
        return None, []
    parts = [x.groups.dropna() for x in loaded if x.groups is not None]
    if not parts:
        names = ", ".join(x.source.name for x in loaded)
        raise UserError(
            f'kolom kelompok "{group}" tidak ditemukan di berkas mana pun ({names}).',
            field="--group",
            hint='Tulis judul kolomnya persis seperti di berkas, misalnya --group "Unit kerja".',
        )
    raw = pd.concat(parts)
    raw = raw[~raw.index.duplicated(keep="first")]
    return ev.clean_groups(raw)


def from_files(
    reaction: str | Path | None = None,
    pre: str | Path | None = None,
    post: str | Path | None = None,
    before: str | Path | None = None,
    after: str | Path | None = None,
    coachee: str | Path | None = None,
    group: str | None = None,
    progress: Progress | None = None,
) -> Evaluation:
    """Read the given files and compute every figure they allow."""
    paths = {
        "reaction": reaction,
        "pre": pre,
        "post": post,
        "before": before,
        "after": after,
        "coachee": coachee,
    }
    check_roles(paths)
    given = {role: path for role, path in paths.items() if path is not None}
    instruments = {_INSTRUMENT_OF[role]: load(_INSTRUMENT_OF[role]) for role in given}
    loaded: dict[str, _Loaded] = {}
    total = len(given) + 1
    for step, (role, path) in enumerate(given.items()):
        if progress:
            progress(step, total, f"membaca {Path(path).name}")
        loaded[role] = _load_file(role, path, group, instruments)
    if progress:
        progress(total - 1, total, "menghitung")
    result = _evaluate(loaded, group, instruments)
    if progress:
        progress(total, total, "selesai")
    return result


def _evaluate(
    loaded: dict[str, _Loaded], group: str | None, instruments: dict[str, Instrument]
) -> Evaluation:
    order = ["post", "after", "reaction", "pre", "before"]  # coachee rows name the supervisor
    groups, group_notes = _merge_groups([loaded[r] for r in order if r in loaded], group)
    warnings = [note for x in loaded.values() for note in x.source.notes] + group_notes
    column = group or "kelompok"
    result = Evaluation(
        sources=[x.source for x in loaded.values()], group_column=group, warnings=warnings
    )
    if "reaction" in loaded:
        result.reaction = ev.reaction(
            loaded["reaction"].values, instruments[REACTION], groups, column
        )
    if "pre" in loaded:
        result.learning = ev.learning(
            loaded["pre"].values, loaded["post"].values, instruments[TEST], groups, column
        )
        result.learning.warnings += _quiz_score_checks(loaded)
    if {"before", "after", "coachee"} & set(loaded):
        self_instrument = instruments.get(SELF) or load(SELF)
        result.behaviour = ev.behaviour(
            self_instrument,
            loaded["before"].values if "before" in loaded else None,
            loaded["after"].values if "after" in loaded else None,
            loaded["coachee"].values if "coachee" in loaded else None,
            groups if ("before" in loaded and "after" in loaded) else None,
            column,
        )
    return result


def _quiz_score_checks(loaded: dict[str, _Loaded]) -> list[str]:
    """Compare the form tool's own quiz score (Skor, Total points) with the instrument's key."""
    warnings = []
    for role in ("pre", "post"):
        item = loaded[role]
        meta = item.prepared.meta
        column = next(
            (c for c in meta.columns if normalise_header(c) in {"skor", "score", "total points"}),
            None,
        )
        if column is None:
            continue
        tool = pd.to_numeric(
            meta[column].astype(str).str.split("/").str[0].str.strip(), errors="coerce"
        )
        tool.index = item.prepared.codes.to_numpy()
        ours = ev.percent_correct(item.values, item.prepared.instrument)["benar"]
        differ = tool.notna() & (tool != ours.reindex(tool.index))
        if differ.any():
            codes = ", ".join(str(c) for c in tool.index[differ.to_numpy()][:5])
            warnings.append(
                f'{item.source.name}: skor kolom "{column}" dari alat formulir berbeda dengan '
                f"jumlah jawaban benar menurut kunci instrumen untuk {int(differ.sum())} peserta "
                f"({codes}). Periksa kunci jawaban di formulir; laporan ini memakai kunci "
                "instrumen tes-pengetahuan."
            )
    return warnings


# ── from the store ─────────────────────────────────────────────────────────────────────────────


def _stored(
    store: Store, instrument: Instrument, phase: str | None, every: bool = False
) -> pd.DataFrame:
    """Saved answers to one instrument (one phase): the latest per participant, or ``every`` row
    (coachee forms: each row is another coachee rating the supervisor named by the code)."""
    frame = answers_frame(store.submissions(kind="jawaban", instrument=instrument.id))
    if frame.empty:
        return frame
    if phase is not None:
        frame = frame[frame["fase"].fillna("") == phase]
    if every or frame.empty:
        return frame.sort_values("id_kiriman")
    return latest_per_participant(frame)


def from_store(store: Store | None = None, group: bool = True) -> Evaluation:
    """Compute every figure from the answers saved in the store (latest per participant)."""
    from .scoring import prepare, score

    store = store or Store()
    instruments = {i: load(i) for i in (REACTION, TEST, SELF, COACHEE)}
    loaded: dict[str, _Loaded] = {}
    plan = {
        "reaction": (REACTION, None),
        "pre": (TEST, "sebelum"),
        "post": (TEST, "sesudah"),
        "before": (SELF, "sebelum"),
        "after": (SELF, "sesudah"),
        "coachee": (COACHEE, None),
    }
    labels: dict[str, str] = {}
    for sub in store.submissions(kind="jawaban"):
        if sub.payload.get("kelompok"):
            labels[sub.participant] = str(sub.payload["kelompok"])
    for role, (instrument_id, phase) in plan.items():
        instrument = instruments[instrument_id]
        frame = _stored(store, instrument, phase, every=role == "coachee")
        if frame.empty:
            continue
        frame.index = pd.RangeIndex(1, len(frame) + 1, name="baris")
        for item in instrument.items:
            if item.id not in frame:
                frame[item.id] = None
        base = frame[[CODE_COLUMN, "fase", "id_kiriman", *[i.id for i in instrument.items]]]
        prepared = prepare(instrument, base.astype(object), source=store.path.name)
        if role in ("before", "after", "coachee"):
            values = score(prepared).table[[d.id for d in instrument.dimensions]]
        else:
            values = prepared.values
        values = values.set_axis(prepared.codes.to_numpy(), axis=0)
        groups = pd.Series({c: labels.get(c) for c in values.index}, dtype=object)
        source = Source(role, f"{store.path.name} ({ROLES[role]})", len(values), None, [])
        loaded[role] = _Loaded(values, groups if group else None, source, prepared)
    if not loaded:
        raise UserError(
            "belum ada jawaban survei, tes, atau asesmen yang tersimpan.",
            file=str(store.path),
            hint="Minta peserta mengisi formulir di notebook 03-evaluasi-pelatihan lebih dahulu.",
        )
    notes = []
    if ("pre" in loaded) != ("post" in loaded):
        kept = "pre" if "pre" in loaded else "post"
        count = len(loaded.pop(kept).values)
        missing = "sesudah" if kept == "pre" else "sebelum"
        notes.append(
            f"Tes pengetahuan {missing} belum ada di penyimpanan ({ROLES[kept]}: {count} peserta); "
            "pembelajaran belum dihitung."
        )
    behaviour = set(loaded) & {"before", "after", "coachee"}
    if behaviour in ({"before"}, {"after"}):
        kept = behaviour.pop()
        count = len(loaded.pop(kept).values)
        notes.append(
            f"Baru ada {ROLES[kept]} ({count} peserta); perubahan perilaku belum dihitung."
        )
    if not loaded:
        raise UserError(
            "belum cukup data untuk rekap. " + " ".join(notes),
            file=str(store.path),
            hint="Tunggu sampai peserta mengisi tahap berikutnya, lalu klik Hitung lagi.",
        )
    has_groups = group and any(
        x.groups is not None and x.groups.notna().any() for x in loaded.values()
    )
    result = _evaluate(loaded, "kelompok" if has_groups else None, instruments)
    result.warnings.extend(notes)
    return result
