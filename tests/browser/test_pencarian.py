"""The guide's Indonesian search in Chromium: the same analysis as Python, loaded only when used,
the failures of Material's search fixed, results with title, section and highlighted snippet, and
keyboard use.
"""

from __future__ import annotations

import json
import re

import pytest

from scripts import indeks_pencarian as ip
from tests.browser.conftest import guard
from tests.browser.searchui import search, strip
from tests.sitecheck import built_site

pytestmark = pytest.mark.browser

LAZY = ("indeks-pencarian.js", "sastrawi.js", "pencarian-mesin.js")


@pytest.fixture(scope="module")
def index() -> dict:
    """The index of the web build, read back from search/indeks-pencarian.js."""
    text = (built_site("site") / ip.INDEX_FILE).read_text(encoding="utf-8")
    return json.loads(text.split("=", 1)[1].rstrip(";\n"))


@pytest.fixture(scope="module")
def opened(browser, site_url):
    """A page of the web build with search opened once (index and stemmer loaded)."""
    context = browser.new_context(locale="id-ID")
    traffic = guard(context)
    page = context.new_page()
    page.goto(site_url, wait_until="load")
    page.locator("input.md-search__input").click()
    page.wait_for_function("() => window.__panduanCari", timeout=15_000)
    yield page, traffic
    context.close()


def guide_words(index: dict) -> list[str]:
    """Every distinct token of the guide (titles, headings, box titles, text)."""
    words: set[str] = set()
    for _url, title in index["halaman"]:
        words.update(ip.tokenize(title))
    for row in index["bagian"]:
        for text in row[2:5]:
            words.update(ip.tokenize(text))
    return sorted(words)


def test_browser_stems_every_guide_word_like_python(opened, index):
    """Sastrawi in the browser (with the dictionary the index ships) = PySastrawi, word by word."""
    page, _ = opened
    words = sorted({p for w in guide_words(index) for p in [w, *w.split("-")] if p})
    assert len(words) > 3000
    browser = page.evaluate(
        "(ws) => { const s = new Sastrawi.Stemmer(window.__panduanIndeks.kamus);"
        " return ws.map(w => s.stemWord(w)); }",
        words,
    )
    python = [ip.stem(w) for w in words]
    differ = [(w, p, b) for w, p, b in zip(words, python, browser, strict=True) if p != b]
    assert differ == [], differ[:20]


def test_browser_stemmer_equals_python_on_the_whole_dictionary(opened):
    """With the full dictionary, on every root word and on affixed forms built from them."""
    page, _ = opened
    roots = sorted(ip.dictionary())
    affixes = [("me", "kan"), ("mem", "i"), ("men", "an"), ("meng", ""), ("meny", "nya")]
    affixes += [("pe", "an"), ("pem", "an"), ("pen", ""), ("peng", "an"), ("peny", "an")]
    affixes += [("ber", "an"), ("ter", ""), ("di", "kan"), ("ke", "an"), ("se", "nya")]
    affixes += [("memper", "kan"), ("diper", "i"), ("", "lah"), ("", "-" + "nya")]
    words = roots + [p + r + s for i, r in enumerate(roots) for p, s in [affixes[i % len(affixes)]]]
    browser = page.evaluate(
        "([dict, ws]) => { const s = new Sastrawi.Stemmer(dict);"
        " return ws.map(w => s.stemWord(w)); }",
        [roots, words],
    )
    python = [ip.stem(w) for w in words]
    differ = [(w, p, b) for w, p, b in zip(words, python, browser, strict=True) if p != b]
    assert len(words) > 50_000
    assert differ == [], differ[:20]


def test_browser_tokenizes_and_analyzes_like_python(opened, index):
    """The tokenizer and the index terms of every section are the same in both languages."""
    page, _ = opened
    texts = [row[4] for row in index["bagian"]] + [t for _, t in index["halaman"]]
    texts.append("e-Kinerja, SKP, BerAKHLAK; kata-kata—situasi–perilaku–dampak ’nya 2024")
    browser = page.evaluate(
        "(ts) => { const P = window.PanduanPencarian, i = window.__panduanIndeks;"
        " const a = new P.Analyzer(i, new Sastrawi.Stemmer(i.kamus));"
        " return ts.map(t => [P.tokenize(t), a.analyze(t)]); }",
        texts,
    )
    rules = ip.Rules.load()
    python = [[ip.tokenize(t), ip.analyze(t, rules)] for t in texts]
    assert browser == python
    assert browser[-1][0][:3] == ["e-kinerja", "skp", "berakhlak"]


def test_pages_do_not_load_the_index_until_search_opens(guarded_page, site_url, offline_root):
    page, traffic = guarded_page
    loaded: list[str] = []
    page.on("request", lambda r: loaded.append(r.url))
    for start in (site_url + "praktik/umpan-balik/", (offline_root / "index.html").as_uri()):
        loaded.clear()
        page.goto(start, wait_until="networkidle")
        assert not [u for u in loaded if u.endswith(LAZY)], loaded
        assert page.evaluate("() => typeof window.__panduanIndeks") == "undefined"
        page.locator("input.md-search__input").click()
        page.wait_for_function("() => window.__panduanCari", timeout=15_000)
        assert sorted(u.rsplit("/", 1)[1] for u in loaded if u.endswith(LAZY)) == sorted(LAZY)
    assert traffic.external == [] and traffic.page_errors == [] and traffic.console_errors == []


def _pages_with_root(index: dict, root: str) -> set[str]:
    rules = ip.Rules.load()
    pages = set()
    for row in index["bagian"]:
        text = " ".join([index["halaman"][row[0]][1], *row[2:5]])
        if root in ip.analyze(text, rules):
            pages.add(index["halaman"][row[0]][0])
    return pages


@pytest.mark.parametrize("query", ["kembang", "bimbing", "periksa"])
def test_a_root_word_finds_every_page_with_its_affixed_forms(opened, site_url, index, query):
    """ "kembang" found 3 of 19 pengembangan pages, "bimbing" 8 of 24: now all of them."""
    page, _ = opened
    expected = {site_url + url for url in _pages_with_root(index, query)}
    assert len(expected) >= 8
    found = set(search(page, query)) | set(
        page.evaluate(
            "(q) => window.__panduanCari.search(q).map(h => window.__panduanCari.pages[h.page][0])",
            query,
        )
    )
    found = {site_url + u if not u.startswith("http") else u for u in found}
    assert expected <= found, sorted(expected - found)


def test_periksa_finds_memeriksa_and_pemeriksaan(opened):
    page, _ = opened
    search(page, "periksa ")
    marks = {m.lower() for m in page.locator(".md-search-result__list mark").all_inner_texts()}
    assert {"memeriksa", "pemeriksaan", "periksa"} <= marks, marks


def test_e_kinerja_stays_one_word(opened, site_url, index):
    page, _ = opened
    results = search(page, "e-Kinerja ")
    pages_with_it = {
        site_url + index["halaman"][row[0]][0]
        for row in index["bagian"]
        if "e-kinerja" in ip.tokenize(" ".join(row[2:5]))
    }
    assert pages_with_it and set(results) == pages_with_it


def test_latih_is_not_swamped_by_exercise_boxes(opened, site_url, index):
    """Every training page has "Latihan" boxes; the top results are pages about training."""
    page, _ = opened
    results = search(page, "latih ")
    titles = {site_url + url: title for url, title in index["halaman"]}
    top = [titles[u] for u in results[:3]]
    assert all(re.search(r"latih", t, re.I) for t in top), top


def test_results_show_title_section_and_highlighted_snippet(opened, site_url):
    page, _ = opened
    search(page, "umpan balik korektif")
    first = page.locator(".md-search-result__item").first
    assert first.locator("h1").inner_text() == "Memberi umpan balik yang membangun"
    assert first.locator(".panduan-cari__bagian").count() == 1
    snippet = first.locator("article p").last
    assert snippet.locator("mark").count() >= 2
    marks = {m.lower() for m in snippet.locator("mark").all_inner_texts()}
    assert marks <= {"umpan", "balik", "korektif"}
    href = first.locator("a.md-search-result__link").first.get_attribute("href")
    assert strip(href) == site_url + "praktik/umpan-balik/"
    meta = page.locator(".md-search-result__meta").inner_text()
    assert re.fullmatch(r"\d+ dokumen sesuai", meta), meta


def test_prefix_while_typing_and_one_typo(opened, site_url):
    page, _ = opened
    assert site_url + "kendala/kemampuan-coach-mentor/" in search(page, "pengemb")[:3]
    assert site_url + "praktik/mendengarkan-bertanya/" in search(page, "mendengarkna aktif")[:3]
    assert search(page, "zzqxv") == []
    assert page.locator(".md-search-result__meta").inner_text() == "Tidak ada dokumen yang sesuai"


def test_keyboard_opens_moves_and_follows(guarded_page, site_url):
    page, traffic = guarded_page
    page.goto(site_url + "memahami/", wait_until="load")
    page.locator("body").press("/")
    box = page.locator("input.md-search__input")
    assert box.evaluate("el => el === document.activeElement")
    assert page.locator("#__search").is_checked()
    box.press_sequentially("teladan", delay=10)
    page.wait_for_function(
        "() => document.querySelector('[data-panduan-cari]')"
        ".getAttribute('data-kueri') === 'teladan'"
    )
    page.keyboard.press("ArrowDown")
    first = page.locator(".md-search-result__link").first
    assert first.evaluate("el => el === document.activeElement")
    page.keyboard.press("ArrowUp")
    assert box.evaluate("el => el === document.activeElement")
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()
    box.click()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/atasan/teladan/"))
    assert traffic.external == [] and traffic.page_errors == [] and traffic.console_errors == []


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_open_search_with_results_is_accessible(guarded_page, site_url, width):
    """axe on the open dialog with results and highlighted snippets: no serious/critical issue."""
    from tests.browser.a11y import audit

    page, traffic = guarded_page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + "praktik/", wait_until="load")
    if width < 960:  # phones: the magnifier in the header opens the dialog
        page.locator("label.md-header__button[for='__search']").click()
    else:  # wide screens: the search box is in the header
        page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("umpan balik", delay=10)
    page.wait_for_function(
        "() => document.querySelector('[data-panduan-cari]')"
        ".getAttribute('data-kueri') === 'umpan balik'"
    )
    assert page.locator(".md-search-result__item").first.is_visible()
    assert page.locator(".md-search-result__list mark").count() > 0
    assert audit(page, f"pencarian terbuka ({width} px)") == []
    assert traffic.external == [] and traffic.page_errors == [] and traffic.console_errors == []
