"""``selfassess evaluate``: the cohort's training-evaluation report from exported answer files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..cohort import LARGE_INPUT, from_files
from ..evaluation_report import check_output, write_report

EPILOG = """contoh:
  selfassess evaluate --reaction reaksi.csv --pre pretes.csv --post postes.xlsx -o rekap.xlsx
  selfassess evaluate --before sebelum.csv --after sesudah.xlsx --coachee pegawai.csv \\
      --group "Unit kerja" -o angka.json

Berkas dapat berupa ekspor Google Forms, Microsoft Forms, Excel, atau LibreOffice (.csv/.xlsx).
Kelompok yang berisi kurang dari 5 orang tidak pernah ditampilkan."""


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``evaluate`` subcommand."""
    parser = sub.add_parser(
        "evaluate",
        help="rekap evaluasi pelatihan satu angkatan (reaksi, pembelajaran, perilaku)",
        description="Membaca berkas jawaban satu angkatan lalu menulis laporan evaluasi "
        "pelatihan: Level 1 Reaksi, Level 2 Pembelajaran, Level 3 Perilaku.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    files = parser.add_argument_group("berkas jawaban")
    files.add_argument("--reaction", metavar="BERKAS", help="survei reaksi-pelatihan")
    files.add_argument("--pre", metavar="BERKAS", help="tes-pengetahuan sebelum pelatihan")
    files.add_argument("--post", metavar="BERKAS", help="tes-pengetahuan sesudah pelatihan")
    files.add_argument("--before", metavar="BERKAS", help="kompetensi-coaching sebelum pelatihan")
    files.add_argument("--after", metavar="BERKAS", help="kompetensi-coaching saat tindak lanjut")
    files.add_argument(
        "--coachee", metavar="BERKAS", help="kompetensi-coaching-pegawai (penilaian pegawai)"
    )
    parser.add_argument(
        "--group", metavar="KOLOM", help='judul kolom kelompok, misalnya "Unit kerja"'
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="KELUARAN",
        help="laporan .xlsx (lembar dan grafik) atau .json (semua angka)",
    )
    parser.add_argument(
        "--timpa",
        "--force",
        dest="timpa",
        action="store_true",
        help="boleh menimpa berkas keluaran yang sudah ada",
    )
    parser.set_defaults(func=run)


class _Bar:
    """A text progress bar on stderr."""

    def __init__(self, width: int = 30) -> None:
        self.width = width

    def __call__(self, step: int, total: int, label: str) -> None:
        done = int(self.width * step / max(total, 1))
        bar = "#" * done + "-" * (self.width - done)
        end = "\n" if step >= total else ""
        print(f"\r[{bar}] {step}/{total} {label:<40}", end=end, file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    """Check the output path, read and evaluate every file, then write the report."""
    target = check_output(args.output, args.timpa)
    inputs = [args.reaction, args.pre, args.post, args.before, args.after, args.coachee]
    size = sum(Path(p).stat().st_size for p in inputs if p and Path(p).is_file())
    result = from_files(
        reaction=args.reaction,
        pre=args.pre,
        post=args.post,
        before=args.before,
        after=args.after,
        coachee=args.coachee,
        group=args.group,
        progress=_Bar() if size >= LARGE_INPUT else None,
    )
    for warning in result.all_warnings():
        print(f"Peringatan: {warning}", file=sys.stderr)
    path = write_report(result, target, overwrite=args.timpa)
    levels = [
        name
        for name, level in (
            ("reaksi", result.reaction),
            ("pembelajaran", result.learning),
            ("perilaku", result.behaviour),
        )
        if level is not None
    ]
    print(f"Laporan ({', '.join(levels)}) ditulis ke {path}.")
    return 0
