"""A link to a page says the page's name: its title in the navigation (or its H1).

A reader who follows "[Umpan balik](...)" and lands on "Memberi umpan balik yang membangun" wonders
whether they are in the right place. Links that point at a section (``page.md#anchor``) may name the
section instead. Checked on the Markdown sources, so the message names the file and the link.
"""

from __future__ import annotations

import posixpath
import re

import pytest
import yaml

from tests.guide.pages import DOCS, ROOT

LINK = re.compile(r"(?<!!)\[((?:[^\[\]]|\[[^\]]*\])+)\]\(([^)\s#]+\.md)(#[^)\s]*)?\)")
H1 = re.compile(r"^# (.+)$", re.M)


def plain(text: str) -> str:
    """Link or title text without emphasis and code marks, whitespace collapsed, lower case."""
    return " ".join(re.sub(r"[*_`]", "", text).split()).lower()


def nav_labels(nav: list) -> dict[str, str]:
    """Source path → the label the navigation gives it (``- Beranda: index.md``)."""
    labels: dict[str, str] = {}
    for item in nav:
        if isinstance(item, dict):
            ((label, value),) = item.items()
            if isinstance(value, list):
                labels |= nav_labels(value)
            else:
                labels[value] = label
    return labels


def page_titles() -> dict[str, str]:
    """Every page's name: its navigation label when it has one, else its H1."""

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    labels = nav_labels(config["nav"])
    titles = {}
    for path in DOCS.rglob("*.md"):
        rel = path.relative_to(DOCS).as_posix()
        found = H1.search(path.read_text(encoding="utf-8"))
        titles[rel] = labels.get(rel, found.group(1).strip() if found else rel)
    return titles


def mismatches(source: str, text: str, titles: dict[str, str]) -> list[str]:
    """Links in ``text`` (Markdown of page ``source``) whose words differ from the page's name."""
    found = []
    for m in LINK.finditer(text):
        words, target, anchor = m.groups()
        page = posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
        if anchor or page not in titles:
            continue
        if plain(words) != plain(titles[page]):
            found.append(f"{source}: [{' '.join(words.split())}] → {page} is '{titles[page]}'")
    return found


def test_links_name_the_page_they_open():
    titles = page_titles()
    assert len(titles) >= 50
    problems = [
        problem
        for path in sorted(DOCS.rglob("*.md"))
        for problem in mismatches(
            path.relative_to(DOCS).as_posix(), path.read_text(encoding="utf-8"), titles
        )
    ]
    assert problems == [], "use the page's title as the link text:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("Lihat [Umpan balik](praktik/umpan-balik.md).", 1),
        ("Lihat [Memberi *umpan balik* yang membangun](praktik/umpan-balik.md).", 0),
        ("Lihat [polanya](praktik/umpan-balik.md#pola).", 0),
        ("Lihat [Beranda](index.md) dan ![gambar](assets/x.md).", 0),
        ("[Tahap 6: Evaluasi kinerja](proses/evaluasi-hasil.md)", 1),
    ],
)
def test_checker_flags_only_links_whose_text_differs(markdown, expected):
    titles = {
        "praktik/umpan-balik.md": "Memberi umpan balik yang membangun",
        "index.md": "Beranda",
        "proses/evaluasi-hasil.md": "Tahap 6: Evaluasi hasil",
    }
    assert len(mismatches("index.md", markdown, titles)) == expected
