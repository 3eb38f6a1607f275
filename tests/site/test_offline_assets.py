"""Both builds load nothing from another host; the file-share build has no broken links."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.sitecheck import broken_links, css_findings, external_loads, html_findings, js_findings

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.site


@pytest.mark.parametrize("fixture", ["site_dir", "offline_dir"])
def test_build_loads_nothing_from_other_hosts(request, fixture):
    site = request.getfixturevalue(fixture)
    pages = list(site.rglob("*.html"))
    assert len(pages) >= 3, "the build should contain pages"
    findings = external_loads(site)
    assert not findings, "\n".join(map(str, findings))


@pytest.mark.parametrize("fixture", ["site_dir", "offline_dir"])
def test_internal_links_resolve(request, fixture):
    site = request.getfixturevalue(fixture)
    findings = broken_links(site)
    assert not findings, "\n".join(map(str, findings))


def test_offline_build_uses_local_polyfill_and_html_links(offline_dir):
    index = (offline_dir / "index.html").read_text(encoding="utf-8")
    assert 'src="assets/vendor/iframe-worker/shim.js"' in index
    assert (offline_dir / "search" / "indeks-pencarian.js").is_file()
    # no directory URLs: file:// cannot serve folder/index.html for folder/
    assert 'href="print_page.html"' in index


def test_print_page_exists_in_both_builds(site_dir, offline_dir):
    assert (site_dir / "print_page" / "index.html").is_file()
    assert (offline_dir / "print_page.html").is_file()


def test_site_config_is_intranet_safe():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    theme = config["theme"]
    assert theme["language"] == "id"
    assert theme["font"] is False
    assert config["extra"]["generator"] is False
    assert "repo_url" not in config and "google_analytics" not in config
    assert "analytics" not in config["extra"]
    plugins = [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]]
    assert plugins[-1] == "print-site", "print-site must be the last plugin"
    assert "offline" in plugins
    # Material's search plugin is off: the guide's search (assets/js/pencarian.js) replaces it.
    assert "search" not in plugins and "material/search" not in plugins
    assert "assets/js/pencarian.js" in config["extra_javascript"]
    polyfills = config["extra"]["polyfills"]
    assert polyfills == ["assets/vendor/iframe-worker/shim.js"]
    assert (ROOT / "docs" / polyfills[0]).is_file()


def test_material_bundle_override_matches_installed_theme():
    import material

    installed = {
        p.name
        for p in (Path(material.__file__).parent / "templates/assets/javascripts").glob(
            "bundle.*.min.js"
        )
    }
    override = {p.name for p in (ROOT / "overrides/assets/javascripts").glob("bundle.*.min.js")}
    assert override == installed, "run scripts/patch_material_bundle.py after a Material upgrade"


def test_header_override_is_materials_header_with_the_guides_search():
    """overrides/partials/header.html = Material's header except the search block (and comment)."""
    import material

    installed = (Path(material.__file__).parent / "templates/partials/header.html").read_text()
    ours = (ROOT / "overrides/partials/header.html").read_text()

    def outside_search(text: str) -> str:
        text = re.sub(r"\{#-.*?-#\}", "", text, count=1, flags=re.S)
        start = text.index("{% if config.extra.alternate %}")
        end = text.index("{% if config.repo_url %}")
        return text[:start] + text[end:]

    assert outside_search(ours) == outside_search(installed), "update the header override"
    assert '{% include "partials/search.html" %}' in ours
    assert "material/search" not in ours


class _Loader(yaml.SafeLoader):
    """Safe loader that understands MkDocs' !ENV tag."""


_Loader.add_constructor("!ENV", lambda loader, node: None)


# The checker itself must catch what it claims to catch.
@pytest.mark.parametrize(
    "html",
    [
        '<script src="https://cdn.jsdelivr.net/npm/x.js"></script>',
        '<script src="//example.org/x.js"></script>',
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">',
        '<link rel="preconnect" href="https://fonts.gstatic.com">',
        '<img src="http://example.org/a.png">',
        '<img srcset="a.png 1x, https://example.org/b.png 2x">',
        '<style>@import url("https://example.org/a.css");</style>',
        '<div style="background:url(https://example.org/a.png)"></div>',
        '<iframe src="https://example.org/"></iframe>',
    ],
)
def test_checker_flags_external_loads(html):
    assert list(html_findings("x.html", html))


@pytest.mark.parametrize(
    "html",
    [
        '<a href="https://peraturan.go.id/">PermenPANRB</a>',
        '<script src="assets/x.js"></script>',
        '<link rel="stylesheet" href="../assets/a.css">',
        '<img src="data:image/png;base64,AAAA">',
        '<link rel="canonical" href="https://example.org/">',
    ],
)
def test_checker_allows_local_loads_and_plain_links(html):
    assert not list(html_findings("x.html", html))


def test_checker_flags_css_and_js():
    assert list(css_findings("a.css", "@import 'https://fonts.googleapis.com/x';"))
    assert list(css_findings("a.css", "a{background:url(//cdn.example.org/a.png)}"))
    assert not list(css_findings("a.css", "a{background:url(\"data:image/svg+xml;x\")}"))
    assert list(js_findings("a.js", 'load("https://unpkg.com/mermaid@11/dist/mermaid.min.js")'))
    assert not list(js_findings("a.js", "// see https://github.com/squidfunk"))
