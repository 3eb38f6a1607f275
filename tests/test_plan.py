"""Coaching plans and GROW session logs: validation names the field; the store keeps everything."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from selfassess.errors import UserError
from selfassess.plan import (
    LABELS,
    Plan,
    Session,
    latest_plan,
    make_action,
    make_plan,
    make_session,
    parse_date,
    save_plan,
    save_session,
    schedule_dates,
    sessions_for,
)
from selfassess.smart import Draft
from selfassess.store import Store
from tests.plan_data import GOAL, plan_fields, session_fields


def test_schedule_dates_weekly_fortnightly_monthly():
    start = date(2026, 1, 31)
    assert schedule_dates(start, "mingguan", 3) == (
        date(2026, 1, 31),
        date(2026, 2, 7),
        date(2026, 2, 14),
    )
    assert schedule_dates(start, "dua-mingguan", 2)[-1] == date(2026, 2, 14)
    # Monthly keeps the day of month, or the month's last day when shorter.
    assert schedule_dates(start, "bulanan", 4) == (
        date(2026, 1, 31),
        date(2026, 2, 28),
        date(2026, 3, 31),
        date(2026, 4, 30),
    )
    assert schedule_dates(date(2026, 11, 15), "bulanan", 3)[-1] == date(2027, 1, 15)
    with pytest.raises(ValueError):
        schedule_dates(start, "tidak-tetap", 2)


def test_make_plan_builds_schedule_and_warns_for_weak_goals():
    weak = Draft(goal="Meningkatkan kinerja")
    plan, warnings = make_plan(**plan_fields(goals=[GOAL, weak]))
    assert plan.coachee == "BUDI-07" and plan.coach == "ATASAN-1"
    assert plan.schedule.dates[0] == date(2026, 5, 4)
    assert len(plan.schedule.dates) == 6
    assert plan.schedule.dates[-1] == date(2026, 7, 13)
    assert plan.schedule.frequency_label == "Setiap 2 minggu"
    assert plan.material == "Tata naskah dinas elektronik\nPenyusunan telaahan staf"
    assert warnings == [
        "Tujuan 2 belum memenuhi kriteria: Spesifik, Terukur, Dapat dicapai, Relevan, "
        "Berbatas waktu."
    ]


def test_hand_written_dates_are_sorted_and_include_the_first():
    plan, _ = make_plan(
        **plan_fields(frequency="tidak-tetap", dates="18/5/2026\n\n1 Juni 2026\n2026-05-11")
    )
    assert plan.schedule.dates == (
        date(2026, 5, 4),
        date(2026, 5, 11),
        date(2026, 5, 18),
        date(2026, 6, 1),
    )


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"coachee": ""}, "Kode coachee", "kosong"),
        ({"coachee": "199001012015031001"}, "Kode coachee", "NIP"),
        ({"coach": "a b"}, "Kode coach/mentor", "huruf"),
        ({"goals": []}, "Tujuan SMART", "belum berisi tujuan"),
        ({"goals": [GOAL, Draft(indicator="x")]}, "Tujuan 2", "kosong"),
        ({"goals": [Draft(goal="x" * 2001)]}, "Tujuan 1: Tujuan", "terlalu panjang"),
        ({"start": None}, "Tanggal sesi pertama", "kosong"),
        ({"start": "31/02/2026"}, "Tanggal sesi pertama", "bukan tanggal"),
        ({"frequency": "harian"}, "Frekuensi", "Setiap minggu"),
        ({"duration": 5}, "Durasi (menit)", "15-240"),
        ({"duration": "satu jam"}, "Durasi (menit)", "bilangan bulat"),
        ({"count": 0}, "Jumlah sesi", "1-52"),
        ({"frequency": "tidak-tetap", "dates": ""}, "Tanggal sesi", "belum diisi"),
        ({"frequency": "tidak-tetap", "dates": "4/5/2026\nbesok"}, "Tanggal sesi", "baris 2"),
        ({"methods": []}, "Metode dan teknik", "sedikitnya satu"),
        ({"material": " \n "}, "Materi", "kosong"),
        ({"evaluation_how": ""}, "Cara evaluasi", "kosong"),
        ({"evaluation_when": ""}, "Waktu evaluasi", "kosong"),
    ],
)
def test_plan_errors_name_the_field(changes, field, words):
    with pytest.raises(UserError) as info:
        make_plan(**plan_fields(**changes))
    assert info.value.field == field
    assert words in str(info.value)
    assert str(info.value).startswith(f'Isian "{field}"')


def test_labels_are_indonesian_and_unique():
    assert len(set(LABELS.values())) == len(LABELS)


def test_parse_date_forms():
    for text in ("2026-12-31", "31/12/2026", "31-12-2026", "31 Desember 2026", "31 Des 2026"):
        assert parse_date(text, "start") == date(2026, 12, 31)
    assert parse_date("", "next_date", required=False) is None


def test_session_validation_and_warnings():
    session, warnings = make_session(**session_fields(reality="", actions=[]))
    assert session.coachee == "BUDI-07" and session.number == 1
    assert warnings == [
        "Catatan Reality (Kenyataan) masih kosong.",
        "Belum ada tindakan yang disepakati; tahap Will biasanya menghasilkannya.",
    ]


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"number": 0}, "Sesi ke-", "1-200"),
        ({"held_on": ""}, "Tanggal sesi ini", "kosong"),
        ({"goal": ""}, "Goal (Tujuan)", "kosong"),
        ({"will": "  "}, "Will (Komitmen)", "kosong"),
        ({"actions": [("", "coachee", date(2026, 5, 10))]}, "Tindakan", "kosong"),
        ({"actions": [("Membuat templat", "", date(2026, 5, 10))]}, "Penanggung jawab", "kosong"),
        ({"actions": [("Membuat templat", "coachee", None)]}, "Tenggat tindakan", "kosong"),
        ({"actions": [("Templat", "coachee", date(2026, 5, 1))]}, "Tenggat tindakan", "lebih awal"),
        ({"next_date": date(2026, 5, 4)}, "Tanggal sesi berikutnya", "harus setelah"),
    ],
)  # fmt: skip
def test_session_errors_name_the_field(changes, field, words):
    with pytest.raises(UserError) as info:
        make_session(**session_fields(**changes))
    assert info.value.field == field
    assert words in str(info.value)


def test_make_action_alone():
    action = make_action("Membaca PermenPANRB 6/2022", "coachee", "10/05/2026")
    assert action.due == date(2026, 5, 10)


def test_payload_round_trips():
    plan, _ = make_plan(**plan_fields())
    assert Plan.from_payload(plan.to_payload()) == plan
    odd, _ = make_plan(**plan_fields(frequency="tidak-tetap", dates=["2026-06-01"]))
    assert Plan.from_payload(odd.to_payload()) == odd
    session, _ = make_session(**session_fields())
    assert Session.from_payload(session.to_payload()) == session


def test_store_keeps_every_version_and_reads_the_latest(db_path):
    store = Store()
    assert latest_plan(store, "BUDI-07") is None
    first, _ = make_plan(**plan_fields())
    second, _ = make_plan(**plan_fields(duration=90))
    save_plan(store, first)
    row = save_plan(store, second)
    plan_id, current = latest_plan(store, "budi-07")
    assert (plan_id, current.schedule.duration_minutes) == (row.id, 90)
    assert len(store.submissions(kind="rencana")) == 2  # nothing is overwritten

    one, _ = make_session(**session_fields(plan_id=plan_id))
    two, _ = make_session(
        **session_fields(number=2, held_on=date(2026, 5, 18), next_date=None, actions=[])
    )
    fixed, _ = make_session(**session_fields(will="Membuat 6 templat jawaban surat"))
    for s in (one, two, fixed):
        save_session(store, s)
    sessions = sessions_for(store, "BUDI-07")
    assert [s.number for s in sessions] == [1, 2]
    assert sessions[0].will == "Membuat 6 templat jawaban surat"
    assert len(store.submissions(kind="sesi")) == 3
    assert sessions_for(store, "ANI-01") == []
    with sqlite3.connect(db_path) as conn, pytest.raises(sqlite3.DatabaseError):
        conn.execute("DELETE FROM submissions WHERE kind = 'rencana'")


def test_unreadable_saved_row_is_reported_not_hidden(db_path):
    store = Store()
    store.append("rencana", "BUDI-07", {"versi": 1, "kode_coachee": "BUDI-07", "tujuan": []})
    with pytest.raises(UserError) as info:
        latest_plan(store, "BUDI-07")
    assert "tidak dapat dibaca" in str(info.value)
    assert "tetap utuh" in str(info.value)
