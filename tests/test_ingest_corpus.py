"""The ingest corpus: real-looking exports, each checked against tests/data/ingest/manifest.yaml."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

from selfassess.ingest import read_table

DATA = Path(__file__).resolve().parent / "data"
MANIFEST = yaml.safe_load((DATA / "ingest" / "manifest.yaml").read_text(encoding="utf-8"))
ENTRIES = {entry["file"]: entry for entry in MANIFEST["files"]}


def test_every_corpus_file_has_expectations():
    on_disk = {
        str(p.relative_to(DATA))
        for folder in ("ingest", "angkatan-contoh")
        for p in (DATA / folder).iterdir()
        if p.suffix in {".csv", ".xlsx", ".txt"}
    }
    assert on_disk <= set(ENTRIES), f"files without expectations: {on_disk - set(ENTRIES)}"
    assert set(ENTRIES) <= on_disk | {e for e in ENTRIES if not e.startswith("angkatan")}


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_corpus_file_reads_as_expected(name):
    expected = ENTRIES[name]
    table = read_table(DATA / name)
    assert table.source == Path(name).name
    for attribute in ("tool", "encoding", "delimiter", "header_row", "time_column"):
        assert getattr(table, attribute) == expected[attribute], attribute
    if "sheet" in expected:
        assert table.sheet == expected["sheet"]
    assert list(table.frame.index) == expected["rows"]
    assert table.frame.shape[1] == expected["columns"]
    for row, cells in expected["cells"].items():
        for column, value in cells.items():
            assert table.frame.loc[row, column] == value, (row, column)
    if "metadata" in expected:
        assert table.metadata == expected["metadata"]
    else:
        assert len(table.metadata) == expected["metadata_count"]
    assert table.personal == expected["personal"]
    assert table.decimal_comma == expected["decimal_comma"]
    assert len(table.notes) == len(expected["notes"]), table.notes
    for note, words in zip(table.notes, expected["notes"], strict=True):
        assert table.source in note
        for word in words:
            assert word in note, (word, note)
    if expected["time_column"] is None:
        assert table.times is None
    else:
        assert table.times is not None
        assert table.times.notna().all()
        for row, when in expected.get("times", {}).items():
            assert table.times.loc[row] == pd.Timestamp(when), row
        assert list(table.times.index) == expected["rows"]


def test_answer_columns_leave_out_tool_and_personal_columns():
    table = read_table(DATA / "angkatan-contoh" / "postes-microsoft-forms.xlsx")
    answers = table.answer_columns()
    assert answers[:2] == ["Kode peserta", "Unit kerja"]
    assert len(answers) == 2 + 15
    assert not any(c.startswith(("Points - ", "Feedback - ")) for c in answers)
    assert table.letter("Kode peserta") == "H"
    assert table.letter(table.frame.columns[-1]) == "BF"
