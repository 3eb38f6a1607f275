"""axe-core in real Chromium on every page of the guide and every view of the app.

The goal is no serious or critical violation anywhere. axe-core comes from the
axe-playwright-python package (``axe.min.js`` inside the package) and is injected into the page; it
fetches nothing. Set ``SELFASSESS_AXE_REPORT=file.json`` to write every page's counts by impact
(see ``a11y.py``). The end-to-end flows audit the views they reach as well (results, tabs).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.a11y import audit
from tests.browser.apptools import open_tool
from tests.browser.test_site_search_nav import nav_pages, page_path

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))


def test_axe_is_bundled_not_fetched():
    import axe_playwright_python

    script = Path(axe_playwright_python.__file__).with_name("axe.min.js")
    assert script.stat().st_size > 100_000
    assert script.read_text(encoding="utf-8").startswith("/*! axe v4.")


def _strip(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


def test_guide_walked_in_nav_order_is_accessible(guarded_page, site_url):
    """Click "next" from the home page to the last page; audit every page on the way."""
    page, traffic = guarded_page
    expected = [site_url + page_path(p) for p in nav_pages()]
    page.goto(site_url, wait_until="load")
    visited, problems = [], []
    while True:
        page.wait_for_load_state("load")
        assert page.locator("h1").first.is_visible(), page.url
        visited.append(_strip(page.url))
        problems += audit(page, "site/" + _strip(page.url).removeprefix(site_url))
        forward = page.locator("a.md-footer__link--next")
        if forward.count() == 0 or len(visited) > len(expected):
            break
        forward.click()
    assert visited == expected
    assert problems == [], "\n".join(problems)
    assert traffic.external == [] and traffic.console_errors == [] and traffic.page_errors == []


def test_print_page_is_accessible(guarded_page, site_url):
    page, traffic = guarded_page
    page.goto(site_url + "print_page/", wait_until="networkidle")
    problems = audit(page, "site/print_page/")
    assert problems == [], "\n".join(problems)
    assert traffic.external == []


def test_app_views_are_accessible(guarded_page, app_server):
    page, traffic = guarded_page
    problems = []
    page.goto(app_server.url, wait_until="networkidle")
    problems += audit(page, "app/")
    for notebook in NOTEBOOKS:
        open_tool(page, app_server.url, notebook)
        problems += audit(page, f"app/{notebook}")
    page.goto(app_server.url + "tidak-ada", wait_until="networkidle")
    problems += audit(page, "app/404")
    assert problems == [], "\n".join(problems)
    assert traffic.external == []


def test_password_page_is_accessible(guarded_page, failing_app):
    page, traffic = guarded_page
    page.goto(failing_app.url + "login", wait_until="networkidle")
    page.get_by_label("Kata sandi").fill("salah")
    page.get_by_role("button", name="Masuk").click()
    page.get_by_role("alert").wait_for()
    problems = audit(page, "app/login")
    assert problems == [], "\n".join(problems)
    assert traffic.external == []
