"""The shipped instruments follow issue 4 and the shared vocabulary in CONTRIBUTING.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfassess.instrument import list_instruments, load

ROOT = Path(__file__).resolve().parent.parent
CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def table_after(heading: str) -> list[list[str]]:
    """Rows of the first Markdown table after a line containing ``heading``."""
    lines = CONTRIBUTING[CONTRIBUTING.index(heading) :].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([c.strip().strip("`") for c in line.strip("|").split("|")])
    return rows


DIMENSIONS = table_after("**The eight dimensions**")
OBSTACLES = table_after("**The four obstacles**")


def test_vocabulary_tables_were_found():
    assert len(DIMENSIONS) == 8 and len(OBSTACLES) == 4


@pytest.mark.parametrize("inst_id", ["kompetensi-coaching", "kompetensi-coaching-pegawai"])
def test_competence_dimensions_match_the_vocabulary(inst_id):
    inst = load(inst_id)
    assert [(d.id, d.name.id, d.page) for d in inst.dimensions] == [tuple(r) for r in DIMENSIONS]
    assert (inst.scale.min, inst.scale.max) == (1, 5)
    assert [t.id for t in inst.scale.labels.values()] == [
        "Tidak pernah", "Jarang", "Kadang-kadang", "Sering", "Selalu",
    ]  # fmt: skip


def test_self_assessment_size_and_reverse_items():
    inst = load("kompetensi-coaching")
    counts = [len(inst.items_of(d.id)) for d in inst.dimensions]
    assert all(4 <= c <= 5 for c in counts)
    assert sum(counts) == len(inst.items) >= 32
    reversed_dims = {i.dimension for i in inst.items if i.reverse}
    assert len(reversed_dims) >= 4
    assert all(d.actions for d in inst.dimensions), "each dimension needs concrete actions"


def test_coachee_form_is_about_the_supervisor():
    inst = load("kompetensi-coaching-pegawai")
    scored = inst.scored_items
    assert len(scored) >= 24
    assert all(len(inst.items_of(d.id)) >= 3 for d in inst.dimensions)
    about = [i for i in scored if i.text.id.startswith("Atasan saya")]
    assert len(about) / len(scored) >= 0.75
    assert len({i.dimension for i in scored if i.reverse}) >= 4
    self_ids = {i.id for i in load("kompetensi-coaching").items}
    assert not self_ids & {i.id for i in inst.items}, "ids differ so files cannot be mixed up"


def test_obstacles_match_the_vocabulary():
    inst = load("cek-kendala")
    assert not inst.higher_is_better
    got = [(d.id, d.name.id, d.strategy.id, d.page) for d in inst.dimensions]
    assert got == [tuple(r) for r in OBSTACLES]
    assert all(len(inst.items_of(d.id)) >= 3 for d in inst.dimensions)


def all_pages(inst) -> set[str]:
    pages = {inst.page} if inst.page else set()
    for dim in inst.dimensions:
        pages.add(dim.page)
        pages.update(a.page for a in dim.actions if a.page)
    for band in inst.bands:
        pages.update(a.page for a in band.actions if a.page)
    return pages


@pytest.mark.parametrize("inst", list_instruments(), ids=lambda i: i.id)
def test_every_guide_page_named_by_an_instrument_exists(inst):
    for page in all_pages(inst):
        assert (ROOT / "docs" / page.partition("#")[0]).is_file(), page


@pytest.mark.parametrize("inst", list_instruments(), ids=lambda i: i.id)
def test_texts_have_english_beside_them(inst):
    assert inst.title.en and inst.instructions.en
    assert all(i.text.en for i in inst.items)
    assert all(d.name.en for d in inst.dimensions)
    assert all(b.label.en and b.interpretation.en for b in inst.bands)
