"""The sample cohort (tests/data/angkatan-contoh) end to end, against figures worked out by hand.

The cohort: 16 supervisors in four units. The data are in scripts/korpus_evaluasi.py (PARTICIPANTS,
REACTION, SELF, COACHEES); the sums below are taken from there by hand.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from selfassess import cohort
from selfassess.errors import UserError
from selfassess.store import Store

SAMPLE = Path(__file__).resolve().parent / "data" / "angkatan-contoh"
FILES = {
    "reaction": SAMPLE / "reaksi-google-forms.csv",
    "pre": SAMPLE / "pretes-google-sheets.csv",
    "post": SAMPLE / "postes-microsoft-forms.xlsx",
    "before": SAMPLE / "asesmen-sebelum-excel.csv",
    "after": SAMPLE / "asesmen-tindak-lanjut-libreoffice.xlsx",
    "coachee": SAMPLE / "penilaian-pegawai-google-forms.csv",
}
DIMS = [
    "relasi", "mendengar", "umpan-balik", "tujuan", "pengembangan", "karier", "teladan",
    "konsistensi",
]  # fmt: skip


@pytest.fixture(scope="module")
def result():
    return cohort.from_files(**FILES, group="Unit kerja")


def test_sample_reaction(result):
    r = result.reaction
    assert r.n == 15  # MERBAU-10 did not answer
    # REA1: 5+4+4+5+3 + 4+5+4+2+4 + 5+4+3+4+5 = 61 → 61/15; REA7: 45/15 = 3
    assert r.items.loc["REA1", "rata_rata"] == pytest.approx(61 / 15)
    assert r.items.loc["REA7", "rata_rata"] == pytest.approx(3.0)
    # row sums 40+37+37+44+27+35+41+39+24+36+41+37+28+37+40 = 543 over 15 × 9 answers
    assert r.overall == pytest.approx(543 / 135)
    # 0-10: four 10s and five 9s (promoters), 8, 7, 8, 8 (passive), 6 and 5 (detractors)
    assert r.nps_counts == {"promotor": 9, "pasif": 4, "pengkritik": 2, "n": 15}
    assert r.nps == pytest.approx(100 * 7 / 15)
    assert r.comments["REA11"][0] == "Latihan GROW berpasangan"
    assert "Simulasi dengan kasus\nnyata dari unit kami" in r.comments["REA11"]
    assert len(r.comments["REA12"]) == 6  # BUDI, MELATI, RAJAWALI, MERAK, KASUARI, JATI
    # Umum: 6 people, sums 40+37+37+44+27+35 = 220 over 54; NPS 10,9,9,10,8,7 → 4/6 promoters.
    # Keuangan (3) and Perencanaan (1) hold 4 < 5, so Pelayanan (5, the smallest shown) is hidden.
    groups = r.groups
    assert groups.suppressed == ["Bagian Keuangan", "Bidang Pelayanan", "Subbagian Perencanaan"]
    umum = groups.shown().loc["Bagian Umum"]
    assert umum["n"] == 6
    assert umum["rata_rata_keseluruhan"] == pytest.approx(220 / 54)
    assert umum["nps"] == pytest.approx(100 * 4 / 6)


def test_sample_learning(result):
    learn = result.learning
    # 14 matched: ANGGREK-03 typed ANGGREK-3 after the training, MERBAU-10 left on day 2
    assert (learn.n, learn.n_pre, learn.n_post) == (14, 16, 15)
    assert learn.only_pre == ["ANGGREK-03", "MERBAU-10"]
    assert learn.only_post == ["ANGGREK-3"]
    # correct answers before 6+9+5+8+7+10+4+12+7+9+5+8+6+11 = 107, after 164, of 14 × 15
    assert learn.pre_mean == pytest.approx(100 * 107 / 210)
    assert learn.post_mean == pytest.approx(100 * 164 / 210)
    assert learn.gain == pytest.approx(100 * 57 / 210)
    # ⟨g⟩ = (57/210) / (1 − 107/210) = 57/103
    assert learn.g == pytest.approx(57 / 103)
    # RAJAWALI-5 stayed at 7, MERAK-14 fell from 12 to 11: 12 of 14 improved
    assert learn.improved == 12
    assert learn.improved_share == pytest.approx(100 * 12 / 14)
    assert learn.participants.loc["BUDI-07", "benar_sebelum"] == 9  # two blanks count as wrong
    assert any("ANGGREK-03" in w and "ANGGREK-3" in w and "mirip" in w for w in learn.warnings)
    assert any("2 soal tidak dijawab" in w for w in learn.warnings)
    # the form tools' own quiz scores agree with the instrument's key: no warning about them
    assert not any("alat formulir berbeda" in w for w in learn.warnings)
    # Umum 6 matched: 45/90 = 50 % → 72/90 = 80 %, ⟨g⟩ = 30/50; 5 of 6 improved
    umum = learn.groups.shown().loc["Bagian Umum"]
    assert umum["rata_rata_sebelum"] == pytest.approx(50.0)
    assert umum["rata_rata_sesudah"] == pytest.approx(80.0)
    assert umum["gain_dinormalkan"] == pytest.approx(0.6)
    assert umum["persen_naik"] == pytest.approx(500 / 6)
    assert learn.groups.suppressed == [
        "Bagian Keuangan", "Bidang Pelayanan", "Subbagian Perencanaan",
    ]  # fmt: skip


def test_sample_behaviour(result):
    b = result.behaviour
    assert (b.n, b.n_before, b.n_after) == (12, 16, 12)
    assert b.only_before == ["RAJAWALI-5", "JATI-16", "CENDANA-6", "MERBAU-10"]
    # sums over the 12 matched (before → after): relasi 41 → 48, mendengar 36 → 44,
    # umpan-balik 32.6 → 41, tujuan 36 → 44, pengembangan 29 → 39, karier 32 → 37,
    # teladan 42 → 47, konsistensi 30 → 37
    change = [7, 8, 8.4, 8, 10, 5, 5, 7]
    assert b.dimensions.loc[DIMS, "perubahan"].tolist() == pytest.approx([c / 12 for c in change])
    assert b.dimensions.loc["umpan-balik", "sebelum"] == pytest.approx(32.6 / 12)
    assert b.dimensions.loc["pengembangan", "nama"] == (
        "Mengembangkan keterampilan dan potensi (coaching)"
    )
    # gaps (self at follow-up minus the mean of the coachees) only for supervisors with at least
    # three coachees: MAWAR, KENANGA, MERAK, TERATAI (BUDI has 1, SEROJA 2). Per supervisor:
    # MAWAR (0, 1, 0, 1/3, 0, 0, 0, 0), KENANGA (2/3, 1/3, 1/3, 0, 1/3, 0, 2/3, 1/3),
    # MERAK (1, 2/3, 1, 1, 1/3, 1, 1, 0), TERATAI (1/3, 0, 0, 0, 0, 0, 0, 0); means over 4:
    gaps = [0.5, 0.5, 1 / 3, 1 / 3, 1 / 6, 0.25, 5 / 12, 1 / 12]
    assert b.gap.loc[DIMS, "selisih"].tolist() == pytest.approx(gaps)
    assert b.gap["n"].tolist() == [4] * 8
    assert b.self_phase == "sesudah"
    kenanga = b.gap_participants.set_index(["kode", "dimensi"]).loc[("KENANGA-21", "relasi")]
    assert kenanga["jumlah_pegawai"] == 3
    assert kenanga["pegawai"] == pytest.approx(13 / 3)
    assert set(b.gap_participants["kode"]) == {"MAWAR-12", "KENANGA-21", "MERAK-14", "TERATAI-9"}
    assert any("BUDI-07 (1 pegawai), SEROJA-11 (2 pegawai)" in w for w in b.warnings)
    assert any("KENANGA-12" in w for w in b.warnings)
    # groups of the 12: Umum 5, Pelayanan 5, Keuangan 2 → Keuangan hidden; alone < 5, so the
    # smallest shown (Umum and Pelayanan tie at 5; "Bagian Umum" sorts first) is hidden too.
    # Pelayanan relasi: ANGGREK +1, SEROJA +1, MERAK 0, ELANG +1, TERATAI 0 → 3/5
    assert b.groups.suppressed == ["Bagian Keuangan", "Bagian Umum"]
    pelayanan = b.groups.shown().loc["Bidang Pelayanan"]
    assert pelayanan["perubahan_relasi"] == pytest.approx(0.6)


def test_sources_and_notes(result):
    roles = [(s.role, s.name, s.rows, s.tool) for s in result.sources]
    assert roles == [
        ("reaction", "reaksi-google-forms.csv", 15, "Google Forms"),
        ("pre", "pretes-google-sheets.csv", 16, "Google Forms"),
        ("post", "postes-microsoft-forms.xlsx", 15, "Microsoft Forms"),
        ("before", "asesmen-sebelum-excel.csv", 16, None),
        ("after", "asesmen-tindak-lanjut-libreoffice.xlsx", 12, None),
        ("coachee", "penilaian-pegawai-google-forms.csv", 16, "Google Forms"),
    ]
    assert any('"Alamat email"' in w and "data pribadi" in w for w in result.warnings)
    data = result.to_dict()
    assert data["pembelajaran"]["gain_dinormalkan"] == pytest.approx(57 / 103)
    text = str(data)
    assert "contoh.go.id" not in text  # e-mail addresses never reach the report


def test_quiz_score_that_disagrees_with_the_key_is_reported(tmp_path):
    text = FILES["pre"].read_text(encoding="utf-8").replace("6 / 15", "7 / 15", 1)
    changed = tmp_path / "pretes.csv"
    changed.write_text(text, encoding="utf-8")
    result = cohort.from_files(pre=changed, post=FILES["post"])
    assert any(
        '"Skor"' in w and "MAWAR-12" in w and "1 peserta" in w for w in result.learning.warnings
    )


@pytest.mark.parametrize(
    ("given", "words"),
    [
        ({}, "belum ada berkas"),
        ({"pre": FILES["pre"]}, "--post belum diberikan"),
        ({"post": FILES["post"]}, "--pre belum diberikan"),
        ({"before": FILES["before"]}, "Berikan juga --after"),
    ],
)
def test_incomplete_roles_are_refused_before_reading(given, words):
    with pytest.raises(UserError, match=words):
        cohort.from_files(**given)


def test_group_column_missing_everywhere_is_an_error():
    with pytest.raises(UserError, match='kolom kelompok "Eselon" tidak ditemukan'):
        cohort.from_files(reaction=FILES["reaction"], group="Eselon")


def test_from_store_uses_latest_answers_and_saved_units(tmp_path):
    store = Store(tmp_path / "hasil.sqlite")
    test = cohort.load(cohort.TEST)
    keyed = [i for i in test.items if i.kunci]

    def answers(correct: int) -> dict[str, str]:
        return {
            i.id: i.kunci if n < correct else next(o.id for o in i.options if o.id != i.kunci)
            for n, i in enumerate(keyed)
        }

    units = ["Bagian Umum"] * 5 + ["Bagian Keuangan"] * 2
    for n, unit in enumerate(units):
        code = f"PST-{n + 1:02d}"
        store.append("jawaban", code, {"jawaban": answers(3), "fase": "sebelum",
                                       "kelompok": unit}, instrument=cohort.TEST)  # fmt: skip
        store.append("jawaban", code, {"jawaban": answers(6), "fase": "sesudah",
                                       "kelompok": unit}, instrument=cohort.TEST)  # fmt: skip
    # PST-01 saves the after-test again: the latest (12 correct) counts, the first stays stored
    store.append("jawaban", "PST-01", {"jawaban": answers(12), "fase": "sesudah"},
                 instrument=cohort.TEST)  # fmt: skip
    store.append("jawaban", "PST-01", {"jawaban": {f"REA{n}": 4 for n in range(1, 10)} | {
        "REA10": 10}}, instrument=cohort.REACTION)  # fmt: skip
    result = cohort.from_store(store)
    learn = result.learning
    assert learn.n == 7
    # before 3/15 = 20 % for all; after 6/15 = 40 % for six and 12/15 = 80 % for PST-01
    assert learn.pre_mean == pytest.approx(20.0)
    assert learn.post_mean == pytest.approx((6 * 40 + 80) / 7)
    assert result.reaction.nps == pytest.approx(100.0)
    assert learn.groups.suppressed == ["Bagian Keuangan", "Bagian Umum"]
    assert result.behaviour is None
    assert len(store.submissions()) == 16  # nothing was changed or removed


def test_from_store_without_answers_is_a_clear_error(tmp_path):
    with pytest.raises(UserError, match="belum ada jawaban"):
        cohort.from_store(Store(tmp_path / "kosong.sqlite"))


def test_groups_frame_is_plain(result):
    assert isinstance(result.learning.groups.table, pd.DataFrame)


def test_prepare_allows_repeated_codes_only_for_coachee_forms():
    from selfassess.ingest import read_table
    from selfassess.instrument import load
    from selfassess.scoring import prepare

    table = read_table(FILES["coachee"])
    instrument = load(cohort.COACHEE)
    with pytest.raises(UserError) as info:
        prepare(instrument, table)
    # the column is named by header and spreadsheet letter
    assert (info.value.row, info.value.column) == (3, "Kode atasan (B)")
    prepared = prepare(instrument, table, repeats=True)
    assert prepared.codes.tolist().count("KENANGA-21") == 3


def test_from_store_with_only_a_pre_test_says_what_is_missing(tmp_path):
    store = Store(tmp_path / "hasil.sqlite")
    store.append("jawaban", "PST-01", {"jawaban": {"P01": "b"}, "fase": "sebelum"},
                 instrument=cohort.TEST)  # fmt: skip
    with pytest.raises(UserError) as info:
        cohort.from_store(store)
    message = str(info.value)
    assert "belum cukup data" in message
    assert "Tes pengetahuan sesudah belum ada" in message and "1 peserta" in message
    store.append("jawaban", "PST-01", {"jawaban": {"REA1": 4, "REA10": 9}},
                 instrument=cohort.REACTION)  # fmt: skip
    result = cohort.from_store(store)
    assert result.reaction is not None and result.learning is None
    assert any("Tes pengetahuan sesudah belum ada" in w for w in result.warnings)


def test_from_store_behaviour_with_every_coachee_row(tmp_path):
    store = Store(tmp_path / "hasil.sqlite")
    own, rated = cohort.load(cohort.SELF), cohort.load(cohort.COACHEE)

    def uniform(instrument, score: int) -> dict[str, int]:
        return {
            i.id: (6 - score if i.reverse else score) for i in instrument.items if i.type == "skala"
        }

    for n in range(5):
        code = f"ATS-{n + 1:02d}"
        for phase, score in (("sebelum", 3), ("sesudah", 4)):
            store.append("jawaban", code, {"jawaban": uniform(own, score), "fase": phase,
                                           "peran": "diri"}, instrument=cohort.SELF)  # fmt: skip
    for score in (3, 3, 2):  # three coachees of ATS-01: mean 8/3
        store.append("jawaban", "ATS-01", {"jawaban": uniform(rated, score), "peran": "pegawai"},
                     instrument=cohort.COACHEE)  # fmt: skip
    b = cohort.from_store(store).behaviour
    assert b.n == 5
    assert b.dimensions["perubahan"].tolist() == pytest.approx([1.0] * 8)
    # self at follow-up 4 minus the coachees' mean 8/3 = 4/3 on every dimension
    assert b.gap["selisih"].tolist() == pytest.approx([4 / 3] * 8)
    assert b.gap["n"].tolist() == [1] * 8
