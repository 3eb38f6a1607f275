"""Hit rate of the query table (tests/data/pencarian-kueri.yaml) on both builds, in Chromium.

Builds nothing: run `make site site-offline` first (`make bench` does). For every query it types the
text into the search box of the web build (served from 127.0.0.1) and of the file-share build
(file://), and reports the rank of the expected page; a hit is rank 1 to 3. Prints one table row a
query and the hit rate of each build. `--json FILE` also writes the ranks.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM_ARGS, find_chromium, serve_directory  # noqa: E402
from tests.browser.searchui import TOP, file_path, page_path, queries, search  # noqa: E402


def ranks(page, start: str, expected) -> list[int | None]:
    """Rank (1-based) of the expected page for every query, None when it is not listed."""
    page.goto(start, wait_until="load")
    out = []
    for row in queries():
        results = search(page, row["q"])
        target = expected(row["halaman"])
        out.append(results.index(target) + 1 if target in results else None)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", type=Path, help="write the ranks to this file")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    server, url = serve_directory(ROOT / "site")
    offline = (ROOT / "site-offline").resolve()
    table = queries()
    started = time.monotonic()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=find_chromium(), headless=True, args=CHROMIUM_ARGS
            )
            page = browser.new_page()
            web = ranks(page, url, lambda s: url + page_path(s))
            files = ranks(
                page, (offline / "index.html").as_uri(), lambda s: (offline / file_path(s)).as_uri()
            )
            browser.close()
    finally:
        server.shutdown()
    print(f"{'kueri':34} {'halaman yang diharapkan':40} web  file")
    for row, a, b in zip(table, web, files, strict=True):
        print(f"{row['q']:34} {row['halaman']:40} {a or '-':>4} {b or '-':>5}")
    for name, values in (("web (site/)", web), ("file:// (site-offline/)", files)):
        hits = sum(1 for r in values if r is not None and r <= TOP)
        print(f"{name}: {hits}/{len(values)} kueri dengan halaman di {TOP} teratas")
    old = [i for i, row in enumerate(table) if row.get("lama")]
    hits = sum(1 for i in old if web[i] is not None and web[i] <= TOP)
    print(f"kegagalan lama (issue 12): {hits}/{len(old)} kini di {TOP} teratas (web)")
    print(f"waktu: {time.monotonic() - started:.1f} s")
    if args.json:
        args.json.write_text(
            json.dumps({"web": web, "file": files, "queries": table}, indent=1), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
