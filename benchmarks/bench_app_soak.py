"""Workshop app under abuse: many render requests that never connect, while real participants work.

Starts ``selfassess aplikasi`` on a free loopback port (only 127.0.0.1 is ever contacted) with
small caps, then, in a bounded loop, fires ``--permintaan`` requests for a tool page from three
threads, rotating four kinds of client:

* ``tanpa-kuki``   a script that keeps no cookie (before the caps: a kernel each; now: no kernel)
* ``satu-kuki``    one script that keeps its cookie (one "browser": capped per browser)
* ``kuki-baru``    a new cookie for every request (many "browsers": capped in total)
* ``putus``        a new cookie, and the page is abandoned half-loaded (like F5 while it loads)

Meanwhile real Chromium participants open tools and stay connected; after the flood two more
open a tool. Every second it samples the kernels alive and the resident memory (VmRSS) of the
server and its kernels. Exit 1 (GAGAL) when kernels exceed the cap, memory exceeds the server plus
cap x 250 MB, a never-connected kernel lives longer than 1.25 x --tunggu-sambungan plus 30 s
(the culling round and loading the page), a connected participant loses a kernel, or a
participant after the flood cannot work.

Run with ``make bench`` (or ``.venv/bin/python benchmarks/bench_app_soak.py``). ``--app-args ""``
runs it against the app's defaults (40 kernels, 3 per browser, 120 s).
"""

from __future__ import annotations

import argparse
import http.client
import http.cookiejar
import shlex
import shutil
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

from bench_app import READY, rss_mb, start_app

ROOT = Path(__file__).resolve().parents[1]
TOOL = "voila/render/00-mulai.ipynb"
KERNEL_MB = 250
#: Seconds a tool page may take to load while the flood runs (two cores).
LOADING_S = 30
KINDS = ("tanpa-kuki", "satu-kuki", "kuki-baru", "putus")


def option(args: list[str], name: str, default: int) -> int:
    """The value of ``--name N`` in the app's arguments, or the app's default."""
    return int(args[args.index(name) + 1]) if name in args else default


def kernels_of(pid: int) -> dict[int, str]:
    """The app's kernels (its ipykernel children): process id -> kernel id."""
    found = {}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            parent = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
            cmdline = (proc / "cmdline").read_bytes().decode(errors="replace")
        except (OSError, ValueError, IndexError):
            continue
        if parent == pid and "ipykernel" in cmdline and "kernel-" in cmdline:
            found[int(proc.name)] = cmdline.split("kernel-")[1].split(".json")[0]
    return found


class Sampler(threading.Thread):
    """Kernels alive and memory (server, server + kernels) once a second; kernel lifetimes."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.start_time = pid, time.monotonic()
        self.samples: list[tuple[float, int, float, float]] = []
        self.seen: dict[str, list[float]] = {}  # kernel id -> [first seen, last seen]
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            kids = kernels_of(self.pid)
            now = time.monotonic() - self.start_time
            for kid in kids.values():
                self.seen.setdefault(kid, [now, now])[1] = now
            server = rss_mb(self.pid)
            total = server + sum(rss_mb(k) for k in kids)
            self.samples.append((now, len(kids), server, total))
            self.stopped.wait(1.0)


def request(url: str, kind: str, shared: urllib.request.OpenerDirector) -> str:
    """One page request of the given kind; returns its outcome (HTTP status or 'putus')."""
    if kind == "tanpa-kuki":
        host, port = url.split("//")[1].split("/")[0].split(":")
        conn = http.client.HTTPConnection(host, int(port), timeout=120)
        try:
            conn.request("GET", "/" + TOOL)
            response = conn.getresponse()
            response.read()
            return str(response.status)
        finally:
            conn.close()
    opener = shared if kind == "satu-kuki" else new_opener()
    try:
        with opener.open(url + TOOL, timeout=120) as response:
            if kind == "putus":  # the first bytes of the page, then the tab is gone
                response.read(2048)
                return f"{response.status}, putus"
            response.read()
            return str(response.status)
    except urllib.error.HTTPError as err:
        err.read()
        return str(err.code)


def new_opener() -> urllib.request.OpenerDirector:
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def flood(url: str, count: int, threads: int = 3) -> Counter:
    """``count`` requests from ``threads`` threads, the kinds in turn; outcomes per kind."""
    outcomes: Counter = Counter()
    lock = threading.Lock()
    shared = new_opener()

    def work(offset: int) -> None:
        for n in range(offset, count, threads):
            kind = KINDS[n % len(KINDS)]
            result = request(url, kind, shared)
            with lock:
                outcomes[(kind, result)] += 1

    workers = [threading.Thread(target=work, args=(i,)) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return outcomes


def open_participant(browser, url: str) -> tuple[object, str | None, int]:
    """A participant opens the self-assessment; returns (page, kernel id or None, status)."""
    page = browser.new_context(locale="id-ID").new_page()
    response = page.goto(url + "voila/render/01-asesmen-diri.ipynb", wait_until="commit")
    status = response.status if response is not None else 0
    if status != 200:
        return page, None, status
    page.wait_for_function(READY, timeout=180_000)
    config = page.locator("#jupyter-config-data").text_content() or ""
    return page, config.split('"kernelId": "')[1].split('"')[0], status


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--permintaan", type=int, default=160, help="flood requests in all")
    parser.add_argument("--peserta", type=int, default=4, help="participants during the flood")
    parser.add_argument(
        "--app-args",
        default="--kernel-maks 12 --kernel-per-peramban 3 --tunggu-sambungan 20",
        help="options for selfassess aplikasi",
    )
    parser.add_argument("--log", type=Path, help="keep the server's log in this file")
    opts = parser.parse_args()
    app_args = shlex.split(opts.app_args)
    cap = option(app_args, "--kernel-maks", 40)
    connect = option(app_args, "--tunggu-sambungan", 120)
    # Culled at most a quarter of the wait after it (the culling round), plus loading the page.
    lifetime = 1.25 * connect + LOADING_S

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-soak-") as tmp:
        log = Path(tmp) / "aplikasi.log"
        server, url = start_app(Path(tmp), app_args, log)
        sampler = Sampler(server.pid)
        sampler.start()
        time.sleep(1.5)
        base_server = sampler.samples[-1][2]
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(
                    executable_path=shutil.which("chromium") or "chromium",
                    args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
                )
                outcomes: Counter = Counter()
                flooder = threading.Thread(
                    target=lambda: outcomes.update(flood(url, opts.permintaan))
                )
                start = time.monotonic()
                flooder.start()
                during, kept, pages = [], [], []  # the pages stay open: connected participants
                for _ in range(opts.peserta):
                    time.sleep(5)
                    page, kid, status = open_participant(browser, url)
                    during.append(status)
                    pages.append(page)
                    if kid:
                        kept.append(kid)
                flooder.join()
                flood_end = time.monotonic()
                flood_seconds = flood_end - start
                # The never-connected kernels go; the participants' stay.
                deadline = flood_end + lifetime
                while time.monotonic() < deadline and len(kernels_of(server.pid)) > len(kept):
                    time.sleep(1)
                alive = len(kernels_of(server.pid))
                culled_after = time.monotonic() - flood_end
                connected_alive = all(kid in kernels_of(server.pid).values() for kid in kept)
                later = [open_participant(browser, url) for _ in range(2)]
                after = [status for _page, _kid, status in later]
                participants = kept + [kid for _page, kid, _status in later if kid]
                browser.close()
        finally:
            sampler.stopped.set()
            sampler.join()
            server.terminate()
            server.wait(timeout=60)
            log_text = log.read_text(errors="replace")
            if opts.log:
                opts.log.write_text(log_text)

    samples = sampler.samples
    print(f"{'t (s)':>6} {'kernel':>7} {'server (MB)':>12} {'server+kernel (MB)':>19}")
    for t, kernels, srv, total in samples[::5]:
        print(f"{t:6.0f} {kernels:7d} {srv:12.0f} {total:19.0f}")
    max_kernels = max(s[1] for s in samples)
    max_total = max(s[3] for s in samples)
    max_server = max(s[2] for s in samples)
    lives = [b - a for kid, (a, b) in sampler.seen.items() if kid not in participants]
    longest = max(lives, default=0.0)
    errors = log_text.count(" 500 GET ") + log_text.count("Traceback")
    memory_limit = base_server + 100 + cap * KERNEL_MB
    print(f"Permintaan: {opts.permintaan} dalam {flood_seconds:.0f} s ({' '.join(app_args)})")
    for kind in KINDS:
        counts = ", ".join(f"{r}: {n}" for (k, r), n in sorted(outcomes.items()) if k == kind)
        print(f"  {kind:11} {counts}")
    print(f"Kernel paling banyak: {max_kernels} (batas {cap})")
    print(f"Memori paling tinggi: server {max_server:.0f} MB, server+kernel {max_total:.0f} MB "
          f"(batas {memory_limit:.0f} MB)")  # fmt: skip
    print(f"Setelah banjir permintaan: {alive} kernel tersisa setelah {culled_after:.0f} s "
          f"({len(kept)} peserta tersambung; batas {lifetime:.0f} s)")  # fmt: skip
    print(
        f"Kernel tanpa sambungan: {len(lives)}, hidup paling lama {longest:.0f} s "
        f"(--tunggu-sambungan {connect} s); galat 500 atau traceback di log server: {errors}"
    )
    print(f"Peserta selama banjir: {during}; peserta sesudahnya: {after}; "
          f"kernel peserta tersambung tetap hidup: {connected_alive}")  # fmt: skip
    failed = (
        max_kernels > cap
        or max_total > memory_limit
        or alive > len(kept)
        or longest > lifetime
        or errors
        or not connected_alive
        or after != [200, 200]
    )
    if errors:
        first = log_text.find("Traceback")
        print(log_text[max(0, first - 400) : first + 3000] if first >= 0 else log_text[-3000:])
    if failed:
        print("GAGAL: kernel atau memori melewati batas, kernel tanpa sambungan tidak dihentikan, "
              "atau peserta tidak dapat bekerja")  # fmt: skip
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
