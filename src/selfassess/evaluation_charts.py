"""Charts of the cohort figures as PNG images (matplotlib, no display needed).

Each function takes a level's result and returns PNG bytes, or ``None`` when there is nothing to
draw. Text is Indonesian; colours stay readable in grey-scale print.
"""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np

from . import evaluation as ev

BEFORE, AFTER, OTHER = "#9fa8da", "#283593", "#ef6c00"


def _png(fig: plt.Figure) -> bytes:
    buffer = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buffer, format="png", dpi=110)
    plt.close(fig)
    return buffer.getvalue()


def reaction_items(r: ev.Reaction) -> bytes | None:
    """Horizontal bars: the mean of each agreement item on 1-5."""
    items = r.items.dropna(subset=["rata_rata"])
    if items.empty:
        return None
    fig, ax = plt.subplots(figsize=(7.5, 0.45 * len(items) + 1.4))
    labels = [f"{i} {t[:48]}{'…' if len(t) > 48 else ''}" for i, t in items["teks"].items()]
    ax.barh(labels[::-1], items["rata_rata"].to_numpy()[::-1], color=AFTER)
    ax.set_xlim(1, 5)
    ax.set_xlabel("Rata-rata (1 = sangat tidak setuju, 5 = sangat setuju)")
    ax.set_title(f"Reaksi per butir (n = {r.n})")
    for y, value in enumerate(items["rata_rata"].to_numpy()[::-1]):
        ax.text(value + 0.03, y, f"{value:.2f}".replace(".", ","), va="center", fontsize=8)
    return _png(fig)


def reaction_distribution(r: ev.Reaction) -> bytes | None:
    """Bars: how many answered each value 0-10 on the recommend item, coloured by NPS group."""
    if r.nps_counts["n"] == 0:
        return None
    values = r.nps_distribution
    colours = [
        OTHER if v <= ev.DETRACTOR_MAX else AFTER if v >= ev.PROMOTER_MIN else BEFORE
        for v in values.index
    ]
    fig, ax = plt.subplots(figsize=(7.5, 3.2))
    ax.bar([str(v) for v in values.index], values.to_numpy(), color=colours)
    ax.set_xlabel("Jawaban rekomendasi (0-6 pengkritik, 7-8 pasif, 9-10 promotor)")
    ax.set_ylabel("Jumlah jawaban")
    nps = "-" if r.nps is None else f"{r.nps:.1f}".replace(".", ",")
    ax.set_title(f"Sebaran jawaban rekomendasi, NPS = {nps}")
    ax.yaxis.get_major_locator().set_params(integer=True)
    return _png(fig)


def learning_participants(learn: ev.Learning) -> bytes | None:
    """Paired bars: % correct before and after for every matched participant."""
    parts = learn.participants
    if parts.empty:
        return None
    fig, ax = plt.subplots(figsize=(max(6.0, 0.45 * len(parts) + 2), 3.8))
    x = np.arange(len(parts))
    ax.bar(x - 0.2, parts["sebelum"], 0.4, label="Sebelum", color=BEFORE)
    ax.bar(x + 0.2, parts["sesudah"], 0.4, label="Sesudah", color=AFTER)
    ax.axhline(learn.pre_mean, color=BEFORE, linestyle="--", linewidth=1)
    ax.axhline(learn.post_mean, color=AFTER, linestyle="--", linewidth=1)
    ax.set_xticks(x, [str(c) for c in parts.index], rotation=60, ha="right", fontsize=8)
    ax.set_ylim(0, 100)
    ax.set_ylabel("Persen benar")
    ax.set_title(f"Tes pengetahuan sebelum dan sesudah (n = {learn.n}; garis = rata-rata)")
    ax.legend(loc="lower right")
    return _png(fig)


def learning_questions(learn: ev.Learning) -> bytes | None:
    """Paired horizontal bars: % of participants answering each question right."""
    items = learn.items
    if items.empty:
        return None
    fig, ax = plt.subplots(figsize=(7.5, 0.4 * len(items) + 1.4))
    y = np.arange(len(items))[::-1]
    ax.barh(y + 0.2, items["benar_sebelum"], 0.4, label="Sebelum", color=BEFORE)
    ax.barh(y - 0.2, items["benar_sesudah"], 0.4, label="Sesudah", color=AFTER)
    ax.set_yticks(y, list(items.index), fontsize=8)
    ax.set_xlim(0, 100)
    ax.set_xlabel("Persen peserta yang menjawab benar")
    ax.set_title("Per soal")
    ax.legend(loc="lower right", fontsize=8)
    return _png(fig)


def behaviour_dimensions(b: ev.Behaviour) -> bytes | None:
    """Paired horizontal bars: mean dimension score before and at follow-up."""
    dims = b.dimensions.dropna(subset=["perubahan"])
    if dims.empty:
        return None
    return _paired(
        dims,
        "sebelum",
        "sesudah",
        ("Sebelum", "Tindak lanjut"),
        f"Asesmen diri per dimensi (n = {b.n})",
    )


def behaviour_gap(b: ev.Behaviour) -> bytes | None:
    """Paired horizontal bars: self-assessment and coachees' view per dimension."""
    if b.gap is None:
        return None
    gap = b.gap.dropna(subset=["selisih"])
    if gap.empty:
        return None
    return _paired(
        gap, "diri", "pegawai", ("Diri", "Pegawai"), "Asesmen diri dan penilaian pegawai"
    )


def _paired(frame, first: str, second: str, names: tuple[str, str], title: str) -> bytes:  # type: ignore[no-untyped-def]
    fig, ax = plt.subplots(figsize=(7.5, 0.55 * len(frame) + 1.4))
    y = np.arange(len(frame))[::-1]
    labels = [str(n).replace("*", "") for n in frame["nama"]]
    ax.barh(y + 0.2, frame[first], 0.4, label=names[0], color=BEFORE)
    ax.barh(y - 0.2, frame[second], 0.4, label=names[1], color=AFTER)
    ax.set_yticks(y, labels, fontsize=8)
    ax.set_xlim(1, 5)
    ax.set_xlabel("Skor (1-5)")
    ax.set_title(title)
    ax.legend(loc="lower right", fontsize=8)
    return _png(fig)
