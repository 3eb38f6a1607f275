"""The web build served by Debian's nginx with the documented configuration: precompressed files.

nginx runs on 127.0.0.1 with the ``location`` example of publikasi/server-web.md (tests/nginx.py).
A browser that accepts Brotli gets the ``.br`` copy, one that accepts only gzip gets ``.gz``, and
one that accepts neither gets the file itself; Chromium then opens pages and searches through it.
"""

from __future__ import annotations

import http.client
from urllib.parse import urlsplit

import pytest

from tests import nginx
from tests.browser.searchui import search
from tests.sitecheck import built_site

FILES = [
    ("", "index.html", "text/html"),
    ("praktik/umpan-balik/", "praktik/umpan-balik/index.html", "text/html"),
    ("search/indeks-pencarian.js", "search/indeks-pencarian.js", "application/javascript"),
    ("assets/js/pencarian-mesin.js", "assets/js/pencarian-mesin.js", "application/javascript"),
]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    problem = nginx.missing()
    if problem:
        pytest.fail(f"nginx is needed for this test: {problem}")
    site = built_site("site")
    with nginx.serve(site, tmp_path_factory.mktemp("nginx")) as url:
        yield site, url


def get(url: str, encoding: str | None) -> http.client.HTTPResponse:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    headers = {"Accept-Encoding": encoding} if encoding else {}
    conn.request("GET", parts.path, headers=headers)
    response = conn.getresponse()
    response.body = response.read()
    conn.close()
    return response


@pytest.mark.parametrize(("path", "source", "mime"), FILES, ids=[f[1] for f in FILES])
@pytest.mark.parametrize(
    ("accept", "suffix", "coding"),
    [("gzip, deflate, br", ".br", "br"), ("gzip", ".gz", "gzip"), (None, "", None)],
    ids=["br", "gzip", "identity"],
)
def test_nginx_sends_the_precompressed_copy(served, path, source, mime, accept, suffix, coding):
    site, url = served
    response = get(url + path, accept)
    assert response.status == 200
    assert response.getheader("Content-Encoding") == coding
    assert response.body == (site / (source + suffix)).read_bytes()
    assert response.getheader("Content-Type").startswith(mime)
    if coding:
        assert "Accept-Encoding" in (response.getheader("Vary") or "")


def test_nginx_cache_headers_follow_the_page(served):
    site, url = served
    css = next((site / "assets/stylesheets").glob("main.*.min.css")).relative_to(site)
    assert get(url, "br").getheader("Cache-Control") == "no-cache"
    assert get(url + "search/indeks-pencarian.js", "br").getheader("Cache-Control") == "no-cache"
    assert "immutable" in get(url + css.as_posix(), "br").getheader("Cache-Control")
    assert get(url + "tidak-ada/", "br").status == 404


@pytest.mark.browser
def test_chromium_reads_the_compressed_site_and_searches(served, guarded_page):
    _site, url = served
    page, traffic = guarded_page
    encodings = {}
    page.on(
        "response",
        lambda r: encodings.__setitem__(r.url, r.headers.get("content-encoding")),
    )
    page.goto(url + "praktik/", wait_until="networkidle")
    assert page.locator("h1").first.inner_text().startswith("Praktik")
    assert encodings[url + "praktik/"] == "br"
    assert url + "praktik/umpan-balik/" in search(page, "menegur")[:3]
    assert encodings[url + "search/indeks-pencarian.js"] == "br"
    assert traffic.external == [] and traffic.page_errors == [] and traffic.console_errors == []
