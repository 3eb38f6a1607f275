"""Shared test data: a realistic SMART draft, plan form values and session form values."""

from __future__ import annotations

from datetime import date

from selfassess.smart import Draft

GOAL = Draft(
    goal="Meningkatkan ketepatan waktu jawaban surat masuk",
    indicator="persentase surat masuk yang dijawab dalam 3 hari kerja",
    target="dari 60% menjadi 90%",
    deadline="31/12/2026",
    support="pendampingan Kasubbag TU 1 jam per minggu",
    link="IKU 2 Biro Umum",
)


def plan_fields(**changes):
    fields = {
        "coachee": "budi-07",
        "coach": "atasan-1",
        "goals": [GOAL],
        "start": date(2026, 5, 4),
        "frequency": "dua-mingguan",
        "duration": 60,
        "count": 6,
        "methods": ["Percakapan coaching model GROW", "Pengamatan kerja (observasi)"],
        "material": "Tata naskah dinas elektronik\nPenyusunan telaahan staf",
        "evaluation_how": "Capaian indikator dibandingkan dengan target saat dialog kinerja",
        "evaluation_when": "Setiap akhir bulan dan pada 31 Desember 2026",
        "place": "Ruang rapat Biro Umum",
    }
    fields.update(changes)
    return fields


def session_fields(**changes):
    fields = {
        "coachee": "BUDI-07",
        "number": 1,
        "held_on": date(2026, 5, 4),
        "goal": "Menyepakati langkah pertama untuk memangkas antrean surat",
        "reality": "Saat ini 60% surat dijawab dalam 3 hari kerja",
        "options": "Disposisi elektronik; templat jawaban; pembagian tugas",
        "will": "Membuat 5 templat jawaban surat",
        "actions": [("Membuat 5 templat jawaban surat", "coachee", date(2026, 5, 15))],
        "next_date": date(2026, 5, 18),
        "next_topic": "Meninjau templat",
    }
    fields.update(changes)
    return fields
