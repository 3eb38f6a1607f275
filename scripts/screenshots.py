"""Real screenshots of the workshop app's tools and of the guide's own tools, for the Alat pages.

Starts ``selfassess aplikasi`` on a free loopback port with a throw-away results file, drives
Debian's Chromium (1280 px wide) through each tool the way a participant would, and writes small
palette PNGs to ``docs/assets/img/alat/``. Run with ``make screenshots``; commit the PNGs.

    python scripts/screenshots.py [--out FOLDER] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import io
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from peramban import chromium
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "assets" / "img" / "alat"
WIDTH, HEIGHT = 1280, 860
READY = """() => {
  const cells = document.getElementById('rendered_cells');
  return !document.getElementById('loading') && cells !== null
    && getComputedStyle(cells).display !== 'none'
    && document.querySelector('script[type="application/vnd.voila.cell-output+json"]') === null;
}"""


def start_app(workdir: Path) -> tuple[subprocess.Popen, str]:
    """``selfassess aplikasi`` on a free port; returns the process and its address."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {
        **os.environ,
        "SELFASSESS_DB": str(workdir / "hasil.sqlite"),
        "SELFASSESS_UNDUHAN": str(workdir / "unduhan"),
        "SELFASSESS_PANDUAN_URL": "http://intranet.instansi.go.id/panduan-coaching/",
    }
    args = [sys.executable, "-m", "selfassess.cli", "aplikasi", "--notebooks"]
    args += [str(ROOT / "notebooks"), "--port", str(port)]
    log = (workdir / "aplikasi.log").open("w")
    process = subprocess.Popen(args, env=env, cwd=workdir, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    for _ in range(300):
        try:
            with urllib.request.urlopen(url, timeout=5):
                return process, url
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    process.terminate()
    sys.exit((workdir / "aplikasi.log").read_text())


def open_tool(page, url: str, notebook: str) -> None:
    page.goto(f"{url}voila/render/{notebook}", wait_until="domcontentloaded")
    page.wait_for_function(READY, timeout=120_000)
    page.wait_for_load_state("networkidle")


def tick_all(scope, choices: list[int]) -> None:
    """Tick one radio button in every radio group inside ``scope``."""
    groups = scope.locator(".widget-radio")
    for n in range(groups.count()):
        radios = groups.nth(n).locator("input[type=radio]")
        radios.nth(min(choices[n % len(choices)], radios.count() - 1)).check()


def save_png(png: bytes, target: Path) -> None:
    """Write a screenshot as a 256-colour palette PNG (text stays sharp, files stay small)."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        target, optimize=True
    )


def shoot(page, target: Path, element=None) -> None:
    """A viewport-sized picture, scrolled to ``element`` when given."""
    if element is not None:
        # Voilà's page scrolls inside its own panel below the app header: bring the element to
        # the top of that panel, keep the header in view, and leave a little space above.
        page.evaluate(
            """(el) => { el.scrollIntoView({block: 'start'}); window.scrollTo(0, 0);
                let box = el.parentElement;
                while (box && box.scrollHeight <= box.clientHeight) { box = box.parentElement; }
                if (box) { box.scrollTop -= 16; } }""",
            element.element_handle(),
        )
    page.wait_for_timeout(300)
    save_png(page.screenshot(), target)


# ── one function per picture ───────────────────────────────────────────────────────────────────


def beranda(page, url: str, out: Path) -> None:
    page.goto(url, wait_until="networkidle")
    shoot(page, out / "beranda.png")


def mulai(page, url: str, out: Path) -> None:
    open_tool(page, url, "00-mulai.ipynb")
    page.get_by_label("Kode peserta").fill("mawar-12")
    page.get_by_role("button", name="Periksa kode").click()
    page.get_by_text("Kode MAWAR-12 dapat dipakai").wait_for()
    shoot(page, out / "mulai.png", page.locator("table").first)


def asesmen_diri(page, url: str, out: Path) -> None:
    open_tool(page, url, "01-asesmen-diri.ipynb")
    page.get_by_label("Kode peserta").fill("MAWAR-12")
    page.get_by_label("Fase").select_option(label="Sebelum pelatihan")
    tab = page.locator(".widget-tab-contents > .widget-container").filter(visible=True).first
    tick_all(tab, [3, 4, 2, 3, 1, 4, 3, 2])
    tab.get_by_role("button", name="Hitung").click()
    tab.get_by_text("Skor dihitung.").wait_for()
    shoot(page, out / "asesmen-diri.png", tab.locator(".sa-hasil"))


def tujuan_smart(page, url: str, out: Path) -> None:
    open_tool(page, url, "02-tujuan-smart.ipynb")
    deadline = (date.today() + timedelta(days=120)).strftime("%d/%m/%Y")
    fields = {
        "Tujuan": "Meningkatkan ketepatan waktu jawaban surat masuk di Bagian Umum",
        "Indikator keberhasilan": "persentase surat yang dijawab dalam 3 hari kerja",
        "Target": "dari 60% menjadi 90%",
        "Tenggat": deadline,
        "Dukungan dan sumber daya": "pendampingan Kasubbag 1 jam per minggu",
    }
    for label, value in fields.items():
        page.get_by_label(label, exact=True).fill(value)
    page.locator(".sa-kalimat").wait_for()
    page.wait_for_timeout(800)
    shoot(page, out / "tujuan-smart.png", page.get_by_label("Tujuan", exact=True))


def evaluasi_pelatihan(page, url: str, out: Path) -> None:
    open_tool(page, url, "03-evaluasi-pelatihan.ipynb")
    form = page.locator(".jp-OutputArea-output").filter(has_text="Tahap tes")
    form.get_by_label("Kode peserta").fill("MAWAR-12")
    form.get_by_role("button", name="Sebelum pelatihan", exact=True).click()
    tick_all(form, [0, 1, 2])
    shoot(page, out / "evaluasi-pelatihan.png", form)


def rekap_pelatih(page, url: str, out: Path) -> None:
    sample = ROOT / "tests" / "data" / "angkatan-contoh"
    open_tool(page, url, "04-rekap-pelatih.ipynb")
    page.get_by_role("button", name="Berkas", exact=True).click()
    page.get_by_label("Lokasi survei reaksi").fill(str(sample / "reaksi-google-forms.csv"))
    page.get_by_label("Lokasi tes sebelum").fill(str(sample / "pretes-google-sheets.csv"))
    page.get_by_label("Lokasi tes sesudah").fill(str(sample / "postes-microsoft-forms.xlsx"))
    page.get_by_label("Kolom kelompok").fill("Unit kerja")
    page.get_by_role("button", name="Hitung").click()
    page.get_by_text("Rekap selesai dihitung").wait_for(timeout=60_000)
    shoot(page, out / "rekap-pelatih.png", page.get_by_role("heading", name="Angka utama"))


def umpan_balik_pegawai(page, url: str, out: Path) -> None:
    open_tool(page, url, "05-umpan-balik-pegawai.ipynb")
    page.get_by_label("Kode atasan").fill("MAWAR-12")
    shoot(page, out / "umpan-balik-pegawai.png", page.get_by_label("Kode atasan"))


# ── the guide's own browser tools, on the built site (make site) ─────────────────────────────


def _site_tool(page, site: str, instrument_id: str) -> None:
    page.goto(f"{site}alat/{instrument_id}/", wait_until="networkidle")
    page.locator(".alat--siap").wait_for()


def _answer(page, seed: int, shift: int = 0) -> None:
    """Tick every question of the tool on screen, as a reader would (deterministic answers)."""
    import random

    rng = random.Random(seed)
    for name in page.eval_on_selector_all(
        ".alat-formulir fieldset", "els => els.map(e => e.id.replace('butir-', ''))"
    ):
        value = min(5, max(1, rng.randint(1, 4) + shift))
        page.locator(f"input[name='{name}'][value='{value}']").check()
    page.get_by_role("button", name="Hitung", exact=True).click()


def _site_shot(page, target: Path, element) -> None:
    element.scroll_into_view_if_needed()
    page.evaluate("(el) => { el.scrollIntoView({block: 'start'}); window.scrollBy(0, -72); }",
                  element.element_handle())  # fmt: skip
    page.wait_for_timeout(300)
    save_png(page.screenshot(), target)


def cek_kendala(page, site: str, out: Path) -> None:
    _site_tool(page, site, "cek-kendala")
    _answer(page, 7)
    _site_shot(page, out / "cek-kendala.png", page.locator(".alat-hasil h2"))


def riwayat_asesmen(page, site: str, out: Path) -> None:
    _site_tool(page, site, "kompetensi-coaching")
    for shift, day in enumerate(["2025-01-15", "2025-04-14", "2025-07-21"]):
        _answer(page, 3, shift)
        page.get_by_label("Tanggal pengisian").fill(day)
        page.get_by_role("button", name="Simpan ke riwayat").click()
    _site_shot(page, out / "riwayat-asesmen.png", page.locator(".alat-riwayat h2"))


#: Pictures of the guide's own tools, taken on the built site.
SITE_SHOTS: dict[str, Callable] = {
    "cek-kendala": cek_kendala,
    "riwayat-asesmen": riwayat_asesmen,
}

SHOTS: dict[str, Callable] = {
    "beranda": beranda,
    "mulai": mulai,
    "asesmen-diri": asesmen_diri,
    "tujuan-smart": tujuan_smart,
    "evaluasi-pelatihan": evaluasi_pelatihan,
    "rekap-pelatih": rekap_pelatih,
    "umpan-balik-pegawai": umpan_balik_pegawai,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    every = sorted({*SHOTS, *SITE_SHOTS})
    parser.add_argument("--only", nargs="*", choices=every, default=every)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    site_names = [n for n in args.only if n in SITE_SHOTS]
    if site_names:
        shoot_site(site_names, args.out, sync_playwright)
    app_names = [n for n in args.only if n in SHOTS]
    if not app_names:
        return 0
    args.only = app_names
    with tempfile.TemporaryDirectory(prefix="tangkapan-") as tmp:
        process, url = start_app(Path(tmp))
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(
                    executable_path=chromium(), args=["--no-sandbox", "--disable-gpu"]
                )
                context = browser.new_context(
                    viewport={"width": WIDTH, "height": HEIGHT}, locale="id-ID"
                )
                context.route(
                    "**/*",
                    lambda r: r.continue_() if "127.0.0.1" in r.request.url else r.abort(),
                )
                page = context.new_page()
                for name in args.only:
                    SHOTS[name](page, url, args.out)
                    size = (args.out / f"{name}.png").stat().st_size
                    print(f"{args.out / name}.png  {size // 1024} KB")
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=30)
    return 0


def shoot_site(names: list[str], out: Path, sync_playwright) -> None:
    """Serve site/ on a free loopback port and take the pictures of the guide's own tools."""
    import functools
    import http.server
    import threading

    site = ROOT / "site"
    if not (site / "index.html").is_file():
        sys.exit(
            "site/ belum dibangun; jalankan `make site` dahulu (make screenshots melakukannya)."
        )

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=chromium(), args=["--no-sandbox", "--disable-gpu"]
            )
            for name in names:
                context = browser.new_context(
                    viewport={"width": WIDTH, "height": HEIGHT}, locale="id-ID"
                )
                context.route(
                    "**/*", lambda r: r.continue_() if "127.0.0.1" in r.request.url else r.abort()
                )
                SITE_SHOTS[name](context.new_page(), url, out)
                print(f"{out / name}.png  {(out / f'{name}.png').stat().st_size // 1024} KB")
                context.close()
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    sys.exit(main())
