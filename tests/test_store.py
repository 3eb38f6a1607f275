"""The results store: append-only, participant codes, documented location."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from selfassess.errors import UserError
from selfassess.store import DEFAULT_PATH, Store, default_path, normalise_code


def test_default_location_and_override(monkeypatch, tmp_path):
    monkeypatch.delenv("SELFASSESS_DB", raising=False)
    assert default_path() == DEFAULT_PATH == Path.home() / ".selfassess" / "hasil.sqlite"
    monkeypatch.setenv("SELFASSESS_DB", str(tmp_path / "x.sqlite"))
    assert default_path() == tmp_path / "x.sqlite"


def test_append_and_read_back_in_order(db_path):
    store = Store()
    first = store.append("asesmen", "budi-07", {"skor": 4.5}, instrument="kompetensi-coaching")
    second = store.append("asesmen", "ANI_3", {"skor": 3.0}, instrument="kompetensi-coaching")
    store.append("rencana", "budi-07", {"tujuan": "Menyusun SOP"})
    assert db_path.exists()
    rows = store.submissions(kind="asesmen")
    assert [r.id for r in rows] == [first.id, second.id]
    assert rows[0].participant == "BUDI-07"
    assert rows[0].payload == {"skor": 4.5}
    assert [r.kind for r in store.submissions(participant="Budi-07")] == ["asesmen", "rencana"]


def test_reading_a_missing_store_creates_nothing(tmp_path):
    path = tmp_path / "belum-ada.sqlite"
    assert Store(path).submissions() == []
    assert not path.exists()


def test_rows_cannot_be_updated_or_deleted(db_path):
    Store().append("asesmen", "BUDI-07", {"skor": 4})
    conn = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.IntegrityError, match="tambah-saja"):
        conn.execute("UPDATE submissions SET participant = 'X'")
    with pytest.raises(sqlite3.IntegrityError, match="tambah-saja"):
        conn.execute("DELETE FROM submissions")
    conn.close()
    assert len(Store().submissions()) == 1


@pytest.mark.parametrize(
    ("code", "expected"),
    [("budi-07", "BUDI-07"), ("  tim3_ani ", "TIM3_ANI"), ("pst.21", "PST.21"), ("A1", "A1")],
)
def test_valid_codes(code, expected):
    assert normalise_code(code) == expected


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("", "kosong"),
        ("199001012015031001", "NIP"),
        ("<script>alert(1)</script>", "hanya boleh"),
        ("a", "hanya boleh"),
        ("-awal", "hanya boleh"),
        ("Budi Santoso", "hanya boleh"),
    ],
)
def test_invalid_codes_name_the_field(code, words):
    with pytest.raises(UserError) as info:
        normalise_code(code)
    assert info.value.field == "Kode peserta"
    assert words in str(info.value)
    assert str(info.value).startswith('Isian "Kode peserta":')


def test_unwritable_location_is_a_user_error(tmp_path):
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder")
    with pytest.raises(UserError, match="tidak dapat dibuka"):
        Store(blocker / "hasil.sqlite").append("asesmen", "BUDI-07", {})
