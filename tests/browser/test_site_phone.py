"""The guide on a 390 px phone and in both palettes, in real Chromium.

* Every table of every page fits the screen: rows become stacked cards whose cells carry their
  column's name (docs/assets/js/tabel.js + panduan.css), so nothing is cut off.
* The pages this guide added or redrew (new pages, home-page cards, diagrams, pocket card) have no
  serious or critical axe-core violation in the light and the dark palette, on a laptop and a phone.
"""

from __future__ import annotations

import pytest

from tests.browser.a11y import audit
from tests.browser.conftest import guard
from tests.browser.test_site_search_nav import nav_pages, page_path
from tests.guide.pages import html_path
from tests.sitecheck import built_site

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}
#: The tables the issue named: obstacle map, six-stage table, SMART table.
NAMED_TABLES = ("kendala/index.md", "proses/index.md", "proses/penetapan-tujuan.md")
#: New or redrawn pages, audited in both palettes.
AUDITED = (
    "index.md",
    "memahami/perbedaan.md",
    "memahami/dasar-hukum.md",
    "proses/index.md",
    "proses/evaluasi-hasil.md",
    "praktik/dialog-kinerja.md",
    "praktik/motivasi.md",
    "pegawai/index.md",
    "referensi/kartu-saku.md",
)

OVERFLOW = """() => {
  const article = document.querySelector('article.md-content__inner');
  const limit = article.getBoundingClientRect().right + 1;
  return [...article.querySelectorAll('table')].flatMap((t, i) => {
    const wrap = t.closest('.md-typeset__scrollwrap') || t.parentElement;
    const cut = t.getBoundingClientRect().right > limit || wrap.scrollWidth > wrap.clientWidth + 1;
    return cut ? [`table ${i + 1} (${t.rows.length} rows) is cut off`] : [];
  });
}"""

STACKED = """() => [...document.querySelectorAll('article table.tabel-kartu')].map(t => {
  const cell = t.querySelector('tbody td[data-label]:not(:first-child)');
  return {
    display: getComputedStyle(t.querySelector('tbody tr')).display,
    label: cell ? getComputedStyle(cell, '::before').content : null,
    heading: cell ? cell.dataset.label : null,
  };
})"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="id-ID", viewport=PHONE)
    traffic = guard(context)
    page = context.new_page()
    yield page, traffic
    context.close()


def test_no_table_is_cut_off_on_a_phone(phone, site_url):
    page, traffic = phone
    site = built_site("site")
    with_tables = [s for s in nav_pages() if "<table" in html_path(site, s).read_text("utf-8")]
    assert len(with_tables) >= 30
    problems = []
    for source in with_tables:
        page.goto(site_url + page_path(source), wait_until="domcontentloaded")
        problems += [f"{source}: {p}" for p in page.evaluate(OVERFLOW)]
    assert problems == [], "\n".join(problems)
    assert traffic.external == [] and traffic.page_errors == []


@pytest.mark.parametrize("source", NAMED_TABLES)
def test_named_tables_are_stacked_cards_with_column_names(phone, site_url, source):
    page, _ = phone
    page.goto(site_url + page_path(source), wait_until="load")
    tables = page.evaluate(STACKED)
    assert tables, f"{source}: no stacked table"
    for table in tables:
        assert table["display"] == "block"
        assert table["heading"] and table["label"] == f'"{table["heading"]}"', table


def test_tables_stay_tables_on_a_laptop(guarded_page, site_url):
    page, _ = guarded_page
    page.set_viewport_size(LAPTOP)
    page.goto(site_url + page_path("kendala/index.md"), wait_until="load")
    assert page.evaluate(STACKED)[0]["display"] == "table-row"


@pytest.mark.parametrize(
    ("scheme", "viewport"),
    [("dark", LAPTOP), ("dark", PHONE), ("light", PHONE)],
    ids=["dark-laptop", "dark-phone", "light-phone"],
)
def test_new_pages_are_accessible_in_both_palettes(browser, site_url, scheme, viewport):
    """Light on a laptop is audited for every page by test_accessibility.py (nav walk)."""
    context = browser.new_context(locale="id-ID", viewport=viewport, color_scheme=scheme)
    traffic = guard(context)
    page = context.new_page()
    problems = []
    try:
        for source in AUDITED:
            page.goto(site_url + page_path(source), wait_until="load")
            palette = page.evaluate("document.body.dataset.mdColorScheme")
            assert palette == ("slate" if scheme == "dark" else "default"), palette
            problems += audit(page, f"site/{source} ({scheme}, {viewport['width']} px)")
    finally:
        context.close()
    assert problems == [], "\n".join(problems)
    assert traffic.external == []
