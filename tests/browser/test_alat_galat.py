"""Bad input and hostile browsers: damaged or foreign imports, storage disabled, full or damaged.

Every case shows a clear Indonesian message that names the file or says what happened, and
nothing that was already stored changes (the raw localStorage value is compared byte for byte).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.browser.alat import (
    KEY,
    compute,
    history,
    instruments,
    open_tool,
    page_url,
    riwayat_message,
    save,
    stored,
)
from tests.browser.conftest import guard

pytestmark = pytest.mark.browser

SELF = instruments()["kompetensi-coaching"]
FULL = {i.id: 4 for i in SELF.items if i.dimension}
GOOD = {"format": "panduan-coaching-asn/riwayat", "versi": 1, "kode": None}


def _record(**change) -> dict:
    record = {
        "id": "h-uji-1",
        "instrumen": SELF.id,
        "versi_instrumen": 1,
        "tanggal": "2025-02-03",
        "fase": None,
        "jawaban": dict(FULL),
    }
    return {**record, **change}


def _file(name: str, content: str | bytes) -> dict:
    data = content.encode() if isinstance(content, str) else content
    return {"name": name, "mimeType": "application/octet-stream", "buffer": data}


#: File name, content, words the message must contain.
BAD_FILES = [
    ("terpotong.json", json.dumps({**GOOD, "hasil": [_record()]})[:-25], "bukan JSON yang utuh"),
    ("lain.json", json.dumps({"nama": "daftar belanja", "isi": [1, 2]}), "bukan ekspor riwayat"),
    ("versi.json", json.dumps({**GOOD, "versi": 9, "hasil": []}), "versi 9"),
    (
        "skala.json",
        json.dumps({**GOOD, "hasil": [_record(jawaban={**FULL, "REL1": 7})]}),
        "hasil ke-1: jawaban butir REL1 (7) bukan angka 1-5",
    ),
    (
        "butir.json",
        json.dumps({**GOOD, "hasil": [_record(jawaban={"XYZ9": 3})]}),
        '"XYZ9" bukan butir instrumen kompetensi-coaching',
    ),
    (
        "instrumen.json",
        json.dumps({**GOOD, "hasil": [_record(instrumen="tes-lain")]}),
        'instrumen "tes-lain" tidak dikenal',
    ),
    (
        "tanggal.json",
        json.dumps({**GOOD, "hasil": [_record(tanggal="2025-02-30")]}),
        'tanggal "2025-02-30" tidak sah',
    ),
    (
        "ganda.json",
        json.dumps({**GOOD, "hasil": [_record(), _record()]}),
        "hasil ke-2: pengenal h-uji-1 ganda",
    ),
    (
        "kode.json",
        json.dumps({**GOOD, "kode": "199001012015031002", "hasil": [_record()]}),
        "NIP atau NIK",
    ),
    ("kosong.json", json.dumps({**GOOD, "hasil": []}), "tidak berisi satu hasil pun"),
    ("daftar.csv", "Nama,Umur\r\nAni,30\r\n", "bukan ekspor riwayat"),
    (
        "potong.csv",
        "kode_peserta,id_hasil,instrumen,versi_instrumen,tanggal,disimpan,fase,REL1\r\n"
        ',h1,kompetensi-coaching,1,2025-01-01,,"sebelum\r\n',
        "tanda petik tidak ditutup",
    ),
    ("gambar.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "bukan ekspor riwayat"),
    ("kosong.txt", "", "bukan ekspor riwayat"),
]


def _one_saved(page, site_url: str) -> str:
    """Open the self-assessment, save one result; return the stored value."""
    open_tool(page, page_url(site_url, SELF.id, False))
    compute(page, FULL)
    save(page, "2025-01-10")
    before = stored(page)
    assert before is not None
    return before


def test_damaged_or_foreign_imports_change_nothing(guarded_page, site_url):
    page, traffic = guarded_page
    before = _one_saved(page, site_url)
    for name, content, words in BAD_FILES:
        page.locator("input[type=file]").set_input_files(files=[_file(name, content)])
        message = riwayat_message(page)
        assert f'Berkas "{name}"' in message, (name, message)
        assert words in message, (name, message)
        assert "Data yang sudah tersimpan tidak berubah" in message
        assert stored(page) == before, name
        assert history(page) == ["2025-01-10"]
    assert "galat" in page.locator(".alat-kelola .alat-pesan").get_attribute("class")
    assert traffic.external == [] and traffic.page_errors == []


def test_an_oversized_file_is_refused(guarded_page, site_url):
    page, _ = guarded_page
    open_tool(page, page_url(site_url, SELF.id, False))
    huge = json.dumps({**GOOD, "hasil": [_record(id=f"h{n}") for n in range(4000)]})
    assert len(huge) > 2 * 1024 * 1024
    page.locator("input[type=file]").set_input_files(files=[_file("besar.json", huge)])
    assert "terlalu besar" in riwayat_message(page)
    assert stored(page) is None


DISABLED = """Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }
});"""
FULL_STORAGE = """(() => {
  Storage.prototype.setItem = function (key, value) {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
})();"""


@pytest.mark.parametrize("build", ["http", "file"])
def test_storage_disabled_still_works_for_one_sitting(browser, site_url, offline_root, build):
    """Private mode, blocked site data or file:// restrictions: explained, and the tool works
    until the page closes (results listed, export still possible)."""
    context = browser.new_context(locale="id-ID", accept_downloads=True)
    context.add_init_script(DISABLED)
    traffic = guard(context)
    page = context.new_page()
    base = site_url if build == "http" else str(offline_root)
    open_tool(page, page_url(base, SELF.id, build == "file"))
    warning = page.locator("[data-penyimpanan=nonaktif]")
    assert "tidak mengizinkan halaman menyimpan data" in warning.inner_text()
    compute(page, FULL)
    assert "untuk kunjungan ini saja" in save(page, "2025-03-01")
    compute(page, {**FULL, "REL1": 2})
    save(page, "2025-03-02")
    assert history(page) == ["2025-03-01", "2025-03-02"]
    with page.expect_download() as info:
        page.get_by_role("button", name="Unduh JSON").click()
    assert len(json.loads(Path(info.value.path()).read_text(encoding="utf-8"))["hasil"]) == 2
    # Material's own inline scripts read localStorage unguarded and fail the same way on every
    # guide page; the tool adds no error of its own.
    tool_errors = list(traffic.page_errors)
    normal = base + ("alat/asesmen-diri/" if build == "http" else "/alat/asesmen-diri.html")
    traffic.page_errors.clear()
    page.goto(normal if build == "http" else Path(normal).as_uri(), wait_until="load")
    assert tool_errors == traffic.page_errors
    assert traffic.external == []
    context.close()


def test_storage_full_keeps_what_was_saved(guarded_page, site_url):
    page, traffic = guarded_page
    before = _one_saved(page, site_url)
    page.context.add_init_script(FULL_STORAGE)
    page.reload()
    page.locator(".alat--siap").wait_for()
    assert "penuh" in page.locator("[data-penyimpanan=penuh]").inner_text()
    assert history(page) == ["2025-01-10"], "what was saved is still listed"
    compute(page, {**FULL, "REL1": 1})
    assert "untuk kunjungan ini saja" in save(page, "2025-02-10")
    assert history(page) == ["2025-01-10", "2025-02-10"]
    assert stored(page) == before
    assert traffic.page_errors == []


def test_damaged_storage_is_never_overwritten(guarded_page, site_url):
    page, traffic = guarded_page
    open_tool(page, page_url(site_url, SELF.id, False))
    page.evaluate(f"() => localStorage.setItem({KEY!r}, '{{rusak')")
    page.reload()
    page.locator(".alat--siap").wait_for()
    assert "tidak dapat dibaca" in page.locator("[data-penyimpanan=rusak]").inner_text()
    compute(page, FULL)
    assert "untuk kunjungan ini saja" in save(page, "2025-01-10")
    assert stored(page) == "{rusak", "the unreadable value is left as it was"
    page.get_by_role("button", name="Hapus semua data saya").click()
    page.get_by_role("button", name="Ya, hapus semua").click()
    assert stored(page) is None
    compute(page, FULL)
    assert "Tersimpan di riwayat peramban ini" in save(page, "2025-01-11")
    assert traffic.page_errors == []


def test_participant_code_follows_the_store_rules(guarded_page, site_url):
    page, _ = guarded_page
    open_tool(page, page_url(site_url, SELF.id, False))
    box = page.get_by_label("Kode peserta untuk lokakarya (boleh kosong)")
    for bad, words in (("199001012015031002", "NIP atau NIK"), ("a", "2-40 huruf")):
        box.fill(bad)
        page.get_by_role("button", name="Simpan kode").click()
        assert words in riwayat_message(page)
        assert stored(page) is None
    box.fill("mawar-12")
    page.get_by_role("button", name="Simpan kode").click()
    assert "MAWAR-12 disimpan" in riwayat_message(page)
    assert json.loads(stored(page))["kode"] == "MAWAR-12"
