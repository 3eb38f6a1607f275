"""The workshop server under abuse, on a real ``selfassess aplikasi`` and real Chromium.

* Kernels: a script that keeps no cookie starts none; a kernel no browser connects to is stopped
  after ``--tunggu-sambungan``; a browser over ``--kernel-per-peramban`` and the app over
  ``--kernel-maks`` get Indonesian pages; kernels with a browser connected are kept.
* Passwords: wrong ones are throttled per client address and for the whole app (the client
  addresses 127.0.0.2-5 are real loopback addresses on Linux).
* Odd addresses (Voilà's file handlers, bad percent-encoding) get the Indonesian page, never
  Tornado's English one or a traceback.
"""

from __future__ import annotations

import http.client
import http.cookiejar
import re
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest

from tests.browser.apptools import LEAKS, kernel_id, kernel_pid, open_tool
from tests.browser.conftest import ROOT, start_app, stop_app

pytestmark = pytest.mark.browser

CONNECT_SECONDS = 6
CULL_INTERVAL = 1.5  # KernelLimits.cull_interval for 6 s
PASSWORD = "sandi-uji-panjang-9"
TOOL = "voila/render/00-mulai.ipynb"


def kernels_of(server) -> list[int]:
    """Process ids of the kernels the app runs now (its ipykernel children)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            parent = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
            if parent == server.process.pid and b"ipykernel" in (proc / "cmdline").read_bytes():
                found.append(int(proc.name))
        except (OSError, ValueError, IndexError):
            continue
    return found


def wait_kernels(server, count: int, timeout: float) -> float:
    """Wait until the app runs ``count`` kernels; return the seconds it took."""
    start = time.monotonic()
    while len(kernels_of(server)) != count:
        assert time.monotonic() - start < timeout, (
            f"{len(kernels_of(server))} kernels after {timeout} s, expected {count}"
        )
        time.sleep(0.2)
    return time.monotonic() - start


def raw_get(server, path: str, source: str = "127.0.0.1", headers: dict | None = None):
    """GET a path exactly as written (no normalising); returns (status, headers, text)."""
    parts = urlsplit(server.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120,
                                      source_address=(source, 0))  # fmt: skip
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.headers, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def assert_indonesian_page(text: str, heading: str | None = None) -> None:
    assert '<html lang="id">' in text, text[:300]
    assert not LEAKS.search(text), LEAKS.search(text)
    if heading is not None:
        assert f"<h1>{heading}</h1>" in text, text[:600]


class CookieBrowser:
    """A script that keeps cookies like a browser but never opens a kernel's websocket."""

    def __init__(self, server) -> None:
        self.server = server
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str) -> tuple[int, str, str]:
        try:
            with self.opener.open(self.server.url + path, timeout=120) as response:
                return response.status, response.geturl(), response.read().decode()
        except urllib.error.HTTPError as err:
            return err.code, err.url, err.read().decode()


@pytest.fixture(scope="module")
def limited_app(tmp_path_factory):
    """The app with small caps: 3 kernels, 2 per browser, 6 s to connect."""
    workdir = tmp_path_factory.mktemp("aplikasi-batas")
    extra = ("--kernel-maks", "3", "--kernel-per-peramban", "2",
             "--tunggu-sambungan", str(CONNECT_SECONDS))  # fmt: skip
    server = start_app(workdir, ROOT / "notebooks", extra=extra)
    yield server
    stop_app(server)


def test_requests_without_a_cookie_start_no_kernel(app_server):
    before = len(kernels_of(app_server))
    for _ in range(10):
        status, headers, _text = raw_get(app_server, "/" + TOOL)
        assert status == 302 and headers["Location"].endswith(f"/{TOOL}?sa_kuki=1")
        assert "Set-Cookie" in headers
    assert len(kernels_of(app_server)) == before
    status, _headers, text = raw_get(app_server, f"/{TOOL}?sa_kuki=1")
    assert status == 400
    assert_indonesian_page(text, "Peramban menolak cookie")
    assert "Izinkan cookie" in text


def test_kernels_no_browser_connects_to_are_stopped(limited_app):
    wait_kernels(limited_app, 0, 30)
    script = CookieBrowser(limited_app)
    status, url, text = script.get(TOOL)
    assert status == 200 and url.endswith("?sa_kuki=1")  # sent back once for the cookie
    assert "jupyter-config-data" in text
    assert len(kernels_of(limited_app)) == 1
    took = wait_kernels(limited_app, 0, CONNECT_SECONDS + CULL_INTERVAL + 15)
    assert took >= CONNECT_SECONDS - 1.5, f"stopped after {took:.1f} s, before its time"
    print(f"never-connected kernel stopped {took:.1f} s after its page was sent")


def test_caps_per_browser_and_in_total_give_indonesian_pages(browser, limited_app):
    wait_kernels(limited_app, 0, 30)
    first = browser.new_context(locale="id-ID")
    second = browser.new_context(locale="id-ID")
    third = browser.new_context(locale="id-ID")
    try:
        one, two, over = first.new_page(), first.new_page(), first.new_page()
        open_tool(one, limited_app.url, "00-mulai.ipynb")
        open_tool(two, limited_app.url, "00-mulai.ipynb")
        response = over.goto(limited_app.url + TOOL, wait_until="domcontentloaded")
        assert response is not None and response.status == 429
        assert response.headers.get("retry-after") == "30"
        assert over.evaluate("document.documentElement.lang") == "id"
        assert over.get_by_role("heading", level=1).inner_text() == "Terlalu banyak alat terbuka"
        assert "sudah membuka 2 alat" in over.inner_text("main")
        assert not LEAKS.search(over.inner_text("body"))

        other = second.new_page()
        open_tool(other, limited_app.url, "00-mulai.ipynb")
        full = third.new_page()
        response = full.goto(limited_app.url + TOOL, wait_until="domcontentloaded")
        assert response is not None and response.status == 503
        assert full.get_by_role("heading", level=1).inner_text() == "Server sedang penuh"
        assert "menjalankan 3 alat" in full.inner_text("main")
        assert not LEAKS.search(full.inner_text("body"))

        # Kernels with a browser connected outlive the wait for a connection.
        kids = [kernel_id(p) for p in (one, two, other)]
        time.sleep(CONNECT_SECONDS + 2 * CULL_INTERVAL + 1)
        assert all(kernel_pid(kid) is not None for kid in kids)

        # A participant leaves a tool: its kernel stops and there is room again.
        one.get_by_role("link", name="Daftar alat").click()
        one.wait_for_load_state("networkidle")
        wait_kernels(limited_app, 2, 20)
        open_tool(full, limited_app.url, "00-mulai.ipynb")
        assert full.title().startswith("Mulai")
    finally:
        for context in (first, second, third):
            context.close()


ODD_PATHS = [
    ("/voila/templates/", 404),
    ("/voila/templates/panduan", 404),
    ("/voila/templates/panduan/x", 404),
    ("/voila/templates/panduan/static/", 404),
    ("/voila/templates/panduan/static/../../../../etc/passwd", 404),
    ("/voila/templates/panduan/static/%2e%2e/conf.json", 404),
    ("/voila/templates/%2e%2e/static/x", 404),
    ("/voila/templates/tidak-ada/static/x.css", 404),
    ("/voila/static/..", 404),
    ("/voila/static/%2e%2e/%2e%2e/etc/passwd", 404),
    ("/voila/static/tidak-ada.js", 404),
    ("/voila/files/%ff", 400),
    ("/voila/files/00-mulai.ipynb", 404),
    ("/voila/render/%2e%2e/", 404),
    ("/voila/render/%2e%2e/%2e%2e/etc/passwd", 404),
    ("/voila/render/%ff", 400),
    ("/voila/render/%", 404),
    ("/voila/render/00-mulai.ipynb%00", 404),
    ("/voila/render/00-mulai.ipynb/x", 404),
    ("/voila/tree/%ff", 400),
    ("/voila/render/" + "a" * 8000, 404),
]


def test_odd_addresses_get_the_indonesian_page_without_a_traceback(app_server):
    log_before = app_server.log.read_text(errors="replace")
    for path, status in ODD_PATHS:
        got, headers, text = raw_get(app_server, path)
        assert got == status, (path, got, text[:200])
        assert headers["Content-Type"].startswith("text/html"), path
        heading = {404: "Halaman tidak ditemukan", 400: None}[status]
        assert_indonesian_page(text, heading)
        if status == 400:
            assert re.search(r"<h1>Alamat tidak dapat dibaca</h1>", text), path
    new_log = app_server.log.read_text(errors="replace")[len(log_before) :]
    assert "Traceback" not in new_log and "Uncaught exception" not in new_log, new_log[-3000:]


def test_real_template_and_static_files_are_still_served(app_server):
    for path in ("/voila/templates/panduan/static/aplikasi.css",
                 "/voila/templates/panduan/static/logo.svg"):  # fmt: skip
        status, _headers, text = raw_get(app_server, path)
        assert status == 200 and len(text) > 100, path


# ── Passwords ──────────────────────────────────────────────────────────────────────────────


@pytest.fixture(scope="module")
def locked_app(tmp_path_factory):
    """The app with a password: 3 wrong passwords per address, 6 in all, per minute."""
    workdir = tmp_path_factory.mktemp("aplikasi-sandi")
    extra = ("--coba-sandi", "3", "--coba-sandi-semua", "6")
    server = start_app(workdir, ROOT / "notebooks", password=PASSWORD, extra=extra)
    yield server
    stop_app(server)


def login(server, password: str, source: str):
    """Fill the password form from a client address (with its xsrf cookie)."""
    _status, headers, text = raw_get(server, "/login", source)
    cookie = re.search(r"_xsrf=([^;]+)", "; ".join(headers.get_all("Set-Cookie"))).group(1)
    token = re.search(r'name="_xsrf" value="([^"]+)"', text).group(1)
    parts = urlsplit(server.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60,
                                      source_address=(source, 0))  # fmt: skip
    try:
        body = urlencode({"_xsrf": token, "password": password})
        conn.request("POST", "/login", body=body, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Cookie": f"_xsrf={cookie}",
        })  # fmt: skip
        response = conn.getresponse()
        return response.status, response.headers, response.read().decode()
    finally:
        conn.close()


def assert_wait_page(status: int, headers, text: str, words: str) -> int:
    assert status == 429, (status, text[:300])
    wait = int(headers["Retry-After"])
    assert 0 < wait <= 60  # never locked for longer than one minute
    assert_indonesian_page(text, "Masuk ke aplikasi lokakarya")
    assert f"Tunggu {wait} detik" in text and words in text
    assert "Kata sandi tidak cocok" not in text
    return wait


def test_wrong_passwords_are_throttled_per_address_and_for_everyone(locked_app):
    # A wrong ?token= counts like a wrong password in the form.
    for _ in range(3):
        status, headers, _ = raw_get(locked_app, "/?token=tebakan", "127.0.0.5")
        assert status == 302 and "/login" in headers["Location"]
    status, headers, text = login(locked_app, PASSWORD, "127.0.0.5")
    assert_wait_page(status, headers, text, "dari komputer atau jaringan Anda")
    # The form itself says so, before anyone types.
    status, _headers, text = raw_get(locked_app, "/login", "127.0.0.5")
    assert status == 200 and "Tunggu" in text

    # Another address is not locked: it logs in, and its wrong passwords count.
    status, headers, _ = login(locked_app, PASSWORD, "127.0.0.3")
    assert status == 302 and "username-" in "; ".join(headers.get_all("Set-Cookie"))
    for _ in range(2):
        status, _headers, text = login(locked_app, "salah-salah", "127.0.0.3")
        assert status == 401 and "Kata sandi tidak cocok" in text
        assert_indonesian_page(text)
    status, headers, text = login(locked_app, "salah-lagi", "127.0.0.2")
    assert status == 401  # the sixth wrong password in this minute

    # Six wrong passwords in a minute from all addresses: everyone waits, even the right one.
    status, headers, text = login(locked_app, PASSWORD, "127.0.0.4")
    assert_wait_page(status, headers, text, "semua percobaan masuk ditunda")
    status, headers, _ = raw_get(locked_app, f"/?token={PASSWORD}", "127.0.0.4")
    assert status == 302 and "/login" in headers["Location"]  # not even checked
