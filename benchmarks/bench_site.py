"""Size of the built guide and what a reader's browser downloads for the first page.

Builds nothing: run `make site site-offline` first (`make bench` does). Prints the size of both
builds, and for the home page served from 127.0.0.1: the number of requests, the bytes transferred
(headers + bodies, as Chromium reports them), and the number of requests to other hosts (must be 0).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import (  # noqa: E402
    CHROMIUM_ARGS,
    find_chromium,
    is_loopback,
    serve_directory,
)


def folder_size(path: Path) -> tuple[int, int]:
    """Total bytes and file count of a folder."""
    files = [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def first_page(url: str) -> tuple[int, int, list[str]]:
    """Requests, transferred bytes and external requests for one cold page load."""
    from playwright.sync_api import sync_playwright

    external: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=find_chromium(), headless=True, args=CHROMIUM_ARGS
        )
        page = browser.new_page()
        requests = []
        page.on("requestfinished", lambda r: requests.append(r))
        page.on("request", lambda r: None if is_loopback(r.url) else external.append(r.url))
        page.route("**/*", lambda r: r.continue_() if is_loopback(r.request.url) else r.abort())
        page.goto(url, wait_until="networkidle")
        total = 0
        for req in requests:
            sizes = req.sizes()
            total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        browser.close()
    return len(requests), total, external


def main() -> int:
    for name in ("site", "site-offline"):
        size, count = folder_size(ROOT / name)
        print(f"{name}/: {size / 1024 / 1024:.2f} MiB in {count} files")
    server, url = serve_directory(ROOT / "site")
    try:
        count, total, external = first_page(url)
    finally:
        server.shutdown()
    print(
        f"first page (index.html, cold cache): {count} requests, {total / 1024:.1f} KiB transferred"
    )
    print(f"requests to other hosts: {len(external)}")
    return 1 if external else 0


if __name__ == "__main__":
    sys.exit(main())
