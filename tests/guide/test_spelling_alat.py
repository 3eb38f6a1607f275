"""Spelling of the Indonesian text that the guide's browser tools write on the page.

The tools build their forms, results and messages in JavaScript (``docs/assets/alat/*.js``), so
the rendered-site spelling test never sees those words. Here every string literal of the scripts
goes through the same checker: hunspell ``id_ID``, the reviewed word list, known stem + clitic.
"""

from __future__ import annotations

import re

from tests.guide.pages import ROOT, accepted_by, load_wordlist, misspelled, words

SCRIPTS = ("asesmen.js", "riwayat.js")
#: Double-quoted JavaScript string literals (escapes allowed).
LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
#: Literals that are code, not text: identifiers, selectors, attribute names, MIME types, class
#: lists, the strict-mode directive, escapes such as the byte-order mark.
CODE = re.compile(r"^(?:[\w.:/#\[\]=*,;+-]*|use strict|md-button.*|\\u[0-9a-f]{4})$")


def script_text() -> dict[str, list[str]]:
    """Words of the text literals of each script."""
    out = {}
    for name in SCRIPTS:
        source = (ROOT / "docs" / "assets" / "alat" / name).read_text(encoding="utf-8")
        source = re.sub(r"/\*.*?\*/", " ", source, flags=re.S)
        texts = [t for t in LITERAL.findall(source) if not CODE.match(t)]
        out[name] = words(" ".join(texts))
    return out


def test_tool_messages_are_spelled_right():
    pages = script_text()
    assert sum(len(w) for w in pages.values()) > 300, "the scripts should have their messages"
    unknown = misspelled({w for ws in pages.values() for w in ws}, accepted_by(load_wordlist()))
    assert not unknown, f"unknown words in the tools' messages: {sorted(unknown)}"


def test_the_extractor_finds_words_in_literals():
    text = 'pesan("Berkas \\"x\\" tidak dapat dibaca.", "galat"); el("div", {"class": "a-b"})'
    found = [t for t in LITERAL.findall(text) if not CODE.match(t)]
    assert found == ['Berkas \\"x\\" tidak dapat dibaca.']
