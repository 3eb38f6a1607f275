"""Find anything in a built site that would load from another host, and internal links that break.

Used by the site tests; kept separate so the rules can be read in one place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: Hosts whose presence anywhere in shipped JavaScript or CSS means a request to a CDN,
#: a web font service or an analytics service.
CDN_HOSTS = (
    "unpkg.com",
    "cdn.jsdelivr.net",
    "cdnjs.cloudflare.com",
    "fonts.googleapis.com",
    "fonts.gstatic.com",
    "ajax.googleapis.com",
    "code.jquery.com",
    "googletagmanager.com",
    "google-analytics.com",
    "polyfill.io",
    "cdn.plot.ly",
    "use.fontawesome.com",
    "bootstrapcdn.com",
    "esm.sh",
    "cdn.skypack.dev",
    "jspm.io",
    "requirejs.org/docs/release",
)
LOADING_RELS = {
    "stylesheet",
    "preload",
    "preconnect",
    "dns-prefetch",
    "prefetch",
    "modulepreload",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "manifest",
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""", re.I)
CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'");\s]+)""", re.I)


@dataclass(frozen=True)
class Finding:
    """One problem: the file, what kind, and the offending value."""

    file: str
    kind: str
    value: str

    def __str__(self) -> str:
        return f"{self.file}: {self.kind}: {self.value}"


def is_external(url: str) -> bool:
    """True for URLs that point at another host (http, https, protocol-relative, ws)."""
    scheme = urlsplit(url.strip()).scheme.lower()
    return url.strip().startswith("//") or scheme in {"http", "https", "ws", "wss", "ftp"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.loads: list[tuple[str, str]] = []  # (what, url) that the browser fetches
        self.links: list[str] = []  # every href/src, for the internal-link check
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if tag == "style":
            self._in_style = True
        for attr in ("src", "data", "poster", "background"):
            if attr in a:
                self.loads.append((f"<{tag} {attr}>", a[attr]))
                self.links.append(a[attr])
        if "srcset" in a:
            for part in a["srcset"].split(","):
                if part.strip():
                    self.loads.append((f"<{tag} srcset>", part.strip().split()[0]))
        if "style" in a:
            self.styles.append(a["style"])
        if tag == "link":
            rels = set(a.get("rel", "").lower().split())
            if rels & LOADING_RELS:
                self.loads.append((f"<link rel={a.get('rel')}>", a.get("href", "")))
            self.links.append(a.get("href", ""))
        elif "href" in a:
            self.links.append(a["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def css_findings(name: str, text: str) -> Iterator[Finding]:
    """External url() and @import references in CSS text."""
    for url in CSS_URL.findall(text):
        if is_external(url):
            yield Finding(name, "CSS url()", url)
    for url in CSS_IMPORT.findall(text):
        if is_external(url):
            yield Finding(name, "CSS @import", url)


def js_findings(name: str, text: str) -> Iterator[Finding]:
    """Hard-coded CDN, font or analytics URLs in JavaScript."""
    for host in CDN_HOSTS:
        for match in re.finditer(re.escape(host), text):
            yield Finding(
                name, "CDN URL in JS", text[max(0, match.start() - 20) : match.end() + 30]
            )


def html_findings(name: str, text: str) -> Iterator[Finding]:
    """External loads in one HTML page (plain <a href> links are allowed)."""
    parser = _Collector()
    parser.feed(text)
    for what, url in parser.loads:
        if is_external(url):
            yield Finding(name, what, url)
    for style in parser.styles:
        yield from css_findings(name, style)
    yield from js_findings(name, re.sub(r"<a\s[^>]*>", "", text))


def external_loads(site: Path) -> list[Finding]:
    """Every external load in a built site: HTML, CSS and JavaScript."""
    findings: list[Finding] = []
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        rel = str(path.relative_to(site))
        suffix = path.suffix.lower()
        if suffix not in {".html", ".css", ".js", ".mjs"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if suffix == ".html":
            findings += html_findings(rel, text)
        elif suffix == ".css":
            findings += css_findings(rel, text)
        else:
            findings += js_findings(rel, text)
    return findings


def internal_links(page: Path) -> list[str]:
    """Every href/src of a page."""
    parser = _Collector()
    parser.feed(page.read_text(encoding="utf-8", errors="replace"))
    return parser.links


def broken_links(site: Path) -> list[Finding]:
    """Internal links in HTML pages that do not resolve to a file of the site."""
    findings = []
    root = site.resolve()
    for page in sorted(site.rglob("*.html")):
        for link in internal_links(page):
            parts = urlsplit(link)
            if not link or parts.scheme or link.startswith(("//", "#")):
                continue
            target_path = unquote(parts.path)
            if not target_path:
                continue
            base = root if target_path.startswith("/") else page.parent
            target = (base / target_path.lstrip("/")).resolve()
            if target_path.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.is_relative_to(root) or not target.is_file():
                findings.append(Finding(str(page.relative_to(site)), "broken link", link))
    return findings


def built_site(name: str) -> Path:
    """A build folder of the repository (``site`` or ``site-offline``); fails if not built."""
    site = ROOT / name
    if not (site / "index.html").is_file():
        pytest.fail(f"{name}/ is not built; run `make {name}` (make test builds it)")
    return site
