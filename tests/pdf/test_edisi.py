"""The print editions made by ``make pdf`` (scripts/cetak_pdf.py), opened and read as PDFs.

The PDFs are printed by Chromium from the built site into a temporary folder, then read with
poppler's ``pdftotext`` and ``pdfinfo`` (Debian ``poppler-utils``, installed by ``make sysdeps``):
page counts within the stated ranges, every chapter of the edition present, exercise answers only
in the trainer edition, Indonesian cover labels, one table-of-contents line per chapter, and a page
number on every page.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.browser.test_site_search_nav import nav_pages
from tests.guide.pages import ROOT, article, html_path

pytestmark = pytest.mark.site

SUPERVISOR = "panduan-edisi-atasan.pdf"
TRAINER = "panduan-edisi-pelatih.pdf"
POCKET_CARD = "kartu-saku-atasan.pdf"
#: Page counts an edition may have. The guide has about 60 pages of text: a count outside the range
#: means a whole section fell out (or a page prints many times over), not a small wording change.
PAGE_RANGE = {SUPERVISOR: (150, 260), TRAINER: (200, 330), POCKET_CARD: (1, 1)}
LEFT_OUT = ("pelatih/", "publikasi/")
ENGLISH_LABELS = ("Description", "Copyright", "Author(s)", "Repository", "Table of Contents")
ENGLISH_FURNITURE = re.compile(r"\b(?:Page \d+|Figure \d+:)")


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed; run `make sysdeps` (Debian package poppler-utils)")
    return path


@pytest.fixture(scope="module")
def pdfs(site_dir, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pdf")
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "cetak_pdf.py"),
            "--site",
            str(site_dir),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return {name: out / name for name in (SUPERVISOR, TRAINER, POCKET_CARD)}


def pages_of(pdf: Path) -> list[str]:
    """The text of every page (pdftotext, layout order), whitespace collapsed."""
    text = subprocess.run(
        [_tool("pdftotext"), "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [" ".join(p.split()) for p in pages]


def page_count(pdf: Path) -> int:
    info = subprocess.run([_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))


@pytest.fixture(scope="module")
def texts(pdfs) -> dict[str, list[str]]:
    return {name: pages_of(path) for name, path in pdfs.items()}


def _flat(text: str) -> str:
    return " ".join(text.split())


def tokens(text: str) -> str:
    """Words only, lower case, one space apart: HTML and PDF text compare equal this way."""
    return " ".join(re.findall(r"\w+", text.lower()))


def edition_pages(name: str) -> list[str]:
    pages = nav_pages()
    if name == SUPERVISOR:
        pages = [p for p in pages if not p.startswith(LEFT_OUT)]
    return pages


@functools.cache
def _article(site: Path, source: str):
    node = article(html_path(site, source).read_text(encoding="utf-8"))
    for junk in node.select("a.headerlink"):
        junk.decompose()
    return node


def h1(site: Path, source: str) -> str:
    return _flat(_article(site, source).h1.get_text(""))


def lead(site: Path, source: str) -> str:
    """The first ten words of a page's first paragraph (what only that page prints)."""
    first = _article(site, source).find("p")
    return " ".join(tokens(first.get_text(" ")).split()[:10])


def answers(site: Path) -> list[tuple[str, str]]:
    """Eight words from every exercise answer of the guide (its first paragraph or list item)."""
    found = []
    for source in nav_pages():
        for answer in _article(site, source).select("details.success"):
            blocks = [b.get_text(" ") for b in answer.select("p, li, td")]
            words = next((tokens(b).split() for b in blocks if len(tokens(b).split()) >= 8), [])
            assert words, f"{source}: an answer without a sentence of eight words"
            found.append((source, " ".join(words[:8])))
    return found


@pytest.mark.parametrize("name", [SUPERVISOR, TRAINER, POCKET_CARD])
def test_page_count_is_in_range(pdfs, name):
    low, high = PAGE_RANGE[name]
    count = page_count(pdfs[name])
    print(f"{name}: {count} pages")
    assert low <= count <= high, f"{name} has {count} pages, expected {low}–{high}"


@pytest.mark.parametrize("name", [SUPERVISOR, TRAINER])
def test_every_chapter_of_the_edition_is_printed(texts, site_dir, name):
    whole = tokens(" ".join(texts[name]))
    missing = [
        source
        for source in edition_pages(name)
        if tokens(h1(site_dir, source)) not in whole or lead(site_dir, source) not in whole
    ]
    assert missing == [], f"{name} lacks: {missing}"


def test_supervisor_edition_leaves_out_trainer_and_publishing_pages(texts, site_dir):
    whole = tokens(" ".join(texts[SUPERVISOR]))
    left_out = [s for s in nav_pages() if s.startswith(LEFT_OUT)]
    assert len(left_out) >= 10
    printed = [s for s in left_out if lead(site_dir, s) in whole]
    assert printed == [], f"printed in the supervisor edition: {printed}"


def test_answers_are_printed_only_in_the_trainer_edition(texts, site_dir):
    found = answers(site_dir)
    assert len(found) >= 47
    trainer = tokens(" ".join(texts[TRAINER]))
    supervisor = tokens(" ".join(texts[SUPERVISOR]))
    missing = [f"{s}: {a}" for s, a in found if a not in trainer]
    leaked = [f"{s}: {a}" for s, a in found if a in supervisor]
    assert missing == [], "answers missing from the trainer edition:\n" + "\n".join(missing)
    assert leaked == [], "answers printed in the supervisor edition:\n" + "\n".join(leaked)
    assert tokens("Jawaban latihan ini tercetak di edisi pelatih.") in supervisor


@pytest.mark.parametrize(
    ("name", "label"), [(SUPERVISOR, "Edisi atasan"), (TRAINER, "Edisi pelatih")]
)
def test_cover_is_in_indonesian_with_the_agency_name(texts, name, label):
    config = yaml.safe_load(
        re.sub(r"!ENV \[[^\]]*\]", "null", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    )
    cover = texts[name][0]
    agency = config["extra"]["instansi"]
    assert agency and agency in cover
    for word in ("Instansi", "Edisi", "Tanggal cetak", label, config["site_name"]):
        assert word in cover, f"{word!r} not on the cover of {name}: {cover[:300]}"
    whole = " ".join(texts[name])
    assert [w for w in ENGLISH_LABELS if w in cover] == []
    assert ENGLISH_FURNITURE.findall(whole) == []


@pytest.mark.parametrize("name", [SUPERVISOR, TRAINER])
def test_table_of_contents_lists_each_chapter_once(pdfs, site_dir, name):
    raw = subprocess.run(
        [
            _tool("pdftotext"),
            "-layout",
            "-enc",
            "UTF-8",
            "-f",
            "2",
            "-l",
            "4",
            str(pdfs[name]),
            "-",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    toc = raw.split("Daftar isi", 1)[1]
    toc = toc.split("Perlu cepat?", 1)[0]  # the home page follows the table of contents
    lines = [_flat(line) for line in toc.splitlines() if line.strip() and "Halaman" not in line]
    titles = {h1(site_dir, s) for s in edition_pages(name)}
    listed = [line for line in lines if line in titles]
    assert len(listed) >= len(edition_pages(name)) - 6, listed
    assert sorted(listed) == sorted(set(listed)), "listed twice: " + ", ".join(
        sorted({t for t in listed if listed.count(t) > 1})
    )


@pytest.mark.parametrize("name", [SUPERVISOR, TRAINER, POCKET_CARD])
def test_every_page_is_numbered(texts, name):
    unnumbered = [i for i, text in enumerate(texts[name], 1) if f"Halaman {i}" not in text]
    assert unnumbered == [], f"{name}: pages without 'Halaman N': {unnumbered[:10]}"


def test_pocket_card_holds_grow_sbi_and_the_30_minute_dialog(texts):
    (card,) = texts[POCKET_CARD]
    for words in (
        "GROW",
        "Goal",
        "Reality",
        "Options",
        "Will",
        "situasi–perilaku–dampak",
        "Dialog kinerja 30 menit",
        "25–30",
        "Janji kerahasiaan",
    ):
        assert words in card, words
