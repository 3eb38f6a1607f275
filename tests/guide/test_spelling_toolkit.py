"""Spelling of the Indonesian text shipped with the toolkit: instrument YAML and notebook Markdown.

Same rules as the guide (``test_spelling.py``): hunspell ``id_ID``, the reviewed word list, at most
``MAX_PER_1000`` unknown words per 1,000 words. English text (``en:`` keys) is left out.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from tests.guide.pages import ROOT, load_wordlist, prose, words
from tests.guide.test_spelling import MAX_PER_1000, rate, unknown_words

INSTRUMENTS = ROOT / "src" / "selfassess" / "instruments"
NOTEBOOKS = ROOT / "notebooks"


def yaml_texts(node: object) -> Iterator[str]:
    """Indonesian strings of an instrument: ``{id: …, en: …}`` texts and ``text:`` values."""
    if isinstance(node, dict):
        if isinstance(node.get("id"), str) and "en" in node:
            yield node["id"]
        for key, value in node.items():
            if key == "text" and isinstance(value, str):
                yield value
            elif key != "en":
                yield from yaml_texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from yaml_texts(value)


def notebook_text(path: Path) -> str:
    """The prose of a notebook's Markdown cells (code, URLs and e-mail addresses removed)."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    source = "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return prose(BeautifulSoup(markdown.markdown(source), "html.parser"))


def toolkit_words() -> dict[str, list[str]]:
    """Words of every instrument and notebook, keyed by the file's path in the repository."""
    texts = {}
    for path in sorted(INSTRUMENTS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts[path] = " ".join(yaml_texts(data))
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        texts[path] = notebook_text(path)
    return {p.relative_to(ROOT).as_posix(): words(t) for p, t in texts.items()}


def test_toolkit_spelling():
    files = toolkit_words()
    assert any(f.endswith(".yaml") for f in files), "no instrument files found"
    unknown = unknown_words(files, load_wordlist())
    found = rate(unknown, files)
    detail = [
        f"  {f}: " + ", ".join(f"{w} ({n})" for w, n in c.most_common())
        for f, c in unknown.items()
        if c
    ]
    assert found <= MAX_PER_1000, (
        f"{found:.2f} unknown words per 1,000 in instruments and notebooks (limit "
        f"{MAX_PER_1000}):\n" + "\n".join(detail)
    )


def test_extraction_keeps_indonesian_and_drops_english_and_ids():
    data = {
        "id": "cek-kendala",
        "title": {"id": "Cek kendala", "en": "Obstacles check"},
        "items": [{"id": "KW1", "text": {"id": "Beban tugas rutin", "en": "Routine workload"}}],
        "options": [{"id": "a", "text": "terukur"}],
        "actions": [{"text": "Masukkan sesi ke kalender", "page": "kendala/index.md"}],
    }
    assert list(yaml_texts(data)) == [
        "Cek kendala",
        "Beban tugas rutin",
        "terukur",
        "Masukkan sesi ke kalender",
    ]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Buka `00-mulai.ipynb` lalu **jalankan**.", ["Buka", "lalu", "jalankan"]),
        ("Lihat [panduan](http://127.0.0.1:8000/alat/).", ["Lihat", "panduan"]),
    ],
)
def test_notebook_markdown_is_read_as_prose(tmp_path, source, expected):
    nb = {
        "cells": [
            {"cell_type": "markdown", "source": [source]},
            {"cell_type": "code", "source": ["print('zzqx')"]},
        ]
    }
    path = tmp_path / "x.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    assert words(notebook_text(path)) == expected
