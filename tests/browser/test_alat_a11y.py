"""axe-core on every state of the guide's browser tools, light and dark palette; the A4 report
and the paper forms printed by Chromium (print to PDF).

States: the empty form, Hitung with nothing answered, unanswered items named, a full result
saved, a history of three results with its trend, the delete confirmation, an import error, the
storage-disabled explanation, the obstacles check's ranking, and both paper forms.
"""

from __future__ import annotations

import io
import re
import unicodedata

import pytest

from tests.browser import a11y
from tests.browser.alat import compute, open_tool, page_url, save
from tests.browser.conftest import guard
from tests.browser.test_alat_alur import DATES, OBSTACLES, SELF, _answers
from tests.browser.test_alat_galat import DISABLED

pytestmark = pytest.mark.browser


def audit(page, name: str) -> list[str]:
    """axe on the page once Material's header transitions (title fading in on scroll) are over."""
    page.wait_for_timeout(400)
    return a11y.audit(page, name)


def _page(browser, scheme: str, init: str | None = None):
    context = browser.new_context(locale="id-ID", color_scheme=scheme)
    if init:
        context.add_init_script(init)
    return context, guard(context), context.new_page()


def _check_palette(page, scheme: str) -> None:
    want = "slate" if scheme == "dark" else "default"
    got = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    assert got == want, f"palette {got!r}, wanted {want!r}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_state_of_the_self_assessment(browser, site_url, scheme):
    context, traffic, page = _page(browser, scheme)
    open_tool(page, page_url(site_url, SELF.id, False))
    _check_palette(page, scheme)
    problems = audit(page, f"alat/kompetensi-coaching {scheme}: formulir")
    page.get_by_role("button", name="Hitung", exact=True).click()
    problems += audit(page, f"alat/kompetensi-coaching {scheme}: belum dijawab")
    partial = _answers(SELF, 4)
    for item in ("REL1", "KON1", "KON2"):
        partial.pop(item)
    compute(page, partial)
    problems += audit(page, f"alat/kompetensi-coaching {scheme}: sebagian dijawab")
    for shift, date in enumerate(DATES):
        compute(page, _answers(SELF, 4, shift))
        save(page, date, "sebelum" if shift == 0 else "")
    problems += audit(page, f"alat/kompetensi-coaching {scheme}: hasil, riwayat, kecenderungan")
    page.get_by_role("button", name="Lihat").first.click()
    problems += audit(page, f"alat/kompetensi-coaching {scheme}: hasil tersimpan")
    page.get_by_role("button", name="Hapus semua data saya").click()
    problems += audit(page, f"alat/kompetensi-coaching {scheme}: konfirmasi hapus")
    page.get_by_role("button", name="Batal").click()
    page.locator("input[type=file]").set_input_files(
        files=[{"name": "rusak.json", "mimeType": "application/json", "buffer": b"{rusak"}]
    )
    page.locator(".alat-kelola .alat-pesan--galat").wait_for()
    problems += audit(page, f"alat/kompetensi-coaching {scheme}: impor gagal")
    assert problems == [], "\n".join(problems)
    assert traffic.external == []
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_obstacles_check_and_storage_warning(browser, site_url, scheme):
    context, traffic, page = _page(browser, scheme)
    open_tool(page, page_url(site_url, OBSTACLES.id, False))
    problems = audit(page, f"alat/cek-kendala {scheme}: formulir")
    for shift, date in enumerate(DATES[:2]):
        compute(page, _answers(OBSTACLES, 8, -shift))
        save(page, date)
    problems += audit(page, f"alat/cek-kendala {scheme}: hasil dan kecenderungan")
    context.close()
    context, traffic, page = _page(browser, scheme, DISABLED)
    open_tool(page, page_url(site_url, OBSTACLES.id, False))
    compute(page, _answers(OBSTACLES, 8))
    save(page, DATES[0])
    problems += audit(page, f"alat/cek-kendala {scheme}: penyimpanan nonaktif")
    for form in ("formulir-kompetensi-coaching", "formulir-cek-kendala"):
        page.goto(f"{site_url}alat/{form}/", wait_until="load")
        problems += audit(page, f"alat/{form} {scheme}")
    assert problems == [], "\n".join(problems)
    assert traffic.external == []
    context.close()


# ── print: the A4 personal report and the paper forms ──────────────────────────────────────────


def _pdf_text(pdf: bytes) -> list[str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    for sheet in reader.pages:
        width, height = float(sheet.mediabox.width), float(sheet.mediabox.height)
        assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2, "A4 portrait in points"
    # NFKC turns the ligatures the PDF font uses (ﬁ in "spesifik") back into letters.
    return [
        re.sub(r"\s+", " ", unicodedata.normalize("NFKC", p.extract_text())) for p in reader.pages
    ]


@pytest.mark.parametrize("instrument", [SELF, OBSTACLES], ids=lambda i: i.id)
def test_personal_report_prints_on_a4(guarded_page, site_url, instrument):
    page, _ = guarded_page
    open_tool(page, page_url(site_url, instrument.id, False))
    compute(page, _answers(instrument, 6))
    pages = _pdf_text(page.pdf(prefer_css_page_size=True, print_background=True))
    text = " ".join(pages)
    print(f"{instrument.id}: laporan pribadi {len(pages)} halaman A4")
    assert len(pages) <= 2
    assert "Laporan pribadi" in pages[0] and "Hasil Anda" in pages[0]
    for dim in instrument.dimensions:
        assert dim.name.plain.split(" (")[0] in text
    assert ("Tiga dimensi yang paling" in text) == instrument.higher_is_better
    assert "Bagian 1 dari" not in text, "the form is not printed with the report"
    assert "Riwayat dan kemajuan" not in text and "Simpan ke riwayat" not in text


@pytest.mark.parametrize("instrument", [SELF, OBSTACLES], ids=lambda i: i.id)
def test_paper_form_prints_every_item_and_the_scoring_sheet(guarded_page, site_url, instrument):
    page, _ = guarded_page
    page.goto(f"{site_url}alat/formulir-{instrument.id}/", wait_until="load")
    pages = _pdf_text(page.pdf(format="A4", print_background=True))
    print(f"{instrument.id}: formulir kertas {len(pages)} halaman A4")
    text = " ".join(pages)
    squash = re.sub(r"\W", "", text)
    for item in instrument.items:
        if item.dimension:
            assert re.sub(r"\W", "", item.text.plain) in squash, item.id
    sheet = next(k for k, p in enumerate(pages) if "Lembar penghitungan skor" in p)
    last_item = re.sub(r"\W", "", instrument.items[-1].text.plain)
    assert all(last_item not in re.sub(r"\W", "", p) for p in pages[sheet:]), (
        "the scoring sheet starts on a page of its own"
    )
    assert len(pages) <= 6
