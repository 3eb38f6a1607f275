"""The personal report: complete, self-contained, and inert for hostile text."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from selfassess.instrument import load, parse
from selfassess.report import (
    PersonalReport,
    Section,
    chart_png,
    inline,
    personal_html,
    report_filename,
    safe_url,
)
from selfassess.scoring import score_answers

MINI = Path(__file__).resolve().parent / "data" / "instrumen" / "mini.yaml"
XSS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "<svg/onload=alert(3)>",
    "javascript:alert(4)",
    "</title><script>alert(5)</script>",
]

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "p", "strong",
    "em", "table", "thead", "tbody", "tr", "th", "td", "img", "ol", "ul", "li", "a", "footer",
}  # fmt: skip


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def elements(text: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Collect()
    parser.feed(text)
    return parser.tags


def assert_inert(text: str) -> None:
    tags = elements(text)
    assert {t for t, _ in tags} <= ALLOWED_TAGS, {t for t, _ in tags} - ALLOWED_TAGS
    for tag, attrs in tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        if tag == "a":
            assert re.match(r"^https?://", attrs["href"] or ""), attrs
        if tag == "img":
            assert (attrs["src"] or "").startswith("data:image/png;base64,")
    assert "<script" not in text.lower()


def full_report(code: str = "MAWAR-12", **extra) -> str:
    inst = load("kompetensi-coaching")
    scored = score_answers(inst, "MAWAR-12", {i.id: 4 for i in inst.items})
    kendala = load("cek-kendala")
    obstacles = score_answers(kendala, "MAWAR-12", {i.id: 3 for i in kendala.items})
    report = PersonalReport(
        code=code, sections=[Section(scored), Section(obstacles)], day=date(2026, 5, 22), **extra
    )
    return personal_html(report)


def test_report_is_a_complete_printable_document():
    text = full_report(phase="sebelum", group="Bagian Umum")
    assert text.startswith('<!DOCTYPE html>\n<html lang="id">')
    assert "<title>Laporan asesmen diri · MAWAR-12</title>" in text
    assert "Tanggal: 22 Mei 2026" in text and "Fase: sebelum pelatihan" in text
    assert "Unit kerja: Bagian Umum" in text
    assert "@media print" in text and "@page{size:A4" in text
    assert text.count('src="data:image/png;base64,') == 2  # one chart per instrument
    assert "Tiga dimensi yang paling perlu dikembangkan" in text
    assert "Kendala dari yang paling terasa" in text
    assert "http://127.0.0.1:8000/alat/asesmen-diri/" in text
    assert_inert(text)


def test_report_makes_no_request():
    text = full_report()
    for tag, attrs in elements(text):
        for name in ("src", "srcset", "poster"):
            value = attrs.get(name)
            assert value is None or value.startswith("data:"), (tag, name, value)
        if tag == "link":  # pragma: no cover - the report has no <link>
            raise AssertionError("no stylesheet links")
    assert "@import" not in text and "url(" not in text


@pytest.mark.parametrize("evil", XSS)
def test_hostile_code_group_and_note_are_inert(evil):
    text = full_report(code=evil, group=evil, note=evil)
    assert_inert(text)
    assert text.count("&lt;") >= 3 or "javascript:alert(4)" in text


def test_hostile_instrument_texts_and_guide_address_are_inert(monkeypatch):
    monkeypatch.setenv("SELFASSESS_PANDUAN_URL", "javascript:alert(6)//")
    yaml_text = MINI.read_text(encoding="utf-8")
    yaml_text = yaml_text.replace("name: Umpan balik", "name: '<img src=x onerror=alert(7)>'")
    yaml_text = yaml_text.replace(
        "interpretation: Perilaku ini kadang muncul.",
        "interpretation: '<script>alert(8)</script>'",
    )
    inst = parse(yaml_text, file="mini.yaml")
    scored = score_answers(
        inst, "A1", {"D1": 3, "D2": 3, "D3": 3, "U1": 3, "U2": 3, "R1": 5, "P1": "a"}
    )
    text = personal_html(PersonalReport("A1", [Section(scored)], day=date(2026, 5, 22)))
    assert_inert(text)
    assert "&lt;img src=x onerror=alert(7)&gt;" in text
    assert "&lt;script&gt;alert(8)&lt;/script&gt;" in text
    assert "<a " not in text, "links with a javascript: address are dropped"


def test_inline_keeps_only_emphasis():
    assert inline("(*coaching*)") == "(<em>coaching</em>)"
    assert inline("*<b>x</b>*") == "<em>&lt;b&gt;x&lt;/b&gt;</em>"
    assert safe_url("https://a.go.id/x") and safe_url("/relatif/") == "/relatif/"
    assert safe_url("javascript:alert(1)") is None and safe_url("data:text/html,x") is None


def test_chart_is_a_png_with_both_series():
    inst = load("kompetensi-coaching")
    png = chart_png(inst, [4, 3, None, 2, 5, 1, 3.5, 4.25])
    both = chart_png(inst, [4] * 8, [3] * 8)
    assert png.startswith(b"\x89PNG") and both.startswith(b"\x89PNG")
    assert png != both


def test_report_filename():
    assert (
        report_filename("MAWAR-12", date(2026, 5, 22)) == "laporan-asesmen-MAWAR-12-2026-05-22.html"
    )
    assert report_filename("<x>", date(2026, 5, 22)) == "laporan-asesmen-x-2026-05-22.html"
