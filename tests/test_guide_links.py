"""Guide links from the toolkit point at real pages of the guide."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfassess.guide import page_url

DOCS = Path(__file__).resolve().parent.parent / "docs"


@pytest.mark.parametrize(
    ("page", "url"),
    [
        ("index.md", "http://127.0.0.1:8000/"),
        ("proses/index.md", "http://127.0.0.1:8000/proses/"),
        ("praktik/umpan-balik.md", "http://127.0.0.1:8000/praktik/umpan-balik/"),
        (
            "kendala/resistensi-pegawai.md#tanda",
            "http://127.0.0.1:8000/kendala/resistensi-pegawai/#tanda",
        ),
    ],
)
def test_page_url_default(monkeypatch, page, url):
    monkeypatch.delenv("SELFASSESS_PANDUAN_URL", raising=False)
    assert page_url(page) == url
    assert (DOCS / page.partition("#")[0]).is_file()


def test_page_url_intranet(monkeypatch):
    monkeypatch.setenv("SELFASSESS_PANDUAN_URL", "https://intranet.example.go.id/panduan")
    assert (
        page_url("alat/asesmen-diri.md")
        == "https://intranet.example.go.id/panduan/alat/asesmen-diri/"
    )
