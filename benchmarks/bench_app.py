"""Workshop app: memory of one kernel per tool, and how long tools take to open, alone and at once.

Starts ``selfassess aplikasi`` on a free loopback port, opens each tool in Debian's Chromium and
waits until every form is drawn, then reads the resident memory (VmRSS) of the tool's kernel and of
the server. Then opens N copies of the self-assessment at the same moment (N participants arriving
together) and times until the last one is usable. These are the figures quoted on the trainers'
page (pelatih/server-lokakarya.md). Fails (exit 1) when a kernel needs more than 250 MB or when N
tools opened together are not all usable within 120 s.

Run with ``make bench`` (or ``.venv/bin/python benchmarks/bench_app.py [N]``).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KERNEL_LIMIT_MB = 250
TOGETHER_LIMIT_S = 120.0
READY = """() => {
  const cells = document.getElementById('rendered_cells');
  return !document.getElementById('loading') && cells !== null
    && getComputedStyle(cells).display !== 'none'
    && document.querySelector('script[type="application/vnd.voila.cell-output+json"]') === null
    && document.querySelector('main#isi .jupyter-widgets') !== null;
}"""


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (from /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def kernel_pid(kid: str) -> int:
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if f"kernel-{kid}.json" in (proc / "cmdline").read_bytes().decode(errors="replace"):
                    return int(proc.name)
            except OSError:
                continue
    raise RuntimeError(f"no kernel process {kid}")


def start_app(tmp: Path, args: Sequence[str] = (), log: Path | None = None):
    """Start ``selfassess aplikasi`` on a free loopback port, results in ``tmp``; wait for it.

    Returns the server process and its address.
    """
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "SELFASSESS_DB": str(tmp / "hasil.sqlite"),
           "SELFASSESS_UNDUHAN": str(tmp / "unduhan")}  # fmt: skip
    out = log.open("w") if log else subprocess.DEVNULL
    server = subprocess.Popen(
        [sys.executable, "-m", "selfassess.cli", "aplikasi", "--notebooks",
         str(ROOT / "notebooks"), "--port", str(port), *args],
        env=env, stdout=out, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/"
    for _ in range(300):
        try:
            urllib.request.urlopen(url, timeout=5).close()
            break
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    return server, url


def main() -> int:
    from playwright.sync_api import sync_playwright

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    notebooks = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    with tempfile.TemporaryDirectory(prefix="bench-app-") as tmp:
        server, url = start_app(Path(tmp))
        failed = False
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(
                    executable_path=shutil.which("chromium") or "chromium",
                    args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
                )
                print(f"{'alat':32} {'siap (s)':>9} {'kernel (MB)':>12}")
                page = browser.new_page()
                for name in notebooks:
                    start = time.perf_counter()
                    page.goto(f"{url}voila/render/{name}", wait_until="commit")
                    page.wait_for_function(READY, timeout=120_000)
                    ready = time.perf_counter() - start
                    cfg = page.locator("#jupyter-config-data").text_content() or ""
                    kid = cfg.split('"kernelId": "')[1].split('"')[0]
                    memory = rss_mb(kernel_pid(kid))
                    failed |= memory > KERNEL_LIMIT_MB
                    print(f"{name:32} {ready:9.1f} {memory:12.0f}")
                print(f"{'server (Voilà)':32} {'':9} {rss_mb(server.pid):12.0f}")
                page.close()

                pages = [browser.new_context().new_page() for _ in range(n)]
                start = time.perf_counter()
                for p in pages:
                    p.goto(f"{url}voila/render/01-asesmen-diri.ipynb", wait_until="commit")
                for p in pages:
                    p.wait_for_function(READY, timeout=300_000)
                together = time.perf_counter() - start
                failed |= together > TOGETHER_LIMIT_S
                print(
                    f"{n} x 01-asesmen-diri dibuka serentak: semua siap dalam {together:.1f} s "
                    f"(batas {TOGETHER_LIMIT_S:.0f} s), {os.cpu_count()} inti prosesor"
                )
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=60)
    if failed:
        print(
            f"GAGAL: kernel > {KERNEL_LIMIT_MB} MB atau pembukaan serentak > {TOGETHER_LIMIT_S} s"
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
