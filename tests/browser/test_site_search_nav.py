"""The guide in real Chromium: search finds what readers type, navigation and print page work.

Search queries are what a supervisor would type, each expected to bring up one specific page among
the first results. Material's search has no Indonesian stemmer, so this also guards the choice of
words in titles and headings. A query whose page is still a draft is an expected failure (strict:
once the page is written the query must work).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from tests.browser.conftest import Traffic, is_loopback
from tests.guide.pages import DOCS

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]

#: Query → the page (source path) it must find among the first TOP results.
QUERIES = {
    "resistensi": "kendala/resistensi-pegawai.md",
    "SMART": "proses/penetapan-tujuan.md",
    "umpan balik": "praktik/umpan-balik.md",
    "teladan": "atasan/teladan.md",
    "GROW": "praktik/model-percakapan.md",
    "dialog kinerja": "praktik/dialog-kinerja.md",
    "keterbatasan waktu": "kendala/keterbatasan-waktu.md",
    "mendengarkan aktif": "praktik/mendengarkan-bertanya.md",
    "bank pertanyaan": "praktik/bank-pertanyaan.md",
    "studi kasus": "praktik/studi-kasus.md",
    "Kirkpatrick": "pelatih/evaluasi-pelatihan.md",
    "identifikasi kebutuhan": "proses/identifikasi-kebutuhan.md",
    "glosarium": "referensi/glosarium.md",
    "asesmen diri": "alat/asesmen-diri.md",
    "server lokakarya": "pelatih/server-lokakarya.md",
}
TOP = 5
#: Queries also run on the file-share build (file://), where search runs without a server.
OFFLINE_QUERIES = ("resistensi", "umpan balik", "teladan")


def page_path(source: str) -> str:
    """URL path of a page in the web build, e.g. ``kendala/resistensi-pegawai/``."""
    stem = source[: -len(".md")]
    if stem == "index":
        return ""
    return stem[: -len("index")] if stem.endswith("/index") else stem + "/"


def file_path(source: str) -> str:
    """Path of a page in the file-share build, e.g. ``kendala/resistensi-pegawai.html``."""
    return source[: -len(".md")] + ".html"


def _param(query: str, source: str):
    """A query and the page it must find; the page must exist in docs/."""
    assert (DOCS / source).is_file(), f"{source} does not exist"
    return pytest.param(query, source, id=query)


def search(page, query: str) -> list[str]:
    """Type ``query`` into the search box and return the result links, best first."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=20)
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function(
        "(q) => document.querySelector('input.md-search__input').value === q"
        " && !/Menginisialisasi|Initializing/i.test("
        "document.querySelector('.md-search-result__meta').textContent)",
        arg=query,
        timeout=15_000,
    )
    meta.wait_for()
    page.wait_for_timeout(300)  # results are rendered after the query settles
    links = page.locator(".md-search-result__item > .md-search-result__link")
    return [urljoin(page.url, h) for h in links.evaluate_all("els => els.map(a => a.href)")]


def _strip(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


@pytest.fixture(scope="module")
def search_page(browser, site_url):
    """One page of the web build for all queries (the search index is built once)."""
    context = browser.new_context(locale="id-ID")
    traffic = Traffic()

    def route(r):
        traffic.requests += 1
        if is_loopback(r.request.url):
            r.continue_()
        else:
            traffic.external.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("pageerror", lambda e: traffic.page_errors.append(str(e)))
    page.on("console", lambda m: traffic.console_errors.append(m.text) if m.type == "error" else 0)
    page.goto(site_url, wait_until="networkidle")
    yield page, traffic
    context.close()


@pytest.mark.parametrize(("query", "source"), [_param(q, s) for q, s in QUERIES.items()])
def test_search_finds_the_page(search_page, site_url, query, source):
    page, traffic = search_page
    results = [_strip(u) for u in search(page, query)]
    expected = site_url + page_path(source)
    assert expected in results[:TOP], f"{query!r}: {results[:TOP]}"
    assert traffic.external == [] and traffic.page_errors == [] and traffic.console_errors == []


def test_there_are_at_least_ten_typical_queries():
    assert len(QUERIES) >= 10
    nav = nav_pages()
    assert all(source in nav for source in QUERIES.values())


@pytest.mark.parametrize(("query", "source"), [_param(q, QUERIES[q]) for q in OFFLINE_QUERIES])
def test_file_build_search_finds_the_page(guarded_page, offline_root, query, source):
    page, traffic = guarded_page
    page.goto((offline_root / "index.html").as_uri(), wait_until="load")
    results = [_strip(u) for u in search(page, query)]
    expected = (offline_root / file_path(source)).as_uri()
    assert expected in results[:TOP], f"{query!r}: {results[:TOP]}"
    page.goto(expected, wait_until="load")
    assert page.locator("h1").first.is_visible()
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
        assert _strip(page.url) == target
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
