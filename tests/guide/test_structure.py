"""Every training page follows the Carpentries-style frame of CONTRIBUTING.md ("The guide").

Checked on the rendered HTML, so an admonition that Markdown failed to render (wrong indentation, a
typo in the type) counts as missing.
"""

from __future__ import annotations

import re

import pytest

from tests.guide.pages import (
    DOCS,
    DRAFT_MARK,
    ROOT,
    TRAINING_SECTIONS,
    article,
    frame_problems,
    html_path,
    prose,
    training_pages,
)

pytestmark = pytest.mark.site

#: Sections checked as training pages.
CHECKED = ("memahami", "atasan", "proses", "kendala", "praktik", "pelatih")


def _page(site_dir, page: str):
    return article(html_path(site_dir, page).read_text(encoding="utf-8"))


def test_sections_cover_all_training_sections():
    assert set(CHECKED) == set(TRAINING_SECTIONS)
    for section in TRAINING_SECTIONS:
        assert training_pages([section]), f"docs/{section}/ has no pages"


@pytest.mark.parametrize("page", training_pages(TRAINING_SECTIONS))
def test_training_page_frame(site_dir, page):
    problems = frame_problems(_page(site_dir, page))
    assert not problems, f"{page}:\n  - " + "\n  - ".join(problems)


# ── The shared vocabulary (CONTRIBUTING.md, "One vocabulary") reaches the pages it names ──────


def _plain(markdown_text: str) -> str:
    return re.sub(r"[*`]", "", markdown_text).strip()


CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
_ROW = re.compile(r"^\|\s*`([\w-]+)`\s*\|(.+)\|\s*$", re.M)


def _table_rows(heading: str) -> list[list[str]]:
    part = CONTRIBUTING.split(heading, 1)[1].split("\n\n**", 1)[0]
    return [[m.group(1)] + [_plain(c) for c in m.group(2).split("|")] for m in _ROW.finditer(part)]


OBSTACLES = _table_rows("**The four obstacles**")
DIMENSIONS = _table_rows("**The eight dimensions**")
STAGES = re.findall(
    r"(\d) ([^(]+?) \(`([\w-]+\.md)`\)",
    " ".join(CONTRIBUTING.split("**The six stages**", 1)[1].split("\n\n", 1)[0].split()),
)


def _body_text(site_dir, page: str) -> str:
    """The page's prose without its title, whitespace collapsed."""
    node = _page(site_dir, page)
    node.h1.decompose()
    return " ".join(prose(node).split())


def _h1(site_dir, page: str) -> str:
    return _page(site_dir, page).h1.get_text(" ", True)


def test_vocabulary_tables_were_read():
    assert len(OBSTACLES) == 4 and len(DIMENSIONS) == 8 and len(STAGES) == 6


@pytest.mark.parametrize(("ident", "obstacle", "strategy", "page"), OBSTACLES)
def test_obstacle_page_names_obstacle_strategy_and_tool(site_dir, ident, obstacle, strategy, page):
    assert obstacle.lower() in _h1(site_dir, page).lower()
    text = _body_text(site_dir, page).lower()
    assert strategy.lower() in text, f"{page} does not name its strategy"
    links = _page(site_dir, page).select("a[href]")
    assert any("alat/asesmen-diri" in a["href"] for a in links), f"{page}: no link to the tool"


@pytest.mark.parametrize(
    ("ident", "name", "page"),
    DIMENSIONS,
)
def test_dimension_page_names_its_dimension(site_dir, ident, name, page):
    name = name.split(" (")[0]  # "… potensi (coaching)": the qualifier is not part of the name
    assert name.lower() in _body_text(site_dir, page).lower(), f"{page} never names '{name}'"


@pytest.mark.parametrize(("number", "name", "page"), STAGES)
def test_stage_page_has_checklist_example_and_tool(site_dir, number, name, page):
    page = f"proses/{page}"
    assert (DOCS / page).is_file()
    assert _h1(site_dir, page).startswith(f"Tahap {number}: {_plain(name)}")
    node = _page(site_dir, page)
    assert node.select("ul.task-list li input[type=checkbox]"), f"{page}: no checklist"
    assert any("/alat/" in a["href"] for a in node.select("a[href]")), f"{page}: no tool link"
    headings = " ".join(h.get_text(" ", True).lower() for h in node.select("h2, h3"))
    for word in ("siapa", "contoh"):
        assert word in headings, f"{page}: no section heading with '{word}'"


# ── The checker itself must catch what it claims to catch ────────────────────────────────────

GOOD = """<article class="md-content__inner"><h1>Judul</h1>
<p>Pembuka halaman.</p><p><em>Perkiraan waktu: 10 menit membaca, 5 menit latihan.</em></p>
<div class="pembuka"><details class="question"><summary>Pertanyaan</summary><ul><li>Apa?</li></ul>
</details><details class="abstract"><summary>Tujuan belajar</summary>
<ul><li>satu</li><li>dua</li></ul></details></div><h2>Bagian</h2><p>Isi.</p>
<div class="admonition example"><p class="admonition-title">Latihan: coba</p><p>Soal.</p>
<details class="success"><summary>Jawaban</summary><p>Jawaban yang cukup panjang untuk
membantu pembaca memeriksa pekerjaannya sendiri dengan teliti dan tenang sekali lagi.</p>
</details></div>
<div class="admonition tip"><p class="admonition-title">Poin kunci</p><ul><li>a</li><li>b</li>
</ul></div></article>"""


def test_checker_accepts_a_complete_page():
    assert frame_problems(article(GOOD)) == []


def test_checker_accepts_the_last_updated_line_after_the_key_points():
    dated = GOOD.replace(
        "</ul></div></article>",
        '</ul></div><aside class="md-source-file">Terakhir diperbarui: 2 Desember 2026</aside>'
        "</article>",
    )
    assert frame_problems(article(dated)) == []


def test_checker_accepts_open_admonitions_in_the_opening_block():
    """``!!! question`` (a div) is as good as ``??? question`` (details) inside the block."""
    opened = GOOD.replace(
        '<details class="question"><summary>Pertanyaan</summary>',
        '<div class="admonition question"><p class="admonition-title">Pertanyaan</p>',
    ).replace("</ul>\n</details><details", "</ul>\n</div><details")
    assert 'div class="admonition question"' in opened
    assert frame_problems(article(opened)) == []


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (("Perkiraan waktu", "Waktu"), "Perkiraan waktu"),
        (('details class="question"', 'details class="note"'), "Pertanyaan"),
        (('<div class="pembuka">', "<div>"), "compact opening block"),
        (("<li>dua</li>", ""), "fewer than 2"),
        (("Tujuan belajar", "Tujuan"), "Tujuan belajar"),
        (("Latihan: coba", "Contoh"), "exercise"),
        (('<details class="success">', '<details class="note">'), "Jawaban"),
        (("<summary>Jawaban", "<summary>Kunci"), "Jawaban"),
        (("Poin kunci", "Ringkasan"), "Poin kunci"),
        (("</ul></div></article>", "</ul></div><p>Ekor.</p></article>"), "Poin kunci"),
        (
            (
                "</ul></div></article>",
                '</ul></div><p>Ekor.</p><aside class="md-source-file">'
                "Terakhir diperbarui: 2 Desember 2026</aside></article>",
            ),
            "Poin kunci",
        ),
        (("<h2>Bagian</h2>", "<h3>Bagian</h3>"), "h2"),
        (("<p>Pembuka halaman.</p>", ""), "lead paragraph"),
    ],
)
def test_checker_flags_a_damaged_page(damage, expected):
    problems = frame_problems(article(GOOD.replace(*damage)))
    assert any(expected in p for p in problems), problems


def test_no_page_is_a_draft():
    """Every page of the guide, tools and reference included, has real content."""
    pages = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
    assert len(pages) >= 50
    drafts = [p for p in pages if DRAFT_MARK in (DOCS / p).read_text(encoding="utf-8")]
    assert drafts == [], f"draft pages: {drafts}"
