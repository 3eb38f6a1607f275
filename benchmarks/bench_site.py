"""Size of the built guide, page weight as a reader downloads it, and Lighthouse (mobile).

Builds nothing: run `make site site-offline` first (`make bench` does, and installs Lighthouse from
benchmarks/lighthouse/package-lock.json). For the home page and two content pages it prints:

- the requests and the uncompressed bytes of everything the page loads (cold cache, Chromium),
  served by Python's plain file server;
- the bytes transferred when Debian's nginx serves the same build with the documented configuration
  (precompressed .br files, tests/nginx.py);
- Lighthouse's mobile performance and accessibility scores against that nginx (Debian Chromium),
  the median of three runs.

Goals (issue 12): first page at most 300 KB uncompressed and 120 KB as served compressed;
Lighthouse performance at least 98 and accessibility 100 on the three pages. The figures are
printed whether or not a goal is met; the exit status is 1 only when a page requests another host.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import nginx  # noqa: E402
from tests.browser.conftest import (  # noqa: E402
    CHROMIUM_ARGS,
    find_chromium,
    is_loopback,
    serve_directory,
)

PAGES = ["", "praktik/umpan-balik/", "proses/penetapan-tujuan/"]
LIGHTHOUSE = ROOT / "benchmarks" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
GOAL_RAW, GOAL_SERVED = 300_000, 120_000
GOAL_PERFORMANCE, GOAL_ACCESSIBILITY = 98, 100
RUNS = 3  #: Lighthouse runs per page; the median is reported (the machine is shared)


def folder_size(path: Path) -> tuple[int, int]:
    """Total bytes and file count of a folder."""
    files = [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def weigh(browser, url: str) -> dict:
    """Requests, decoded bytes, transferred bytes and external requests of one cold page load."""
    context = browser.new_context()
    page = context.new_page()
    finished, external, decoded = [], [], []
    page.on("requestfinished", lambda r: finished.append(r))
    page.on("request", lambda r: None if is_loopback(r.url) else external.append(r.url))
    page.on("response", lambda r: decoded.append(r))
    page.route("**/*", lambda r: r.continue_() if is_loopback(r.request.url) else r.abort())
    page.goto(url, wait_until="networkidle")
    raw = sum(len(r.body()) for r in decoded if r.ok)
    sent = 0
    for req in finished:
        sizes = req.sizes()
        sent += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    lazy = [
        r.url
        for r in decoded
        if r.url.endswith(
            ("indeks-pencarian.js", "sastrawi.js", "pencarian-mesin.js", "search_index.json")
        )
    ]
    context.close()
    return {"requests": len(finished), "raw": raw, "sent": sent, "external": external, "lazy": lazy}


def lighthouse(url: str, workdir: Path) -> dict | None:
    """Lighthouse mobile scores (performance, accessibility) and metrics, or None if missing."""
    if not LIGHTHOUSE.is_file() or shutil.which("node") is None:
        return None
    out = workdir / "lighthouse.json"
    args = [
        str(LIGHTHOUSE),
        url,
        f"--chrome-path={find_chromium()}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        "--only-categories=performance,accessibility",
        "--output=json",
        f"--output-path={out}",
        "--quiet",
    ]
    runs = []
    for _ in range(RUNS):
        done = subprocess.run(args, capture_output=True, text=True, timeout=600)
        if done.returncode != 0:
            print(f"  Lighthouse gagal: {done.stderr.strip()[-500:]}")
            return None
        report = json.loads(out.read_text(encoding="utf-8"))
        audits = report["audits"]
        runs.append(
            {
                "performance": round(report["categories"]["performance"]["score"] * 100),
                "accessibility": round(report["categories"]["accessibility"]["score"] * 100),
                "fcp": audits["first-contentful-paint"]["displayValue"],
                "lcp": audits["largest-contentful-paint"]["displayValue"],
                "tbt": audits["total-blocking-time"]["displayValue"],
                "cls": audits["cumulative-layout-shift"]["displayValue"],
            }
        )
    runs.sort(key=lambda r: r["performance"])
    median = dict(runs[len(runs) // 2])
    median["all"] = [r["performance"] for r in runs]
    return median


def goal(ok: bool) -> str:
    return "memenuhi target" if ok else "MELEBIHI target"


def main() -> int:
    from playwright.sync_api import sync_playwright

    for name in ("site", "site-offline"):
        size, count = folder_size(ROOT / name)
        print(f"{name}/: {size / 1024 / 1024:.2f} MiB in {count} files")
    external: list[str] = []
    plain, base = serve_directory(ROOT / "site")
    with (
        tempfile.TemporaryDirectory() as tmp,
        nginx.serve(ROOT / "site", Path(tmp)) as served,
        sync_playwright() as pw,
    ):
        browser = pw.chromium.launch(
            executable_path=find_chromium(), headless=True, args=CHROMIUM_ARGS
        )
        try:
            for path in PAGES:
                name = path or "index.html"
                a = weigh(browser, base + path)
                b = weigh(browser, served + path)
                external += a["external"] + b["external"]
                print(f"== {name}")
                print(
                    f"  tanpa kompresi: {a['requests']} permintaan, {a['raw'] / 1000:.1f} KB "
                    f"({goal(a['raw'] <= GOAL_RAW)} {GOAL_RAW // 1000} KB)"
                )
                print(
                    f"  nginx (.br): {b['sent'] / 1000:.1f} KB terkirim termasuk tajuk "
                    f"({goal(b['sent'] <= GOAL_SERVED)} {GOAL_SERVED // 1000} KB)"
                )
                print(
                    "  indeks pencarian dimuat saat halaman dibuka: "
                    + ("ya" if a["lazy"] else "tidak")
                )
                scores = lighthouse(served + path, Path(tmp))
                if scores is None:
                    print("  Lighthouse: tidak tersedia (make bench memasangnya)")
                    continue
                ok = (
                    scores["performance"] >= GOAL_PERFORMANCE
                    and scores["accessibility"] >= GOAL_ACCESSIBILITY
                )
                print(
                    f"  Lighthouse (mobile, median {RUNS} kali {scores['all']}): "
                    f"kinerja {scores['performance']}, aksesibilitas "
                    f"{scores['accessibility']} ({goal(ok)}); FCP {scores['fcp']}, "
                    f"LCP {scores['lcp']}, TBT {scores['tbt']}, CLS {scores['cls']}"
                )
        finally:
            browser.close()
            plain.shutdown()
    print(f"requests to other hosts: {len(external)}")
    return 1 if external else 0


if __name__ == "__main__":
    sys.exit(main())
