"""Print editions of the guide as real PDFs, made by Chromium from the built site.

Three files, written to ``pdf/`` (or ``--out``) from ``site/`` (``make site`` builds it):

* ``panduan-edisi-atasan.pdf``: the supervisor edition, without the trainer and publishing
  sections, exercise answers left out;
* ``panduan-edisi-pelatih.pdf``: the whole guide with every exercise answer printed;
* ``kartu-saku-atasan.pdf``: the pocket card (GROW, SBI, 30-minute *dialog kinerja*), one A4 side.

Both editions are the print page of the print-site plugin (cover, table of contents, every page in
navigation order) with the edition's changes made in the page before printing. Page numbers come
from the ``@page`` rules in ``docs/assets/css/panduan.css``; the agency name on the cover comes from
``extra.instansi`` in the branding block of ``mkdocs.yml``.

    python scripts/cetak_pdf.py [--site site] [--out pdf]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from peramban import chromium

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]


@dataclass(frozen=True)
class Edition:
    """One printed edition of the whole guide."""

    file: str
    label: str
    #: Navigation sections left out, by the first folder of their pages.
    without: tuple[str, ...]
    answers: bool


EDITIONS = (
    Edition("panduan-edisi-atasan.pdf", "Edisi atasan", ("pelatih", "publikasi"), answers=False),
    Edition("panduan-edisi-pelatih.pdf", "Edisi pelatih", (), answers=True),
)
POCKET_CARD = "kartu-saku-atasan.pdf"
POCKET_CARD_PAGE = "referensi/kartu-saku/"
NO_ANSWER = "Jawaban latihan ini tercetak di edisi pelatih."

#: Runs in the print page: the edition's changes, then everything the printed copy should show.
PREPARE = """([without, answers, label, today, noAnswer]) => {
  window.panduanCetak.rapikan();
  const sections = [...document.querySelectorAll('#print-site-page section.md-section')];
  let removed = 0;
  for (const section of sections) {
    const first = section.querySelector(':scope > section.print-page');
    const key = first ? first.id : '';
    if (without.some(w => key === w || key.startsWith(w + '-'))) {
      document.querySelectorAll(`#print-page-toc a[href="#${section.id}"]`)
        .forEach(a => a.closest('li').remove());
      section.remove();
      removed += 1;
    }
  }
  for (const d of document.querySelectorAll('#print-site-page details.success')) {
    if (answers) { d.open = true; continue; }
    const note = document.createElement('p');
    note.className = 'jawaban-edisi';
    note.textContent = noAnswer;
    d.replaceWith(note);
  }
  document.querySelectorAll('#print-site-page details').forEach(d => { d.open = true; });
  const edition = document.querySelector('#print-site-cover-page .sampul-edisi');
  if (edition) edition.textContent = label;
  const printed = document.querySelector('#print-site-cover-page .sampul-tanggal');
  if (printed) printed.textContent = today;
  return removed;
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """The built site on a free loopback port, for as long as the block runs."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def indonesian_date(day: date) -> str:
    """``17 Agustus 2026``."""
    from babel.dates import format_date

    return format_date(day, format="long", locale="id")


def only_loopback(route) -> None:
    """Nothing leaves the machine while printing (the site is offline by construction)."""
    if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")):
        route.continue_()
    else:
        route.abort()


def print_pdfs(site: Path, out: Path, today: date | None = None) -> dict[str, Path]:
    """Write the two editions and the pocket card; return their paths by file name."""
    from playwright.sync_api import sync_playwright

    if not (site / "print_page" / "index.html").is_file():
        sys.exit(f"{site}/print_page/ tidak ada: bangun situs dulu dengan `make site`.")
    out.mkdir(parents=True, exist_ok=True)
    stamp = indonesian_date(today or date.today())
    written: dict[str, Path] = {}
    with serve(site) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        try:
            for edition in EDITIONS:
                page = browser.new_page(locale="id-ID")
                page.route("**/*", only_loopback)
                page.goto(url + "print_page/", wait_until="networkidle")
                page.wait_for_function("() => window.panduanCetak !== undefined")
                page.emulate_media(media="print")
                removed = page.evaluate(
                    PREPARE,
                    [list(edition.without), edition.answers, edition.label, stamp, NO_ANSWER],
                )
                if removed != len(edition.without):
                    wanted = len(edition.without)
                    sys.exit(f"{edition.file}: {removed} dari {wanted} bagian terbuang")
                target = out / edition.file
                page.pdf(path=str(target), prefer_css_page_size=True, print_background=True)
                written[edition.file] = target
                page.close()
            page = browser.new_page(locale="id-ID")
            page.route("**/*", only_loopback)
            page.goto(url + POCKET_CARD_PAGE, wait_until="networkidle")
            page.emulate_media(media="print")
            target = out / POCKET_CARD
            page.pdf(path=str(target), prefer_css_page_size=True, print_background=True)
            written[POCKET_CARD] = target
        finally:
            browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="situs hasil make site")
    parser.add_argument("--out", type=Path, default=ROOT / "pdf", help="folder tujuan PDF")
    args = parser.parse_args(argv)
    for name, path in print_pdfs(args.site, args.out).items():
        print(f"{name}: {path.stat().st_size // 1024} KB → {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
