"""Write the training-evaluation test files the way real tools export them.

Two sets, both committed (the tests never need LibreOffice):

* ``tests/data/angkatan-contoh/`` — the sample cohort: 16 supervisors in four units, exported from
  Google Forms (reaction survey, English interface), a Google Sheets spreadsheet in the Indonesian
  locale (knowledge test before), Microsoft Forms (knowledge test after, quiz columns, questions in
  another order), Excel on Windows via LibreOffice (self-assessment before: ``;``, decimal comma,
  Windows-1252), LibreOffice XLSX (self-assessment at follow-up) and Google Forms (coachee form).
* ``tests/data/ingest/`` — small files for one nasty case each (see ``manifest.yaml`` there).

LibreOffice (``soffice``) writes the files marked as such; the others are written byte for byte the
way the tool writes them (quoting, line endings, byte-order mark, date format) with the standard
library and openpyxl. Run again only when the instruments' texts change:

    python scripts/korpus_evaluasi.py
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import yaml
from openpyxl import Workbook

ROOT = Path(__file__).resolve().parent.parent
INSTRUMENTS = ROOT / "src" / "selfassess" / "instruments"
COHORT_DIR = ROOT / "tests" / "data" / "angkatan-contoh"
INGEST_DIR = ROOT / "tests" / "data" / "ingest"
BAD_DIR = ROOT / "tests" / "data" / "rusak"
FIXED_TIME = datetime(2026, 5, 23, 9, 0, 0)

# ── the sample cohort ──────────────────────────────────────────────────────────────────────────
# code, unit, correct answers before, correct answers after (None = did not take it)
PARTICIPANTS = [
    ("MAWAR-12", "Bagian Umum", 6, 12),
    ("BUDI-07", "Bagian Umum", 9, 14),
    ("MELATI-03", "Bagian Umum", 5, 11),
    ("KENANGA-21", "Bagian Umum", 8, 13),
    ("RAJAWALI-5", "Bagian Umum", 7, 7),
    ("CEMARA-8", "Bagian Umum", 10, 15),
    ("ANGGREK-03", "Bidang Pelayanan", 6, 12),  # types ANGGREK-3 on the post-test
    ("SEROJA-11", "Bidang Pelayanan", 4, 10),
    ("MERAK-14", "Bidang Pelayanan", 12, 11),
    ("ELANG-02", "Bidang Pelayanan", 7, 13),
    ("TERATAI-9", "Bidang Pelayanan", 9, 12),
    ("KASUARI-4", "Bagian Keuangan", 5, 9),
    ("JATI-16", "Bagian Keuangan", 8, 12),
    ("BERINGIN-1", "Bagian Keuangan", 6, 11),
    ("CENDANA-6", "Subbagian Perencanaan", 11, 14),
    ("MERBAU-10", "Subbagian Perencanaan", 7, None),  # left on day 2
]
POST_TYPO = {"ANGGREK-03": "ANGGREK-3"}
# BUDI-07 left two questions blank on the pre-test (they count as wrong)
PRE_BLANKS = {"BUDI-07": 2}

# Reaction: REA1-REA9 (1-5), REA10 (0-10), comments. MERBAU-10 did not answer.
REACTION = {
    "MAWAR-12": ([5, 5, 5, 4, 4, 5, 3, 5, 4], 10, "Latihan GROW berpasangan", ""),
    "BUDI-07": ([4, 4, 5, 5, 4, 4, 3, 4, 4], 9, "Contoh dialog kinerja", "Waktu latihan ditambah"),
    "MELATI-03": ([4, 5, 4, 4, 5, 5, 2, 5, 3], 9, "", "Materi dibagikan sebelum pelatihan"),
    "KENANGA-21": ([5, 5, 5, 5, 5, 5, 4, 5, 5], 10, "Semuanya, terima kasih!", ""),
    "RAJAWALI-5": ([3, 3, 4, 3, 3, 3, 2, 3, 3], 8, "", 'Terlalu padat; "jeda" lebih banyak'),
    "CEMARA-8": ([4, 4, 4, 4, 4, 4, 3, 4, 4], 7, "Bank pertanyaan", ""),
    "ANGGREK-03": ([5, 4, 5, 5, 4, 5, 4, 5, 4], 9, "", ""),
    "SEROJA-11": (
        [4, 5, 5, 4, 4, 5, 3, 5, 4],
        10,
        "Simulasi dengan kasus\nnyata dari unit kami",
        "",
    ),
    "MERAK-14": ([2, 3, 3, 3, 2, 3, 2, 3, 3], 6, "", "Contoh lebih banyak dari pelayanan publik"),
    "ELANG-02": ([4, 4, 4, 5, 4, 4, 3, 4, 4], 8, "Umpan balik, tujuan SMART", ""),
    "TERATAI-9": ([5, 5, 4, 4, 5, 5, 3, 5, 5], 9, "", ""),
    "KASUARI-4": ([4, 4, 5, 4, 4, 4, 4, 4, 4], 10, "Latihan umpan balik", "Ruangan terlalu dingin"),
    "JATI-16": ([3, 3, 3, 4, 3, 3, 2, 4, 3], 5, "", "Kurang waktu untuk bertanya"),
    "BERINGIN-1": ([4, 5, 4, 4, 4, 5, 3, 4, 4], 9, "Studi kasus", ""),
    "CENDANA-6": ([5, 4, 5, 5, 4, 4, 4, 5, 4], 8, "", ""),
}


# Self-assessment dimension scores (relasi, mendengar, umpan-balik, tujuan, pengembangan, karier,
# teladan, konsistensi): before the training and at the three-month follow-up (None = absent).
SELF = {
    "MAWAR-12": ([3, 3, 2.6, 3, 2, 3, 4, 2], [4, 4, 3, 4, 3, 3, 4, 3]),
    "BUDI-07": ([4, 3, 3, 3, 3, 2, 4, 3], [4, 4, 4, 4, 3, 3, 4, 3]),
    "MELATI-03": ([3, 2, 2, 3, 2, 2, 3, 2], [4, 3, 3, 3, 3, 2, 4, 3]),
    "KENANGA-21": ([4, 4, 3, 4, 3, 3, 4, 3], [5, 4, 4, 4, 4, 3, 5, 4]),
    "RAJAWALI-5": ([3, 3, 3, 3, 3, 3, 3, 3], None),
    "CEMARA-8": ([4, 3, 3, 3, 3, 3, 4, 3], [4, 4, 4, 4, 4, 3, 4, 3]),
    "ANGGREK-03": ([3, 3, 3, 2, 2, 3, 3, 2], [4, 3, 3, 3, 3, 3, 4, 3]),
    "SEROJA-11": ([3, 2, 2, 2, 2, 2, 3, 2], [4, 3, 3, 3, 3, 3, 3, 3]),
    "MERAK-14": ([4, 4, 4, 4, 3, 4, 4, 4], [4, 4, 4, 4, 3, 4, 4, 3]),
    "ELANG-02": ([3, 3, 2, 3, 2, 3, 3, 2], [4, 4, 3, 4, 3, 3, 4, 3]),
    "TERATAI-9": ([4, 3, 3, 3, 3, 3, 4, 3], [4, 4, 4, 4, 4, 4, 4, 4]),
    "KASUARI-4": ([3, 3, 3, 3, 2, 2, 3, 2], [3, 4, 3, 4, 3, 3, 4, 3]),
    "JATI-16": ([3, 2, 3, 3, 2, 2, 3, 2], None),
    "BERINGIN-1": ([3, 3, 2, 3, 2, 2, 3, 2], [4, 3, 3, 3, 3, 3, 3, 2]),
    "CENDANA-6": ([4, 4, 4, 4, 4, 4, 4, 4], None),
    "MERBAU-10": ([2, 3, 2, 3, 2, 2, 3, 2], None),
}
# Coachees' ratings of their supervisor at follow-up (one list per coachee). A supervisor's gap
# is only computed with at least three coachees, so BUDI-07 (1) and SEROJA-11 (2) are left out.
# KENANGA-12 is a coachee's slip for KENANGA-21's code: no self-assessment to compare it with.
COACHEES = {
    "MAWAR-12": [[3, 3, 3, 3, 3, 3, 3, 3], [4, 3, 3, 4, 3, 2, 4, 3], [5, 3, 3, 4, 3, 4, 5, 3]],
    "BUDI-07": [[4, 4, 3, 4, 3, 3, 4, 3]],
    "KENANGA-21": [[4, 4, 4, 4, 4, 3, 4, 4], [5, 4, 4, 4, 4, 3, 5, 4], [4, 3, 3, 4, 3, 3, 4, 3]],
    "SEROJA-11": [[3, 3, 2, 3, 3, 2, 3, 2], [4, 3, 3, 3, 3, 3, 3, 3]],
    "MERAK-14": [[3, 3, 3, 3, 3, 3, 3, 3], [3, 3, 3, 3, 2, 3, 3, 3], [3, 4, 3, 3, 3, 3, 3, 3]],
    "TERATAI-9": [[4, 4, 4, 4, 4, 4, 4, 4], [4, 4, 4, 4, 4, 4, 4, 4], [3, 4, 4, 4, 4, 4, 4, 4]],
    "KENANGA-12": [[3, 3, 3, 3, 3, 3, 3, 3]],
}


def item_answers(instrument: dict, scores: list[float]) -> dict[str, int]:
    """Answers (1-5) whose dimension means are ``scores``; reverse items get min + max - x.

    A whole score gives every item that score; 2.6 on five items is 2, 2, 3, 3, 3.
    """
    answers = {}
    for dim, score in zip(instrument["dimensions"], scores, strict=True):
        items = [i for i in instrument["items"] if i.get("dimension") == dim["id"]]
        total = round(score * len(items))
        low = int(score)
        highs = total - low * len(items)
        for n, item in enumerate(items):
            value = low + (1 if n >= len(items) - highs else 0)
            answers[item["id"]] = 6 - value if item.get("reverse") else value
    return answers


def load_yaml(name: str) -> dict:
    return yaml.safe_load((INSTRUMENTS / f"{name}.yaml").read_text(encoding="utf-8"))


def text_of(node: object) -> str:
    return node["id"] if isinstance(node, dict) else str(node)


def test_answers(test: dict, correct: int, offset: int, blanks: int = 0) -> dict[str, str]:
    """Option text per item id: ``correct`` right answers, chosen by a rotation per participant."""
    items = test["items"]
    order = [items[(offset + k) % len(items)] for k in range(len(items))]
    answers = {}
    wrong = order[correct:]
    blank_ids = {item["id"] for item in wrong[len(wrong) - blanks :]} if blanks else set()
    for rank, item in enumerate(order):
        options = item["options"]
        key = next(i for i, o in enumerate(options) if o["id"] == item["kunci"])
        if item["id"] in blank_ids:
            answers[item["id"]] = ""
            continue
        shift = 0 if rank < correct else 1 + rank % (len(options) - 1)
        chosen = options[(key + shift) % len(options)]
        answers[item["id"]] = text_of(chosen["text"])
    return answers


def google_stamp(when: datetime) -> str:
    """Google Forms' CSV download: ``2026/05/20 1:43:01 PM GMT+7``."""
    hour = when.hour % 12 or 12
    ampm = "AM" if when.hour < 12 else "PM"
    return f"{when:%Y/%m/%d} {hour}:{when:%M:%S} {ampm} GMT+7"


def sheets_id_stamp(when: datetime) -> str:
    """Google Sheets in the Indonesian locale: ``20/05/2026 13.43.01``."""
    return f"{when:%d/%m/%Y} {when.hour}.{when:%M.%S}"


def write_csv(
    path: Path,
    rows: list[list[object]],
    *,
    delimiter: str = ",",
    quote_all: bool = False,
    newline: str = "\n",
    encoding: str = "utf-8",
    bom: bool = False,
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(
        buffer,
        delimiter=delimiter,
        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
        lineterminator=newline,
    )
    writer.writerows(rows)
    data = buffer.getvalue().encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)


def fixed(book: Workbook) -> Workbook:
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    book.properties.creator = "Microsoft Forms"
    return book


def soffice(
    source: Path,
    target_dir: Path,
    convert_to: str,
    infilter: str | None = None,
    locale: str = "en-US",
) -> Path:
    """Convert with LibreOffice in a throw-away profile whose locale is ``locale``."""
    with tempfile.TemporaryDirectory() as profile:
        user = Path(profile) / "user"
        user.mkdir()
        (user / "registrymodifications.xcu").write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
            'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
            '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" '
            f'oor:op="fuse"><value>{locale}</value></prop></item>\n'
            "</oor:items>\n",
            encoding="utf-8",
        )
        command = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless"]
        if infilter:
            command.append(f"--infilter={infilter}")
        command += ["--convert-to", convert_to, "--outdir", str(target_dir), str(source)]
        subprocess.run(command, check=True, capture_output=True)
    return target_dir / (source.stem + "." + convert_to.split(":")[0])


# ── sample cohort files ────────────────────────────────────────────────────────────────────────


def cohort_reaction(reaksi: dict) -> None:
    """Google Forms, English interface: "Timestamp", question texts, labels for the 1-5 items."""
    items = reaksi["items"]
    labels = {k: text_of(v) for k, v in reaksi["scale"]["labels"].items()}
    header = ["Timestamp", "Kode peserta", "Unit kerja"] + [text_of(i["text"]) for i in items]
    rows: list[list[object]] = [header]
    start = datetime(2026, 5, 22, 15, 2, 40)
    units = {code: unit for code, unit, _, _ in PARTICIPANTS}
    for n, (code, (scores, nps, good, better)) in enumerate(REACTION.items()):
        when = start + timedelta(minutes=3 * n, seconds=17 * n)
        rows.append(
            [google_stamp(when), code.lower() if n == 3 else code, units[code]]
            + [labels[s] for s in scores]
            + [nps, good, better]
        )
    write_csv(COHORT_DIR / "reaksi-google-forms.csv", rows, quote_all=True)


def cohort_pre(test: dict) -> None:
    """Google Sheets (Indonesian locale) → Download CSV: "Stempel waktu", e-mail, quiz score."""
    items = test["items"]
    header = ["Stempel waktu", "Alamat email", "Skor", "Kode peserta", "Unit kerja"]
    header += [text_of(i["text"]) for i in items]
    rows: list[list[object]] = [header]
    start = datetime(2026, 5, 20, 8, 5, 12)
    for n, (code, unit, before, _) in enumerate(PARTICIPANTS):
        answers = test_answers(test, before, n, PRE_BLANKS.get(code, 0))
        when = start + timedelta(minutes=2 * n, seconds=41 * n)
        email = f"{code.split('-')[0].lower()}.{n + 1}@contoh.go.id"
        rows.append(
            [sheets_id_stamp(when), email, f"{before} / {len(items)}", code, unit]
            + [answers[i["id"]] for i in items]
        )
    write_csv(COHORT_DIR / "pretes-google-sheets.csv", rows, newline="\r\n")


def cohort_post(test: dict) -> None:
    """Microsoft Forms quiz → "Open results in Excel": metadata, quiz columns, shuffled order."""
    items = test["items"]
    order = items[7:] + items[:7]
    book = fixed(Workbook())
    sheet = book.active
    sheet.title = "Sheet1"
    header = [
        "ID",
        "Start time",
        "Completion time",
        "Email",
        "Name",
        "Total points",
        "Quiz feedback",
        "Kode peserta",
        "Points - Kode peserta",
        "Feedback - Kode peserta",
        "Unit kerja",
        "Points - Unit kerja",
        "Feedback - Unit kerja",
    ]
    for item in order:
        question = text_of(item["text"])
        header += [question, f"Points - {question}", f"Feedback - {question}"]
    sheet.append(header)
    start = datetime(2026, 5, 22, 14, 30, 5)
    number = 0
    for n, (code, unit, _, after) in enumerate(PARTICIPANTS):
        if after is None:
            continue
        number += 1
        answers = test_answers(test, after, n + 5)
        begin = start + timedelta(minutes=n, seconds=13 * n)
        done = begin + timedelta(minutes=9, seconds=7 * n)
        row: list[object] = [
            number,
            begin,
            done,
            "anonymous",
            None,
            after,
            None,
            POST_TYPO.get(code, code),
            None,
            None,
            unit,
            None,
            None,
        ]
        for item in order:
            right = answers[item["id"]] == text_of(
                next(o for o in item["options"] if o["id"] == item["kunci"])["text"]
            )
            row += [answers[item["id"]], 1 if right else 0, None]
        sheet.append(row)
    for cells in sheet.iter_rows(min_row=2, min_col=2, max_col=3):
        for cell in cells:
            cell.number_format = "m/d/yy h:mm:ss"
    book.save(COHORT_DIR / "postes-microsoft-forms.xlsx")


def cohort_before(self_form: dict) -> None:
    """Excel on Windows (Indonesian locale) "CSV (Comma delimited)", made by LibreOffice in the
    Indonesian locale: semicolons, Windows-1252, item ids as headers, numbers as answers."""
    ids = [i["id"] for i in self_form["items"]]
    with tempfile.TemporaryDirectory() as tmp:
        book = Workbook()
        sheet = book.active
        sheet.title = "Sebelum"
        sheet.append(["Kode peserta", "Unit kerja", *ids])
        units = {code: unit for code, unit, _, _ in PARTICIPANTS}
        for code, (before, _) in SELF.items():
            answers = item_answers(self_form, before)
            sheet.append([code, units[code], *[answers[i] for i in ids]])
        source = Path(tmp) / "asesmen-sebelum-excel.xlsx"
        book.save(source)
        made = soffice(
            source, Path(tmp) / "out", "csv:Text - txt - csv (StarCalc):59,34,1,1", locale="id-ID"
        )
        shutil.copy(made, COHORT_DIR / "asesmen-sebelum-excel.csv")


def cohort_after(self_form: dict) -> None:
    """LibreOffice Calc XLSX typed by the organisers: "ID. text" headers, labels as answers."""
    items = self_form["items"]
    labels = {k: text_of(v) for k, v in self_form["scale"]["labels"].items()}
    with tempfile.TemporaryDirectory() as tmp:
        book = Workbook()
        sheet = book.active
        sheet.title = "Tindak lanjut"
        sheet.append(
            ["Kode peserta", "Unit kerja", *[f"{i['id']}. {text_of(i['text'])}" for i in items]]
        )
        units = {code: unit for code, unit, _, _ in PARTICIPANTS}
        for code, (_, after) in SELF.items():
            if after is None:
                continue
            answers = item_answers(self_form, after)
            sheet.append([code, units[code], *[labels[answers[i["id"]]] for i in items]])
        source = Path(tmp) / "asesmen-tindak-lanjut-libreoffice.xlsx"
        book.save(source)
        made = soffice(source, Path(tmp) / "out", "xlsx:Calc MS Excel 2007 XML")
        shutil.copy(made, COHORT_DIR / "asesmen-tindak-lanjut-libreoffice.xlsx")


def cohort_coachee(coachee_form: dict) -> None:
    """Google Forms, Indonesian interface: "Stempel waktu", "Kode atasan", numbered questions."""
    items = coachee_form["items"]
    labels = {k: text_of(v) for k, v in coachee_form["scale"]["labels"].items()}
    header = ["Stempel waktu", "Kode atasan"]
    header += [f"{i['id']}. {text_of(i['text'])}" for i in items]
    rows: list[list[object]] = [header]
    start = datetime(2026, 8, 24, 9, 15, 0)
    n = 0
    for code, ratings in COACHEES.items():
        for scores in ratings:
            answers = item_answers(coachee_form, scores)
            when = start + timedelta(hours=n, minutes=7 * n)
            comment = "Atasan saya mendengarkan sampai selesai." if n % 3 == 0 else ""
            rows.append(
                [google_stamp(when), code]
                + [labels[answers[i["id"]]] if i.get("type") != "teks" else comment for i in items]
            )
            n += 1
    write_csv(COHORT_DIR / "penilaian-pegawai-google-forms.csv", rows, quote_all=True)


# ── ingest corpus: one nasty case per file ─────────────────────────────────────────────────────


def ingest_files(reaksi: dict) -> None:
    labels = [text_of(i["text"]) for i in reaksi["items"]]
    short = ["Kode peserta", "Unit kerja", "REA1", "REA2", "REA10", "REA11"]

    # day/month order cannot be decided (all numbers <= 12): read as day first, with a note
    write_csv(
        INGEST_DIR / "sheets-tanggal-ambigu.csv",
        [
            ["Stempel waktu", *short],
            ["03/05/2026 9.05.00", "A-01", "Bagian Umum", "4", "5", "9", ""],
            ["04/05/2026 10.15.30", "A-02", "Bagian Umum", "3", "4", "7", "Cukup"],
            ["12/05/2026 8.00.00", "A-03", "Bagian Umum", "5", "5", "10", ""],
        ],
        newline="\r\n",
    )
    # Google Sheets in the US locale: month first (20 > 12 in second position)
    write_csv(
        INGEST_DIR / "sheets-us-bulan-dulu.csv",
        [
            ["Timestamp", *short],
            ["5/20/2026 13:43:01", "B-01", "Bagian Umum", "4", "4", "8", ""],
            ["5/6/2026 9:02:11", "B-02", "Bagian Umum", "5", "4", "9", "Bagus, jelas"],
        ],
    )
    # Google Forms download: every cell quoted, comments with commas, quotes and new lines
    write_csv(
        INGEST_DIR / "google-komentar-multibaris.csv",
        [
            ["Timestamp", "Kode peserta", labels[0], labels[9], labels[10]],
            [
                google_stamp(datetime(2026, 5, 22, 12, 0, 5)),
                "C-01",
                "Setuju",
                "9",
                'Sesi "GROW", latihan berpasangan;\nlalu umpan balik',
            ],
            [google_stamp(datetime(2026, 5, 22, 0, 30, 0)), "C-02", "Sangat setuju", "10", ""],
            [google_stamp(datetime(2026, 5, 22, 23, 59, 59)), "C-03", "Netral", "6", "Baik"],
        ],
        quote_all=True,
    )
    # Excel (Windows, Indonesian) "CSV UTF-8": BOM, semicolons, CRLF
    write_csv(
        INGEST_DIR / "excel-csv-utf8-bom.csv",
        [
            ["Kode peserta", "Unit kerja", "REA1", "REA10", "REA11"],
            ["D-01", "Bagian Umum", "4", "9", "Sangat membantu – terima kasih"],
            ["D-02", "Bidang Pelayanan", "5", "10", "“Latihan” paling berguna"],
        ],
        delimiter=";",
        newline="\r\n",
        bom=True,
    )
    # Excel (Windows) "CSV (Comma delimited)": ANSI code page 1252, semicolons, sep= line
    write_csv(
        INGEST_DIR / "excel-sep-cp1252.csv",
        [
            ["sep=;"],
            ["Kode peserta", "Unit kerja", "REA1", "REA11"],
            ["E-01", "Bagian Umum", "4", "Materi “dialog kinerja” – sangat jelas"],
            ["E-02", "Bagian Keuangan", "3", "Café di luar ruangan terlalu ramai"],
        ],
        delimiter=";",
        newline="\r\n",
        encoding="cp1252",
    )
    # Excel "Unicode Text": UTF-16 with BOM, tab-delimited
    buffer = io.StringIO()
    csv.writer(buffer, delimiter="\t", lineterminator="\r\n").writerows(
        [
            ["Kode peserta", "Unit kerja", "REA1", "REA10"],
            ["F-01", "Bagian Umum", "5", "10"],
            ["F-02", "Bagian Umum", "4", "8"],
        ]
    )
    (INGEST_DIR / "excel-unicode-text.txt").write_bytes(buffer.getvalue().encode("utf-16"))
    # LibreOffice, Indonesian locale, Text CSV with ; and Windows-1252: decimal commas
    with tempfile.TemporaryDirectory() as tmp:
        book = Workbook()
        sheet = book.active
        sheet.append(["Kode peserta", "Unit kerja", "Masa kerja (tahun)", "REA1", "Tanggal isi"])
        sheet.append(["G-01", "Bagian Umum", 3.5, 4, datetime(2026, 5, 22, 13, 5, 0)])
        sheet.append(["G-02", "Bagian Pelayanan – Loket", 12, 5, datetime(2026, 5, 22, 14, 10, 0)])
        sheet.append(["G-03", "Bagian Umum", 0.75, 3, datetime(2026, 5, 22, 15, 20, 0)])
        for (cell,) in sheet.iter_rows(min_row=2, min_col=5, max_col=5):
            cell.number_format = "DD/MM/YYYY HH:MM"
        source = Path(tmp) / "libreoffice-koma-desimal.xlsx"
        book.save(source)
        made = soffice(
            source, Path(tmp), "csv:Text - txt - csv (StarCalc):59,34,1,1", locale="id-ID"
        )
        shutil.copy(made, INGEST_DIR / "libreoffice-koma-desimal.csv")
    # LibreOffice XLSX with a title row above the header, a second sheet, trailing empty rows
    with tempfile.TemporaryDirectory() as tmp:
        book = Workbook()
        sheet = book.active
        sheet.title = "Jawaban"
        sheet.append(["Rekap survei reaksi, angkatan 5"])
        sheet.append([])
        sheet.append(["Kode peserta", "Unit kerja", "REA1", "REA10"])
        sheet.append(["H-01", "Bagian Umum", 4, 9])
        sheet.append(["H-02", "Bagian Umum", 5, 10])
        sheet.append([None, None, None, None])
        notes = book.create_sheet("Catatan")
        notes.append(["Diketik ulang dari formulir kertas oleh panitia."])
        source = Path(tmp) / "libreoffice-judul-dua-lembar.xlsx"
        book.save(source)
        made = soffice(source, Path(tmp) / "out", "xlsx:Calc MS Excel 2007 XML")
        shutil.copy(made, INGEST_DIR / "libreoffice-judul-dua-lembar.xlsx")
    # an XLSX whose time column holds bare Excel date numbers (format lost)
    book = fixed(Workbook())
    sheet = book.active
    sheet.append(["Waktu", "Kode peserta", "REA1"])
    sheet.append([46162.5715625, "J-01", 4])
    sheet.append([46162.75, "J-02", 5])
    book.save(INGEST_DIR / "xlsx-angka-tanggal.xlsx")


def bad_files() -> None:
    """One broken file per problem a trainer can meet (expected messages: rusak/manifest.yaml)."""
    reaction_header = ["Kode peserta", "Unit kerja"] + [f"REA{n}" for n in range(1, 13)]

    def reaction_row(code: str, unit: str = "Bagian Umum", **change: object) -> list[object]:
        values: dict[str, object] = {f"REA{n}": 4 for n in range(1, 10)}
        values.update({"REA10": 9, "REA11": "", "REA12": ""})
        values.update(change)
        return [code, unit] + [values[f"REA{n}"] for n in range(1, 13)]

    good = [reaction_row(f"P-{n:02d}") for n in range(1, 4)]
    write_csv(
        BAD_DIR / "judul-ganda.csv",
        [["Kode peserta", "Unit kerja", "REA1", "REA2", "rea1"], ["P-01", "Umum", 4, 5, 3]],
    )
    write_csv(BAD_DIR / "judul-kosong.csv", [["Kode peserta", "", "REA1"], ["P-01", "Umum", 4]])
    (BAD_DIR / "nilai-berlebih.csv").write_text(
        "Kode peserta;REA1;REA2\nP-01;4;5\nP-02;4;5;3\n", encoding="utf-8"
    )
    (BAD_DIR / "kosong.csv").write_bytes(b"")
    write_csv(BAD_DIR / "hanya-judul.csv", [reaction_header])
    (BAD_DIR / "kutip-terbuka.csv").write_text(
        'Kode peserta,REA1,REA11\nP-01,4,"Bagus\nP-02,5,Cukup\n', encoding="utf-8"
    )
    (BAD_DIR / "biner.csv").write_bytes(bytes(range(256)) * 4)
    (BAD_DIR / "laporan.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    write_csv(
        BAD_DIR / "jawaban-tak-dikenal.csv",
        [reaction_header, *good, reaction_row("P-04", REA5="Setuju sekali")],
    )
    write_csv(
        BAD_DIR / "di-luar-skala.csv", [reaction_header, *good, reaction_row("P-04", REA10=11)]
    )
    write_csv(BAD_DIR / "peserta-ganda.csv", [reaction_header, *good, reaction_row("p-02", REA1=5)])
    write_csv(BAD_DIR / "tanpa-kode.csv", [reaction_header[1:]] + [row[1:] for row in good])
    write_csv(BAD_DIR / "butir-hilang.csv", [reaction_header[:6]] + [row[:6] for row in good])
    write_csv(
        BAD_DIR / "kode-nip.csv", [reaction_header, *good, reaction_row("198705122010011003")]
    )
    write_csv(
        BAD_DIR / "pretes-pilihan-asing.csv",
        [
            ["Kode peserta"] + [f"P{n:02d}" for n in range(1, 16)],
            ["P-01"] + ["a"] * 15,
            ["P-02"] + ["b"] * 7 + ["e"] + ["b"] * 7,
        ],
    )
    with tempfile.TemporaryDirectory() as tmp:
        book = Workbook()
        book.active.append(["Kode peserta", "REA1"])
        book.active.append(["P-01", 4])
        source = Path(tmp) / "buku.xlsx"
        book.save(source)
        shutil.copy(source, BAD_DIR / "xlsx-bernama-csv.csv")
        made = soffice(source, Path(tmp), "xls:MS Excel 97")
        shutil.copy(made, BAD_DIR / "excel-lama.xls")
        made = soffice(source, Path(tmp), "ods:calc8")
        shutil.copy(made, BAD_DIR / "lembar-libreoffice.ods")
    shutil.copy(BAD_DIR / "excel-lama.xls", BAD_DIR / "excel-lama-bernama-xlsx.xlsx")
    write_csv(BAD_DIR / "teks-bernama-xlsx.xlsx", [["Kode peserta", "REA1"], ["P-01", 4]])


def main() -> int:
    reaksi = load_yaml("reaksi-pelatihan")
    test = load_yaml("tes-pengetahuan")
    COHORT_DIR.mkdir(parents=True, exist_ok=True)
    INGEST_DIR.mkdir(parents=True, exist_ok=True)
    BAD_DIR.mkdir(parents=True, exist_ok=True)
    cohort_reaction(reaksi)
    cohort_pre(test)
    cohort_post(test)
    cohort_before(load_yaml("kompetensi-coaching"))
    cohort_after(load_yaml("kompetensi-coaching"))
    cohort_coachee(load_yaml("kompetensi-coaching-pegawai"))
    ingest_files(reaksi)
    bad_files()
    print(f"Ditulis ke {COHORT_DIR} dan {INGEST_DIR}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
