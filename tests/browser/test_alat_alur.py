"""The guide's browser tools end to end in real Chromium, on both builds (HTTP and ``file://``).

A reader answers, reads the result, saves three dated self-assessments and sees the trend, saves
an obstacles check, exports everything as JSON and CSV, imports each file into a fresh browser
profile, and deletes all their data. Nothing leaves the machine and the console stays clean.
"""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path
from urllib.parse import unquote, urlsplit

import numpy as np
import pytest

from tests.browser.alat import (
    ROWS,
    compute,
    history,
    instruments,
    open_tool,
    page_url,
    python_rows,
    riwayat_message,
    save,
    stored,
    trend,
)
from tests.browser.conftest import guard

pytestmark = pytest.mark.browser

INSTRUMENTS = instruments()
SELF, OBSTACLES = INSTRUMENTS["kompetensi-coaching"], INSTRUMENTS["cek-kendala"]
DATES = ["2025-01-15", "2025-04-14", "2025-07-21"]


def _answers(inst, seed: int, shift: int = 0) -> dict[str, int]:
    """A complete answer set; ``shift`` moves every effective answer up (a reader improving)."""
    rng = random.Random(seed)
    lo, hi = inst.scale.min, inst.scale.max
    out = {}
    for item in inst.items:
        if not item.dimension:
            continue
        effective = min(hi, max(lo, rng.randint(lo, hi - 1) + shift))
        out[item.id] = lo + hi - effective if item.reverse else effective
    return out


def _base(build: str, site_url: str, offline_root) -> str:
    return site_url if build == "http" else str(offline_root)


def _context(browser):
    context = browser.new_context(locale="id-ID", accept_downloads=True)
    return context, guard(context)


def _links_resolve(page, build: str) -> None:
    """Every guide link the tool drew (results, advice, trend) opens a page of this build."""
    links = page.eval_on_selector_all(
        ".alat a[href]:not([href^='#'])", "els => els.map(e => e.href)"
    )
    assert len(links) > 20
    for link in sorted(set(links)):
        target = link.split("#")[0]
        if build == "file":
            assert Path(unquote(urlsplit(target).path)).is_file(), link
        else:
            assert page.request.get(target).ok, link


def _download(page, button: str) -> tuple[str, str]:
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    download = info.value
    return download.suggested_filename, Path(download.path()).read_text(encoding="utf-8")


@pytest.mark.parametrize("build", ["http", "file"])
def test_answer_save_history_export_import_delete(browser, site_url, offline_root, build):
    base = _base(build, site_url, offline_root)
    sets = [_answers(SELF, 5, shift) for shift in (0, 1, 2)]
    expected, _ = python_rows(SELF, sets)
    context, traffic = _context(browser)
    page = context.new_page()
    open_tool(page, page_url(base, SELF.id, build == "file"))
    assert page.locator(".alat-kosong").is_visible(), "a fresh profile has no history"

    # Answer, read the result, save: three times, on three dates, before and after training.
    for answers, date, phase, want in zip(
        sets, DATES, ["sebelum", "", "sesudah"], expected, strict=True
    ):
        rows = compute(page, answers)
        assert [(d, float(s) if s else None, b or None) for d, s, b in rows] == want
        assert page.locator(".alat-fokus li[data-fokus]").count() == 3
        assert "Tersimpan di riwayat peramban ini" in save(page, date, phase)
    assert history(page) == DATES
    _links_resolve(page, build)

    # The trend: a chart per dimension with three points, and the change since the previous one.
    change = trend(page)
    for k, dim in enumerate([*(d.id for d in SELF.dimensions), "overall"]):
        before, now = expected[1][k][1], expected[2][k][1]
        assert float(change[dim]) == np.round(now - before, 10), dim
        assert page.locator(f"svg[data-tren='{dim}'] circle").count() == 3
    assert page.locator(".alat-tren-tabel thead th").count() == 1 + 3 + 1

    # The obstacles check keeps its own history in the same store.
    obstacles = _answers(OBSTACLES, 9)
    open_tool(page, page_url(base, OBSTACLES.id, build == "file"))
    compute(page, obstacles)
    order = page.eval_on_selector_all(
        ".alat-fokus li[data-fokus]", "els => els.map(e => e.dataset.fokus)"
    )
    assert len(order) == 4
    save(page, DATES[2])
    assert history(page) == [DATES[2]]

    # Export: one JSON file and one CSV file with everything, scores at full precision.
    name, text = _download(page, "Unduh JSON")
    assert name.startswith("riwayat-asesmen-") and name.endswith(".json")
    data = json.loads(text)
    assert data["format"] == "panduan-coaching-asn/riwayat" and data["versi"] == 1
    mine = sorted(
        (h for h in data["hasil"] if h["instrumen"] == SELF.id), key=lambda h: h["tanggal"]
    )
    assert [h["tanggal"] for h in mine] == DATES
    assert [h["fase"] for h in mine] == ["sebelum", None, "sesudah"]
    assert [h["jawaban"] for h in mine] == sets
    for h, want in zip(mine, expected, strict=True):
        assert [(d, h["skor"][d]) for d, _, _ in want] == [(d, v) for d, v, _ in want]
    assert sum(h["instrumen"] == OBSTACLES.id for h in data["hasil"]) == 1
    csv_name, csv_text = _download(page, "Unduh CSV")
    assert csv_name.endswith(".csv")
    table = list(csv.DictReader(io.StringIO(csv_text.lstrip("\ufeff"))))
    assert len(table) == 4
    assert {r["id_hasil"] for r in table} == {h["id"] for h in data["hasil"]}
    first = next(r for r in table if r["tanggal"] == DATES[0] and r["instrumen"] == SELF.id)
    assert {k: int(first[k]) for k in sets[0]} == sets[0]
    assert float(first["skor_overall"]) == expected[0][-1][1]

    # Import each file into a fresh profile (another browser): the same history and trend.
    for file_name, content in ((name, text), (csv_name, csv_text)):
        fresh, fresh_traffic = _context(browser)
        other = fresh.new_page()
        open_tool(other, page_url(base, SELF.id, build == "file"))
        other.locator("input[type=file]").set_input_files(
            files=[{"name": file_name, "mimeType": "text/plain", "buffer": content.encode()}]
        )
        assert "4 hasil ditambahkan" in riwayat_message(other)
        assert history(other) == DATES
        assert trend(other) == change
        other.locator("input[type=file]").set_input_files(
            files=[{"name": file_name, "mimeType": "text/plain", "buffer": content.encode()}]
        )
        assert "0 hasil ditambahkan; 4 hasil sudah ada" in riwayat_message(other)
        other.reload()
        other.locator(".alat--siap").wait_for()
        assert history(other) == DATES, "imported results are stored, not only shown"
        assert fresh_traffic.external == [] and fresh_traffic.page_errors == []
        fresh.close()

    # Delete everything: a confirmation, then nothing is left, also after a reload.
    page.get_by_role("button", name="Hapus semua data saya").click()
    page.get_by_role("button", name="Ya, hapus semua").click()
    assert "sudah dihapus" in riwayat_message(page)
    assert stored(page) is None
    page.reload()
    page.locator(".alat--siap").wait_for()
    assert history(page) == [] and page.locator(".alat-kosong").is_visible()
    assert traffic.external == [] and traffic.page_errors == [] and traffic.console_errors == []
    context.close()


def test_hitung_names_unanswered_items_and_applies_min_share(guarded_page, site_url):
    page, traffic = guarded_page
    open_tool(page, page_url(site_url, SELF.id, False))
    page.get_by_role("button", name="Hitung", exact=True).click()
    alert = page.get_by_role("alert")
    assert "Belum ada butir yang dijawab" in alert.inner_text()
    assert page.locator(".alat-hasil").is_hidden()

    answers = _answers(SELF, 3)
    for item in ("REL2", "KON1", "KON2"):  # relasi keeps 4 of 5, konsistensi drops to 3 of 5
        answers.pop(item)
    rows = compute(page, answers)
    text = alert.inner_text()
    assert "3 butir belum dijawab" in text and "nomor 2" in text
    assert page.locator("#butir-REL2.alat-belum").is_visible()
    assert page.locator("#butir-REL2").get_by_text("Belum dijawab.").is_visible()
    assert page.locator(".alat-belum").count() == 3
    got = dict((d, s) for d, s, _ in rows)
    assert got["konsistensi"] == "" and got["relasi"] != "" and got["overall"] != ""
    assert "dikosongkan" in page.locator(".alat-hasil").inner_text()
    page.get_by_role("link", name="nomor 2", exact=True).click()
    assert page.url.endswith("#butir-REL2")
    page.locator("input[name=REL2][value='4']").check()
    assert page.locator(".alat-belum").count() == 2, "answering clears the mark"
    assert page.locator(".alat-kemajuan").inner_text().startswith(f"{len(answers) + 1} dari 37")
    assert traffic.external == [] and traffic.page_errors == []


def test_answerable_by_keyboard_alone(guarded_page, site_url):
    page, traffic = guarded_page
    answers = _answers(OBSTACLES, 21)
    open_tool(page, page_url(site_url, OBSTACLES.id, False))
    first = OBSTACLES.items[0].id
    for _ in range(400):  # from the top of the page, Tab until the first question has focus
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.name") == first:
            break
    else:
        pytest.fail("Tab never reached the first question")
    for item in OBSTACLES.items:
        assert page.evaluate("() => document.activeElement.name") == item.id
        page.keyboard.press("Space")
        for _ in range(answers[item.id] - 1):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Hitung"
    page.keyboard.press("Enter")
    page.locator(".alat-skor").wait_for()
    assert page.evaluate("() => document.activeElement.textContent") == "Hasil Anda"
    expected, _ = python_rows(OBSTACLES, [answers])
    rows = page.evaluate(ROWS)
    assert [(d, float(s), b) for d, s, b in rows] == expected[0]
    assert traffic.external == [] and traffic.page_errors == []


@pytest.mark.parametrize("instrument_id", sorted(INSTRUMENTS))
def test_phone_width_390(browser, site_url, instrument_id):
    """On a 390 px phone: nothing wider than the screen, answer targets at least 44 px high,
    answered by touch, results and history readable."""
    context = browser.new_context(
        locale="id-ID", viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    traffic = guard(context)
    page = context.new_page()
    inst = INSTRUMENTS[instrument_id]
    open_tool(page, page_url(site_url, instrument_id, False))
    wide = "() => document.documentElement.scrollWidth"
    assert page.evaluate(wide) <= 390
    heights = page.eval_on_selector_all(
        ".alat-pilihan label", "els => els.map(e => e.getBoundingClientRect().height)"
    )
    assert min(heights) >= 44
    answers = _answers(inst, 2)
    for item_id, value in list(answers.items())[:3]:
        page.locator(f"input[name='{item_id}'][value='{value}']").locator("..").tap()
        assert page.locator(f"input[name='{item_id}'][value='{value}']").is_checked()
    for date in DATES[:2]:
        compute(page, answers)
        save(page, date)
    assert page.locator(".alat-tren").is_visible()
    assert page.evaluate(wide) <= 390, "tables scroll inside their box, the page does not"
    assert traffic.external == [] and traffic.page_errors == []
    context.close()


def test_cross_tab_save_keeps_both(browser, site_url):
    """Two tabs of the same browser: a save in one never drops what the other saved."""
    context, traffic = _context(browser)
    one, two = context.new_page(), context.new_page()
    for page in (one, two):
        open_tool(page, page_url(site_url, SELF.id, False))
    compute(one, _answers(SELF, 1))
    compute(two, _answers(SELF, 2))
    save(one, DATES[0])
    save(two, DATES[1])
    assert history(two) == DATES[:2]
    assert len(json.loads(stored(one))["hasil"]) == 2
    assert history(one) == DATES[:2], "the other tab's history follows (storage event)"
    assert traffic.page_errors == []
    context.close()
