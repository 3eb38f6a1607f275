"""Word and Markdown export of a coaching plan: read back, inert user text, no overwrite."""

from __future__ import annotations

import base64
import io
import re
import zipfile
from datetime import date

import markdown
import pytest
from docx import Document
from docx.shared import Cm

from selfassess.errors import UserError
from selfassess.plan import make_plan, make_session
from selfassess.plan_export import export_plan, md_escape, plan_docx, plan_markdown
from selfassess.smart import Draft
from selfassess.unduhan import ENV_VAR, download_dir, free_path, link_html, write_new
from tests.plan_data import GOAL, plan_fields, session_fields

TODAY = date(2026, 5, 4)
NASTY = [
    "<script>alert('x')</script>",
    '=HYPERLINK("http://contoh.invalid/","klik")',
    "[klik di sini](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    "| kolom | palsu |",
    "# judul palsu",
    "@SUM(1+1)",
]


def make(goals=(GOAL,), material="Tata naskah dinas elektronik\nPenyusunan telaahan staf"):
    plan, _ = make_plan(**plan_fields(goals=list(goals), count=4, material=material))
    session, _ = make_session(**session_fields(options="Disposisi elektronik\nTemplat jawaban"))
    return plan, [session]


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def test_docx_reopens_with_title_goals_schedule_sessions_and_signatures():
    plan, sessions = make()
    document = Document(io.BytesIO(plan_docx(plan, sessions, today=TODAY)))
    section = document.sections[0]
    assert abs(section.page_width - Cm(21.0)) < Cm(0.01)
    assert abs(section.page_height - Cm(29.7)) < Cm(0.01)
    assert document.paragraphs[0].text == "Rencana Coaching dan Mentoring"
    assert document.paragraphs[0].style.name == "Title"
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [
        "Tujuan SMART",
        "Jadwal sesi",
        "Metode dan teknik",
        "Materi",
        "Evaluasi kemajuan",
        "Catatan sesi (GROW)",
        "Sesi 1: Senin, 4 Mei 2026",
        "Tanda tangan",
    ]
    identity, goals, schedule, grow, actions, signatures = document.tables
    assert [c.text for c in identity.rows[0].cells] == ["Keterangan", "Isi"]
    assert identity.rows[1].cells[1].text == "BUDI-07"
    assert [c.text for c in goals.rows[0].cells][:3] == [
        "No.",
        "Kalimat tujuan",
        "Indikator dan target",
    ]
    assert goals.rows[1].cells[1].text == (
        "Meningkatkan ketepatan waktu jawaban surat masuk, diukur dari persentase surat masuk "
        "yang dijawab dalam 3 hari kerja dari 60% menjadi 90%, paling lambat 31 Desember 2026, "
        "untuk mendukung IKU 2 Biro Umum."
    )
    assert goals.rows[1].cells[6].text == "S✓ M✓ A✓ R✓ T✓"
    assert len(schedule.rows) == 1 + 4
    assert schedule.rows[4].cells[1].text == "Senin, 15 Juni 2026"
    assert [r.cells[0].text for r in grow.rows] == [
        "Tahap",
        "Goal (Tujuan)",
        "Reality (Kenyataan)",
        "Options (Pilihan)",
        "Will (Komitmen)",
    ]
    assert grow.rows[3].cells[1].text == "Disposisi elektronik\nTemplat jawaban"
    assert [c.text for c in actions.rows[1].cells] == [
        "Membuat 5 templat jawaban surat",
        "coachee",
        "15 Mei 2026",
    ]
    assert [c.text for c in signatures.rows[0].cells] == ["Atasan langsung", "Pegawai (coachee)"]
    assert signatures.rows[2].cells[0].text.startswith("(....")
    text = all_text(document)
    assert "Sesi berikutnya: Senin, 18 Mei 2026, topik: Meninjau templat" in text
    assert "Percakapan coaching model GROW" in text
    assert "Frekuensi: Setiap 2 minggu; durasi 60 menit; 4 sesi" in text
    assert document.core_properties.title == "Rencana Coaching dan Mentoring"


def test_docx_without_sessions_says_so():
    plan, _ = make()
    document = Document(io.BytesIO(plan_docx(plan, [], today=TODAY)))
    assert "Belum ada sesi yang dicatat." in all_text(document)


def test_user_text_stays_inert_in_docx():
    goals = [Draft(goal=text, link=text) for text in NASTY]
    plan, sessions = make(goals=goals, material="\n".join(NASTY))
    data = plan_docx(plan, sessions, today=TODAY)
    text = all_text(Document(io.BytesIO(data)))
    for nasty in NASTY:
        assert nasty in text  # shown literally
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        body = z.read("word/document.xml").decode("utf-8")
        names = z.namelist()
    assert "<script" not in body and "<img" not in body
    assert "fldSimple" not in body and "instrText" not in body  # no Word fields or formulas
    assert not any("hyperlink" in n.lower() or "oleObject" in n for n in names)
    assert "w:hyperlink" not in body


def test_markdown_has_every_part():
    plan, sessions = make()
    md = plan_markdown(plan, sessions, today=TODAY)
    assert md.startswith("# Rencana Coaching dan Mentoring\n")
    for heading in ("## Tujuan SMART", "## Jadwal sesi", "## Metode dan teknik", "## Materi",
                    "## Evaluasi kemajuan", "## Catatan sesi (GROW)",
                    "### Sesi 1: Senin, 4 Mei 2026", "## Tanda tangan"):  # fmt: skip
        assert heading in md
    assert "| 4 | Senin, 15 Juni 2026 |  |  |" in md
    assert "Atasan langsung | Pegawai (coachee)" in md
    page = markdown.markdown(md, extensions=["tables"])
    assert page.count("<table>") == 6
    assert "Disposisi elektronik<br>Templat jawaban" in page


def test_user_text_stays_inert_in_markdown():
    goals = [Draft(goal=text, indicator=text) for text in NASTY]
    plan, sessions = make(goals=goals, material="\n".join(NASTY))
    md = plan_markdown(plan, sessions, today=TODAY)
    page = markdown.markdown(md, extensions=["tables"])
    assert "<script" not in page and "<img" not in page
    assert "href=" not in page
    # The goal table still has exactly 7 columns in every row (pipes did not split cells).
    goal_table = page.split("<table>")[2]
    for row in re.findall(r"<tr>(.*?)</tr>", goal_table, re.S)[1:]:
        assert row.count("<td") == 7
    assert page.count("<h1") == 1  # "# judul palsu" is not a heading


@pytest.mark.parametrize("text", NASTY)
def test_md_escape_round_trips_visible_text(text):
    page = markdown.markdown(md_escape(text))
    visible = re.sub(r"<[^>]+>", "", page)
    import html as _html

    assert _html.unescape(visible).strip() == text.strip()


def test_export_writes_both_files_and_never_overwrites(tmp_path):
    plan, sessions = make()
    first = export_plan(plan, sessions, tmp_path, today=TODAY)
    assert [p.name for p in first] == [
        "rencana-coaching-BUDI-07-2026-05-04.docx",
        "rencana-coaching-BUDI-07-2026-05-04.md",
    ]
    before = first[0].read_bytes()
    second = export_plan(plan, [], tmp_path, today=TODAY)
    assert [p.name for p in second] == [
        "rencana-coaching-BUDI-07-2026-05-04-2.docx",
        "rencana-coaching-BUDI-07-2026-05-04-2.md",
    ]
    assert first[0].read_bytes() == before
    replaced = export_plan(plan, [], tmp_path, formats=["md"], overwrite=True, today=TODAY)
    assert replaced == [first[1]]
    assert "Belum ada sesi yang dicatat." in first[1].read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in first + second)
    with pytest.raises(ValueError):
        export_plan(plan, [], tmp_path, formats=["pdf"])


def test_write_new_refuses_existing_file(tmp_path):
    target = tmp_path / "a.md"
    write_new(target, b"satu")
    with pytest.raises(UserError) as info:
        write_new(target, b"dua")
    assert info.value.file == str(target)
    assert "tidak ditimpa" in str(info.value)
    assert target.read_bytes() == b"satu"
    write_new(target, b"dua", overwrite=True)
    assert target.read_bytes() == b"dua"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]  # no temporary files left
    assert free_path(tmp_path, "a", ".md").name == "a-2.md"


def test_write_new_reports_unwritable_folder(tmp_path):
    blocker = tmp_path / "berkas"
    blocker.write_text("x")
    with pytest.raises(UserError) as info:
        write_new(blocker / "sub" / "a.md", b"x")
    assert "tidak dapat ditulis" in str(info.value)


def test_download_dir(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    assert download_dir() == tmp_path
    monkeypatch.delenv(ENV_VAR)
    assert download_dir().parts[-2:] == (".selfassess", "unduhan")


def test_link_html_carries_the_file_and_escapes_names():
    link = link_html('a"><script>.docx', b"PK\x03\x04isi", "Unduh <Word>")
    assert "<script>" not in link
    assert "Unduh &lt;Word&gt;" in link
    assert 'download="a&quot;&gt;&lt;script&gt;.docx"' in link
    payload = re.search(r"base64,([^\"]+)", link)[1]
    assert base64.b64decode(payload) == b"PK\x03\x04isi"
    assert "application/vnd.openxmlformats-officedocument.wordprocessingml.document" in link
