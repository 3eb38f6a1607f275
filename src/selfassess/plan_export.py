"""The coaching plan as a printable Word document (A4) and as Markdown.

Both hold the same parts: title and identity, the table of SMART goals, the schedule (with columns
for initials at each session), methods, material, how and when progress is evaluated, the GROW
session logs with their agreed actions, and signature lines for the supervisor (*atasan
langsung*) and the employee (*pegawai*). Text typed by users stays text: python-docx escapes it for
Word, :func:`md_escape` escapes it for Markdown (no HTML, links or formulas come alive).

:func:`plan_docx` and :func:`plan_markdown` build the file contents in memory; :func:`export_plan`
writes them (never replacing an existing file unless asked).
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from .plan import LABELS, Plan, Session
from .smart import MARKS, Status, check_draft, format_date, goal_statement
from .unduhan import download_dir, free_path, safe_name, write_new

TITLE = "Rencana Coaching dan Mentoring"
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
GOAL_HEADERS = (
    "No.",
    "Kalimat tujuan",
    "Indikator dan target",
    "Tenggat",
    "Dukungan",
    "Keterkaitan",
    "SMART",
)
GROW = (("goal", LABELS["goal"]), ("reality", LABELS["reality"]),
        ("options", LABELS["options"]), ("will", LABELS["will"]))  # fmt: skip
SIGNERS = ("Atasan langsung", "Pegawai (coachee)")
PLACE_DATE = "Tempat dan tanggal: " + "." * 50
FOOTER = "Dibuat dengan perangkat Panduan Coaching & Mentoring ASN."


def long_date(d: date) -> str:
    """``Senin, 4 Mei 2026``."""
    return f"{DAYS[d.weekday()]}, {format_date(d)}"


@dataclass(frozen=True)
class _GoalRow:
    number: int
    statement: str
    measure: str
    deadline: str
    support: str
    link: str
    smart: str


def _goal_rows(plan: Plan, today: date | None) -> list[_GoalRow]:
    rows = []
    for i, draft in enumerate(plan.goals, start=1):
        result = check_draft(draft, today=today)
        measure = " — ".join(x for x in (draft.indicator, draft.target) if x)
        rows.append(
            _GoalRow(
                i,
                goal_statement(draft),
                measure or "-",
                draft.deadline or "-",
                draft.support or "-",
                draft.link or "-",
                " ".join(f"{r.key}{r.mark}" for r in result),
            )
        )
    return rows


def _identity(plan: Plan, today: date) -> list[tuple[str, str]]:
    s = plan.schedule
    return [
        (LABELS["coachee"], plan.coachee),
        (LABELS["coach"], plan.coach or "-"),
        ("Periode sesi", f"{format_date(s.dates[0])} s.d. {format_date(s.dates[-1])}"),
        ("Dicetak", format_date(today)),
    ]


def _schedule_line(plan: Plan) -> str:
    s = plan.schedule
    parts = [
        f"Frekuensi: {s.frequency_label}",
        f"durasi {s.duration_minutes} menit",
        f"{len(s.dates)} sesi",
    ]
    if s.place:
        parts.append(f"tempat atau media: {s.place}")
    return "; ".join(parts) + "."


def _smart_legend() -> str:
    return (
        "SMART: S Spesifik, M Terukur, A Dapat dicapai, R Relevan, T Berbatas waktu; "
        f"{MARKS[Status.LULUS]} memenuhi, {MARKS[Status.BELUM]} belum, "
        f"{MARKS[Status.TIDAK_DAPAT_DINILAI]} perlu dinilai bersama atasan."
    )


# ── Markdown ────────────────────────────────────────────────────────────────────────────────────

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}!])")
_MD_LINE_START = re.compile(r"^(\s*)(#|>|[-+=*](?=\s|$)|[-=]{2,}\s*$|\d+[.)](?=\s|$))", re.M)


def md_inline(text: str) -> str:
    """User text as inert inline Markdown: no HTML, links, emphasis or code."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def md_escape(text: str) -> str:
    """User text as an inert Markdown block: also no headings, quotes or lists."""
    return _MD_LINE_START.sub(lambda m: m[1] + "\\" + m[2], md_inline(text))


def _md_cell(text: str) -> str:
    """A table cell: inline text, escaped pipes, line breaks as ``<br>``."""
    return "<br>".join(md_inline(line).replace("|", "\\|") for line in text.splitlines())


def _md_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
    return lines


def plan_markdown(plan: Plan, sessions: Sequence[Session] = (), today: date | None = None) -> str:
    """The plan, its goals and its sessions as a Markdown document."""
    today = today or date.today()
    out = [f"# {TITLE}", ""]
    out += [*_md_table(("Keterangan", "Isi"), _identity(plan, today)), ""]
    out += ["## Tujuan SMART", ""]
    out += _md_table(
        GOAL_HEADERS,
        [
            (str(g.number), g.statement, g.measure, g.deadline, g.support, g.link, g.smart)
            for g in _goal_rows(plan, today)
        ],
    )
    out += ["", _smart_legend(), "", "## Jadwal sesi", "", md_escape(_schedule_line(plan)), ""]
    out += _md_table(
        ("Sesi", "Hari, tanggal", "Paraf atasan", "Paraf pegawai"),
        [(str(i), long_date(d), "", "") for i, d in enumerate(plan.schedule.dates, start=1)],
    )
    out += ["", "## Metode dan teknik", ""]
    out += [f"- {md_escape(m)}" for m in plan.methods]
    out += ["", "## Materi", "", _md_paragraphs(plan.material), ""]
    out += ["## Evaluasi kemajuan", ""]
    out += [f"- **Cara:** {_md_inline(plan.evaluation_how)}"]
    out += [f"- **Waktu:** {_md_inline(plan.evaluation_when)}", ""]
    if plan.notes:
        out += ["## Catatan", "", _md_paragraphs(plan.notes), ""]
    out += ["## Catatan sesi (GROW)", ""]
    if not sessions:
        out += ["Belum ada sesi yang dicatat.", ""]
    for s in sessions:
        out += [f"### Sesi {s.number}: {long_date(s.held_on)}", ""]
        out += _md_table(("Tahap", "Catatan"), [(label, getattr(s, k)) for k, label in GROW])
        out += ["", "**Tindakan yang disepakati**", ""]
        if s.actions:
            out += _md_table(
                (LABELS["action"], LABELS["owner"], "Tenggat"),
                [(a.what, a.owner, format_date(a.due)) for a in s.actions],
            )
        else:
            out += ["Tidak ada."]
        out += ["", f"**Sesi berikutnya:** {_md_inline(_next(s))}", ""]
    out += ["## Tanda tangan", ""]
    out += [PLACE_DATE, ""]
    out += _md_table(SIGNERS, [("", ""), ("", ""), _signature_lines(), _nip_lines()])
    out += ["", f"*{FOOTER}*", ""]
    return "\n".join(out)


def _md_inline(text: str) -> str:
    return "<br>".join(md_inline(line) for line in text.splitlines()) or "-"


def _md_paragraphs(text: str) -> str:
    return "\n\n".join(md_escape(line) for line in text.splitlines()) or "-"


def _next(s: Session) -> str:
    if s.next_date is None:
        return s.next_topic or "belum ditentukan"
    return long_date(s.next_date) + (f", topik: {s.next_topic}" if s.next_topic else "")


def _signature_lines() -> tuple[str, str]:
    return ("(" + "." * 40 + ")", "(" + "." * 40 + ")")


def _nip_lines() -> tuple[str, str]:
    return ("NIP " + "." * 36, "NIP " + "." * 36)


# ── Word ────────────────────────────────────────────────────────────────────────────────────────


def _a4(document: Document) -> None:
    for section in document.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.0)
        section.top_margin = section.bottom_margin = Cm(2.0)
        section.footer.paragraphs[0].text = FOOTER
        section.footer.paragraphs[0].runs[0].font.size = Pt(8)
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10.5)


def _table(document: Document, headers: Sequence[str], rows: Sequence[Sequence[str]],
           widths: Sequence[float] | None = None, size: float = 9.5):  # fmt: skip
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        run.font.size = Pt(size)
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            _cell_text(cell, text, size)
    if widths:  # Word reads the cell widths, LibreOffice the column grid: set both
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = Cm(width)
    return table


def _cell_text(cell, text: str, size: float) -> None:
    lines = text.splitlines() or [""]
    cell.text = ""
    paragraph = cell.paragraphs[0]
    for i, line in enumerate(lines):
        if i:
            paragraph = cell.add_paragraph()
        paragraph.add_run(line).font.size = Pt(size)


def plan_docx(plan: Plan, sessions: Sequence[Session] = (), today: date | None = None) -> bytes:
    """The plan, its goals and its sessions as a printable A4 Word document (bytes)."""
    today = today or date.today()
    document = Document()
    _a4(document)
    props = document.core_properties
    props.title, props.subject = TITLE, f"Rencana coaching {plan.coachee}"
    props.author = props.last_modified_by = "Panduan Coaching & Mentoring ASN"
    props.comments = ""

    document.add_heading(TITLE, level=0)
    _table(document, ("Keterangan", "Isi"), _identity(plan, today), widths=(5.0, 12.0), size=10)

    document.add_heading("Tujuan SMART", level=1)
    _table(
        document,
        GOAL_HEADERS,
        [
            (str(g.number), g.statement, g.measure, g.deadline, g.support, g.link, g.smart)
            for g in _goal_rows(plan, today)
        ],
        widths=(0.9, 4.7, 3.0, 1.9, 2.4, 2.3, 1.8),
        size=8.5,
    )
    document.add_paragraph(_smart_legend()).runs[0].font.size = Pt(8)

    document.add_heading("Jadwal sesi", level=1)
    document.add_paragraph(_schedule_line(plan))
    _table(
        document,
        ("Sesi", "Hari, tanggal", "Paraf atasan", "Paraf pegawai"),
        [(str(i), long_date(d), "", "") for i, d in enumerate(plan.schedule.dates, start=1)],
        widths=(1.5, 6.5, 4.5, 4.5),
        size=10,
    )

    document.add_heading("Metode dan teknik", level=1)
    for method in plan.methods:
        document.add_paragraph(method, style="List Bullet")
    document.add_heading("Materi", level=1)
    for line in plan.material.splitlines():
        document.add_paragraph(line)
    document.add_heading("Evaluasi kemajuan", level=1)
    for label, text in (("Cara", plan.evaluation_how), ("Waktu", plan.evaluation_when)):
        paragraph = document.add_paragraph(style="List Bullet")
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(text.replace("\n", "; "))
    if plan.notes:
        document.add_heading("Catatan", level=1)
        for line in plan.notes.splitlines():
            document.add_paragraph(line)

    document.add_heading("Catatan sesi (GROW)", level=1)
    if not sessions:
        document.add_paragraph("Belum ada sesi yang dicatat.")
    for s in sessions:
        document.add_heading(f"Sesi {s.number}: {long_date(s.held_on)}", level=2)
        _table(
            document,
            ("Tahap", "Catatan"),
            [(label, getattr(s, k) or "-") for k, label in GROW],
            widths=(4.0, 13.0),
            size=9.5,
        )
        document.add_paragraph().add_run("Tindakan yang disepakati").bold = True
        if s.actions:
            _table(
                document,
                (LABELS["action"], LABELS["owner"], "Tenggat"),
                [(a.what, a.owner, format_date(a.due)) for a in s.actions],
                widths=(9.0, 4.0, 4.0),
                size=9.5,
            )
        else:
            document.add_paragraph("Tidak ada.")
        paragraph = document.add_paragraph()
        paragraph.add_run("Sesi berikutnya: ").bold = True
        paragraph.add_run(_next(s))

    document.add_heading("Tanda tangan", level=1)
    document.add_paragraph(
        "Tempat dan tanggal: ..................................................."
    )
    signatures = document.add_table(rows=4, cols=2)
    signatures.alignment = WD_TABLE_ALIGNMENT.CENTER
    texts = [SIGNERS, ("", ""), _signature_lines(), _nip_lines()]
    for row, pair in zip(signatures.rows, texts, strict=True):
        for cell, text in zip(row.cells, pair, strict=True):
            cell.text = text
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    signatures.rows[1].height = Cm(2.2)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# ── files ───────────────────────────────────────────────────────────────────────────────────────


def file_stem(plan: Plan, today: date | None = None) -> str:
    """``rencana-coaching-BUDI-07-2026-05-04``."""
    return safe_name(f"rencana-coaching-{plan.coachee}-{(today or date.today()).isoformat()}")


def export_plan(
    plan: Plan,
    sessions: Sequence[Session] = (),
    folder: Path | None = None,
    *,
    formats: Sequence[str] = ("docx", "md"),
    overwrite: bool = False,
    today: date | None = None,
) -> list[Path]:
    """Write the plan as Word and/or Markdown into ``folder`` (default: the download folder).

    Without ``overwrite`` an existing file is kept and the new one gets a free name
    (``...-2.docx``). Returns the paths written.
    """
    folder = Path(folder) if folder is not None else download_dir()
    stem = file_stem(plan, today)
    written = []
    for fmt in formats:
        if fmt == "docx":
            data = plan_docx(plan, sessions, today)
        elif fmt == "md":
            data = plan_markdown(plan, sessions, today).encode("utf-8")
        else:
            raise ValueError(f"unknown format {fmt!r}")
        path = folder / f"{stem}.{fmt}" if overwrite else free_path(folder, stem, f".{fmt}")
        written.append(write_new(path, data, overwrite=overwrite))
    return written
