"""Spelling of the rendered guide: ``hunspell -d id_ID`` plus the reviewed project word list.

Every HTML page of site/ is read as a reader sees it (the article only, without code, keys, URLs
and e-mail addresses); the print page is left out because it repeats every other page. The whole
site may have at most ``MAX_PER_1000`` unknown words per 1,000 words.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.guide.pages import (
    WORDLIST,
    accepted_by,
    article,
    hunspell_unknown,
    load_wordlist,
    misspelled,
    prose,
    words,
)

pytestmark = pytest.mark.site

MAX_PER_1000 = 2.0
SKIP = {"404.html", "print_page/index.html"}


def site_words(site: Path) -> dict[str, list[str]]:
    """Words of every page, keyed by the page's path in site/."""
    pages = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel in SKIP or rel.startswith("assets/"):
            continue
        pages[rel] = words(prose(article(path.read_text(encoding="utf-8"))))
    return pages


def unknown_words(pages: dict[str, list[str]], wordlist: list[str]) -> dict[str, Counter]:
    """Per page: the words neither hunspell nor the word list accepts, with their counts."""
    unknown = misspelled({w for ws in pages.values() for w in ws}, accepted_by(wordlist))
    return {page: Counter(w for w in ws if w in unknown) for page, ws in pages.items()}


def rate(unknown: dict[str, Counter], pages: dict[str, list[str]]) -> float:
    """Unknown words per 1,000 words over all pages."""
    total = sum(len(ws) for ws in pages.values())
    return 1000 * sum(sum(c.values()) for c in unknown.values()) / max(total, 1)


def test_site_spelling(site_dir):
    pages = site_words(site_dir)
    assert len(pages) >= 40, "the site should have its pages"
    unknown = unknown_words(pages, load_wordlist())
    found = rate(unknown, pages)
    total = sum(len(ws) for ws in pages.values())
    print(f"{total} words on {len(pages)} pages, {found:.2f} unknown per 1,000")
    per_page = [
        f"  {page}: {sum(c.values())} of {len(pages[page])} words: "
        + ", ".join(f"{w} ({n})" for w, n in c.most_common())
        for page, c in sorted(unknown.items(), key=lambda kv: -sum(kv[1].values()))
        if c
    ]
    assert found <= MAX_PER_1000, (
        f"{found:.2f} unknown words per 1,000 (limit {MAX_PER_1000}). Fix the spelling, or add a "
        f"legitimate term (KBBI word, foreign term, acronym, name) to {WORDLIST.name}:\n"
        + "\n".join(per_page)
    )


# ── The word list stays a reviewed list ───────────────────────────────────────────────────────


def test_wordlist_entries_are_single_new_words():
    entries = load_wordlist()
    assert entries, "the word list is empty"
    dupes = [w for w, n in Counter(entries).items() if n > 1]
    assert not dupes, f"listed twice: {dupes}"
    assert all(len(w.split()) == 1 for w in entries)
    known = hunspell_unknown(entries) ^ set(entries)
    assert not known, f"hunspell already knows these; remove them from {WORDLIST.name}: {known}"


def test_wordlist_is_grouped_with_comments():
    lines = WORDLIST.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#"), "start with a comment that says what the list is"
    groups = [i for i, line in enumerate(lines) if line.startswith("## ")]
    assert len(groups) >= 3, "group the entries under '## ' comment headings"


# ── The checker itself must catch what it claims to catch ────────────────────────────────────


def test_checker_counts_misspellings_and_ignores_code_and_urls():
    html = (
        '<article class="md-content__inner"><h1>Uji</h1><p>Pegawai bertfokus pada '
        "pelayanan publik dan menulis laporn kinerja.</p><pre><code>zzqx = 1</code></pre>"
        "<p>Lihat https://contoh.go.id/xyzzy atau alamat abc@contoh.go.id.</p>"
        "<p>Kariernya cerah; coachee-nya rajin; laporannyaa belum.</p></article>"
    )
    pages = {"uji.html": words(prose(article(html)))}
    unknown = unknown_words(pages, [])
    expected = Counter({"bertfokus": 1, "laporn": 1, "coachee-nya": 1, "laporannyaa": 1})
    assert unknown["uji.html"] == expected
    assert rate(unknown, pages) == pytest.approx(1000 * 4 / len(pages["uji.html"]))
    listed = ["bertfokus", "laporn", "coachee", "laporannyaa"]
    assert not unknown_words(pages, listed)["uji.html"], "listed words and stem + clitic pass"


def test_checker_skips_text_marked_as_another_language():
    html = (
        '<article class="md-content__inner"><p>Buku <em lang="en">Coaching for Performance</em> '
        'dan <span lang="id">laporn</span> serta <span lang="en-GB">colour</span>.</p></article>'
    )
    assert words(prose(article(html))) == ["Buku", "dan", "laporn", "serta"]
