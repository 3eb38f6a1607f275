"""Every page says when it was last updated, and the date is the last commit of its source file.

The date comes from the git-revision-date-localized plugin (mkdocs.yml) and is shown by
overrides/partials/source-file.html as "Terakhir diperbarui: <tanggal>" in Indonesian, in the
Asia/Jakarta time zone. A page whose source has no commit yet (a new file while writing) shows the
build date.
"""

from __future__ import annotations

import subprocess
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from babel.dates import format_date
from bs4 import BeautifulSoup

from tests.browser.test_site_search_nav import nav_pages
from tests.guide.pages import DOCS, ROOT, html_path

pytestmark = pytest.mark.site

WIB = ZoneInfo("Asia/Jakarta")
LABEL = "Terakhir diperbarui:"


def last_commit(source: str) -> datetime | None:
    """When ``docs/<source>`` was last committed (author date), or None without history."""
    out = subprocess.run(
        ["git", "log", "-1", "--format=%at", "--", str(DOCS / source)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return datetime.fromtimestamp(int(out), WIB) if out else None


def shown_date(site, source: str) -> str:
    """The date text after "Terakhir diperbarui:" on the built page."""
    soup = BeautifulSoup(html_path(site, source).read_text(encoding="utf-8"), "html.parser")
    fact = soup.select_one("article .md-source-file")
    assert fact is not None, f"{source}: no last-updated line"
    text = " ".join(fact.get_text(" ").split())
    assert text.startswith(LABEL), f"{source}: {text!r}"
    return text.removeprefix(LABEL).strip()


def test_every_page_shows_the_date_of_its_last_commit(site_dir):
    pages = nav_pages()
    assert len(pages) >= 55
    today = datetime.now(WIB)
    wrong = []
    for source in pages:
        when = last_commit(source) or today
        expected = format_date(when.date(), format="long", locale="id")
        shown = shown_date(site_dir, source)
        if shown != expected:
            wrong.append(f"{source}: shows {shown!r}, git says {expected!r}")
    assert wrong == [], "\n".join(wrong)


def test_dates_are_written_in_indonesian():
    day = datetime(2026, 8, 17).date()
    assert format_date(day, format="long", locale="id") == "17 Agustus 2026"
