"""Training-evaluation figures for a cohort, at Kirkpatrick's levels 1-3 (pure).

Inputs are clean answer frames: one row per participant, the index is the participant code and the
columns are item ids (numbers for ``skala`` items, option ids for ``pilihan`` items, text for
``teks`` items) or dimension ids (scores). :mod:`selfassess.cohort` builds them from files or from
the store. Nothing here reads files or prints; warnings are Indonesian strings in the results.

The formulas (also on the guide pages ``alat/evaluasi-pelatihan.md`` and ``alat/rekap-pelatih.md``):

* **Reaction.** Item mean = mean of the answers given to that item. Overall mean = mean of every
  answer to the agreement items. NPS = % of answers 9-10 minus % of answers 0-6 to the 0-10 item.
* **Learning.** % correct = correct answers / number of keyed questions × 100 (a blank counts as
  wrong). Only participants with both a before and an after test (same code) are compared; the
  cohort's pre and post means are over them, gain = post − pre (percentage points), the class
  normalised gain ⟨g⟩ = (post − pre) / (100 − pre) on those means, undefined (None) when the pre
  mean is already 100. "Improved" = post > pre.
* **Behaviour.** Change per dimension = follow-up score − before score, for participants with
  both. Self-versus-coachee gap = self score − mean of the coachees' scores for that supervisor,
  only for supervisors rated by at least :data:`MIN_RATERS` coachees.
* **Groups.** A group with fewer than :data:`MIN_GROUP` people is never shown, only marked as
  suppressed. When the suppressed groups together hold fewer than :data:`MIN_GROUP` people, the
  smallest shown group is suppressed too, so that no figure can be worked back from the total.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .errors import UserError
from .instrument import Instrument, Item

#: Smallest group whose figures are shown.
MIN_GROUP = 5
#: Label of participants without a group value.
NO_GROUP = "(tanpa kelompok)"
#: Fewest coachee ratings before a supervisor's coachee mean is used (the rule of
#: ``report.MIN_COACHEES``: one coachee's answers must not be recognisable).
MIN_RATERS = 3
#: NPS bands on the 0-10 item.
PROMOTER_MIN, DETRACTOR_MAX = 9, 6


# ── small pure formulas ────────────────────────────────────────────────────────────────────────


def nps(values: pd.Series | list[float]) -> float | None:
    """Net promoter score: % of answers 9-10 minus % of answers 0-6 (None when none answered)."""
    answers = pd.to_numeric(pd.Series(values, dtype="float64"), errors="coerce").dropna()
    if answers.empty:
        return None
    promoters = (answers >= PROMOTER_MIN).mean()
    detractors = (answers <= DETRACTOR_MAX).mean()
    return float(100.0 * (promoters - detractors))


def normalised_gain(pre: float, post: float) -> float | None:
    """Hake's class gain ⟨g⟩ = (post − pre) / (100 − pre) on percentages; None when pre is 100."""
    if pre >= 100.0 - 1e-9:
        return None
    return (post - pre) / (100.0 - pre)


def _mean(series: pd.Series) -> float | None:
    series = pd.to_numeric(series, errors="coerce").dropna()
    return float(series.mean()) if not series.empty else None


# ── groups and suppression ─────────────────────────────────────────────────────────────────────


def clean_groups(groups: pd.Series) -> tuple[pd.Series, list[str]]:
    """Tidy group labels: trim spaces, merge spellings that differ only in case or spacing.

    Returns the labels (the most frequent spelling of each group; :data:`NO_GROUP` for empty
    cells) and a note for every merge, so that no spelling is changed silently.
    """
    labels = [
        re.sub(r"\s+", " ", str(v)).strip() if v is not None and not pd.isna(v) else ""
        for v in groups.astype(object)
    ]
    notes = []
    names: dict[str, str] = {}
    spellings: dict[str, list[str]] = {}
    for label in labels:
        if label:
            spellings.setdefault(label.casefold(), []).append(label)
    for key, seen in spellings.items():
        counts = pd.Series(seen).value_counts()
        names[key] = str(counts.index[0])
        if len(counts) > 1:
            variants = ", ".join(f'"{s}"' for s in counts.index)
            notes.append(
                f'Kelompok {variants} dianggap satu kelompok "{counts.index[0]}" (hanya berbeda '
                "huruf besar/kecil atau spasi)."
            )
    out = pd.Series(
        [names[v.casefold()] if v else NO_GROUP for v in labels], index=groups.index, dtype=object
    )
    return out.astype(object), notes


def suppressed_groups(sizes: Mapping[str, int], minimum: int = MIN_GROUP) -> set[str]:
    """Groups whose figures must not be shown (see the module docstring for the rule)."""
    hidden = {g for g, n in sizes.items() if n < minimum}
    shown = sorted((g for g in sizes if g not in hidden), key=lambda g: (sizes[g], g))
    while hidden and shown and sum(sizes[g] for g in hidden) < minimum:
        hidden.add(shown.pop(0))
    return hidden


@dataclass
class GroupTable:
    """Figures per group. ``table`` has one row per group (suppressed rows hold no figures)."""

    column: str
    table: pd.DataFrame
    suppressed: list[str]

    def shown(self) -> pd.DataFrame:
        """The rows that may be shown (suppressed groups left out)."""
        return self.table.drop(index=self.suppressed)

    def to_dict(self) -> dict[str, Any]:
        figures = self.table.to_dict(orient="index")
        rows = [
            {"kelompok": name, "disembunyikan": True}
            if name in self.suppressed
            else {"kelompok": name, "disembunyikan": False, **_plain(figures[name])}
            for name in self.table.index
        ]
        return {"kolom": self.column, "minimum": MIN_GROUP, "kelompok": rows}


def by_group(
    column: str,
    groups: pd.Series,
    frame_index: pd.Index,
    figures: Callable[[pd.Index], dict[str, Any]],
) -> GroupTable:
    """Apply ``figures`` to the members of each group among ``frame_index`` (codes)."""
    members = groups.reindex(frame_index).fillna(NO_GROUP)
    sizes = members.value_counts().to_dict()
    hidden = suppressed_groups(sizes)
    rows = {}
    for name in sorted(sizes, key=lambda g: (g == NO_GROUP, str(g))):
        if name in hidden:
            rows[name] = {}
            continue
        codes = members.index[members == name]
        rows[name] = {"n": int(sizes[name]), **figures(codes)}
    table = pd.DataFrame.from_dict(rows, orient="index")
    if "n" in table:
        table["n"] = table["n"].astype("Int64")
    table.index.name = "kelompok"
    return GroupTable(column, table, sorted(hidden, key=str))


# ── level 1: reaction ──────────────────────────────────────────────────────────────────────────


@dataclass
class Reaction:
    """Level 1 figures. ``items``: one row per agreement item; ``participants``: per code."""

    n: int
    items: pd.DataFrame
    overall: float | None
    nps: float | None
    nps_item: str | None
    nps_counts: dict[str, int]
    nps_distribution: pd.Series
    comments: dict[str, list[str]]
    participants: pd.DataFrame
    groups: GroupTable | None = None
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "jumlah_responden": self.n,
            "rata_rata_keseluruhan": self.overall,
            "butir": _records(self.items, "butir"),
            "nps": self.nps,
            "butir_nps": self.nps_item,
            "nps_jumlah": self.nps_counts,
            "nps_sebaran": {str(k): int(v) for k, v in self.nps_distribution.items()},
            "komentar": self.comments,
            "peserta": _records(self.participants, "kode"),
            "kelompok": self.groups.to_dict() if self.groups else None,
            "peringatan": self.warnings,
        }


def _agreement_items(instrument: Instrument) -> tuple[list[Item], Item | None, list[str]]:
    default = instrument.scale
    scaled = [i for i in instrument.items if i.type == "skala"]
    recommend = [i for i in scaled if i.scale and (i.scale.min, i.scale.max) == (0, 10)]
    agreement = [i for i in scaled if i.scale == default and i not in recommend]
    warnings = []
    if len(recommend) > 1:
        warnings.append(
            f"Instrumen {instrument.id} punya lebih dari satu butir 0-10; NPS dihitung dari "
            f"butir {recommend[0].id}."
        )
    return agreement, (recommend[0] if recommend else None), warnings


def reaction(
    answers: pd.DataFrame,
    instrument: Instrument,
    groups: pd.Series | None = None,
    group_column: str = "kelompok",
) -> Reaction:
    """Level 1: item means, overall mean, NPS, answer distributions and comments."""
    agreement, recommend, warnings = _agreement_items(instrument)
    if not agreement and recommend is None:
        raise UserError(
            f"instrumen {instrument.id} tidak punya butir skala untuk survei reaksi.",
            field="instrumen",
        )
    ids = [i.id for i in agreement]
    values = answers.reindex(columns=ids).apply(pd.to_numeric, errors="coerce")
    scale = instrument.scale
    points = list(scale.points) if scale else []
    counts = pd.DataFrame(
        {p: (values == p).sum() for p in points}, index=ids, dtype="int64"
    ).rename(columns=str)
    items = pd.DataFrame(
        {
            "teks": [i.text.id for i in agreement],
            "n": values.notna().sum().to_numpy(dtype="int64"),
            "rata_rata": values.mean().to_numpy(),
        },
        index=pd.Index(ids, name="butir"),
    ).join(counts)
    stacked = values.to_numpy(dtype="float64").ravel()
    overall = float(np.nanmean(stacked)) if np.isfinite(stacked).any() else None

    if recommend is not None:
        rec = pd.to_numeric(answers.get(recommend.id, pd.Series(dtype=float)), errors="coerce")
        rec = rec.reindex(answers.index)
    else:
        rec = pd.Series(np.nan, index=answers.index)
    given = rec.dropna()
    nps_counts = {
        "promotor": int((given >= PROMOTER_MIN).sum()),
        "pasif": int(((given > DETRACTOR_MAX) & (given < PROMOTER_MIN)).sum()),
        "pengkritik": int((given <= DETRACTOR_MAX).sum()),
        "n": int(given.size),
    }
    distribution = given.astype(int).value_counts().reindex(range(11), fill_value=0)
    distribution.index.name = "nilai"

    comments = {
        i.id: [str(t) for t in answers[i.id].dropna() if str(t).strip()]
        for i in instrument.items
        if i.type == "teks" and i.id in answers
    }
    participants = pd.DataFrame(
        {"rata_rata": values.mean(axis=1), "rekomendasi": rec}, index=answers.index
    )
    participants.index.name = "kode"
    answered = values.notna().any(axis=1) | rec.notna()
    if not answered.all():
        empty = ", ".join(str(c) for c in answers.index[~answered.to_numpy()])
        warnings.append(f"Peserta tanpa jawaban skala sama sekali (tidak dihitung): {empty}.")
    group_table = None
    if groups is not None:

        def figures(codes: pd.Index) -> dict[str, Any]:
            part = values.loc[codes].to_numpy(dtype="float64").ravel()
            return {
                "rata_rata_keseluruhan": float(np.nanmean(part))
                if np.isfinite(part).any()
                else None,
                "nps": nps(rec.loc[codes]),
            }

        group_table = by_group(group_column, groups, answers.index[answered.to_numpy()], figures)
    return Reaction(
        n=int(answered.sum()),
        items=items,
        overall=overall,
        nps=nps(given),
        nps_item=recommend.id if recommend else None,
        nps_counts=nps_counts,
        nps_distribution=distribution,
        comments=comments,
        participants=participants,
        groups=group_table,
        warnings=warnings,
    )


# ── level 2: learning ──────────────────────────────────────────────────────────────────────────


def keyed_items(instrument: Instrument) -> list[Item]:
    """Multiple-choice items with an answer key."""
    return [i for i in instrument.items if i.type == "pilihan" and i.kunci]


def percent_correct(choices: pd.DataFrame, instrument: Instrument) -> pd.DataFrame:
    """Per participant: ``benar`` (correct), ``kosong`` (blank), ``soal`` and ``persen``."""
    keyed = keyed_items(instrument)
    if not keyed:
        raise UserError(
            f"instrumen {instrument.id} tidak punya soal pilihan dengan kunci jawaban.",
            field="instrumen",
        )
    ids = [i.id for i in keyed]
    given = choices.reindex(columns=ids)
    key = pd.Series({i.id: i.kunci for i in keyed})
    correct = given.eq(key, axis=1)
    out = pd.DataFrame(
        {
            "benar": correct.sum(axis=1).astype("int64"),
            "kosong": given.isna().sum(axis=1).astype("int64"),
            "soal": len(ids),
        },
        index=choices.index,
    )
    out["persen"] = out["benar"] / len(ids) * 100.0
    out.index.name = "kode"
    return out


def similar_codes(left: list[str], right: list[str]) -> list[tuple[str, str]]:
    """Pairs of codes that look like the same person typed twice (for a warning, never merged)."""

    def squash(code: str) -> str:
        return re.sub(r"0+(\d)", r"\1", re.sub(r"[^A-Z0-9]", "", code.upper()))

    pairs = []
    for a in left:
        for b in right:
            if squash(a) == squash(b) or difflib.SequenceMatcher(None, a, b).ratio() >= 0.85:
                pairs.append((a, b))
    return pairs


def unmatched_warnings(
    only_first: list[str], only_second: list[str], first: str, second: str
) -> list[str]:
    """Warnings listing participants found in one phase only, with likely typing slips."""
    warnings = []
    if only_first:
        warnings.append(f"Hanya ada {first} (tidak dibandingkan): {', '.join(only_first)}.")
    if only_second:
        warnings.append(f"Hanya ada {second} (tidak dibandingkan): {', '.join(only_second)}.")
    for a, b in similar_codes(only_first, only_second):
        warnings.append(
            f"Kode {a} ({first}) dan {b} ({second}) mirip; bila keduanya orang yang sama, "
            "samakan kodenya di berkas lalu hitung ulang."
        )
    return warnings


@dataclass
class Learning:
    """Level 2 figures for the participants who took both tests."""

    participants: pd.DataFrame
    pre_mean: float
    post_mean: float
    gain: float
    g: float | None
    improved: int
    improved_share: float
    n_pre: int
    n_post: int
    only_pre: list[str]
    only_post: list[str]
    items: pd.DataFrame
    questions: int
    groups: GroupTable | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def n(self) -> int:
        """Number of matched participants."""
        return len(self.participants)

    def to_dict(self) -> dict[str, Any]:
        return {
            "jumlah_soal": self.questions,
            "jumlah_sebelum": self.n_pre,
            "jumlah_sesudah": self.n_post,
            "jumlah_cocok": self.n,
            "rata_rata_sebelum": self.pre_mean,
            "rata_rata_sesudah": self.post_mean,
            "kenaikan_poin_persen": self.gain,
            "gain_dinormalkan": self.g,
            "jumlah_naik": self.improved,
            "persen_naik": self.improved_share,
            "hanya_sebelum": self.only_pre,
            "hanya_sesudah": self.only_post,
            "peserta": _records(self.participants, "kode"),
            "soal": _records(self.items, "butir"),
            "kelompok": self.groups.to_dict() if self.groups else None,
            "peringatan": self.warnings,
        }


def _cohort_learning(parts: pd.DataFrame) -> dict[str, Any]:
    pre = float(parts["sebelum"].mean())
    post = float(parts["sesudah"].mean())
    improved = int(parts["naik"].sum())
    return {
        "rata_rata_sebelum": pre,
        "rata_rata_sesudah": post,
        "kenaikan_poin_persen": post - pre,
        "gain_dinormalkan": normalised_gain(pre, post),
        "persen_naik": 100.0 * improved / len(parts),
    }


def learning(
    pre: pd.DataFrame,
    post: pd.DataFrame,
    instrument: Instrument,
    groups: pd.Series | None = None,
    group_column: str = "kelompok",
) -> Learning:
    """Level 2: % correct before and after, matched by participant code."""
    before = percent_correct(pre, instrument)
    after = percent_correct(post, instrument)
    matched = before.index.intersection(after.index, sort=False)
    only_pre = [str(c) for c in before.index.difference(after.index, sort=False)]
    only_post = [str(c) for c in after.index.difference(before.index, sort=False)]
    if matched.empty:
        raise UserError(
            "tidak ada kode peserta yang sama pada tes sebelum dan sesudah, jadi kenaikan "
            "tidak dapat dihitung.",
            field="kode peserta",
            hint=f"Kode sebelum: {', '.join(before.index[:5].astype(str))}; kode sesudah: "
            f"{', '.join(after.index[:5].astype(str))}. Pastikan peserta memakai kode yang sama.",
        )
    parts = pd.DataFrame(
        {
            "sebelum": before.loc[matched, "persen"],
            "sesudah": after.loc[matched, "persen"],
            "benar_sebelum": before.loc[matched, "benar"],
            "benar_sesudah": after.loc[matched, "benar"],
        }
    )
    parts["selisih"] = parts["sesudah"] - parts["sebelum"]
    parts["naik"] = parts["selisih"] > 0
    parts.index.name = "kode"
    cohort = _cohort_learning(parts)
    keyed = keyed_items(instrument)
    ids = [i.id for i in keyed]
    key = pd.Series({i.id: i.kunci for i in keyed})
    items = pd.DataFrame(
        {
            "teks": [i.text.id for i in keyed],
            "benar_sebelum": pre.loc[matched].reindex(columns=ids).eq(key, axis=1).mean() * 100,
            "benar_sesudah": post.loc[matched].reindex(columns=ids).eq(key, axis=1).mean() * 100,
        },
        index=pd.Index(ids, name="butir"),
    )
    warnings = unmatched_warnings(only_pre, only_post, "tes sebelum", "tes sesudah")
    blanks = before.loc[matched, "kosong"].sum() + after.loc[matched, "kosong"].sum()
    if blanks:
        warnings.append(f"{int(blanks)} soal tidak dijawab; soal kosong dihitung salah.")
    if cohort["gain_dinormalkan"] is None:
        warnings.append(
            "Rata-rata sebelum sudah 100%, jadi gain dinormalkan ⟨g⟩ tidak dapat dihitung."
        )
    group_table = None
    if groups is not None:
        group_table = by_group(
            group_column, groups, matched, lambda codes: _cohort_learning(parts.loc[codes])
        )
    improved = int(parts["naik"].sum())
    return Learning(
        participants=parts,
        pre_mean=cohort["rata_rata_sebelum"],
        post_mean=cohort["rata_rata_sesudah"],
        gain=cohort["kenaikan_poin_persen"],
        g=cohort["gain_dinormalkan"],
        improved=improved,
        improved_share=cohort["persen_naik"],
        n_pre=len(before),
        n_post=len(after),
        only_pre=only_pre,
        only_post=only_post,
        items=items,
        questions=len(ids),
        groups=group_table,
        warnings=warnings,
    )


# ── level 3: behaviour ─────────────────────────────────────────────────────────────────────────


@dataclass
class Behaviour:
    """Level 3 figures: change per dimension and the self-versus-coachee gap."""

    dimensions: pd.DataFrame
    participants: pd.DataFrame
    n_before: int
    n_after: int
    only_before: list[str]
    only_after: list[str]
    gap: pd.DataFrame | None = None
    gap_participants: pd.DataFrame | None = None
    self_phase: str | None = None
    groups: GroupTable | None = None
    warnings: list[str] = field(default_factory=list)

    n: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "jumlah_sebelum": self.n_before,
            "jumlah_sesudah": self.n_after,
            "jumlah_cocok": self.n,
            "hanya_sebelum": self.only_before,
            "hanya_sesudah": self.only_after,
            "dimensi": _records(self.dimensions, "dimensi"),
            "peserta": _records(self.participants, None),
            "fase_diri_untuk_selisih": self.self_phase,
            "selisih_diri_pegawai": _records(self.gap, "dimensi") if self.gap is not None else None,
            "selisih_diri_pegawai_peserta": _records(self.gap_participants, None)
            if self.gap_participants is not None
            else None,
            "kelompok": self.groups.to_dict() if self.groups else None,
            "peringatan": self.warnings,
        }


def _long(frame: pd.DataFrame, dims: list[str], name: str) -> pd.DataFrame:
    return (
        frame.reindex(columns=dims)
        .rename_axis("kode")
        .reset_index()
        .melt(id_vars="kode", var_name="dimensi", value_name=name)
    )


def behaviour(
    instrument: Instrument,
    before: pd.DataFrame | None = None,
    after: pd.DataFrame | None = None,
    coachee: pd.DataFrame | None = None,
    groups: pd.Series | None = None,
    group_column: str = "kelompok",
) -> Behaviour:
    """Level 3 from dimension scores (index = supervisor code, columns = dimension ids).

    ``coachee`` may hold several rows per supervisor (one per coachee); they are averaged per
    supervisor. The gap uses the follow-up self-assessment when there is one, else the before one.
    """
    dims = [d.id for d in instrument.dimensions]
    names = {d.id: d.name.plain for d in instrument.dimensions}
    warnings: list[str] = []
    empty = pd.DataFrame(columns=dims, dtype="float64")
    before = empty if before is None else before
    after = empty if after is None else after
    matched = before.index.intersection(after.index, sort=False)
    only_before = [str(c) for c in before.index.difference(after.index, sort=False)]
    only_after = [str(c) for c in after.index.difference(before.index, sort=False)]
    if len(before) and len(after):
        if matched.empty:
            raise UserError(
                "tidak ada kode peserta yang sama pada asesmen diri sebelum dan sesudah.",
                field="kode peserta",
                hint="Pastikan peserta memakai kode yang sama pada kedua asesmen.",
            )
        warnings += unmatched_warnings(
            only_before, only_after, "asesmen sebelum", "asesmen tindak lanjut"
        )
    b = before.loc[matched].reindex(columns=dims).astype("float64")
    a = after.loc[matched].reindex(columns=dims).astype("float64")
    change = a - b
    participants = _long(b, dims, "sebelum")
    participants["sesudah"] = _long(a, dims, "sesudah")["sesudah"]
    participants["perubahan"] = participants["sesudah"] - participants["sebelum"]
    table = pd.DataFrame(
        {
            "nama": [names[d] for d in dims],
            "n": change.notna().sum().to_numpy(dtype="int64"),
            "sebelum": b.where(change.notna()).mean().to_numpy(),
            "sesudah": a.where(change.notna()).mean().to_numpy(),
            "perubahan": change.mean().to_numpy(),
        },
        index=pd.Index(dims, name="dimensi"),
    )
    gap = gap_parts = None
    self_phase = None
    if coachee is not None:
        own, self_phase = (after, "sesudah") if len(after) else (before, "sebelum")
        if own.empty:
            warnings.append(
                "Penilaian pegawai ada, tetapi asesmen diri atasan tidak ada; selisih tidak "
                "dihitung."
            )
        else:
            gap, gap_parts, gap_warnings = _gap(own, coachee, dims, names)
            warnings += gap_warnings
    group_table = None
    if groups is not None and not matched.empty:

        def figures(codes: pd.Index) -> dict[str, Any]:
            return {f"perubahan_{d}": _mean(change.loc[codes, d]) for d in dims}

        group_table = by_group(group_column, groups, matched, figures)
    return Behaviour(
        dimensions=table,
        participants=participants,
        n_before=len(before),
        n_after=len(after),
        only_before=only_before,
        only_after=only_after,
        gap=gap,
        gap_participants=gap_parts,
        self_phase=self_phase,
        groups=group_table,
        warnings=warnings,
        n=len(matched),
    )


def _gap(
    own: pd.DataFrame, coachee: pd.DataFrame, dims: list[str], names: dict[str, str]
) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    ratings = coachee.reindex(columns=dims).astype("float64")
    raters = ratings.groupby(level=0, sort=False).size()
    warnings = []
    few = raters[(raters < MIN_RATERS) & raters.index.isin(own.index)]
    if not few.empty:
        listed = ", ".join(f"{code} ({n} pegawai)" for code, n in few.items())
        warnings.append(
            f"Selisih diri dan pegawai hanya dihitung untuk atasan yang dinilai paling sedikit "
            f"{MIN_RATERS} pegawai, agar penilaian seorang pegawai tidak dapat dikenali; tidak "
            f"dihitung: {listed}."
        )
    enough = raters.index[raters >= MIN_RATERS]
    per_supervisor = ratings.groupby(level=0, sort=False).mean().loc[enough]
    both = own.index.intersection(per_supervisor.index, sort=False)
    no_self = [str(c) for c in raters.index.difference(own.index, sort=False)]
    if no_self:
        warnings.append(
            "Penilaian pegawai untuk kode yang tidak punya asesmen diri (tidak dibandingkan): "
            + ", ".join(no_self)
            + "."
        )
    if both.empty:
        warnings.append(
            f"Tidak ada atasan yang punya asesmen diri sekaligus penilaian dari paling sedikit "
            f"{MIN_RATERS} pegawai."
        )
    mine = own.loc[both].reindex(columns=dims).astype("float64")
    theirs = per_supervisor.loc[both]
    diff = mine - theirs
    parts = _long(mine, dims, "diri")
    parts["pegawai"] = _long(theirs, dims, "pegawai")["pegawai"]
    parts["jumlah_pegawai"] = parts["kode"].map(raters).astype("int64")
    parts["selisih"] = parts["diri"] - parts["pegawai"]
    table = pd.DataFrame(
        {
            "nama": [names[d] for d in dims],
            "n": diff.notna().sum().to_numpy(dtype="int64"),
            "diri": mine.where(diff.notna()).mean().to_numpy(),
            "pegawai": theirs.where(diff.notna()).mean().to_numpy(),
            "selisih": diff.mean().to_numpy(),
        },
        index=pd.Index(dims, name="dimensi"),
    )
    return table, parts, warnings


# ── JSON helpers ───────────────────────────────────────────────────────────────────────────────


def _plain(value: Any) -> Any:
    """Numbers and text only: NaN → None, NumPy scalars → Python."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, np.bool_ | bool):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return None if math.isnan(value) else float(value)
    if value is pd.NA or value is pd.NaT:
        return None
    return value


def _records(frame: pd.DataFrame | None, index_name: str | None) -> list[dict[str, Any]]:
    if frame is None:
        return []
    data = frame
    if index_name:
        data = frame.rename_axis(index_name).reset_index()
    return [_plain(r) for r in data.to_dict(orient="records")]
