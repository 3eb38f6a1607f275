"""The workshop app in real Chromium: landing page, every tool, errors, password, lost connection.

The app is started the way ``make app`` starts it (``selfassess aplikasi``) on a free loopback port,
with its results file in a temporary folder. Every request outside this machine is blocked and
recorded by ``guarded_page``.
"""

from __future__ import annotations

import json
import time

import pytest

from tests.browser.apptools import (
    APP_NAME,
    LEAKS,
    assert_clean_tool,
    kernel_id,
    kernel_pid,
    kill_kernel,
    open_tool,
    wait_tool_ready,
)
from tests.browser.conftest import FAILING_APP_PASSWORD as PASSWORD
from tests.browser.conftest import ROOT

pytestmark = pytest.mark.browser

NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))

#: The title each known tool has on the landing page (the catalogue in tree.html).
TITLES = {
    "00-mulai.ipynb": "Mulai: kesiapan dan kode peserta",
    "01-asesmen-diri.ipynb": "Asesmen diri coach dan mentor",
    "02-tujuan-smart.ipynb": "Tujuan SMART dan rencana coaching",
    "03-evaluasi-pelatihan.ipynb": "Evaluasi pelatihan",
    "04-rekap-pelatih.ipynb": "Rekap angkatan",
    "05-umpan-balik-pegawai.ipynb": "Umpan balik pegawai untuk atasan",
}


def heading(notebook: str) -> str:
    """The notebook's first Markdown heading, as the tool page shows it in its title."""
    cells = json.loads((ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))["cells"]
    source = "".join(next(c for c in cells if c["cell_type"] == "markdown")["source"])
    line = next(x for x in source.splitlines() if x.startswith("# "))
    return line[2:].replace("*", "").replace("`", "").replace("_", " ").strip()


def assert_offline(traffic) -> None:
    assert traffic.requests > 0, "requests were routed through the recorder"
    assert traffic.external == []
    assert traffic.console_errors == [] and traffic.page_errors == []


def test_landing_page_lists_every_tool_in_indonesian(guarded_page, app_server, site_url):
    page, traffic = guarded_page
    response = page.goto(app_server.url, wait_until="networkidle")
    assert response is not None and response.ok
    assert page.evaluate("document.documentElement.lang") == "id"
    assert page.title() == f"Daftar alat · {APP_NAME}"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Alat lokakarya")
    assert "00-mulai.ipynb" in NOTEBOOKS
    for notebook in NOTEBOOKS:
        link = page.locator(f'a[href$="voila/render/{notebook}"]')
        assert link.count() == 1, f"{notebook} is not on the landing page"
        if notebook in TITLES:
            assert link.inner_text() == TITLES[notebook]
    # No file listing: the page shows titles, not file names.
    assert ".ipynb" not in page.inner_text("main")
    guide = page.get_by_role("navigation", name="Navigasi aplikasi").get_by_role("link")
    assert guide.filter(has_text="Panduan").get_attribute("href") == site_url
    assert_offline(traffic)


def test_every_tool_opens_from_the_landing_page_with_code_hidden(guarded_page, app_server):
    page, traffic = guarded_page
    page.goto(app_server.url, wait_until="networkidle")
    for notebook in NOTEBOOKS:
        page.locator(f'a[href$="voila/render/{notebook}"]').click()
        wait_tool_ready(page)
        assert page.url.endswith(f"voila/render/{notebook}")
        assert page.title() == f"{heading(notebook)} · {APP_NAME}"
        assert_clean_tool(page, ROOT / "notebooks" / notebook)
        assert page.locator("main#isi .jupyter-widgets").count() > 0, f"{notebook}: no widgets"
        page.get_by_role("link", name="Daftar alat").click()
        page.wait_for_load_state("networkidle")
        assert page.title().startswith("Daftar alat")
    assert_offline(traffic)


def test_welcome_tool_checks_the_participant_code_in_the_browser(guarded_page, app_server):
    page, traffic = guarded_page
    open_tool(page, app_server.url, "00-mulai.ipynb")
    code = page.get_by_label("Kode peserta")
    code.fill("1234567890123456")
    page.get_by_role("button", name="Periksa kode").click()
    alert = page.get_by_role("alert").filter(has_text="Kode peserta")
    alert.wait_for()
    assert "NIP" in alert.inner_text()
    code.fill("mawar-12")
    page.get_by_role("button", name="Periksa kode").click()
    page.get_by_text("Kode MAWAR-12 dapat dipakai").wait_for()
    assert_clean_tool(page)
    assert_offline(traffic)


def test_guide_link_opens_the_guide_page_of_the_tool(guarded_page, app_server, site_url):
    page, traffic = guarded_page
    page.goto(app_server.url, wait_until="networkidle")
    card = page.locator(".sa-kartu").filter(has_text=TITLES["00-mulai.ipynb"])
    with page.context.expect_page() as popup:
        card.get_by_role("link", name="Baca panduannya").click()
    guide = popup.value
    guide.wait_for_load_state("networkidle")
    assert guide.url == site_url + "alat/"
    assert guide.locator("h1").first.is_visible()
    assert_offline(traffic)


def test_template_and_theme_cannot_be_switched_from_the_address(guarded_page, app_server):
    page, traffic = guarded_page
    page.goto(
        f"{app_server.url}voila/render/00-mulai.ipynb?template=lab&theme=dark",
        wait_until="domcontentloaded",
    )
    wait_tool_ready(page)
    assert page.locator("header.sa-kepala").is_visible()
    page.goto(f"{app_server.url}?classic-tree=false", wait_until="networkidle")
    assert page.title().startswith("Daftar alat")
    assert_offline(traffic)


def test_unknown_address_gets_an_indonesian_page(guarded_page, app_server):
    page, traffic = guarded_page
    for path in ("tidak-ada", "voila/render/tidak-ada.ipynb", "voila/tree/tidak-ada"):
        response = page.goto(app_server.url + path, wait_until="networkidle")
        assert response is not None and response.status == 404, path
        assert page.evaluate("document.documentElement.lang") == "id"
        assert page.get_by_role("heading", level=1).inner_text() == "Halaman tidak ditemukan"
        assert not LEAKS.search(page.inner_text("body")), path
        page.get_by_role("link", name="Kembali ke daftar alat").click()
        page.wait_for_load_state("networkidle")
        assert page.title().startswith("Daftar alat")
    assert traffic.external == []


def test_leaving_a_tool_stops_its_kernel(guarded_page, app_server):
    page, traffic = guarded_page
    open_tool(page, app_server.url, "00-mulai.ipynb")
    kid = kernel_id(page)
    assert kernel_pid(kid) is not None
    page.get_by_role("link", name="Daftar alat").click()
    page.wait_for_load_state("networkidle")
    deadline = time.monotonic() + 20
    while kernel_pid(kid) is not None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert kernel_pid(kid) is None, "the kernel kept running after the participant left"
    assert_offline(traffic)


def test_lost_kernel_tells_the_participant_to_reload(guarded_page, app_server):
    page, traffic = guarded_page
    open_tool(page, app_server.url, "00-mulai.ipynb")
    banner = page.locator("#sa-terputus")
    assert banner.is_hidden()
    kill_kernel(kernel_id(page))
    banner.wait_for(state="visible", timeout=30_000)
    assert banner.get_attribute("role") == "alert"
    assert "Muat ulang halaman" in banner.inner_text()
    assert "tetap aman" in banner.inner_text()
    banner.get_by_role("button", name="Muat ulang halaman").click()
    wait_tool_ready(page)
    assert page.locator("#sa-terputus").is_hidden()
    assert_clean_tool(page)
    assert traffic.external == []


# ── A second server: password, and notebooks that fail ─────────────────────────────────────


def test_password_form_is_indonesian_and_required(guarded_page, failing_app):
    page, traffic = guarded_page
    page.goto(failing_app.url, wait_until="networkidle")
    assert "/login" in page.url
    assert page.evaluate("document.documentElement.lang") == "id"
    assert page.get_by_role("heading", level=1).inner_text() == "Masuk ke aplikasi lokakarya"
    page.get_by_label("Kata sandi").fill("salah")
    page.get_by_role("button", name="Masuk").click()
    page.get_by_role("alert").wait_for()
    assert "Kata sandi tidak cocok" in page.get_by_role("alert").inner_text()
    assert not LEAKS.search(page.inner_text("body"))
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_load_state("networkidle")
    assert page.title().startswith("Daftar alat")
    assert page.get_by_role("heading", name="Alat lain").is_visible()
    assert traffic.external == []


def _login(page, server) -> None:
    page.goto(f"{server.url}?token={PASSWORD}", wait_until="networkidle")
    assert page.title().startswith("Daftar alat")


@pytest.mark.parametrize("notebook", ["galat.ipynb", "mati.ipynb"])
def test_failing_cell_shows_indonesian_message_without_traceback(
    guarded_page, failing_app, notebook
):
    page, traffic = guarded_page
    _login(page, failing_app)
    open_tool(page, failing_app.url, notebook)
    message = page.locator(".jp-OutputArea-output.sa-pesan-galat")
    assert message.count() == 1
    assert message.get_attribute("role") == "alert"
    assert message.inner_text().startswith("Bagian alat ini gagal dijalankan.")
    body = page.inner_text("body")
    assert "rahasia-dalam" not in body and "RuntimeError" not in body
    assert not LEAKS.search(body)
    assert traffic.external == []


@pytest.mark.parametrize(
    ("notebook", "status"), [("tanpa-kernel.ipynb", 500), ("rusak.ipynb", 400)]
)
def test_notebook_that_cannot_start_gets_an_indonesian_error_page(
    guarded_page, failing_app, notebook, status
):
    page, traffic = guarded_page
    _login(page, failing_app)
    response = page.goto(f"{failing_app.url}voila/render/{notebook}", wait_until="networkidle")
    assert response is not None and response.status == status
    assert page.evaluate("document.documentElement.lang") == "id"
    assert "Alat ini tidak dapat dibuka saat ini" in page.inner_text("main")
    assert not LEAKS.search(page.inner_text("body"))
    assert traffic.external == []


def test_participants_app_does_not_offer_the_trainer_recap(guarded_page, failing_app):
    page, traffic = guarded_page
    _login(page, failing_app)
    assert (failing_app.notebooks / "04-rekap-pelatih.ipynb").is_file()
    assert page.locator('a[href*="04-rekap-pelatih"]').count() == 0
    assert "Rekap angkatan" not in page.inner_text("main")
    assert page.locator('a[href$="voila/render/galat.ipynb"]').count() == 1
    for path in ("voila/render/04-rekap-pelatih.ipynb", "voila/render/04-rekap-pelatih.ipynb/"):
        response = page.goto(failing_app.url + path, wait_until="networkidle")
        assert response is not None and response.status == 404, path
        assert page.get_by_role("heading", level=1).inner_text() == "Halaman tidak ditemukan"
    assert traffic.external == []


def test_screenshot_script_captures_the_app(tmp_path):
    """``make screenshots`` runs scripts/screenshots.py; here two pictures, into a temp folder."""
    import subprocess
    import sys

    from PIL import Image

    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "screenshots.py"), "--out", str(tmp_path),
         "--only", "beranda", "mulai"],
        capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("beranda", "mulai"):
        with Image.open(tmp_path / f"{name}.png") as image:
            assert image.size == (1280, 860)
            assert len(image.getcolors(256) or []) > 8  # a real page, not a blank picture
