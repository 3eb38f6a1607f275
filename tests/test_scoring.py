"""Scoring with expected values worked out by hand: reverse items, missing answers, labels, text
headers, bands, warnings and errors that name the row and column."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from openpyxl import Workbook

from selfassess.errors import UserError
from selfassess.ingest import read_table
from selfassess.instrument import load
from selfassess.scoring import (
    compare,
    prepare,
    ranked,
    score,
    score_answers,
    unanswered,
    weakest,
)

MINI = Path(__file__).resolve().parent / "data" / "instrumen" / "mini.yaml"


def write_csv(path: Path, rows: list[list[object]], delimiter: str = ",") -> Path:
    with path.open("w", newline="", encoding="utf-8-sig") as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)
    return path


def mini_frame(rows: list[dict], index: list[int] | None = None) -> pd.DataFrame:
    frame = pd.DataFrame(rows, dtype=object)
    frame.index = index or list(range(2, len(rows) + 2))
    return frame


# ── hand-computed scores on the small instrument ─────────────────────────────────────────────────


def test_hand_computed_mini_scores_with_text_headers_labels_and_reverse(tmp_path):
    # Headers as a form tool writes them: item text (with odd case/spacing/punctuation), an
    # English text, a Google Forms grid "Question [row]", ids, and a timestamp column.
    path = write_csv(
        tmp_path / "jawaban.csv",
        [
            [
                "Timestamp",
                "Kode",
                "  saya MENDENGARKAN pegawai sampai selesai berbicara ",
                "Seberapa sering? [Saya memotong pembicaraan pegawai.]",
                "d3",
                "I give feedback soon after the work is done",  # unknown: English text differs
                "U1",
                "U2",
                "R1",
                "P1",
                "T1",
            ],
            ["2025-01-06 08:00", "ani-1", "5", "Tidak pernah", "3", "x", "Selalu", "4", "9",
             "b", "<b>tebal</b>"],
            ["2025-01-06 08:05", "budi-2", "4 - Sering", "2", "", "", "jarang.", "2", "0",
             "b. Apa yang membuat laporan ini sulit diselesaikan?", ""],
            ["2025-01-06 08:09", "cici-3", "Sering", "", "", "", "3", "3", "10", "a", ""],
        ],
    )  # fmt: skip
    prepared = prepare(load(MINI), read_table(path))
    assert prepared.columns["D2"] == "Seberapa sering? [Saya memotong pembicaraan pegawai.]"
    assert prepared.columns["D1"].strip().startswith("saya MENDENGARKAN")
    assert list(prepared.codes) == ["ANI-1", "BUDI-2", "CICI-3"]
    assert list(prepared.values.index) == [2, 3, 4]
    assert list(prepared.values["R1"]) == [9.0, 0.0, 10.0]  # the 0-10 item keeps its own scale
    assert list(prepared.values["P1"]) == ["b", "b", "a"]
    assert list(prepared.correct()["P1"]) == [True, True, False]
    assert prepared.values.loc[2, "T1"] == "<b>tebal</b>"
    assert prepared.values.loc[3, "T1"] is None
    assert "waktu" in prepared.meta.columns
    assert any("I give feedback soon" in w and "diabaikan" in w for w in prepared.warnings)

    table = score(prepared).table
    assert list(table.columns) == [
        "respondent", "dengar", "umpan", "dengar_band", "umpan_band", "overall", "overall_band",
    ]  # fmt: skip
    # ANI-1: D1 5, D2 "Tidak pernah"=1 reversed to 5, D3 3 → 13/3; U1 Selalu=5, U2 4 → 4.5
    assert table.loc[2, "dengar"] == pytest.approx(13 / 3)
    assert table.loc[2, "umpan"] == pytest.approx(4.5)
    assert table.loc[2, "overall"] == pytest.approx((13 / 3 + 4.5) / 2)
    assert table.loc[2, "dengar_band"] == "Kuat"
    # BUDI-2: D1 4, D2 2→4, D3 missing: 2 of 3 answered (67 % ≥ 60 %) → 4.0; U1 2, U2 2 → 2.0
    assert table.loc[3, "dengar"] == pytest.approx(4.0)
    assert table.loc[3, "umpan"] == pytest.approx(2.0)
    assert table.loc[3, "umpan_band"] == "Perlu dikembangkan"
    assert table.loc[3, "overall"] == pytest.approx(3.0)
    assert table.loc[3, "overall_band"] == "Berkembang"
    # CICI-3: only D1 of 3 answered (33 % < 60 %) → empty; overall needs 60 % of dimensions → empty
    assert math.isnan(table.loc[4, "dengar"])
    assert pd.isna(table.loc[4, "dengar_band"])
    assert table.loc[4, "umpan"] == pytest.approx(3.0)
    assert math.isnan(table.loc[4, "overall"])
    warnings = score(prepared).warnings
    assert any("baris 4 (CICI-3): dengar" in w for w in warnings)


def test_kompetensi_coaching_from_xlsx_by_hand(tmp_path):
    inst = load("kompetensi-coaching")
    # One respondent answers 4 everywhere (2 on reverse items, scored 6 - 2 = 4) except:
    # REL4 (reverse) = 1 → 5, DEN2 (reverse) = 5 → 1, TUJ1 missing (3 of 4 answered = 75 % ≥ 75 %),
    # KAR1 and KAR2 missing (2 of 4 → empty).
    answers = {i.id: (2 if i.reverse else 4) for i in inst.items}
    answers.update({"REL4": 1, "DEN2": 5, "TUJ1": None, "KAR1": None, "KAR2": None})
    book = Workbook()
    sheet = book.active
    sheet.append(["Kode peserta", *[i.text.id for i in inst.items]])
    sheet.append(["MAWAR-12", *[answers[i.id] for i in inst.items]])
    path = tmp_path / "jawaban.xlsx"
    book.save(path)
    table = score(prepare(inst, read_table(path))).table
    row = table.loc[2]
    assert row["respondent"] == "MAWAR-12"
    assert row["relasi"] == pytest.approx((4 + 4 + 4 + 5 + 4) / 5)  # 4.2
    assert row["mendengar"] == pytest.approx((4 + 1 + 4 + 4 + 4) / 5)  # 3.4
    assert row["tujuan"] == pytest.approx(4.0)
    assert math.isnan(row["karier"])
    expected = np.mean([4.2, 3.4, 4, 4, 4, 4, 4])  # 7 of 8 dimensions ≥ 75 %
    assert row["overall"] == pytest.approx(expected)
    assert row["relasi_band"] == "Cakap"  # 3.5 ≤ 4.2 < 4.25
    assert row["mendengar_band"] == "Berkembang"  # 2.5 ≤ 3.4 < 3.5
    assert row["overall_band"] == "Cakap"


def test_obstacles_rank_strongest_first_with_strategies():
    inst = load("cek-kendala")
    answers = {i.id: 2 for i in inst.items}
    answers.update({"KD1": 5, "KD2": 5, "KD3": 4, "KD4": 1})  # dukungan: (5+5+4+5)/4 = 4.75
    answers.update({"KW1": 4, "KW2": 3, "KW3": 3, "KW4": 3})  # waktu: (4+3+3+3)/4 = 3.25
    scored = score_answers(inst, "ANI-1", answers)
    order = ranked(scored)
    assert [r.dimension.id for r in order] == ["dukungan", "waktu", "kemampuan", "resistensi"]
    assert order[0].score == pytest.approx(4.75)
    assert order[0].band.label.id == "Berat"
    assert order[1].band.label.id == "Sedang"
    # kemampuan: KM1-3 = 2, KM4 reverse 2 → 4: 10/4 = 2.5; resistensi the same
    assert order[2].score == pytest.approx(2.5)
    assert order[0].dimension.strategy.id == "Komitmen pimpinan dan dukungan organisasi"
    texts = [t for t, _ in order[0].actions]
    urls = [u for _, u in order[0].actions]
    assert any("SKP" in t for t in texts)
    assert all(u and u.startswith("http://127.0.0.1:8000/") for u in urls)


def test_weakest_three_with_actions_and_guide_links(monkeypatch):
    monkeypatch.setenv("SELFASSESS_PANDUAN_URL", "https://intranet.example.go.id/panduan/")
    inst = load("kompetensi-coaching")
    answers = {i.id: (2 if i.reverse else 4) for i in inst.items}  # every dimension 4.0
    for item in inst.items_of("konsistensi"):
        answers[item.id] = 1 if not item.reverse else 5  # → 1.0
    for item in inst.items_of("karier"):
        answers[item.id] = 2  # → 2.0
    answers["DEN1"] = 3  # mendengar (3+4+4+4+4)/5 = 3.8
    top = weakest(score_answers(inst, "X1", answers))
    assert [r.dimension.id for r in top] == ["konsistensi", "karier", "mendengar"]
    assert [round(r.score, 2) for r in top] == [1.0, 2.0, 3.8]
    actions = top[0].actions
    assert actions[0] == (
        "Sisihkan 30 menit setiap dua minggu untuk setiap pegawai di kalender Anda.",
        "https://intranet.example.go.id/panduan/kendala/keterbatasan-waktu/",
    )
    # an action without a page links to the dimension's page
    assert actions[-1][1] == "https://intranet.example.go.id/panduan/kendala/keterbatasan-waktu/"


def test_unanswered_names_required_items_only():
    inst = load(MINI)
    answers = {"D1": 3, "D2": "", "U1": 4, "U2": 4, "R1": 5, "P1": "a"}
    assert [i.id for i in unanswered(inst, answers)] == ["D2", "D3"]


def test_compare_self_with_coachees():
    self_inst = load("kompetensi-coaching")
    staff_inst = load("kompetensi-coaching-pegawai")
    own = score_answers(
        self_inst, "ATASAN-1", {i.id: (2 if i.reverse else 4) for i in self_inst.items}
    )
    staff = pd.DataFrame(
        [
            {"Kode peserta": "ATASAN-1", "fase": f"p{n}", **{i.id: v for i in staff_inst.items}}
            for n, v in enumerate([3, 5])
        ],
        index=[2, 3],
        dtype=object,
    )
    staff["PKOMEN"] = ["Bagus", None]
    theirs = score(prepare(staff_inst, staff))
    table = compare(own, theirs)
    assert list(table["dimensi"])[:2] == ["relasi", "mendengar"]
    relasi = table.iloc[0]
    # self: 4.0 everywhere; staff 1: 3,3,3 + reverse 3 → 3.0; staff 2: 5,5,5 + reverse 5→1: 4.0
    assert relasi["diri"] == pytest.approx(4.0)
    assert relasi["pegawai"] == pytest.approx(3.5)
    assert relasi["jumlah_pegawai"] == 2
    assert relasi["selisih"] == pytest.approx(0.5)


# ── errors that name the row and column, warnings that keep an honest score ──────────────────────


def _error(frame: pd.DataFrame, inst=None) -> UserError:
    with pytest.raises(UserError) as info:
        prepare(inst or load(MINI), frame, source="jawaban.csv")
    assert info.value.file == "jawaban.csv"
    return info.value


BASE = {"Kode": "A1", "D1": "3", "D2": "3", "D3": "3", "U1": "3", "U2": "3", "R1": "5", "P1": "a"}


@pytest.mark.parametrize(
    ("change", "row", "column", "words"),
    [
        ({"D2": "6"}, 3, "D2", "di luar skala 1-5"),
        ({"D2": "0"}, 3, "D2", "di luar skala 1-5"),
        ({"R1": "11"}, 3, "R1", "di luar skala 0-10"),
        ({"D2": "3,5"}, 3, "D2", "bukan bilangan bulat"),
        ({"U1": "Sering sekali"}, 3, "U1", 'jawaban "Sering sekali" tidak dikenal'),
        ({"U1": "4 - Jarang"}, 3, "U1", "tidak cocok"),
        ({"P1": "d"}, 3, "P1", "bukan salah satu pilihan"),
        ({"Kode": "199001012015031001"}, 3, "Kode", "NIP"),
        ({"Kode": None}, 3, "Kode", "kosong"),
        ({"Kode": "a1"}, 3, "Kode", "muncul lebih dari sekali (baris 2, 3)"),
    ],
)
def test_bad_values_name_row_and_column(change, row, column, words):
    err = _error(mini_frame([BASE, {**BASE, "Kode": "B2", **change}]))
    assert (err.row, err.column) == (row, column)
    assert words in str(err)
    assert str(err).startswith(f'Berkas jawaban.csv, baris {row}, kolom "{column}"')


def test_out_of_scale_message_lists_allowed_answers_and_counts_others():
    rows = [BASE, {**BASE, "Kode": "B2", "D1": "7"}, {**BASE, "Kode": "C3", "D1": "9"}]
    err = _error(mini_frame(rows))
    assert "Jawaban yang sah: angka 1-5 atau label (Tidak pernah, Jarang" in str(err)
    assert "Ada 1 sel lain" in str(err)


def test_missing_item_column_is_an_error_that_suggests_the_renamed_header():
    frame = mini_frame([BASE]).rename(columns={"D3": "Saya bertanya utk memahami pegawai"})
    err = _error(frame)
    assert "D3 (Saya bertanya untuk memahami sudut pandang pegawai.)" in str(err)
    assert "Saya bertanya utk memahami pegawai" in str(err)
    assert err.row == 1


def test_missing_optional_text_column_is_fine():
    prepared = prepare(load(MINI), mini_frame([BASE]))
    assert prepared.values.loc[2, "T1"] is None


def test_two_columns_for_one_item_is_an_error():
    frame = mini_frame([{**BASE, "Saya memotong pembicaraan pegawai": "2"}])
    err = _error(frame)
    assert "sama-sama berisi butir D2" in str(err)


def test_missing_code_column_is_an_error_listing_headers():
    frame = mini_frame([BASE]).rename(columns={"Kode": "Nama lengkap"})
    err = _error(frame)
    assert "kolom kode peserta tidak ditemukan" in str(err)
    assert "Nama lengkap" in str(err)


def test_same_code_in_two_phases_is_not_a_duplicate():
    rows = [{**BASE, "fase": "sebelum"}, {**BASE, "fase": "sesudah", "D1": "5"}]
    prepared = prepare(load(MINI), mini_frame(rows))
    assert list(prepared.meta["fase"]) == ["sebelum", "sesudah"]
    assert list(prepared.codes) == ["A1", "A1"]


def test_store_frame_with_numbers_scores_the_same_as_text():
    as_text = prepare(load(MINI), mini_frame([BASE]))
    as_numbers = prepare(
        load(MINI), mini_frame([{k: (int(v) if v.isdigit() else v) for k, v in BASE.items()}])
    )
    pd.testing.assert_frame_equal(score(as_text).table, score(as_numbers).table)


def test_empty_frame_is_an_error():
    with pytest.raises(UserError, match="tidak ada baris jawaban"):
        prepare(load(MINI), pd.DataFrame(columns=list(BASE)))


def test_instrument_without_dimensions_cannot_be_scored():
    text = MINI.read_text(encoding="utf-8")
    from selfassess.instrument import parse

    lines = text.split("\ndimensions:\n")[0] + "\nitems:\n" + text.split("\nitems:\n")[1]
    lines = lines.replace("    dimension: dengar\n", "").replace("    dimension: umpan\n", "")
    inst = parse(lines, file="tanpa-dimensi.yaml")
    with pytest.raises(UserError, match="tidak punya dimensi"):
        score(prepare(inst, mini_frame([BASE])))
