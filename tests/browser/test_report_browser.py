"""The personal report opened in real Chromium: no script runs, nothing is fetched, the chart
shows, and it prints."""

from __future__ import annotations

from datetime import date

import pytest

from selfassess.instrument import load
from selfassess.report import PersonalReport, Section, personal_html
from selfassess.scoring import score_answers

pytestmark = pytest.mark.browser

EVIL = '<img src=x onerror="window.__xss=1;alert(1)"><script>window.__xss=2</script>'


def test_report_with_hostile_text_is_inert_offline_and_printable(guarded_page, tmp_path):
    page, traffic = guarded_page
    inst = load("kompetensi-coaching")
    scored = score_answers(inst, "MAWAR-12", {i.id: 4 for i in inst.items})
    text = personal_html(
        PersonalReport(EVIL, [Section(scored)], day=date(2026, 5, 22), group=EVIL, note=EVIL)
    )
    path = tmp_path / "laporan.html"
    path.write_text(text, encoding="utf-8")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.as_uri(), wait_until="load")
    assert dialogs == []
    assert page.evaluate("window.__xss") is None
    assert page.locator("script").count() == 0
    assert page.get_by_role("heading", level=1).inner_text().startswith("Laporan asesmen diri")
    chart = page.locator("img.sa-grafik")
    assert chart.evaluate("img => img.complete && img.naturalWidth > 0")
    assert "Grafik skor per dimensi" in chart.get_attribute("alt")
    assert EVIL in page.locator(".sa-catatan").inner_text()  # shown as text
    assert traffic.external == [] and traffic.page_errors == [] and traffic.console_errors == []
    page.emulate_media(media="print")
    assert page.locator("table.sa-tabel").first.is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
