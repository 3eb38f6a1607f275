"""The search index build step (scripts/indeks_pencarian.py) and the precompression step
(scripts/kompres.py), on small built pages and on the real builds."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import brotli
import pytest

from scripts import indeks_pencarian as ip
from scripts import kompres

RULES = ip.Rules.load()

PAGE = """<html><body><nav>Menu <h2>bukan isi</h2></nav>
<article class="md-content__inner md-typeset">
<h1 id="judul">Memberi umpan balik<a class="headerlink" href="#judul">&para;</a></h1>
<p>Atasan memeriksa pekerjaan lewat e-Kinerja dan SKP.</p>
<div class="admonition example"><p class="admonition-title">Latihan: menegur dengan baik</p>
<p>Kata-kata yang dipakai.</p>
<details class="success"><summary>Jawaban</summary><p>Jawaban contoh.</p></details></div>
<h2 id="pola">Pola situasi&ndash;perilaku&ndash;dampak<a class="headerlink"
href="#pola">&para;</a></h2>
<p>Pengembangan <code>gzip_static</code> pegawai.<br>Baris kedua.</p>
<script>var x = "tidak diindeks";</script>
</article></body></html>"""


def test_tokens_keep_hyphenated_words_and_lower_case():
    assert ip.tokenize("e-Kinerja, SKP; kata-kata—situasi–perilaku gzip_static") == [
        "e-kinerja",
        "skp",
        "kata-kata",
        "situasi",
        "perilaku",
        "gzip",
        "static",
    ]


@pytest.mark.parametrize(
    ("word", "root"),
    [
        ("memeriksa", "periksa"),
        ("pemeriksaan", "periksa"),
        ("periksa", "periksa"),
        ("pengembangan", "kembang"),
        ("berkembang", "kembang"),
        ("membimbing", "bimbing"),
        ("pembimbing", "bimbing"),
        ("mendengarkan", "dengar"),
        ("pelatihan", "latih"),
        ("menegur", "tegur"),
        ("kinerjanya", "kinerja"),
    ],
)
def test_sastrawi_roots_including_nasal_changes(word, root):
    assert ip.stem(word) == root


def test_whole_tokens_common_words_and_hyphenated_words():
    assert ip.terms("e-kinerja", RULES) == ["e-kinerja"]
    assert ip.terms("berakhlak", RULES) == ["berakhlak"]
    assert ip.terms("yang", RULES) == []
    assert ip.terms("kata-kata", RULES) == ["kata"]
    assert ip.terms("tanya-jawab", RULES)[1:] == ["tanya", "jawab"]


def test_template_box_titles_are_dropped():
    assert ip.strip_template("Latihan", RULES) == ""
    assert ip.strip_template("Latihan: daftar periksa gladi", RULES) == "daftar periksa gladi"
    assert ip.strip_template("Poin kunci", RULES) == ""
    assert ip.strip_template("Catatan untuk pelatih", RULES) == ""
    assert ip.strip_template("Periksa versi yang berlaku", RULES) == "Periksa versi yang berlaku"


def _site(tmp_path: Path, pages: dict[str, str]) -> Path:
    for rel, html in pages.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    return tmp_path


def test_page_sections_headings_and_text(tmp_path):
    site = _site(tmp_path, {"index.html": PAGE, "a/index.html": PAGE, "404.html": PAGE})
    page = ip.read_page(site / "index.html", "")
    assert page.title == "Memberi umpan balik"
    assert [s.heading for s in page.sections] == ["", "Pola situasi–perilaku–dampak"]
    assert [s.anchor for s in page.sections] == ["", "pola"]
    top = page.sections[0]
    assert top.labels == ["Latihan: menegur dengan baik", "Jawaban"]
    assert "memeriksa pekerjaan lewat e-Kinerja" in top.body
    assert "bukan isi" not in top.body and "¶" not in top.body
    assert "tidak diindeks" not in page.sections[1].body
    assert "pegawai. Baris kedua." in page.sections[1].body


def test_urls_of_web_and_file_builds(tmp_path):
    web = _site(tmp_path / "web", {"index.html": PAGE, "a/b/index.html": PAGE, "404.html": PAGE})
    assert [u for _, u in ip.page_files(web)] == ["a/b/", ""]
    files = _site(tmp_path / "file", {"index.html": PAGE, "a/b.html": PAGE, "a/index.html": PAGE})
    assert [u for _, u in ip.page_files(files)] == ["a/b.html", "a/index.html", "index.html"]


def test_index_has_roots_synonyms_and_the_dictionary_the_guide_needs(tmp_path):
    site = _site(tmp_path, {"index.html": PAGE, "x/index.html": PAGE.replace("Pola", "Daftar")})
    index = ip.build_index(site)
    assert [p[0] for p in index["halaman"]] == ["", "x/"]
    assert index["bentuk"]["memeriksa"] == "periksa"
    assert index["bentuk"]["pengembangan"] == "kembang"
    assert "e-kinerja" not in index["bentuk"]
    assert {"periksa", "kembang", "tegur"} <= set(index["kamus"])
    assert set(index["kamus"]) <= ip.dictionary()
    labels = {row[3] for row in index["bagian"]}
    assert "menegur dengan baik" in labels and not any("Jawaban" in x for x in labels)
    repeat = {row[2]: row[5] for row in index["bagian"] if row[2]}
    assert repeat == {"Pola situasi–perilaku–dampak": 1, "Daftar situasi–perilaku–dampak": 1}
    assert ["tegur"] in [g[0] for g in index["sinonim"]]


def test_written_index_is_a_script_assigning_the_index(tmp_path):
    site = _site(tmp_path, {"index.html": PAGE})
    target = ip.write_index(site)
    text = target.read_text(encoding="utf-8")
    assert text.splitlines()[1].startswith("window.__panduanIndeks={")
    assert json.loads(text.split("=", 1)[1].rstrip(";\n"))["versi"] == ip.VERSION


def test_cli_refuses_a_folder_that_is_not_a_built_site(tmp_path, capsys):
    assert ip.main([str(tmp_path)]) == 2
    assert "index.html tidak ada" in capsys.readouterr().err


def test_broken_rules_name_the_file(tmp_path):
    (tmp_path / "analisis.yaml").write_text("token_utuh: satu\n", encoding="utf-8")
    (tmp_path / "sinonim.yaml").write_text("[]\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"analisis\.yaml: kunci 'token_utuh'"):
        ip.Rules.load(tmp_path)


@pytest.mark.parametrize("name", ["site", "site-offline"])
def test_real_builds_have_an_index_of_every_page(name):
    from tests.sitecheck import built_site

    site = built_site(name)
    text = (site / ip.INDEX_FILE).read_text(encoding="utf-8")
    index = json.loads(text.split("=", 1)[1].rstrip(";\n"))
    assert len(index["halaman"]) == len(ip.page_files(site)) >= 50
    assert not any("print_page" in url for url, _ in index["halaman"])
    assert len(index["bagian"]) > 300


# ── Precompressed copies ───────────────────────────────────────────────────────────────────


def test_precompress_writes_gzip_and_brotli_that_decompress_to_the_file(tmp_path):
    site = _site(tmp_path, {"index.html": PAGE * 5, "a.css": "a{}", "x/app.js": "var a=1;\n" * 200})
    (site / "img.png").write_bytes(b"\x89PNG" + bytes(2000))
    (site / "old.js.gz").write_bytes(b"stale")
    files, total, packed = kompres.precompress(site)
    assert files == 2 and packed < total
    for rel in ("index.html", "x/app.js"):
        data = (site / rel).read_bytes()
        assert gzip.decompress((site / f"{rel}.gz").read_bytes()) == data
        assert brotli.decompress((site / f"{rel}.br").read_bytes()) == data
    assert not (site / "a.css.gz").exists(), "tiny files are left alone"
    assert not (site / "img.png.gz").exists(), "images are already compressed"
    assert not (site / "old.js.gz").exists(), "copies of removed files are removed"
    first = (site / "index.html.gz").read_bytes()
    kompres.precompress(site)
    assert (site / "index.html.gz").read_bytes() == first, "the same site gives the same bytes"


def test_web_build_ships_precompressed_pages_css_js_and_index():
    from tests.sitecheck import built_site

    site = built_site("site")
    for rel in ("index.html", "search/indeks-pencarian.js", "assets/js/pencarian.js"):
        assert (site / f"{rel}.gz").is_file() and (site / f"{rel}.br").is_file(), rel
    css = next((site / "assets/stylesheets").glob("main.*.min.css"))
    assert css.with_name(css.name + ".br").is_file()


def test_squeeze_keeps_pre_script_and_inline_spacing():
    html = (
        "<ul>\n    <li><a>x</a>\n      <b>y</b></li>\n</ul>\n"
        "<pre><code>a\n    b\n</code></pre>\n  <script>\n  var a;\n</script>\n  <p>p</p>"
    )
    assert kompres.squeeze(html) == (
        "<ul>\n<li><a>x</a>\n<b>y</b></li>\n</ul>\n"
        "<pre><code>a\n    b\n</code></pre>\n<script>\n  var a;\n</script>\n<p>p</p>"
    )


def test_the_browser_stemmer_names_the_pinned_pysastrawi():
    """docs/assets/js/sastrawi.js translates the pinned version; the browser tests compare them."""
    from importlib.metadata import version

    pinned = version("pysastrawi")
    js = (ip.HERE.parent / "docs" / "assets" / "js" / "sastrawi.js").read_text(encoding="utf-8")
    pyproject = (ip.HERE.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert f'"pysastrawi=={pinned}"' in pyproject
    assert f'version: "pysastrawi {pinned}"' in js
    assert f"PySastrawi {pinned}" in js
    assert (ip.HERE.parent / "docs" / "assets" / "js" / "LICENSE-sastrawi.txt").is_file()
