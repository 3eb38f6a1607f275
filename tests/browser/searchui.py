"""Drive the guide's search box in Chromium the way a reader does; shared by tests and benchmarks.

The search dialog keeps Material's class names (``md-search__input``, ``md-search-result__item``),
so the same helper measured Material's own search before issue 12 and measures the guide's
Indonesian search now.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[2]
QUERY_TABLE = ROOT / "tests" / "data" / "pencarian-kueri.yaml"
TOP = 3


def queries() -> list[dict]:
    """The query table: ``q`` (what is typed), ``halaman`` (source page), ``jenis``, ``lama``."""
    return yaml.safe_load(QUERY_TABLE.read_text(encoding="utf-8"))


def page_path(source: str) -> str:
    """URL path of a page in the web build, e.g. ``kendala/resistensi-pegawai/``."""
    stem = source[: -len(".md")]
    if stem == "index":
        return ""
    return stem[: -len("index")] if stem.endswith("/index") else stem + "/"


def file_path(source: str) -> str:
    """Path of a page in the file-share build, e.g. ``kendala/resistensi-pegawai.html``."""
    return source[: -len(".md")] + ".html"


def strip(url: str) -> str:
    """A URL without query and fragment."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


def search(page, query: str, delay: int = 10) -> list[str]:
    """Type ``query`` into the search box; return the result pages (absolute URLs), best first.

    The guide's search marks the dialog with ``data-kueri`` once the results of a query are on the
    screen; with Material's own search (the "before" measurement) the helper waits a moment instead.
    """
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=delay)
    page.wait_for_function(
        """(q) => {
          const input = document.querySelector('input.md-search__input');
          const root = document.querySelector('[data-panduan-cari]');
          if (input.value !== q) return false;
          if (root) return root.getAttribute('data-kueri') === q;
          const meta = document.querySelector('.md-search-result__meta').textContent;
          return !/Menginisialisasi|Initializing/i.test(meta);
        }""",
        arg=query,
        timeout=15_000,
    )
    if page.locator("[data-panduan-cari]").count() == 0:
        # Material renders its results some time after the query settles: wait until the list
        # has stopped changing for half a second.
        items = page.locator(".md-search-result__item")
        before = None
        while (
            now := (items.count(), page.locator(".md-search-result__meta").inner_text())
        ) != before:
            before = now
            page.wait_for_timeout(500)
    links = page.locator(".md-search-result__item > .md-search-result__link")
    hrefs = links.evaluate_all("els => els.map(a => a.href)")
    pages: list[str] = []
    for href in hrefs:
        url = strip(urljoin(page.url, href))
        if url not in pages:
            pages.append(url)
    return pages
