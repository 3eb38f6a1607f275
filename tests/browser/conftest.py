"""Real Debian Chromium, driven by Playwright, with every non-loopback request blocked and recorded.

The browser is required: when none is found the tests fail (they never skip), with a message that
says how to install one. ``make test`` installs Debian's ``chromium`` when run as root.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.sitecheck import built_site

ROOT = Path(__file__).resolve().parents[2]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def find_chromium() -> str | None:
    """``$SELFASSESS_CHROMIUM``, then Debian's chromium, then other common names."""
    env = os.environ.get("SELFASSESS_CHROMIUM")
    if env:
        return env
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.fixture(scope="session", autouse=True)
def _axe_report():
    """Write the axe counts of the session when SELFASSESS_AXE_REPORT is set (see a11y.py)."""
    yield
    from tests.browser.a11y import write_report

    write_report()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    from playwright.sync_api import sync_playwright

    executable = find_chromium()
    with sync_playwright() as pw:
        if executable is None:
            bundled = Path(pw.chromium.executable_path)
            if not bundled.exists():
                pytest.fail(
                    "No Chromium found. Install Debian's `chromium` (make test does this as root) "
                    "or set SELFASSESS_CHROMIUM; with internet, `playwright install chromium`."
                )
            executable = str(bundled)
        b = pw.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@dataclass
class Traffic:
    """What one page saw: blocked external requests, console errors, page errors."""

    external: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: int = 0


def is_loopback(url: str) -> bool:
    """True for URLs that stay on this machine (or are not network requests at all)."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https", "ws", "wss"}:
        return True  # file:, data:, blob:, about:, chrome-extension:
    host = (parts.hostname or "").lower()
    return host in LOOPBACK or host.startswith("127.")


def guard(context) -> Traffic:
    """Abort and record every non-loopback request of a browser context (and its pages)."""
    traffic = Traffic()

    def route(r):
        url = r.request.url
        traffic.requests += 1
        if is_loopback(url):
            r.continue_()
        else:
            traffic.external.append(url)
            r.abort()

    def watch(page):
        page.on("request", lambda req: on_request(req))
        page.on(
            "console",
            lambda m: traffic.console_errors.append(m.text) if m.type == "error" else None,
        )
        page.on("pageerror", lambda e: traffic.page_errors.append(str(e)))

    def on_request(req):
        if not is_loopback(req.url) and req.url not in traffic.external:
            traffic.external.append(req.url)

    context.route("**/*", route)
    context.on("page", watch)
    return traffic


@pytest.fixture
def guarded_page(browser) -> Iterator[tuple[object, Traffic]]:
    """A page in a fresh context; external requests are aborted and recorded."""
    context = browser.new_context(locale="id-ID")
    traffic = guard(context)
    page = context.new_page()
    yield page, traffic
    context.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve_directory(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve a folder on 127.0.0.1 at a free port; returns the server and its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def site_url() -> Iterator[str]:
    """The publishable build (site/) served over HTTP on loopback."""
    server, url = serve_directory(built_site("site"))
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def offline_root() -> Path:
    """The file-share build (site-offline/)."""
    return built_site("site-offline")


# ── The workshop app (Voilà), started the way `make app` starts it ─────────────────────────────


@dataclass
class AppServer:
    """A running ``selfassess aplikasi``: its address, results file and log."""

    url: str
    db: Path
    notebooks: Path
    log: Path
    process: object = None
    password: str = ""

    @property
    def downloads(self) -> Path:
        """Where the app writes a copy of every file offered for download."""
        return self.db.parent / "unduhan"

    def rows(self, kind: str | None = None) -> int:
        """Rows in the results file (optionally of one kind), read with plain sqlite3."""
        import sqlite3

        if not self.db.exists():
            return 0
        with sqlite3.connect(self.db) as conn:
            if kind is None:
                return conn.execute("SELECT COUNT(*) FROM submissions").fetchone()[0]
            return conn.execute(
                "SELECT COUNT(*) FROM submissions WHERE kind = ?", (kind,)
            ).fetchone()[0]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_app(
    workdir: Path,
    notebooks: Path,
    *,
    password: str = "",
    env: dict[str, str] | None = None,
    extra: tuple[str, ...] = (),
) -> AppServer:
    """Start ``selfassess aplikasi`` on a free loopback port and wait until it answers."""
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request

    port = free_port()
    db = workdir / "hasil.sqlite"
    log = workdir / "aplikasi.log"
    args = [sys.executable, "-m", "selfassess.cli", "aplikasi", "--notebooks", str(notebooks)]
    args += ["--port", str(port), "--hasil", str(db)]
    if password:
        args += ["--sandi", password]
    args += extra
    handle = log.open("w")
    process = subprocess.Popen(
        args,
        cwd=workdir,
        env={**os.environ, "SELFASSESS_UNDUHAN": str(workdir / "unduhan"), **(env or {})},
        stdout=handle,
        stderr=subprocess.STDOUT,
    )
    server = AppServer(f"http://127.0.0.1:{port}/", db, notebooks, log, process, password)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"selfassess aplikasi stopped at start:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(server.url, timeout=5):
                return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    stop_app(server)
    pytest.fail(f"selfassess aplikasi did not answer within 90 s:\n{log.read_text()}")


def stop_process(process, timeout: float = 30) -> None:
    """Stop a child process we started: SIGTERM, then SIGKILL after ``timeout`` seconds."""
    import subprocess

    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def stop_app(server: AppServer) -> None:
    """Stop the server and its kernels (SIGTERM, then SIGKILL)."""
    stop_process(server.process)


@pytest.fixture(scope="session")
def app_server(tmp_path_factory, site_url) -> Iterator[AppServer]:
    """The app on notebooks/, results in a temporary file, guide links pointing at site/."""
    workdir = tmp_path_factory.mktemp("aplikasi")
    server = start_app(workdir, ROOT / "notebooks", env={"SELFASSESS_PANDUAN_URL": site_url})
    yield server
    stop_app(server)


def _notebook(
    path: Path, title: str, code: str, kernel: str = "python3", language: str = "python"
) -> None:
    cells = [
        {"cell_type": "markdown", "id": "judul", "metadata": {}, "source": f"# {title}"},
        {
            "cell_type": "code",
            "id": "kode",
            "metadata": {},
            "source": code,
            "outputs": [],
            "execution_count": None,
        },
    ]
    spec = {"name": kernel, "display_name": kernel, "language": language}
    path.write_text(
        json.dumps(
            {"cells": cells, "metadata": {"kernelspec": spec}, "nbformat": 4, "nbformat_minor": 5}
        ),
        encoding="utf-8",
    )


FAILING_APP_PASSWORD = "uji-sandi-7"


@pytest.fixture(scope="session")
def failing_app(tmp_path_factory):
    """A participants-only app with a password over notebooks that fail in every way we know,
    and a copy of the trainer's recap (which it must not offer)."""
    workdir = tmp_path_factory.mktemp("aplikasi-gagal")
    folder = workdir / "notebooks"
    folder.mkdir()
    _notebook(folder / "galat.ipynb", "Alat yang galat", "raise RuntimeError('rahasia-dalam')")
    _notebook(folder / "mati.ipynb", "Kernel yang mati", "import os\nos._exit(1)")
    _notebook(folder / "tanpa-kernel.ipynb", "Tanpa kernel", "1", "tidak-ada", "cobol")
    (folder / "rusak.ipynb").write_text("{ bukan JSON", encoding="utf-8")
    shutil.copy(ROOT / "notebooks" / "04-rekap-pelatih.ipynb", folder)
    server = start_app(workdir, folder, password=FAILING_APP_PASSWORD, extra=("--peserta-saja",))
    yield server
    stop_app(server)
