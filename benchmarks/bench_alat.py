"""The guide's browser tools in real Chromium: scoring time and page weight.

Builds nothing: run `make site site-offline` first (`make bench` does). For each tool page served
from 127.0.0.1:

* **scoring one answer set** with ``PanduanAlat.skor.hitung`` (the rule the cross-check tests):
  batches of 2,000 random answer sets with 10 % missing answers; the mean per set of the slowest
  of five batches, and the 99th percentile and slowest of 1,000 calls timed one by one;
* **one full "Hitung"**: reading the form, scoring, and drawing the table, the SVG chart and the
  advice (``requestSubmit`` on the form, which runs synchronously), median and slowest of 50;
* **weight**: script and data (and style) the tool page loads beyond a normal guide page
  (``alat/asesmen-diri``), uncompressed, and what a cold load of each page transfers.

Fails (exit 1) when scoring one answer set takes 5 ms or more (batch mean or 99th percentile),
when the added script and data exceed 60 KB, or when any request leaves the machine.
"""

from __future__ import annotations

import statistics
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

TOOLS = ("kompetensi-coaching", "cek-kendala")
NORMAL = "alat/asesmen-diri/"
GOAL_MS, BUDGET = 5.0, 60_000

SCORING = """() => {
  const A = window.PanduanAlat;
  const inst = A.instrumen[document.querySelector('.alat').dataset.instrumen];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const sets = [];
  for (let n = 0; n < 2000; n++) {
    const answers = {};
    for (const b of inst.butir) if (next() >= 0.1) answers[b.id] = 1 + Math.floor(next() * 5);
    sets.push(answers);
  }
  const batches = [];
  for (let k = 0; k < 5; k++) {
    const start = performance.now();
    for (const answers of sets) A.skor.hitung(inst, answers);
    batches.push((performance.now() - start) / sets.length);
  }
  const single = [];
  for (const answers of sets.slice(0, 1000)) {
    const start = performance.now();
    A.skor.hitung(inst, answers);
    single.push(performance.now() - start);
  }
  single.sort((a, b) => a - b);
  return {batches, p99: single[989], slowest: single[999]};
}"""
HITUNG = """() => {
  const form = document.querySelector('.alat-formulir');
  const radios = [...form.querySelectorAll('input[type=radio]')];
  const times = [];
  for (let k = 0; k < 50; k++) {
    for (const r of radios) r.checked = (Number(r.value) + k + r.name.length) % 5 === 0;
    const start = performance.now();
    form.requestSubmit();
    times.push(performance.now() - start);
  }
  return times;
}"""


def cold_load(browser, url: str) -> tuple[int, int, list[str]]:
    """Requests, transferred bytes and external requests for one cold page load."""
    context = browser.new_context()
    page = context.new_page()
    finished, external = [], []
    page.on("requestfinished", lambda r: finished.append(r))
    page.on("request", lambda r: None if is_loopback(r.url) else external.append(r.url))
    page.route("**/*", lambda r: r.continue_() if is_loopback(r.request.url) else r.abort())
    page.goto(url, wait_until="networkidle")
    total = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in finished)
    context.close()
    return len(finished), total, external


def added_assets(site: Path, tool: str) -> dict[str, int]:
    """Script, data and style files of the tool page that a normal guide page does not load."""
    from bs4 import BeautifulSoup

    def assets(page: Path) -> dict[str, int]:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        refs = [s["src"] for s in soup.select("script[src]")]
        refs += [link["href"] for link in soup.select("link[rel=stylesheet]")]
        return {Path(r).name: (page.parent / r).resolve().stat().st_size for r in refs}

    normal = assets(site / NORMAL / "index.html")
    return {k: v for k, v in assets(site / "alat" / tool / "index.html").items() if k not in normal}


def main() -> int:
    from playwright.sync_api import sync_playwright

    failed = False
    server, url = serve_directory(ROOT / "site")
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=find_chromium(), headless=True, args=CHROMIUM_ARGS
            )
            requests, size, external = cold_load(browser, url + NORMAL)
            print(f"normal page {NORMAL}: {requests} requests, {size / 1024:.1f} KiB transferred")
            failed |= bool(external)
            for tool in TOOLS:
                added = added_assets(ROOT / "site", tool)
                scripts = sum(v for k, v in added.items() if k.endswith(".js"))
                styles = sum(v for k, v in added.items() if k.endswith(".css"))
                requests, size, external = cold_load(browser, f"{url}alat/{tool}/")
                failed |= bool(external) or scripts > BUDGET
                print(
                    f"{tool}: adds {scripts / 1000:.1f} kB script + data (budget "
                    f"{BUDGET / 1000:.0f} kB) and {styles / 1000:.1f} kB CSS "
                    f"({', '.join(f'{k} {v}' for k, v in sorted(added.items()))}); cold load "
                    f"{requests} requests, {size / 1024:.1f} KiB; requests to other hosts: "
                    f"{len(external)}"
                )
                context = browser.new_context()
                page = context.new_page()
                page.goto(f"{url}alat/{tool}/", wait_until="load")
                page.locator(".alat--siap").wait_for()
                scoring = page.evaluate(SCORING)
                worst = max(scoring["batches"])
                hitung = page.evaluate(HITUNG)
                failed |= worst >= GOAL_MS or scoring["p99"] >= GOAL_MS
                hitung.sort()
                print(
                    f"{tool}: scoring one answer set {worst * 1000:.1f} µs (mean, slowest of 5 "
                    f"batches of 2,000; goal < {GOAL_MS:.0f} ms); single calls p99 "
                    f"{scoring['p99']:.2f} ms, slowest {scoring['slowest']:.2f} ms (timer "
                    f"resolution 0.1 ms; the slowest includes garbage collection); full Hitung "
                    f"with table, chart and advice: median {statistics.median(hitung):.1f} ms, "
                    f"95th percentile {hitung[47]:.1f} ms, first {max(hitung):.0f} ms"
                )
                context.close()
            browser.close()
    finally:
        server.shutdown()
    print("FAILED" if failed else "OK")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
