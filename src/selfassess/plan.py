"""Coaching plans and GROW session logs: plain data, validation, and their store rows.

A :class:`Plan` holds what stage 4 of the guide (*Penyusunan rencana*) asks for: the coachee's
code, the goals (SMART drafts), the schedule of sessions (dates, frequency, duration), the methods
and techniques, the material, and how and when progress is evaluated. A :class:`Session` is one
GROW conversation: notes for *Goal*, *Reality*, *Options* and *Will*, the agreed actions (what, who,
by when) and the next session.

:func:`make_plan` and :func:`make_session` take raw form values and raise
:class:`~selfassess.errors.UserError` whose ``field`` is the form label (:data:`LABELS`), so that a
widget can show the message beside the right field. Saving goes through the append-only
:class:`~selfassess.store.Store` (kinds ``rencana`` and ``sesi``); nothing saved is ever changed,
the current plan is the latest row, and a corrected session is a new row with the same number.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from .errors import UserError
from .smart import DRAFT_FIELDS, MONTHS, Draft, check_draft, format_date, normalise
from .store import Store, Submission, normalise_code

KIND_PLAN = "rencana"
KIND_SESSION = "sesi"
PAYLOAD_VERSION = 1

#: Form labels; ``UserError.field`` uses exactly these words.
LABELS = {
    "coachee": "Kode coachee",
    "coach": "Kode coach/mentor",
    "goals": "Tujuan SMART",
    "start": "Tanggal sesi pertama",
    "frequency": "Frekuensi",
    "duration": "Durasi (menit)",
    "count": "Jumlah sesi",
    "dates": "Tanggal sesi",
    "place": "Tempat atau media",
    "methods": "Metode dan teknik",
    "material": "Materi",
    "evaluation_how": "Cara evaluasi",
    "evaluation_when": "Waktu evaluasi",
    "notes": "Catatan",
    "number": "Sesi ke-",
    "held_on": "Tanggal sesi ini",
    "goal": "Goal (Tujuan)",
    "reality": "Reality (Kenyataan)",
    "options": "Options (Pilihan)",
    "will": "Will (Komitmen)",
    "action": "Tindakan",
    "owner": "Penanggung jawab",
    "due": "Tenggat tindakan",
    "next_date": "Tanggal sesi berikutnya",
    "next_topic": "Topik sesi berikutnya",
}

#: Frequency key → (label, step in days or months). ``tidak-tetap``: dates are written by hand.
FREQUENCIES: dict[str, tuple[str, int, str]] = {
    "mingguan": ("Setiap minggu", 7, "hari"),
    "dua-mingguan": ("Setiap 2 minggu", 14, "hari"),
    "bulanan": ("Setiap bulan", 1, "bulan"),
    "tidak-tetap": ("Tanggal ditentukan sendiri", 0, ""),
}

#: Methods and techniques offered in the form (free text may add others).
METHODS = (
    "Percakapan coaching model GROW",
    "Umpan balik langsung setelah pengamatan kerja",
    "Pengamatan kerja (observasi)",
    "Penugasan dengan bimbingan",
    "Berbagi pengalaman (mentoring)",
    "Diskusi kasus",
    "Bermain peran",
    "Belajar mandiri dengan bahan bacaan",
)

MAX_TEXT = 2000
MAX_GOALS = 10
MIN_DURATION, MAX_DURATION = 15, 240
MAX_SESSIONS = 52


# ── small parsers ───────────────────────────────────────────────────────────────────────────────


def _text(value: Any, key: str, required: bool = True, limit: int = MAX_TEXT) -> str:
    text = normalise(str(value)) if value is not None else ""
    if required and not text:
        raise UserError("isian ini masih kosong.", field=LABELS[key], hint=_HINTS.get(key))
    if len(text) > limit:
        raise UserError(
            f"isian ini terlalu panjang ({len(text)} karakter; paling banyak {limit}).",
            field=LABELS[key],
            hint="Ringkas isinya; rincian dapat dicatat di dokumen terpisah.",
        )
    return text


def _multiline(value: Any, key: str, required: bool = False, limit: int = MAX_TEXT) -> str:
    """Like :func:`_text` but keeps line breaks (notes written as lists)."""
    raw = "" if value is None else str(value).replace("\r\n", "\n").replace("\r", "\n")
    lines = [normalise(line) for line in raw.split("\n")]
    text = "\n".join(line for line in lines if line).strip()
    if required and not text:
        raise UserError("isian ini masih kosong.", field=LABELS[key], hint=_HINTS.get(key))
    if len(text) > limit:
        raise UserError(
            f"isian ini terlalu panjang ({len(text)} karakter; paling banyak {limit}).",
            field=LABELS[key],
            hint="Ringkas isinya; rincian dapat dicatat di dokumen terpisah.",
        )
    return text


_HINTS = {
    "coachee": "Isi dengan kode pilihan pegawai, misalnya BUDI-07.",
    "material": "Contoh: “penyusunan telaahan staf; tata naskah dinas elektronik”.",
    "evaluation_how": "Contoh: “capaian indikator dibandingkan dengan target saat dialog kinerja”.",
    "evaluation_when": "Contoh: “setiap akhir bulan dan pada 31 Desember 2026”.",
    "goal": "Tulis apa yang ingin dicapai pegawai dalam sesi ini.",
    "will": "Tulis apa yang disepakati akan dilakukan pegawai sebelum sesi berikutnya.",
    "action": "Contoh: “menyusun draf SOP pengarsipan”.",
    "owner": "Tulis peran, misalnya “coachee” atau “atasan langsung”.",
}


def parse_date(value: Any, key: str, required: bool = True) -> date | None:
    """A date from a date picker, an ISO string, ``31/12/2026`` or ``31 Desember 2026``."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = normalise(str(value)) if value is not None else ""
    if not text:
        if required:
            raise UserError(
                "tanggal masih kosong.", field=LABELS[key], hint="Pilih tanggal pada kalender."
            )
        return None
    parts = None
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
        parts = int(m[1]), int(m[2]), int(m[3])
    elif m := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text):
        parts = int(m[3]), int(m[2]), int(m[1])
    elif m := re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})", text):
        month = MONTHS.get(m[2].lower())
        parts = (int(m[3]), month, int(m[1])) if month else None
    if parts is not None:
        try:
            return date(*parts)
        except ValueError:
            pass
    raise UserError(
        f"“{text}” bukan tanggal yang dikenali.",
        field=LABELS[key],
        hint="Tulis seperti 31/12/2026 atau 31 Desember 2026, atau pilih pada kalender.",
    )


def _integer(value: Any, key: str, low: int, high: int) -> int:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise UserError(
            f"“{value}” bukan bilangan bulat.", field=LABELS[key], hint=f"Isi {low}-{high}."
        ) from None
    if not low <= number <= high:
        raise UserError(f"nilainya harus {low}-{high}.", field=LABELS[key])
    return number


def schedule_dates(start: date, frequency: str, count: int) -> tuple[date, ...]:
    """Session dates from the first date: weekly, fortnightly or monthly (same day of month,
    or the month's last day when it is shorter)."""
    label, step, unit = FREQUENCIES[frequency]
    if not step:
        raise ValueError(f"{label}: dates are written by hand")
    if unit == "hari":
        return tuple(start + timedelta(days=step * i) for i in range(count))
    out = []
    for i in range(count):
        month0 = start.month - 1 + i
        year, month = start.year + month0 // 12, month0 % 12 + 1
        out.append(date(year, month, min(start.day, calendar.monthrange(year, month)[1])))
    return tuple(out)


# ── plans ───────────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Schedule:
    """When the sessions take place."""

    start: date
    frequency: str
    duration_minutes: int
    dates: tuple[date, ...]
    place: str = ""

    @property
    def frequency_label(self) -> str:
        """Indonesian label, e.g. ``Setiap 2 minggu``."""
        return FREQUENCIES[self.frequency][0]


@dataclass(frozen=True)
class Plan:
    """A coaching plan (validated; build it with :func:`make_plan`)."""

    coachee: str
    goals: tuple[Draft, ...]
    schedule: Schedule
    methods: tuple[str, ...]
    material: str
    evaluation_how: str
    evaluation_when: str
    coach: str = ""
    notes: str = ""

    def to_payload(self) -> dict[str, Any]:
        """Plain data for the store (Indonesian keys, ISO dates)."""
        s = self.schedule
        return {
            "versi": PAYLOAD_VERSION,
            "kode_coachee": self.coachee,
            "kode_coach": self.coach,
            "tujuan": [g.to_payload() for g in self.goals],
            "jadwal": {
                "mulai": s.start.isoformat(),
                "frekuensi": s.frequency,
                "durasi_menit": s.duration_minutes,
                "tanggal": [d.isoformat() for d in s.dates],
                "tempat": s.place,
            },
            "metode": list(self.methods),
            "materi": self.material,
            "evaluasi": {"cara": self.evaluation_how, "waktu": self.evaluation_when},
            "catatan": self.notes,
        }

    @classmethod
    def from_payload(cls, data: Mapping[str, Any]) -> Plan:
        """Rebuild a plan from :meth:`to_payload` data (validated again)."""
        jadwal = data.get("jadwal") or {}
        evaluasi = data.get("evaluasi") or {}
        plan, _ = make_plan(
            coachee=data.get("kode_coachee", ""),
            coach=data.get("kode_coach", ""),
            goals=[Draft.from_payload(g) for g in data.get("tujuan") or []],
            start=jadwal.get("mulai"),
            frequency=jadwal.get("frekuensi", ""),
            duration=jadwal.get("durasi_menit"),
            count=len(jadwal.get("tanggal") or []) or 1,
            dates=jadwal.get("tanggal") or [],
            place=jadwal.get("tempat", ""),
            methods=data.get("metode") or [],
            material=data.get("materi", ""),
            evaluation_how=evaluasi.get("cara", ""),
            evaluation_when=evaluasi.get("waktu", ""),
            notes=data.get("catatan", ""),
        )
        return plan


def _code(value: Any, key: str) -> str:
    return normalise_code(str(value or ""), field=LABELS[key])


def make_plan(
    *,
    coachee: str,
    goals: Sequence[Draft | Mapping[str, Any]],
    start: Any,
    frequency: str,
    duration: Any,
    count: Any = 1,
    dates: Iterable[Any] | str = (),
    methods: Iterable[str] | str = (),
    material: str = "",
    evaluation_how: str = "",
    evaluation_when: str = "",
    coach: str = "",
    place: str = "",
    notes: str = "",
    today: date | None = None,
) -> tuple[Plan, list[str]]:
    """Validate raw form values into a :class:`Plan`; also return Indonesian warnings.

    ``dates`` is used only when ``frequency`` is ``tidak-tetap`` (one date per line or item);
    otherwise the dates follow from ``start``, ``frequency`` and ``count``.
    """
    warnings: list[str] = []
    code = _code(coachee, "coachee")
    coach_code = _code(coach, "coach") if normalise(str(coach or "")) else ""
    drafts = [g if isinstance(g, Draft) else Draft.from_payload(g) for g in goals]
    drafts = [Draft.from_payload(d.to_payload()) for d in drafts]
    if not drafts:
        raise UserError(
            "rencana belum berisi tujuan.",
            field=LABELS["goals"],
            hint="Tulis rancangan tujuan, lalu tekan “Tambahkan ke rencana”.",
        )
    if len(drafts) > MAX_GOALS:
        raise UserError(f"paling banyak {MAX_GOALS} tujuan dalam satu rencana.", field="Tujuan")
    for i, draft in enumerate(drafts, start=1):
        if not draft.goal:
            raise UserError("kalimat tujuan masih kosong.", field=f"Tujuan {i}")
        for attr, _, label in DRAFT_FIELDS:
            if len(getattr(draft, attr)) > MAX_TEXT:
                raise UserError(
                    f"isian ini terlalu panjang (paling banyak {MAX_TEXT} karakter).",
                    field=f"Tujuan {i}: {label}",
                )
        missing = check_draft(draft, today=today).missing()
        if missing:
            warnings.append(f"Tujuan {i} belum memenuhi kriteria: {', '.join(missing)}.")

    first = parse_date(start, "start")
    assert first is not None
    if frequency not in FREQUENCIES:
        choices = ", ".join(label for label, _, _ in FREQUENCIES.values())
        raise UserError(f"pilih salah satu: {choices}.", field=LABELS["frequency"])
    minutes = _integer(duration, "duration", MIN_DURATION, MAX_DURATION)
    if frequency == "tidak-tetap":
        items = dates.splitlines() if isinstance(dates, str) else list(dates)
        items = [x for x in items if normalise(str(x))]
        if not items:
            raise UserError(
                "tanggal sesi belum diisi.",
                field=LABELS["dates"],
                hint="Tulis satu tanggal per baris, misalnya 4/5/2026.",
            )
        parsed = []
        for line_no, item in enumerate(items, start=1):
            try:
                parsed.append(parse_date(item, "dates"))
            except UserError as err:
                raise UserError(
                    f"baris {line_no}: {err.message}", field=LABELS["dates"], hint=err.hint
                ) from None
        session_dates = tuple(sorted({d for d in parsed if d is not None}))
        if session_dates[0] != first:
            session_dates = tuple(sorted({first, *session_dates}))
    else:
        session_dates = schedule_dates(first, frequency, _integer(count, "count", 1, MAX_SESSIONS))
    if len(session_dates) > MAX_SESSIONS:
        raise UserError(f"paling banyak {MAX_SESSIONS} sesi.", field=LABELS["dates"])
    if (session_dates[-1] - session_dates[0]).days > 2 * 366:
        warnings.append(
            "Jadwal sesi lebih dari dua tahun; pertimbangkan rencana yang lebih pendek."
        )

    if isinstance(methods, str):
        methods = methods.splitlines()
    method_list = tuple(dict.fromkeys(normalise(m) for m in methods if normalise(m)))
    if not method_list:
        raise UserError(
            "pilih atau tulis sedikitnya satu metode.",
            field=LABELS["methods"],
            hint="Misalnya “Percakapan coaching model GROW”.",
        )
    for method in method_list:
        if len(method) > 200:
            raise UserError("satu metode paling banyak 200 karakter.", field=LABELS["methods"])

    plan = Plan(
        coachee=code,
        coach=coach_code,
        goals=tuple(drafts),
        schedule=Schedule(first, frequency, minutes, session_dates, _text(place, "place", False)),
        methods=method_list,
        material=_multiline(material, "material", required=True),
        evaluation_how=_multiline(evaluation_how, "evaluation_how", required=True),
        evaluation_when=_text(evaluation_when, "evaluation_when"),
        notes=_multiline(notes, "notes"),
    )
    return plan, warnings


# ── sessions ────────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Action:
    """An agreed action: what, who, by when."""

    what: str
    owner: str
    due: date


@dataclass(frozen=True)
class Session:
    """One GROW session (validated; build it with :func:`make_session`)."""

    coachee: str
    number: int
    held_on: date
    goal: str
    reality: str
    options: str
    will: str
    actions: tuple[Action, ...] = ()
    next_date: date | None = None
    next_topic: str = ""
    plan_id: int | None = field(default=None, compare=False)

    def to_payload(self) -> dict[str, Any]:
        """Plain data for the store."""
        return {
            "versi": PAYLOAD_VERSION,
            "kode_coachee": self.coachee,
            "sesi_ke": self.number,
            "tanggal": self.held_on.isoformat(),
            "grow": {
                "goal": self.goal,
                "reality": self.reality,
                "options": self.options,
                "will": self.will,
            },
            "tindakan": [
                {"tindakan": a.what, "penanggung_jawab": a.owner, "tenggat": a.due.isoformat()}
                for a in self.actions
            ],
            "sesi_berikut": {
                "tanggal": self.next_date.isoformat() if self.next_date else None,
                "topik": self.next_topic,
            },
            "rencana_id": self.plan_id,
        }

    @classmethod
    def from_payload(cls, data: Mapping[str, Any]) -> Session:
        """Rebuild a session from :meth:`to_payload` data (validated again)."""
        grow = data.get("grow") or {}
        nxt = data.get("sesi_berikut") or {}
        session, _ = make_session(
            coachee=data.get("kode_coachee", ""),
            number=data.get("sesi_ke"),
            held_on=data.get("tanggal"),
            goal=grow.get("goal", ""),
            reality=grow.get("reality", ""),
            options=grow.get("options", ""),
            will=grow.get("will", ""),
            actions=[
                (a.get("tindakan", ""), a.get("penanggung_jawab", ""), a.get("tenggat"))
                for a in data.get("tindakan") or []
            ],
            next_date=nxt.get("tanggal"),
            next_topic=nxt.get("topik", ""),
            plan_id=data.get("rencana_id"),
        )
        return session


def make_action(what: Any, owner: Any, due: Any, held_on: date | None = None) -> Action:
    """Validate one agreed action; the due date may not be before the session."""
    due_date = parse_date(due, "due")
    assert due_date is not None
    action = Action(_text(what, "action"), _text(owner, "owner", limit=200), due_date)
    if held_on is not None and action.due < held_on:
        raise UserError(
            f"tenggat {format_date(action.due)} lebih awal daripada tanggal sesi "
            f"{format_date(held_on)}.",
            field=LABELS["due"],
            hint="Pilih tanggal pada atau setelah hari sesi.",
        )
    return action


def make_session(
    *,
    coachee: str,
    number: Any,
    held_on: Any,
    goal: str = "",
    reality: str = "",
    options: str = "",
    will: str = "",
    actions: Iterable[Action | tuple[Any, Any, Any]] = (),
    next_date: Any = None,
    next_topic: str = "",
    plan_id: int | None = None,
) -> tuple[Session, list[str]]:
    """Validate raw form values into a :class:`Session`; also return Indonesian warnings."""
    warnings: list[str] = []
    code = _code(coachee, "coachee")
    nr = _integer(number, "number", 1, 200)
    day = parse_date(held_on, "held_on")
    assert day is not None
    notes = {
        "goal": _multiline(goal, "goal", required=True),
        "reality": _multiline(reality, "reality"),
        "options": _multiline(options, "options"),
        "will": _multiline(will, "will", required=True),
    }
    for key in ("reality", "options"):
        if not notes[key]:
            warnings.append(f"Catatan {LABELS[key]} masih kosong.")
    checked = []
    for item in actions:
        if isinstance(item, Action):
            item = (item.what, item.owner, item.due)
        checked.append(make_action(*item, held_on=day))
    if not checked:
        warnings.append("Belum ada tindakan yang disepakati; tahap Will biasanya menghasilkannya.")
    nxt = parse_date(next_date, "next_date", required=False)
    if nxt is not None and nxt <= day:
        raise UserError(
            f"sesi berikutnya ({format_date(nxt)}) harus setelah sesi ini ({format_date(day)}).",
            field=LABELS["next_date"],
        )
    session = Session(
        coachee=code,
        number=nr,
        held_on=day,
        goal=notes["goal"],
        reality=notes["reality"],
        options=notes["options"],
        will=notes["will"],
        actions=tuple(checked),
        next_date=nxt,
        next_topic=_text(next_topic, "next_topic", required=False, limit=500),
        plan_id=plan_id,
    )
    return session, warnings


# ── the store ───────────────────────────────────────────────────────────────────────────────────


def save_plan(store: Store, plan: Plan) -> Submission:
    """Append the plan to the store (kind ``rencana``)."""
    return store.append(KIND_PLAN, plan.coachee, plan.to_payload())


def save_session(store: Store, session: Session) -> Submission:
    """Append the session log to the store (kind ``sesi``)."""
    return store.append(KIND_SESSION, session.coachee, session.to_payload())


def _rebuild(sub: Submission, builder: Any) -> Any:
    try:
        return builder(sub.payload)
    except UserError as err:
        raise UserError(
            f"data tersimpan nomor {sub.id} ({sub.kind}) tidak dapat dibaca: {err}",
            hint="Data itu tetap utuh di berkas hasil; beri tahu pengelola pelatihan.",
        ) from err


def latest_plan(store: Store, coachee: str) -> tuple[int, Plan] | None:
    """The coachee's current plan (the latest saved) with its row id, or None."""
    rows = store.submissions(kind=KIND_PLAN, participant=_code(coachee, "coachee"))
    if not rows:
        return None
    return rows[-1].id, _rebuild(rows[-1], Plan.from_payload)


def sessions_for(store: Store, coachee: str) -> list[Session]:
    """The coachee's sessions, one per session number (the latest saved), in number order."""
    rows = store.submissions(kind=KIND_SESSION, participant=_code(coachee, "coachee"))
    latest: dict[int, Session] = {}
    for row in rows:
        session = _rebuild(row, Session.from_payload)
        latest[session.number] = session
    return [latest[k] for k in sorted(latest)]
