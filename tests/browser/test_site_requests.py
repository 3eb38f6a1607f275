"""The built guide, opened in real Chromium, requests nothing outside this machine."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.searchui import search

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]


def _pages(site: Path) -> list[str]:
    """Every page of the HTTP build as a path relative to the site root."""
    pages = []
    for page in sorted(site.rglob("index.html")):
        rel = page.parent.relative_to(site).as_posix()
        pages.append("" if rel == "." else f"{rel}/")
    return pages


def test_every_page_over_http_stays_on_loopback(guarded_page, site_url):
    page, traffic = guarded_page
    pages = _pages(ROOT / "site")
    assert "" in pages and "print_page/" in pages
    for rel in pages:
        response = page.goto(site_url + rel, wait_until="networkidle")
        assert response is not None and response.ok, rel
        assert page.locator("h1").first.is_visible(), rel
    assert traffic.requests > len(pages), "requests were routed through the recorder"
    assert traffic.external == []
    assert traffic.console_errors == [] and traffic.page_errors == []


def test_file_build_search_works_offline(guarded_page, offline_root):
    page, traffic = guarded_page
    page.goto((offline_root / "index.html").as_uri(), wait_until="load")
    search(page, "coaching")  # waits until the results of the whole word are shown
    results = page.locator(".md-search-result__item")
    assert results.count() >= 1
    assert "coaching" in results.first.inner_text().lower()
    results.first.locator("a").first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith("file://")
    assert traffic.external == []
    assert traffic.page_errors == []


def test_file_build_pages_open_from_disk(guarded_page, offline_root):
    page, traffic = guarded_page
    page.goto((offline_root / "print_page.html").as_uri(), wait_until="load")
    assert page.locator("h1").first.is_visible()
    assert traffic.external == []
