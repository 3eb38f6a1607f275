"""Training-evaluation figures against values worked out by hand (in the comments)."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from selfassess import evaluation as ev
from selfassess.errors import UserError
from selfassess.instrument import load

DATA = Path(__file__).resolve().parent / "data"
NAN = math.nan


@pytest.fixture(scope="module")
def reaksi():
    return load("reaksi-pelatihan")


@pytest.fixture(scope="module")
def tes():
    return load("tes-pengetahuan")


@pytest.fixture(scope="module")
def mini():
    return load(DATA / "instrumen" / "mini.yaml")


def answers(rows: dict[str, dict[str, object]]) -> pd.DataFrame:
    frame = pd.DataFrame.from_dict(rows, orient="index")
    frame.index.name = "kode"
    return frame


def test_nps_by_hand():
    # 10, 9 promoters (2/5 = 40 %); 8 passive; 6, 0 detractors (2/5 = 40 %): NPS 0
    assert ev.nps([10, 9, 8, 6, 0]) == pytest.approx(0.0)
    # 9, 9, 9, 7: 75 % promoters, no detractor
    assert ev.nps([9, 9, 9, 7]) == pytest.approx(75.0)
    assert ev.nps([6, 5]) == pytest.approx(-100.0)
    assert ev.nps([NAN, 10]) == pytest.approx(100.0)
    assert ev.nps([]) is None


def test_normalised_gain_by_hand():
    assert ev.normalised_gain(40.0, 70.0) == pytest.approx(0.5)  # 30 / 60
    assert ev.normalised_gain(50.0, 40.0) == pytest.approx(-0.2)  # -10 / 50
    assert ev.normalised_gain(20.0, 100.0) == pytest.approx(1.0)
    assert ev.normalised_gain(100.0, 100.0) is None
    assert ev.normalised_gain(100.0, 90.0) is None


def test_reaction_by_hand(reaksi):
    frame = answers(
        {
            "A": {"REA1": 5, "REA2": 4, "REA10": 10, "REA11": "Latihan GROW", "REA12": None},
            "B": {"REA1": 3, "REA2": NAN, "REA10": 6, "REA11": "  ", "REA12": "Waktu"},
            "C": {"REA1": 4, "REA2": 2, "REA10": 8, "REA11": None, "REA12": None},
            "D": {"REA1": NAN, "REA2": 5, "REA10": 9, "REA11": None, "REA12": None},
        }
    )
    result = ev.reaction(frame, reaksi)
    assert result.n == 4
    # REA1: (5 + 3 + 4) / 3 = 4; REA2: (4 + 2 + 5) / 3 = 11/3
    assert result.items.loc["REA1", "rata_rata"] == pytest.approx(4.0)
    assert result.items.loc["REA2", "rata_rata"] == pytest.approx(11 / 3)
    assert result.items.loc["REA1", "n"] == 3
    assert math.isnan(result.items.loc["REA3", "rata_rata"])
    assert list(result.items.index) == [f"REA{n}" for n in range(1, 10)]
    assert result.items.loc["REA1", ["1", "2", "3", "4", "5"]].tolist() == [0, 0, 1, 1, 1]
    # overall: (5 + 4 + 3 + 4 + 2 + 5) / 6 = 23/6
    assert result.overall == pytest.approx(23 / 6)
    # 10 and 9 promoters (50 %), 6 detractor (25 %): 25
    assert result.nps == pytest.approx(25.0)
    assert result.nps_item == "REA10"
    assert result.nps_counts == {"promotor": 2, "pasif": 1, "pengkritik": 1, "n": 4}
    assert result.nps_distribution[[6, 8, 9, 10]].tolist() == [1, 1, 1, 1]
    assert result.nps_distribution.sum() == 4
    assert result.comments == {"REA11": ["Latihan GROW"], "REA12": ["Waktu"]}
    # per participant: A (5+4)/2, B 3, C (4+2)/2, D 5
    assert result.participants["rata_rata"].tolist() == pytest.approx([4.5, 3.0, 3.0, 5.0])


def test_reaction_groups_are_suppressed_below_five(reaksi):
    codes = [f"K{n}" for n in range(8)]
    frame = answers({c: {"REA1": 4 if n < 5 else 2, "REA10": 10} for n, c in enumerate(codes)})
    groups = pd.Series(["Umum"] * 5 + ["Keuangan"] * 3, index=codes)
    # Keuangan (3) is hidden; alone it holds < 5 people, so Umum (the smallest shown) is hidden too
    result = ev.reaction(frame, reaksi, groups=groups, group_column="Unit kerja")
    assert sorted(result.groups.suppressed) == ["Keuangan", "Umum"]
    assert result.groups.shown().empty
    data = result.groups.to_dict()
    assert data["kolom"] == "Unit kerja"
    assert all(
        row == {"kelompok": row["kelompok"], "disembunyikan": True} for row in data["kelompok"]
    )
    groups = pd.Series(
        ["Umum"] * 5 + ["Keuangan"] * 3 + ["Perencanaan"] * 2, index=[*codes, "X", "Y"]
    )
    frame = answers(
        {c: {"REA1": 4 if n < 5 else 2, "REA10": 10} for n, c in enumerate([*codes, "X", "Y"])}
    )
    result = ev.reaction(frame, reaksi, groups=groups)
    # Keuangan + Perencanaan hold 5 together, so Umum stays: mean 4, NPS 100
    assert result.groups.suppressed == ["Keuangan", "Perencanaan"]
    shown = result.groups.shown()
    assert list(shown.index) == ["Umum"]
    assert shown.loc["Umum", "n"] == 5
    assert shown.loc["Umum", "rata_rata_keseluruhan"] == pytest.approx(4.0)
    assert shown.loc["Umum", "nps"] == pytest.approx(100.0)


@pytest.mark.parametrize(
    ("sizes", "hidden"),
    [
        ({"A": 5, "B": 5}, set()),
        ({"A": 6, "B": 3}, {"A", "B"}),
        ({"A": 6, "B": 3, "C": 2}, {"B", "C"}),
        ({"A": 6, "B": 7, "C": 4}, {"A", "C"}),
        ({"A": 3}, {"A"}),
        ({"A": 4, "B": 4, "C": 9, "D": 9}, {"A", "B"}),
    ],
)
def test_suppression_rule(sizes, hidden):
    assert ev.suppressed_groups(sizes) == hidden


def test_group_spellings_are_merged_with_a_note():
    groups = pd.Series(
        ["Bagian Umum", "bagian  umum", "Bagian Umum", None, " "], index=list("abcde")
    )
    clean, notes = ev.clean_groups(groups)
    assert clean.tolist() == ["Bagian Umum"] * 3 + [ev.NO_GROUP] * 2
    assert len(notes) == 1 and '"bagian umum"' in notes[0]


def choices(tes, correct: int, blanks: int = 0) -> dict[str, object]:
    """The first ``correct`` questions right, the last ``blanks`` left empty, the rest wrong."""
    out: dict[str, object] = {}
    items = ev.keyed_items(tes)
    for n, item in enumerate(items):
        wrong = next(o.id for o in item.options if o.id != item.kunci)
        out[item.id] = item.kunci if n < correct else wrong
        if n >= len(items) - blanks:
            out[item.id] = None
    return out


def test_learning_by_hand(tes):
    pre = answers(
        {
            "U1": choices(tes, 3),
            "U2": choices(tes, 6, blanks=2),
            "U3": choices(tes, 9),
            "U4": choices(tes, 1),
        }
    )
    post = answers(
        {
            "U3": choices(tes, 15),
            "U1": choices(tes, 12),
            "U2": choices(tes, 6),
            "U-5": choices(tes, 5),
        }
    )
    # reorder the columns: the order of questions must not matter
    post = post[list(reversed(post.columns))]
    result = ev.learning(pre, post, tes)
    assert result.questions == 15
    # U1 3/15 = 20 % → 12/15 = 80 %; U2 40 % → 40 %; U3 60 % → 100 %
    parts = result.participants
    assert parts.loc["U1", ["sebelum", "sesudah"]].tolist() == pytest.approx([20.0, 80.0])
    assert parts.loc["U2", "selisih"] == pytest.approx(0.0)
    assert parts["naik"].tolist() == [True, False, True]
    # means (20 + 40 + 60) / 3 = 40 and (80 + 40 + 100) / 3 = 73.33; gain 33.33 pp
    assert result.pre_mean == pytest.approx(40.0)
    assert result.post_mean == pytest.approx(220 / 3)
    assert result.gain == pytest.approx(100 / 3)
    # ⟨g⟩ = 33.33 / (100 − 40) = 5/9
    assert result.g == pytest.approx(5 / 9)
    assert result.improved == 2
    assert result.improved_share == pytest.approx(200 / 3)
    assert (result.n, result.n_pre, result.n_post) == (3, 4, 4)
    assert result.only_pre == ["U4"] and result.only_post == ["U-5"]
    assert any("U4" in w and "tes sebelum" in w for w in result.warnings)
    assert any("2 soal tidak dijawab" in w for w in result.warnings)
    # P01 right for all three before (each has ≥ 1 correct) and after
    assert result.items.loc["P01", "benar_sebelum"] == pytest.approx(100.0)
    # P07 (7th question): right before only for U3 (9 correct) → 33.3 %; after U1, U3 → 66.7 %
    assert result.items.loc["P07", "benar_sebelum"] == pytest.approx(100 / 3)
    assert result.items.loc["P07", "benar_sesudah"] == pytest.approx(200 / 3)


def test_learning_with_perfect_pre_has_no_gain_ratio(tes):
    pre = answers({"A1": choices(tes, 15)})
    post = answers({"A1": choices(tes, 15)})
    result = ev.learning(pre, post, tes)
    assert result.g is None
    assert any("tidak dapat dihitung" in w for w in result.warnings)


def test_learning_without_common_codes_is_a_user_error(tes):
    with pytest.raises(UserError, match="tidak ada kode peserta yang sama"):
        ev.learning(answers({"A1": choices(tes, 3)}), answers({"B1": choices(tes, 3)}), tes)


def test_similar_codes_are_flagged_never_merged():
    assert ev.similar_codes(["ANGGREK-03", "MERBAU-10"], ["ANGGREK-3"]) == [
        ("ANGGREK-03", "ANGGREK-3")
    ]
    assert ev.similar_codes(["BUDI-07"], ["SITI-12"]) == []


def test_learning_groups(tes):
    codes = [f"P{n}" for n in range(10)]
    pre = answers({c: choices(tes, 3) for c in codes})
    post = answers({c: choices(tes, 9 if n < 5 else 3) for n, c in enumerate(codes)})
    units = ["Umum"] * 5 + ["Keuangan"] * 3 + ["Perencanaan"] * 2 + ["Lain"]
    groups = pd.Series(units, index=[*codes, "Q"])
    result = ev.learning(pre, post, tes, groups=groups)
    # Keuangan (3) and Perencanaan (2) hidden; together 5, so Umum is shown
    assert result.groups.suppressed == ["Keuangan", "Perencanaan"]
    assert "Lain" not in result.groups.table.index  # Q took no test
    umum = result.groups.shown().loc["Umum"]
    # Umum: 3/15 = 20 % → 9/15 = 60 %; gain 40 pp; ⟨g⟩ = 40 / 80 = 0.5; all improved
    assert umum["n"] == 5
    assert umum["rata_rata_sebelum"] == pytest.approx(20.0)
    assert umum["rata_rata_sesudah"] == pytest.approx(60.0)
    assert umum["kenaikan_poin_persen"] == pytest.approx(40.0)
    assert umum["gain_dinormalkan"] == pytest.approx(0.5)
    assert umum["persen_naik"] == pytest.approx(100.0)
    hidden = [row for row in result.groups.to_dict()["kelompok"] if row["disembunyikan"]]
    assert hidden == [
        {"kelompok": "Keuangan", "disembunyikan": True},
        {"kelompok": "Perencanaan", "disembunyikan": True},
    ]


def test_behaviour_by_hand(mini):
    before = pd.DataFrame(
        {"dengar": [2.0, 3.0, 4.0], "umpan": [3.0, 3.5, 4.0]}, index=["S1", "S2", "S3"]
    )
    after = pd.DataFrame(
        {"dengar": [3.0, 3.5, 2.0], "umpan": [3.5, 3.0, 2.0]}, index=["S1", "S2", "S4"]
    )
    # S1 rated by three coachees, S2 by three, S4 by two (too few: left out), S9 has no self
    coachee = pd.DataFrame(
        {
            "dengar": [2.0, 3.0, 2.5, 4.0, 4.0, 4.0, 1.0, 1.0, 1.0],
            "umpan": [3.0, 4.0, 3.5, 2.0, 2.0, 2.0, 1.0, 1.0, 1.0],
        },
        index=["S1", "S1", "S1", "S2", "S2", "S2", "S4", "S4", "S9"],
    )
    result = ev.behaviour(mini, before, after, coachee)
    dims = result.dimensions
    # change dengar: S1 +1.0, S2 +0.5 → 0.75; umpan: +0.5, −0.5 → 0
    assert dims.loc["dengar", "perubahan"] == pytest.approx(0.75)
    assert dims.loc["umpan", "perubahan"] == pytest.approx(0.0)
    assert dims.loc["dengar", ["sebelum", "sesudah"]].tolist() == pytest.approx([2.5, 3.25])
    assert dims.loc["dengar", "nama"] == "Mendengarkan"
    assert result.n == 2 and result.only_before == ["S3"] and result.only_after == ["S4"]
    one = result.participants.set_index(["kode", "dimensi"])
    assert one.loc[("S2", "umpan"), "perubahan"] == pytest.approx(-0.5)
    # coachees of S1 average (2.5, 3.5), of S2 (4.0, 2.0); self (follow-up) S1 (3.0, 3.5),
    # S2 (3.5, 3.0): gaps S1 (0.5, 0.0), S2 (−0.5, 1.0) → dengar 0, umpan 0.5
    assert result.self_phase == "sesudah"
    assert result.gap.loc["dengar", "selisih"] == pytest.approx(0.0)
    assert result.gap.loc["umpan", "selisih"] == pytest.approx(0.5)
    assert result.gap.loc["dengar", ["diri", "pegawai"]].tolist() == pytest.approx([3.25, 3.25])
    gp = result.gap_participants.set_index(["kode", "dimensi"])
    assert gp.loc[("S1", "dengar"), "jumlah_pegawai"] == 3
    assert gp.loc[("S2", "umpan"), "selisih"] == pytest.approx(1.0)
    assert any("S9" in w for w in result.warnings)
    assert any("S4 (2 pegawai)" in w for w in result.warnings)
    assert "S4" not in set(result.gap_participants["kode"])


def test_behaviour_gap_uses_before_when_no_follow_up(mini):
    before = pd.DataFrame({"dengar": [2.0], "umpan": [3.0]}, index=["S1"])
    coachee = pd.DataFrame({"dengar": [4.0] * 3, "umpan": [3.0] * 3}, index=["S1"] * 3)
    result = ev.behaviour(mini, before=before, coachee=coachee)
    assert result.self_phase == "sebelum"
    assert result.gap.loc["dengar", "selisih"] == pytest.approx(-2.0)
    assert result.n == 0


def test_min_raters_is_the_coachee_rule_of_the_personal_report():
    from selfassess.report import MIN_COACHEES

    assert ev.MIN_RATERS == MIN_COACHEES


def test_to_dict_has_only_plain_numbers(reaksi, tes, mini):
    import json

    frame = answers({"A": {"REA1": 5, "REA10": 10}, "B": {"REA1": NAN, "REA10": NAN}})
    data = ev.reaction(frame, reaksi).to_dict()
    text = json.dumps(data, allow_nan=False)
    assert '"nps": 100.0' in text
    learn = ev.learning(answers({"A": choices(tes, 3)}), answers({"A": choices(tes, 6)}), tes)
    json.dumps(learn.to_dict(), allow_nan=False)
    beh = ev.behaviour(
        mini,
        pd.DataFrame({"dengar": [2.0], "umpan": [NAN]}, index=["S1"]),
        pd.DataFrame({"dengar": [3.0], "umpan": [3.0]}, index=["S1"]),
    )
    assert json.loads(json.dumps(beh.to_dict(), allow_nan=False))["dimensi"][1]["perubahan"] is None
