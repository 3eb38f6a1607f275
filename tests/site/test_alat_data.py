"""The guide's browser tools: their data comes from the instrument YAML (never a hand copy), the
paper forms list every item, the pages are linked from where readers need them, and the scripts
and data they add stay within the weight budget of the issue (60 KB beyond a normal guide page).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from selfassess.instrument import load
from tests.browser.alat import TOOLS, alat_situs
from tests.guide.pages import html_path

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[2]
#: Script and data a tool page may add to a normal guide page (uncompressed bytes).
BUDGET = 60_000
#: A normal guide page of the same section, for comparison.
NORMAL_PAGE = "alat/asesmen-diri.md"


def test_generated_files_match_the_yaml():
    """Change an instrument, then run `make data-alat`: this test fails until you do."""
    stale = alat_situs.stale()
    assert stale == [], (
        "generated from the instrument YAML but out of date (run `make data-alat` and commit): "
        + ", ".join(map(str, stale))
    )


def test_the_drift_check_sees_a_hand_edit(tmp_path):
    for path, text in alat_situs.generated().items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    assert alat_situs.stale(tmp_path) == []
    data = tmp_path / alat_situs.data_file("cek-kendala")
    data.write_text(data.read_text(encoding="utf-8").replace('"minShare":0.75', '"minShare":0.5'))
    assert alat_situs.stale(tmp_path) == [alat_situs.data_file("cek-kendala")]


def _data(site: Path, instrument_id: str) -> dict:
    text = (site / "assets" / "alat" / f"instrumen-{instrument_id}.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"A\.instrumen = (\{.*\});", text).group(1))


@pytest.mark.parametrize("instrument_id", TOOLS)
def test_site_data_is_the_instrument(site_dir, instrument_id):
    """What the page scores with is what Python scores with: items, reverse flags, dimensions,
    scale, bands, min_share, direction; and every guide link names an existing page."""
    data = _data(site_dir, instrument_id)
    for inst_id, entry in data.items():
        inst = load(inst_id)
        assert entry["versi"] == inst.version and entry["minShare"] == inst.min_share
        assert entry.get("lebihTinggiLebihBaik", False) == inst.higher_is_better
        assert entry["skala"]["min"] == inst.scale.min and entry["skala"]["max"] == inst.scale.max
        scored = [i for i in inst.items if i.scored and i.dimension]
        assert [(b["id"], b["dimensi"], b.get("terbalik", False)) for b in entry["butir"]] == [
            (i.id, i.dimension, i.reverse) for i in scored
        ]
        assert [d["id"] for d in entry["dimensi"]] == [d.id for d in inst.dimensions]
        assert [(p["min"], p["max"]) for p in entry["pita"]] == [(b.min, b.max) for b in inst.bands]
        full = inst_id == instrument_id
        assert ("judul" in entry) == full, "only the page's own instrument carries its texts"
        if full:
            assert [polish(b["teks"]) for b in entry["butir"]] == [i.text.plain for i in scored]
            pages = [d["halaman"] for d in entry["dimensi"]]
            pages += [a["halaman"] for d in entry["dimensi"] for a in d.get("tindakan", [])
                      if "halaman" in a]  # fmt: skip
            for page in pages:
                assert (ROOT / "docs" / page.partition("#")[0]).is_file(), page


def polish(html: str) -> str:
    """Safe HTML of the data file back to plain text."""
    return BeautifulSoup(html, "html.parser").get_text()


@pytest.mark.parametrize("instrument_id", TOOLS)
def test_paper_form_has_every_item_and_a_scoring_sheet(site_dir, instrument_id):
    inst = load(instrument_id)
    soup = BeautifulSoup(
        html_path(site_dir, f"alat/formulir-{instrument_id}.md").read_text(encoding="utf-8"),
        "html.parser",
    )
    answer, sheet = soup.select(".formulir table")[1], soup.select(".formulir table")[2]
    rows = [[c.get_text(" ", strip=True) for c in tr.select("td")] for tr in answer.select("tr")]
    rows = [r for r in rows if r]
    scored = [i for i in inst.items if i.scored and i.dimension]
    assert [(r[0], r[1]) for r in rows] == [
        (str(n), i.text.plain) for n, i in enumerate(scored, 1)
    ]
    assert all(len(r) == 2 + len(inst.scale.points) for r in rows)
    lines = {re.sub(r"\s", "", tr.td.get_text()): tr for tr in sheet.select("tbody tr")}
    number = {i.id: n for n, i in enumerate(scored, 1)}
    for dim in inst.dimensions:
        cells = [c.get_text(" ", strip=True) for c in lines[re.sub(r"\s", "", dim.name.plain)].select("td")]
        own = [i for i in scored if i.dimension == dim.id]
        assert cells[1] == ", ".join(f"{number[i.id]}{' ↺' if i.reverse else ''}" for i in own)
        need = alat_situs.min_answered(inst.min_share, len(own))
        assert cells[5] == f"{need} dari {len(own)}"
    assert "Lembar penghitungan skor" in soup.get_text()


BOTH, SELF, OBSTACLES = set(TOOLS), {"kompetensi-coaching"}, {"cek-kendala"}
#: Page → the tool pages it must link (home, tool pages, process and obstacle pages).
LINKED_FROM = {
    "index.md": BOTH,
    "alat/index.md": BOTH,
    "alat/asesmen-diri.md": BOTH,
    "proses/identifikasi-kebutuhan.md": BOTH,
    "proses/evaluasi-hasil.md": SELF,
    "kendala/index.md": OBSTACLES,
    "kendala/keterbatasan-waktu.md": OBSTACLES,
    "kendala/kemampuan-coach-mentor.md": OBSTACLES,
    "kendala/resistensi-pegawai.md": OBSTACLES,
    "kendala/dukungan-organisasi.md": OBSTACLES,
}


@pytest.mark.parametrize("page", sorted(LINKED_FROM))
def test_tool_pages_are_linked(site_dir, page):
    html = html_path(site_dir, page)
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    targets = {
        (html.parent / a["href"].split("#")[0]).resolve()
        for a in soup.select("article a[href]")
        if not a["href"].startswith(("#", "http"))
    }
    for tool in LINKED_FROM[page]:
        assert (site_dir / "alat" / tool).resolve() in targets, f"{page} does not link {tool}"


def _assets(page: Path) -> dict[str, int]:
    """Scripts and style sheets a built page loads, with their sizes in bytes."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    refs = [s["src"] for s in soup.select("script[src]")]
    refs += [link["href"] for link in soup.select("link[rel=stylesheet]")]
    return {r: (page.parent / r).resolve().stat().st_size for r in refs}


@pytest.mark.parametrize("instrument_id", TOOLS)
@pytest.mark.parametrize("build", ["site", "site-offline"])
def test_tool_page_weight(site_dir, offline_dir, build, instrument_id):
    site = site_dir if build == "site" else offline_dir
    if build == "site":
        tool, normal = html_path(site, f"alat/{instrument_id}.md"), html_path(site, NORMAL_PAGE)
    else:
        tool = site / "alat" / f"{instrument_id}.html"
        normal = site / Path(NORMAL_PAGE).with_suffix(".html")
    added = {k: v for k, v in _assets(tool).items() if k not in _assets(normal)}
    scripts = sum(v for k, v in added.items() if k.endswith(".js"))
    styles = sum(v for k, v in added.items() if k.endswith(".css"))
    html_delta = tool.stat().st_size - normal.stat().st_size
    print(
        f"{build} {instrument_id}: script+data {scripts} B, CSS {styles} B, "
        f"HTML {tool.stat().st_size} B ({html_delta:+d} B vs {NORMAL_PAGE})"
    )
    assert {Path(k).name for k in added} == {
        f"instrumen-{instrument_id}.js",
        "skor.js",
        "riwayat.js",
        "asesmen.js",
        "alat.css",
    }
    assert scripts <= BUDGET, f"{scripts} bytes of script and data (budget {BUDGET})"


def test_normal_pages_load_no_tool_script(site_dir):
    for page in ("index.md", "kendala/index.md", "alat/formulir-cek-kendala.md"):
        assert not [k for k in _assets(html_path(site_dir, page)) if "/alat/" in k], page
