"""A web-server build for a sub-path (make site SITE_URL=…) works entirely inside that sub-path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser.conftest import serve_directory

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SUBPATH = "panduan-coaching"


@pytest.fixture(scope="module")
def subpath_url(tmp_path_factory):
    """Build with SELFASSESS_SITE_URL into <tmp>/panduan-coaching/ and serve <tmp> on loopback."""
    root = tmp_path_factory.mktemp("www")
    env = {**os.environ, "SELFASSESS_SITE_URL": f"http://intranet.invalid/{SUBPATH}/"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(root / SUBPATH)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    server, url = serve_directory(root)
    yield f"{url}{SUBPATH}/"
    server.shutdown()


def _failed_responses(page) -> list[str]:
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    return failed


@pytest.mark.parametrize("path", ["", "404.html", "proses/", "print_page/"])
def test_pages_load_every_asset_from_the_subpath(guarded_page, subpath_url, path):
    page, traffic = guarded_page
    failed = _failed_responses(page)
    page.goto(subpath_url + path, wait_until="networkidle")
    assert page.locator("h1").first.is_visible()
    styles = page.evaluate("Array.from(document.styleSheets).map(s => s.href).filter(Boolean)")
    assert styles and all(f"/{SUBPATH}/" in href for href in styles), styles
    assert failed == [], failed
    assert traffic.external == []
