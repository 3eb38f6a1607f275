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
from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup

from selfassess.instrument import load, number
from selfassess.scoring import results, score_answers, weakest
from tests.browser.a11y import audit
from tests.browser.apptools import assert_clean_tool, open_tool, wait_for_message, wait_tool_ready

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


# ── SMART goal, coaching plan, GROW session, Word document ─────────────────────────────────────


def smart_statuses(page) -> dict[str, str]:
    """Criterion letter → status shown in the live SMART feedback table."""
    rows = page.locator("tr.sa-smart-kriteria")
    return {
        row.get_attribute("data-kriteria"): row.get_attribute("data-status") for row in rows.all()
    }


def expect_statuses(page, expected: dict[str, str]) -> None:
    """Wait until the feedback table shows exactly these verdicts."""
    page.wait_for_function(
        """(want) => { const rows = [...document.querySelectorAll('tr.sa-smart-kriteria')];
            return rows.length === Object.keys(want).length && rows.every(
              r => want[r.dataset.kriteria] === r.dataset.status); }""",
        arg=expected,
        timeout=15_000,
    )


def test_smart_goal_feedback_changes_while_typing_and_plan_exports_to_word(
    guarded_page, app_server, tmp_path
):
    from docx import Document

    from selfassess.smart import Draft, check_draft

    page, traffic = guarded_page
    page.goto(app_server.url, wait_until="networkidle")
    page.get_by_role("link", name="Tujuan SMART dan rencana coaching", exact=True).click()
    wait_tool_ready(page)
    assert_clean_tool(page)
    today = date.today()

    # A vague goal, typed key by key: the live feedback follows.
    vague = Draft(goal="Meningkatkan kinerja pegawai")
    page.get_by_label("Tujuan", exact=True).press_sequentially(vague.goal, delay=15)
    first = {r.key: r.status.value for r in check_draft(vague, today=today)}
    expect_statuses(page, first)
    assert first["M"] == "belum" and first["T"] == "belum"

    # The same goal made specific, measurable and time-bound.
    deadline = today + timedelta(days=120)
    draft = Draft(
        goal="Meningkatkan ketepatan waktu jawaban surat masuk di Bagian Umum",
        indicator="persentase surat yang dijawab dalam 3 hari kerja",
        target="dari 60% menjadi 90%",
        deadline=deadline.strftime("%d/%m/%Y"),
        support="pendampingan Kasubbag 1 jam per minggu",
        link="IKU 2 Biro Umum; rencana hasil kerja SKP",
    )
    page.get_by_label("Tujuan", exact=True).fill(draft.goal)
    for label, value in [
        ("Indikator keberhasilan", draft.indicator),
        ("Target", draft.target),
        ("Tenggat", draft.deadline),
        ("Dukungan dan sumber daya", draft.support),
        ("Keterkaitan dengan SKP/unit", draft.link),
    ]:
        page.get_by_label(label, exact=True).press_sequentially(value, delay=5)
    second = {r.key: r.status.value for r in check_draft(draft, today=today)}
    expect_statuses(page, second)
    assert second["M"] == "lulus" and second["T"] == "lulus"
    assert smart_statuses(page) != first
    sentence = page.locator(".sa-kalimat").inner_text()
    assert sentence.startswith(draft.goal) and "90%" in sentence
    page.get_by_role("button", name="Tambahkan ke rencana").click()
    page.get_by_text("Tujuan 1 ditambahkan ke rencana").wait_for()

    # The coaching plan, saved.
    page.get_by_label("Kode coachee").first.fill("budi-07")
    page.get_by_label("Tanggal sesi pertama").fill((today + timedelta(days=7)).isoformat())
    page.get_by_label("Percakapan coaching model GROW").check()
    page.get_by_label("Materi").fill("penyusunan jawaban surat; tata naskah dinas elektronik")
    page.get_by_label("Cara evaluasi").fill("capaian indikator dibandingkan target")
    page.get_by_label("Waktu evaluasi").fill("setiap akhir bulan dan saat dialog kinerja")
    page.get_by_role("button", name="Simpan rencana").click()
    wait_for_message(page, "Rencana untuk BUDI-07 tersimpan")
    plans = saved_rows(app_server.db, "rencana")
    assert [r[1] for r in plans].count("BUDI-07") == 1
    plan = json.loads(next(r[3] for r in plans if r[1] == "BUDI-07"))
    assert draft.goal in json.dumps(plan, ensure_ascii=False)

    # One GROW session with an action.
    page.get_by_label("Tanggal sesi ini").fill((today + timedelta(days=7)).isoformat())
    page.get_by_label("Goal (Tujuan)").fill("Semua surat minggu ini dijawab dalam 3 hari kerja")
    page.get_by_label("Reality (Kenyataan)").fill("Minggu lalu 12 dari 20 surat tepat waktu")
    page.get_by_label("Options (Pilihan)").fill("Templat jawaban; jadwal baca surat pukul 09.00")
    page.get_by_label("Will (Komitmen)").fill("Memakai templat jawaban mulai Senin")
    page.get_by_label("Tindakan", exact=True).fill("menyusun templat jawaban surat")
    page.get_by_label("Penanggung jawab").fill("coachee")
    page.get_by_label("Tenggat tindakan").fill((today + timedelta(days=14)).isoformat())
    page.get_by_role("button", name="Tambah tindakan").click()
    wait_for_message(page, "Tindakan 1 ditambahkan")
    page.get_by_role("button", name="Simpan sesi").click()
    wait_for_message(page, re.compile("Sesi .* tersimpan"))
    assert [r[1] for r in saved_rows(app_server.db, "sesi")].count("BUDI-07") == 1
    problems = audit(page, "app/02-tujuan-smart.ipynb#rencana-dan-sesi")

    # The plan as a Word document, downloaded by the browser and read back with python-docx.
    page.get_by_role("button", name="Unduh rencana (Word dan Markdown)").click()
    word = page.get_by_role("link", name=re.compile(r"^Unduh Word \(.*\.docx\)$"))
    word.wait_for()
    with page.expect_download() as info:
        word.click()
    assert info.value.suggested_filename.endswith(".docx")
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    document = Document(str(target))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "BUDI-07" in text
    assert draft.goal in text
    assert "Memakai templat jawaban mulai Senin" in text
    assert (app_server.downloads / target.name).read_bytes() == target.read_bytes()

    assert_clean_tool(page)
    assert problems == [], "\n".join(problems)
    assert traffic.external == [] and traffic.console_errors == [] and traffic.page_errors == []


# ── Training evaluation by participants, then the trainer's recap of that cohort ───────────────


def take_test(form, test, phase_label: str, right: int) -> None:
    """Answer the knowledge test: the first ``right`` questions correctly, the rest wrongly."""
    form.get_by_role("button", name=phase_label, exact=True).click()
    groups = form.locator(".widget-radio")
    assert groups.count() == len(test.items)
    for n, item in enumerate(test.items):
        ids = [o.id for o in item.options]
        correct = ids.index(item.kunci)
        choice = correct if n < right else (correct + 1) % len(ids)
        groups.nth(n).locator("input[type=radio]").nth(choice).check()
    form.get_by_role("button", name="Simpan").click()


def test_participants_evaluate_the_training_and_the_trainer_sees_that_cohort(
    guarded_page, app_server, tmp_path
):
    from openpyxl import load_workbook

    test = load("tes-pengetahuan")
    total = len(test.items)
    cohort = {"EVAL-A": (6, 13), "EVAL-B": (9, 14)}
    page, traffic = guarded_page
    problems: list[str] = []
    page.goto(app_server.url, wait_until="networkidle")
    page.get_by_role("link", name="Evaluasi pelatihan", exact=True).click()
    wait_tool_ready(page)
    assert_clean_tool(page)
    tests = page.locator(".jp-OutputArea-output").filter(has_text="Tahap tes")
    survey = page.locator(".jp-OutputArea-output").filter(has_text="Survei reaksi pelatihan")
    assert tests.count() == 1 and survey.count() == 1

    for n, (code, (before, after)) in enumerate(cohort.items()):
        tests.get_by_label("Kode peserta").fill(code)
        tests.get_by_label("Unit kerja (boleh kosong)").fill("Biro Umum")
        take_test(tests, test, "Sebelum pelatihan", before)
        wait_for_message(tests, f"benar {before} dari {total} soal")
        take_test(tests, test, "Sesudah pelatihan", after)
        wait_for_message(tests, f"benar {after} dari {total} soal")
        assert (
            f"Sebelum pelatihan: {before} dari {total} soal."
            in tests.locator(".sa-msg").inner_text()
        )

        # Reaction survey: nine statements (1-5), the recommendation (0-10), a comment.
        survey.get_by_label("Kode peserta").fill(code)
        statements = survey.locator(".widget-radio")
        for i in range(statements.count()):
            statements.nth(i).locator("input[type=radio]").nth(3 + n % 2).check()
        survey.get_by_role("button", name=str(8 + n), exact=True).click()
        survey.get_by_label("Komentar 11").fill(f"Contoh kasus SKP sangat membantu ({code}).")
        survey.get_by_role("button", name="Simpan").click()
        wait_for_message(survey, f"Jawaban survei untuk kode {code} sudah tersimpan")
    problems += audit(page, "app/03-evaluasi-pelatihan.ipynb#tersimpan")
    saved = saved_rows(app_server.db, "jawaban", "tes-pengetahuan")
    assert sorted((r[1], json.loads(r[3])["fase"]) for r in saved if r[1] in cohort) == [
        (code, phase) for code in sorted(cohort) for phase in ("sebelum", "sesudah")
    ]

    # The trainer opens the recap: the cohort's figures come from what was just saved.
    page.get_by_role("link", name="Daftar alat").click()
    page.get_by_role("link", name="Rekap angkatan", exact=True).click()
    wait_tool_ready(page)
    page.get_by_role("button", name="Hitung").click()
    wait_for_message(page, "Rekap selesai dihitung")
    learning = page.locator("table.sa-tabel").filter(has_text="Sebelum (%)")
    for code, (before, after) in cohort.items():
        row = learning.locator("tr").filter(has_text=code)
        cells = [c.inner_text() for c in row.locator("td").all()]
        want = [code, f"{100 * before / total:.2f}", f"{100 * after / total:.2f}"]
        assert cells[:3] == [w.replace(".", ",") for w in want], cells
    assert page.get_by_role("heading", name="Level 1 Reaksi").is_visible()
    assert "Contoh kasus SKP sangat membantu (EVAL-A)." in page.inner_text("main")
    charts = page.locator(".jp-OutputArea-output img[alt^='Grafik']")
    assert charts.count() >= 3
    assert all(c.evaluate("i => i.naturalWidth > 200") for c in charts.all())
    problems += audit(page, "app/04-rekap-pelatih.ipynb#rekap")

    page.get_by_role("button", name="Unduh laporan").click()
    link = page.get_by_role("link", name=re.compile(r"^Simpan rekap-evaluasi-.*\.xlsx$"))
    link.wait_for()
    with page.expect_download() as info:
        link.click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    book = load_workbook(target, read_only=True)
    cells = {
        str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row
    }
    assert set(cohort) <= cells

    assert_clean_tool(page)
    assert problems == [], "\n".join(problems)
    assert traffic.external == [] and traffic.console_errors == [] and traffic.page_errors == []
