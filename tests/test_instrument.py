"""Loading and validating instruments: the schema, the shipped files and a broken-YAML corpus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from selfassess.errors import UserError
from selfassess.instrument import (
    INSTRUMENT_DIR,
    instrument_ids,
    list_instruments,
    load,
    normalise_header,
    normalise_label,
    parse,
)

DATA = Path(__file__).resolve().parent / "data"
BROKEN = sorted((DATA / "instrumen-rusak").glob("*.yaml"))
MINI = DATA / "instrumen" / "mini.yaml"


def test_mini_instrument_loads_every_feature():
    inst = load(MINI)
    assert inst.id == "mini"
    assert inst.version == 2
    assert inst.title.id == "Instrumen uji kecil"
    assert inst.title.en == "Small test instrument"
    assert (inst.scale.min, inst.scale.max) == (1, 5)
    assert inst.scale.labels[4].id == "Sering"
    assert inst.min_share == 0.6
    assert [d.id for d in inst.dimensions] == ["dengar", "umpan"]
    assert [i.id for i in inst.items_of("dengar")] == ["D1", "D2", "D3"]
    assert inst.item("D2").reverse and not inst.item("D1").reverse
    # per-item scale override, multiple choice with its key, open text
    r1 = inst.item("R1")
    assert (r1.scale.min, r1.scale.max, r1.dimension) == (0, 10, None)
    assert r1.scale.labels[10].id == "Sangat mungkin"
    p1 = inst.item("P1")
    assert p1.type == "pilihan" and p1.kunci == "b" and p1.scale is None
    assert [o.id for o in p1.options] == ["a", "b", "c"]
    t1 = inst.item("T1")
    assert t1.type == "teks" and not t1.required and not t1.scored
    assert [i.id for i in inst.scored_items] == ["D1", "D2", "D3", "U1", "U2", "R1"]
    assert inst.dimension("umpan").strategy.id == "Beri umpan balik segera dan spesifik."
    assert inst.dimension("dengar").actions[0].page == "praktik/mendengarkan-bertanya.md"
    assert inst.source == "mini.yaml"


@pytest.mark.parametrize(
    ("score", "label"),
    [(1, "Perlu dikembangkan"), (2.49, "Perlu dikembangkan"), (2.5, "Berkembang"),
     (3.74, "Berkembang"), (3.75, "Kuat"), (5, "Kuat")],
)  # fmt: skip
def test_bands_are_half_open_except_the_last(score, label):
    assert load(MINI).band(score).label.id == label


def test_no_band_for_empty_or_out_of_range_scores():
    inst = load(MINI)
    assert inst.band(None) is None
    assert inst.band(float("nan")) is None
    assert inst.band(5.01) is None
    assert inst.band(0.99) is None


def test_default_min_share_and_plain_text_fields():
    text = MINI.read_text(encoding="utf-8").replace("min_share: 0.6\n", "")
    inst = parse(text, file="mini.yaml")
    assert inst.min_share == 0.8
    assert inst.dimension("umpan").name.en is None


@pytest.mark.parametrize("path", BROKEN, ids=[p.stem for p in BROKEN])
def test_broken_corpus_names_file_line_path_and_problem(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.match(r"# galat: (.+?) \| (.+)$", first)
    assert match, f"{path.name} must start with '# galat: <where> | <words>'"
    where, words = match.groups()
    with pytest.raises(UserError) as info:
        load(path)
    message = str(info.value)
    assert info.value.file == path.name
    assert message.startswith(f"Berkas {path.name}, baris ")
    assert info.value.row is not None and info.value.row >= 1
    if where.startswith("baris"):
        assert where in message
    else:
        assert f"bagian {where}:" in message
    assert words in message
    assert "Traceback" not in message


def test_broken_corpus_is_large_enough():
    assert len(BROKEN) >= 25


def test_error_line_points_at_the_offending_key():
    with pytest.raises(UserError) as info:
        load(DATA / "instrumen-rusak" / "kunci-salah-ketik.yaml")
    lines = (DATA / "instrumen-rusak" / "kunci-salah-ketik.yaml").read_text().splitlines()
    assert lines[info.value.row - 1].strip() == "revers: true"


def test_empty_and_non_utf8_files(tmp_path):
    empty = tmp_path / "kosong.yaml"
    empty.write_text("# hanya komentar\n", encoding="utf-8")
    with pytest.raises(UserError, match="kosong"):
        load(empty)
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("id: latin\ntitle: Asesmen – uji\n".encode("cp1252"))
    with pytest.raises(UserError, match="UTF-8"):
        load(latin)


def test_top_level_must_be_a_mapping():
    with pytest.raises(UserError, match=r"bagian \(akar berkas\): harus berupa pemetaan"):
        parse("- satu\n- dua\n", file="daftar.yaml")


def test_unknown_id_lists_the_available_instruments():
    with pytest.raises(UserError) as info:
        load("tidak-ada")
    assert 'instrumen "tidak-ada" tidak dikenal' in str(info.value)
    for known in instrument_ids():
        assert known in str(info.value)


def test_missing_path_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="tidak ditemukan"):
        load(tmp_path / "hilang.yaml")


def test_shipped_instruments_all_load():
    found = list_instruments()
    assert [i.id for i in found] == instrument_ids()
    assert instrument_ids() == sorted(p.stem for p in INSTRUMENT_DIR.glob("*.yaml"))
    assert {"kompetensi-coaching", "kompetensi-coaching-pegawai", "cek-kendala"} <= set(
        instrument_ids()
    )


@pytest.mark.parametrize(
    ("raw", "norm"),
    [
        ("  Saya   mendengarkan pegawai. ", "saya mendengarkan pegawai"),
        ("3. Saya mendengarkan pegawai?", "saya mendengarkan pegawai"),
        ("SAYA MENDENGARKAN PEGAWAI *", "saya mendengarkan pegawai"),
        ('"Saya mendengarkan pegawai"', "saya mendengarkan pegawai"),
    ],
)
def test_headers_normalise_to_the_item_text(raw, norm):
    assert normalise_header(raw) == norm


def test_labels_normalise():
    assert normalise_label("  Kadang-Kadang. ") == "kadang-kadang"
    assert normalise_label("Sering") == normalise_label("SERING!")
