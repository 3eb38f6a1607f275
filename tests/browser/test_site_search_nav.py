"""The guide in real Chromium: search finds what readers type, navigation and print page work.

Search queries are what a supervisor would type (tests/data/pencarian-kueri.yaml: root words,
affixed forms, phrases, acronyms, synonyms, typos), each expected to bring up one specific page
among the first three results, on the web build and on the file-share build.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from tests.browser.conftest import guard
from tests.browser.searchui import TOP, file_path, page_path, queries, search, strip
from tests.guide.pages import DOCS

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
QUERIES = queries()


def _param(row: dict):
    """A query and the page it must find; the page must exist in docs/."""
    assert (DOCS / row["halaman"]).is_file(), f"{row['halaman']} does not exist"
    return pytest.param(row["q"], row["halaman"], id=row["q"])


def _search_page(browser, url: str):
    context = browser.new_context(locale="id-ID")
    traffic = guard(context)
    page = context.new_page()
    page.goto(url, wait_until="load")
    return context, page, traffic


@pytest.fixture(scope="module")
def search_page(browser, site_url):
    """One page of the web build for all queries (the index loads once)."""
    context, page, traffic = _search_page(browser, site_url)
    yield page, traffic
    context.close()


@pytest.fixture(scope="module")
def offline_search_page(browser, offline_root):
    """One page of the file-share build (file://) for all queries."""
    context, page, traffic = _search_page(browser, (offline_root / "index.html").as_uri())
    yield page, traffic
    context.close()


@pytest.mark.parametrize(("query", "source"), [_param(r) for r in QUERIES])
def test_search_finds_the_page(search_page, site_url, query, source):
    page, traffic = search_page
    results = search(page, query)
    expected = site_url + page_path(source)
    assert expected in results[:TOP], f"{query!r}: {results[:TOP]}"
    assert traffic.external == [] and traffic.page_errors == [] and traffic.console_errors == []


@pytest.mark.parametrize(("query", "source"), [_param(r) for r in QUERIES])
def test_file_build_search_finds_the_page(offline_search_page, offline_root, query, source):
    page, traffic = offline_search_page
    results = search(page, query)
    expected = (offline_root / file_path(source)).as_uri()
    assert expected in results[:TOP], f"{query!r}: {results[:TOP]}"
    assert traffic.external == [] and traffic.page_errors == [] and traffic.console_errors == []


def test_the_query_table_covers_every_kind():
    assert len(QUERIES) >= 40
    kinds = {row["jenis"] for row in QUERIES}
    assert kinds >= {"akar", "imbuhan", "frasa", "akronim", "salah-ketik", "sinonim"}
    assert len({row["q"].lower() for row in QUERIES}) == len(QUERIES), "a query is listed twice"
    nav = nav_pages()
    assert all(row["halaman"] in nav for row in QUERIES)
    assert sum(1 for row in QUERIES if row.get("lama")) >= 8


def test_file_build_result_opens_the_page(offline_search_page, offline_root):
    page, traffic = offline_search_page
    results = search(page, "resistensi")
    page.locator(".md-search-result__item > .md-search-result__link").first.click()
    page.wait_for_load_state("load")
    assert strip(page.url) == results[0]
    assert page.url.startswith("file://")
    assert page.locator("h1").first.is_visible()
    page.goto((offline_root / "index.html").as_uri(), wait_until="load")
    assert traffic.external == [] and traffic.page_errors == []


# ── Navigation ─────────────────────────────────────────────────────────────────────────────


def _walk(items) -> list[str]:
    pages = []
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            pages += _walk(value)
        else:
            pages.append(value)
    return pages


def nav_pages() -> list[str]:
    """The guide's pages in nav order (mkdocs.yml), as source paths."""

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    return _walk(config["nav"])


def test_sidebar_links_open_every_section(guarded_page, site_url):
    page, traffic = guarded_page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url, wait_until="load")
    sections = [p for p in nav_pages() if p.endswith("index.md") and p != "index.md"]
    assert len(sections) >= 6
    for source in sections:
        target = site_url + page_path(source)
        link = page.locator(
            f'nav.md-nav--primary a.md-nav__link[href="{_relative(page.url, target)}"]'
        )
        assert link.count() >= 1, f"no sidebar link to {source} on {page.url}"
        link.first.click()
        page.wait_for_load_state("load")
        assert strip(page.url) == target
        assert page.locator("h1").first.is_visible()
    assert traffic.external == [] and traffic.console_errors == []


def _relative(current: str, target: str) -> str:
    """The relative href MkDocs writes from ``current`` to ``target`` (both directory URLs)."""
    import posixpath

    here = urlsplit(current).path
    there = urlsplit(target).path
    rel = posixpath.relpath(there, here if here.endswith("/") else posixpath.dirname(here))
    return "./" if rel == "." else rel + "/"


def test_print_page_renders_every_page(guarded_page, site_url):
    page, traffic = guarded_page
    page.goto(site_url + "print_page/", wait_until="networkidle")
    for source in nav_pages():
        stem = source[: -len(".md")].removesuffix("/index")
        section = page.locator(
            f'#print-site-page section.print-page[id="{stem.replace("/", "-")}"]'
        )
        # A section's introduction page shares its title with the section: the title is printed
        # once, by the section (docs/assets/js/cetak.js).
        titled = section.locator("h1").count() + section.locator("xpath=../h1").count()
        assert section.count() == 1 and titled >= 1, f"{source} is missing from the print page"
    page.emulate_media(media="print")
    assert page.locator(".print-page-toc-title").is_visible()
    toc = [" ".join(t.split()) for t in page.locator("#print-page-toc a").all_inner_texts()]
    assert len(toc) == len(set(toc)), "listed twice in the table of contents"
    assert len(toc) >= len(nav_pages()) - 6
    assert page.locator(".md-sidebar--primary").first.is_hidden()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000
    assert traffic.external == [] and traffic.console_errors == [] and traffic.page_errors == []
