"""What participants and trainers do in the workshop app, done in Chromium, click by click.

Every step goes through the browser: the widgets send the answers to the kernel, the kernel scores
and saves them, the page shows the result, the download arrives as a browser download. The results
file is then read with plain sqlite3 to check that exactly what was entered was saved. Expected
scores come from the scoring core, which has its own tests: here we check that the browser path
delivers the answers to it intact and shows what it computed.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time

import pytest
from bs4 import BeautifulSoup

from selfassess.instrument import load, number
from selfassess.scoring import results, score_answers, weakest
from tests.browser.a11y import audit
from tests.browser.apptools import assert_clean_tool, open_tool, wait_tool_ready

pytestmark = pytest.mark.browser


def answer_scale_items(container, instrument_id: str, pattern: list[int]) -> dict[str, int]:
    """Tick one radio button per item (point index from ``pattern``); return the answers given.

    Items appear in the form in instrument order (by dimension, then items without one), the same
    order as ``Instrument.items_of``.
    """
    inst = load(instrument_id)
    order = [i for d in inst.dimensions for i in inst.items_of(d.id)]
    order += [i for i in inst.items if i.dimension is None]
    groups = container.locator(".sa-butir")
    assert groups.count() == len(order)
    answers: dict[str, int] = {}
    for n, item in enumerate(order):
        if item.type != "skala":
            continue
        points = list(item.scale.points)  # type: ignore[union-attr]
        choice = pattern[n % len(pattern)]
        groups.nth(n).locator("input[type=radio]").nth(choice).check()
        answers[item.id] = points[choice]
    return answers


def visible_tab(page):
    """The content of the tab that is showing."""
    return page.locator(".widget-tab-contents > .widget-container").filter(visible=True).first


def shown_scores(container) -> dict[str, str]:
    """Dimension name → score as shown in the results table."""
    rows = container.locator(".sa-hasil table").first.locator("tbody tr")
    out = {}
    for i in range(rows.count()):
        row = rows.nth(i)
        out[row.locator("th").inner_text().strip()] = row.locator("td.sa-angka").first.inner_text()
    return out


def saved_rows(db, kind: str, instrument: str | None = None) -> list[tuple]:
    """Rows of the results file (id, participant, instrument, payload), oldest first."""
    sql = "SELECT id, participant, instrument, payload FROM submissions WHERE kind = ?"
    args: list = [kind]
    if instrument is not None:
        sql += " AND instrument = ?"
        args.append(instrument)
    if not db.exists():
        return []
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        try:
            return conn.execute(sql + " ORDER BY id", args).fetchall()
        except sqlite3.OperationalError as exc:  # the app is creating the file right now
            if "no such table" in str(exc):
                return []
            raise


def test_participant_self_assessment_from_answers_to_downloaded_report(
    guarded_page, app_server, tmp_path
):
    page, traffic = guarded_page
    problems: list[str] = []
    page.goto(app_server.url, wait_until="networkidle")
    page.get_by_role("link", name="Asesmen diri coach dan mentor", exact=True).click()
    wait_tool_ready(page)
    assert_clean_tool(page)

    page.get_by_label("Kode peserta").fill("mawar-12")
    page.get_by_label("Fase").select_option(label="Sebelum pelatihan")
    page.get_by_label("Unit kerja (boleh dikosongkan)").fill("Bagian Umum")

    # Hitung with nothing answered names the missing items beside the form.
    form = visible_tab(page)
    form.get_by_role("button", name="Hitung").click()
    alert = form.get_by_role("alert")
    alert.wait_for()
    assert "37 butir belum dijawab" in alert.inner_text()

    # 1. Self-assessment: answer every item, compute, save.
    answers = answer_scale_items(form, "kompetensi-coaching", [3, 4, 2, 3, 1, 4, 3])
    form.get_by_text("37 dari 37 butir terjawab").wait_for()
    form.get_by_role("button", name="Hitung").click()
    form.get_by_text("Skor dihitung.").wait_for()
    expected = score_answers(load("kompetensi-coaching"), "MAWAR-12", answers)
    shown = shown_scores(form)
    for r in results(expected):
        assert shown[r.dimension.name.plain] == number(r.score), r.dimension.id
    chart = form.locator("img.sa-grafik")
    assert chart.evaluate("img => img.complete && img.naturalWidth > 200")
    assert chart.get_attribute("alt").startswith("Grafik skor per dimensi")
    focus = form.locator("ol.sa-fokus > li")
    assert focus.count() == 3
    for item, r in zip(focus.all(), weakest(expected), strict=True):
        assert item.inner_text().startswith(r.dimension.name.plain)
        assert item.get_by_role("link").count() >= 1  # the guide page that helps
    problems += audit(page, "app/01-asesmen-diri.ipynb#hasil-asesmen")

    form.get_by_role("button", name="Simpan").click()
    form.get_by_text("Jawaban tersimpan").wait_for()
    rows = saved_rows(app_server.db, "jawaban", "kompetensi-coaching")
    mine = [r for r in rows if r[1] == "MAWAR-12"]
    assert len(mine) == 1
    payload = json.loads(mine[0][3])
    assert payload["jawaban"] == answers
    assert payload["fase"] == "sebelum" and payload["kelompok"] == "Bagian Umum"
    assert f"kiriman nomor {mine[0][0]}" in form.get_by_role("status").last.inner_text()

    # 2. Obstacles check in the second tab.
    page.get_by_role("tab", name="2. Cek kendala").click()
    obstacles = visible_tab(page)
    obstacle_answers = answer_scale_items(obstacles, "cek-kendala", [4, 1, 2, 0])
    obstacles.get_by_role("button", name="Hitung").click()
    obstacles.get_by_text("Skor dihitung.").wait_for()
    assert obstacles.locator("ol.sa-fokus > li").count() == 4
    assert "Strategi:" in obstacles.locator("ol.sa-fokus").inner_text()
    obstacles.get_by_role("button", name="Simpan").click()
    obstacles.get_by_text("Jawaban tersimpan").wait_for()
    saved = saved_rows(app_server.db, "jawaban", "cek-kendala")
    assert [json.loads(r[3])["jawaban"] for r in saved if r[1] == "MAWAR-12"] == [obstacle_answers]
    problems += audit(page, "app/01-asesmen-diri.ipynb#cek-kendala")

    # 3. The personal report, as a browser download.
    page.get_by_label("Catatan untuk laporan (boleh dikosongkan)").fill("Latih bertanya terbuka.")
    page.get_by_role("button", name="Unduh laporan").click()
    link = page.get_by_role("link", name=re.compile(r"^Unduh laporan-asesmen-MAWAR-12-.*\.html$"))
    link.wait_for()
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert re.fullmatch(
        r"laporan-asesmen-MAWAR-12-\d{4}-\d\d-\d\d\.html", download.suggested_filename
    )
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    soup = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
    assert "MAWAR-12" in soup.get_text() and "Latih bertanya terbuka." in soup.get_text()
    in_report = {
        " ".join(row.th.get_text().split()): row.select_one("td.sa-angka").get_text()
        for row in soup.select("table tbody tr")
        if row.th is not None and row.select_one("td.sa-angka") is not None
    }
    for r in results(expected):
        assert in_report[r.dimension.name.plain] == number(r.score), r.dimension.id
    assert (app_server.downloads / download.suggested_filename).read_bytes() == target.read_bytes()

    # The report opens on its own, offline, with its chart.
    report = page.context.new_page()
    report.goto(target.as_uri(), wait_until="load")
    assert report.get_by_role("heading", level=1).inner_text().startswith("Laporan asesmen diri")
    assert report.locator("img.sa-grafik").first.evaluate("i => i.naturalWidth > 200")
    report.close()

    assert_clean_tool(page)
    assert problems == [], "\n".join(problems)
    assert traffic.external == [] and traffic.console_errors == [] and traffic.page_errors == []


def test_coachees_feedback_is_saved_without_their_names(guarded_page, app_server):
    page, traffic = guarded_page
    open_tool(page, app_server.url, "05-umpan-balik-pegawai.ipynb")
    page.get_by_label("Kode atasan").fill("MELATI-3")
    answers = answer_scale_items(page.locator("main#isi"), "kompetensi-coaching-pegawai", [2, 3])
    page.get_by_role("button", name="Simpan").click()
    page.get_by_text("Jawaban tersimpan").wait_for()
    rows = saved_rows(app_server.db, "jawaban", "kompetensi-coaching-pegawai")
    mine = [json.loads(r[3]) for r in rows if r[1] == "MELATI-3"]
    assert len(mine) == 1
    assert {k: v for k, v in mine[0]["jawaban"].items() if v is not None} == answers
    assert mine[0]["peran"] == "pegawai"
    problems = audit(page, "app/05-umpan-balik-pegawai.ipynb#tersimpan")
    assert problems == [], "\n".join(problems)
    assert traffic.external == [] and traffic.console_errors == [] and traffic.page_errors == []


PARTICIPANTS = 8
SAVES_EACH = 3


def test_participants_saving_at_the_same_moment_lose_nothing(browser, app_server):
    """Eight participants (own browser contexts, own kernels) press Simpan three times at once."""
    from tests.browser.conftest import guard

    before = saved_rows(app_server.db, "jawaban", "cek-kendala")
    sessions = []
    for n in range(PARTICIPANTS):
        context = browser.new_context(locale="id-ID")
        sessions.append((context, guard(context), context.new_page(), f"SERENTAK-{n:02d}"))
    try:
        for _context, _traffic, page, _code in sessions:  # start all kernels before waiting
            page.goto(f"{app_server.url}voila/render/01-asesmen-diri.ipynb", wait_until="commit")
        given = {}
        for n, (_context, _traffic, page, code) in enumerate(sessions):
            wait_tool_ready(page)
            page.get_by_label("Kode peserta").fill(code)
            page.get_by_role("tab", name="2. Cek kendala").click()
            given[code] = answer_scale_items(visible_tab(page), "cek-kendala", [n % 5, 4 - n % 5])
            visible_tab(page).get_by_text("16 dari 16 butir terjawab").wait_for()
        # Every participant presses Simpan three times, all within a few milliseconds.
        press = """(times) => { const b = [...document.querySelectorAll('button')]
            .find(x => x.textContent.trim() === 'Simpan' && x.offsetParent !== null);
            for (let i = 0; i < times; i++) { b.click(); } }"""
        for _context, _traffic, page, _code in sessions:
            page.evaluate(press, SAVES_EACH)
        expected_rows = len(before) + PARTICIPANTS * SAVES_EACH
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if len(saved_rows(app_server.db, "jawaban", "cek-kendala")) >= expected_rows:
                break
            time.sleep(0.2)
        rows = saved_rows(app_server.db, "jawaban", "cek-kendala")[len(before) :]
        assert len(rows) == PARTICIPANTS * SAVES_EACH
        assert len({r[0] for r in rows}) == len(rows)  # every save got its own row
        for code, answers in given.items():
            mine = [json.loads(r[3])["jawaban"] for r in rows if r[1] == code]
            assert mine == [answers] * SAVES_EACH, code
        for _context, traffic, page, _code in sessions:
            visible_tab(page).get_by_text("Jawaban tersimpan").wait_for()
            assert traffic.external == [] and traffic.page_errors == []
        with sqlite3.connect(app_server.db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        for context, _traffic, _page, _code in sessions:
            context.close()
