"""Build the guide's Indonesian search index from a built site (`mkdocs build` or `zensical build`).

Usage: python scripts/indeks_pencarian.py SITE_DIR   (make site and make site-offline run it)

Reads every page of the built HTML (not the Markdown, so it works the same whatever built the site),
cuts each page into sections at its h2/h3 headings, and writes ``search/indeks-pencarian.js``: one
script that assigns ``window.__panduanIndeks``, loaded by docs/assets/js/pencarian.js only when a
reader opens search (a script file, so it also loads from file://).

Analysis (the same rules run in the browser, see docs/assets/js/pencarian-mesin.js):

- tokens are runs of letters and digits, joined by hyphens (``e-kinerja``, ``kata-kata``), in lower
  case;
- tokens listed in scripts/pencarian/analisis.yaml ``token_utuh`` stay whole and unstemmed;
- common words (``kata_umum``) are not indexed;
- every other token is reduced to its root with Sastrawi (PySastrawi, pinned), whose line-by-line
  JavaScript translation (docs/assets/js/sastrawi.js) stems what the reader types;
- the repeated titles of the training-page boxes (``judul_templat``: Latihan, Jawaban, ...) are not
  indexed, and a heading repeated on several pages counts less on each.

The index carries the text of every section (for snippets), the root of every word form that occurs
in the guide (computed here, in Python), the synonyms (scripts/pencarian/sinonim.yaml) as roots, and
the part of Sastrawi's root-word dictionary that the guide's words reach (so the browser stems a
typed word exactly as Python would).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import yaml

HERE = Path(__file__).resolve().parent
DATA = HERE / "pencarian"
INDEX_FILE = Path("search") / "indeks-pencarian.js"
VERSION = 1

#: A token: letters (Latin, with diacritics) and digits, optionally joined by single hyphens.
#: Keep in step with TOKEN in docs/assets/js/pencarian-mesin.js (a browser test compares the two).
TOKEN = re.compile(r"[0-9a-z\u00c0-\u024f]+(?:-[0-9a-z\u00c0-\u024f]+)*")
SKIP_PARTS = ("404.html", "print_page", "search/", "assets/")


def normalize(text: str) -> str:
    """Lower case, NFC, typographic apostrophes and dashes as plain characters."""
    text = unicodedata.normalize("NFC", text).lower()
    return text.replace("\u2019", "'").replace("\u2011", "-")


def tokenize(text: str) -> list[str]:
    """The tokens of a text, in order (see TOKEN)."""
    return TOKEN.findall(normalize(text))


@dataclass(frozen=True)
class Rules:
    """The analysis data: whole tokens, common words, template box titles, synonym groups."""

    whole: frozenset[str]
    common: frozenset[str]
    templates: tuple[str, ...]
    synonyms: tuple[tuple[str, ...], ...]
    roots: frozenset[str] = frozenset()

    @classmethod
    def load(cls, folder: Path = DATA) -> Rules:
        """Read analisis.yaml and sinonim.yaml; a broken file is a clear error naming it."""
        analysis = _yaml(folder / "analisis.yaml")
        synonyms = _yaml(folder / "sinonim.yaml")
        for key in ("token_utuh", "kata_umum", "judul_templat", "kata_dasar_tambahan"):
            if not isinstance(analysis.get(key), list):
                raise SystemExit(f"{folder / 'analisis.yaml'}: kunci '{key}' harus berupa daftar")
        if not isinstance(synonyms, list) or not all(
            isinstance(g, list) and len(g) >= 2 for g in synonyms
        ):
            raise SystemExit(
                f"{folder / 'sinonim.yaml'}: setiap butir harus daftar berisi dua frasa atau lebih"
            )
        return cls(
            whole=frozenset(normalize(str(t)) for t in analysis["token_utuh"]),
            common=frozenset(normalize(str(t)) for t in analysis["kata_umum"]),
            templates=tuple(normalize(str(t)) for t in analysis["judul_templat"]),
            synonyms=tuple(tuple(str(p) for p in g) for g in synonyms),
            roots=frozenset(normalize(str(t)) for t in analysis["kata_dasar_tambahan"]),
        )


def _yaml(path: Path):
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise SystemExit(f"{path}: tidak dapat dibaca ({err})") from err


@cache
def _sastrawi(extra: frozenset[str]):
    from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
    from Sastrawi.Stemmer.Stemmer import Stemmer
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    words = [w for w in StemmerFactory().get_words() if w and w.strip()] + sorted(extra)
    return Stemmer(ArrayDictionary(words)), frozenset(words)


@cache
def _extra_roots() -> frozenset[str]:
    return Rules.load().roots


def dictionary() -> frozenset[str]:
    """Sastrawi's root-word dictionary with the project's extra roots (kata_dasar_tambahan)."""
    return _sastrawi(_extra_roots())[1]


@cache
def stem(word: str) -> str:
    """Sastrawi's root of one lower-case token (dictionary: see dictionary())."""
    return _sastrawi(_extra_roots())[0].stem_word(word)


def terms(token: str, rules: Rules, root=stem) -> list[str]:
    """Index terms of one token: [] for a common word, the token itself when it stays whole, else
    its root; a hyphenated word whose root keeps the hyphen also gives the roots of its parts."""
    if token in rules.common:
        return []
    if token in rules.whole:
        return [token]
    base = root(token)
    out = [base]
    if "-" in base:
        for part in token.split("-"):
            if len(part) > 1 and part not in rules.common:
                out.append(part if part in rules.whole else root(part))
    return out


def analyze(text: str, rules: Rules, root=stem) -> list[str]:
    """Index terms of a text, in order."""
    return [t for tok in tokenize(text) for t in terms(tok, rules, root)]


# ── Reading built pages ───────────────────────────────────────────────────────────────────────


@dataclass
class Section:
    """One part of a page: the heading it starts at (none for the top), its anchor and text."""

    anchor: str
    heading: str
    labels: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.text)).strip()


@dataclass
class Page:
    """A built page: its URL (relative to the site root), title and sections."""

    url: str
    title: str
    sections: list[Section]


class _PageParser(HTMLParser):
    """Collect the title, the headings and the text of ``article.md-content__inner``."""

    SKIP: ClassVar[frozenset[str]] = frozenset({"script", "style", "template", "svg", "button"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # element depth inside the article (0 = outside)
        self.skip_depth = 0
        self.title = ""
        self.sections: list[Section] = [Section("", "")]
        self._capture: str | None = None  # "h1" | "h2" | "label" while inside one
        self._capture_depth = 0
        self._buffer: list[str] = []
        self._anchor = ""

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        classes = a.get("class", "").split()
        if self.depth == 0:
            if tag == "article" and "md-content__inner" in classes:
                self.depth = 1
            return
        if tag in {"br", "img", "hr", "input", "meta", "link", "wbr", "source"}:
            if tag == "br":
                self._text(" ")
            return
        self.depth += 1
        if self.skip_depth:
            return
        if tag in self.SKIP or "headerlink" in classes or "md-source-file" in classes:
            self.skip_depth = self.depth
            return
        if tag in {"h1", "h2", "h3"} and self._capture is None:
            self._begin("h1" if tag == "h1" else "h2", a.get("id", ""))
        elif self._capture is None and (
            tag == "summary" or (tag == "p" and "admonition-title" in classes)
        ):
            self._begin("label", "")
        elif tag in {"p", "li", "td", "th", "div", "pre", "dt", "dd", "tr", "h4", "h5", "h6"}:
            self._text(" ")

    def _begin(self, kind: str, anchor: str) -> None:
        self._capture, self._capture_depth, self._buffer, self._anchor = (
            kind,
            self.depth,
            [],
            anchor,
        )

    def handle_endtag(self, tag):
        if self.depth == 0 or tag in {"br", "img", "hr", "input", "meta", "link", "wbr", "source"}:
            return
        if self.skip_depth and self.depth == self.skip_depth:
            self.skip_depth = 0
        elif self._capture and self.depth == self._capture_depth:
            text = re.sub(r"\s+", " ", "".join(self._buffer)).strip()
            if self._capture == "h1":
                self.title = self.title or text
            elif self._capture == "h2":
                self.sections.append(Section(self._anchor, text))
            else:
                self.sections[-1].labels.append(text)
                self.sections[-1].text.append(" ")
            self._capture = None
        self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.skip_depth:
            self._text(data)

    def _text(self, data: str) -> None:
        if self._capture:
            self._buffer.append(data)
        else:
            self.sections[-1].text.append(data)


def read_page(path: Path, url: str) -> Page | None:
    """A built page, or None when it has no article (redirects, the 404 page)."""
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    if not parser.title and len(parser.sections) == 1 and not parser.sections[0].body:
        return None
    sections = [s for s in parser.sections if s.body or s.heading or s.labels]
    return Page(url, parser.title, sections)


def page_files(site: Path) -> list[tuple[Path, str]]:
    """Every guide page of a build with its URL: ``x/`` (web build) or ``x.html`` (file build)."""
    files = sorted(
        p
        for p in site.rglob("*.html")
        if not any(part in p.relative_to(site).as_posix() for part in SKIP_PARTS)
    )
    file_urls = any(p.name != "index.html" for p in files)
    out = []
    for path in files:
        rel = path.relative_to(site).as_posix()
        if not file_urls:
            rel = rel.removesuffix("index.html")
        out.append((path, rel))
    return out


def strip_template(label: str, rules: Rules) -> str:
    """A box title without its template word: "Latihan: daftar periksa" → "daftar periksa"."""
    low = normalize(label).strip()
    for name in rules.templates:
        if low == name:
            return ""
        if low.startswith(name + ":"):
            return label.split(":", 1)[1].strip()
    return label


# ── The index ─────────────────────────────────────────────────────────────────────────────────


def build_index(site: Path, rules: Rules | None = None) -> dict:
    """The search index of a built site, as plain data (what indeks-pencarian.js assigns)."""
    rules = rules or Rules.load()
    pages = [p for path, url in page_files(site) if (p := read_page(path, url))]
    if not pages:
        raise SystemExit(f"{site}: tidak ada halaman panduan; bangun situs dahulu (make site)")
    heading_pages = Counter()
    for page in pages:
        for h in {normalize(s.heading) for s in page.sections if s.heading}:
            heading_pages[h] += 1
    docs = []
    words: set[str] = set()
    for number, page in enumerate(pages):
        words.update(tokenize(page.title))
        for section in page.sections:
            labels = [x for x in (strip_template(lbl, rules) for lbl in section.labels) if x]
            body = section.body
            for text in (section.heading, body, *labels):
                words.update(tokenize(text))
            repeat = heading_pages[normalize(section.heading)] if section.heading else 1
            docs.append([number, section.anchor, section.heading, " · ".join(labels), body, repeat])
    forms: dict[str, str] = {}
    for word in sorted(words):
        for token in [word, *word.split("-")] if "-" in word else [word]:
            if token in rules.common or token in rules.whole or token in forms:
                continue
            root = stem(token)
            if root != token:
                forms[token] = root
    roots = {stem(w) for w in words} | {p for w in words if "-" in w for p in w.split("-")}
    synonyms = [
        [analyze(phrase, rules) for phrase in group]
        for group in rules.synonyms
        if all(analyze(phrase, rules) for phrase in group)
    ]
    return {
        "versi": VERSION,
        "halaman": [[p.url, p.title] for p in pages],
        "bagian": docs,
        "bentuk": forms,
        "kamus": sorted(dictionary() & roots),
        "utuh": sorted(rules.whole),
        "umum": sorted(rules.common),
        "sinonim": synonyms,
    }


def write_index(site: Path, rules: Rules | None = None) -> Path:
    """Write search/indeks-pencarian.js into a built site; returns its path."""
    index = build_index(site, rules)
    target = site / INDEX_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    target.write_text(
        "/* Indeks pencarian panduan; dibangun oleh scripts/indeks_pencarian.py. */\n"
        f"window.__panduanIndeks={payload};\n",
        encoding="utf-8",
    )
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Bangun indeks pencarian dari situs yang jadi.")
    parser.add_argument("site", type=Path, help="folder hasil build (site/ atau site-offline/)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"Galat: {args.site}/index.html tidak ada; bangun situs dahulu.", file=sys.stderr)
        return 2
    target = write_index(args.site)
    index = json.loads(target.read_text(encoding="utf-8").split("=", 1)[1].rstrip(";\n"))
    print(
        f"{target}: {len(index['halaman'])} halaman, {len(index['bagian'])} bagian, "
        f"{len(index['bentuk'])} bentuk kata, {target.stat().st_size / 1024:.0f} KiB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
