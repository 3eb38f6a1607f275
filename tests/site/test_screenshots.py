"""Every tool page of the guide shows a real screenshot of the tool, with Indonesian alt text."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from tests.guide.pages import html_path

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "docs" / "assets" / "img" / "alat"

#: Tool page → the screenshots it must show.
PAGES = {
    "alat/index.md": {"beranda", "mulai", "asesmen-diri", "tujuan-smart", "evaluasi-pelatihan",
                      "umpan-balik-pegawai", "rekap-pelatih", "cek-kendala"},
    "alat/kompetensi-coaching.md": {"riwayat-asesmen"},
    "alat/cek-kendala.md": {"cek-kendala"},
    "alat/aplikasi.md": {"beranda"},
    "alat/asesmen-diri.md": {"asesmen-diri"},
    "alat/tujuan-smart.md": {"tujuan-smart"},
    "alat/evaluasi-pelatihan.md": {"evaluasi-pelatihan"},
    "alat/rekap-pelatih.md": {"rekap-pelatih"},
}  # fmt: skip


@pytest.mark.parametrize("page", sorted(PAGES))
def test_tool_page_shows_its_screenshots_with_alt_text(site_dir, page):
    html = html_path(site_dir, page)
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    shown = {}
    for img in soup.select("article img"):
        src = img.get("src", "")
        if "assets/img/alat/" in src:
            shown[Path(src).stem] = img.get("alt", "")
            assert (html.parent / src).resolve().is_file(), src
    assert PAGES[page] <= set(shown), f"{page} shows {sorted(shown)}"
    for name, alt in shown.items():
        assert len(alt.split()) >= 8, f"{page}: alt text of {name} is too short: {alt!r}"


def test_screenshots_are_small_and_full_width():
    files = sorted(SHOTS.glob("*.png"))
    assert {f.stem for f in files} == set().union(*PAGES.values())
    for path in files:
        with Image.open(path) as image:
            assert image.width == 1280, path.name
            assert 600 <= image.height <= 1000, path.name
        assert path.stat().st_size < 150_000, f"{path.name}: {path.stat().st_size} bytes"
