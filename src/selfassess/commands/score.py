"""``selfassess score FILE --instrument ID [-o OUT]``: score a CSV/XLSX file of answers."""

from __future__ import annotations

import argparse
import sys

from ..export import round_scores, write_table
from ..ingest import read_table
from ..instrument import load
from ..scoring import prepare, score


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``score`` subcommand."""
    parser = sub.add_parser(
        "score",
        help="hitung skor dari berkas jawaban CSV/XLSX",
        description="Menghitung skor setiap dimensi, pitanya, dan skor keseluruhan untuk setiap "
        "responden. Hasil: satu baris per responden.",
    )
    parser.add_argument("file", metavar="BERKAS", help="berkas jawaban .csv atau .xlsx")
    parser.add_argument(
        "--instrument", "-i", required=True, metavar="ID", help="pengenal instrumen"
    )
    parser.add_argument(
        "-o", "--output", metavar="KELUARAN", help="tulis hasil ke .csv atau .xlsx (bukan layar)"
    )
    parser.add_argument(
        "--timpa", action="store_true", help="boleh menimpa berkas keluaran yang sudah ada"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Score the file; print warnings to stderr and the table to stdout or a file."""
    instrument = load(args.instrument)
    scored = score(prepare(instrument, read_table(args.file)))
    table = round_scores(scored.table, instrument)
    for warning in scored.warnings:
        print(f"Peringatan: {warning}", file=sys.stderr)
    if args.output:
        path = write_table(table, args.output, overwrite=args.timpa)
        print(f"{len(table)} responden dinilai; hasil ditulis ke {path}.")
    else:
        table.to_csv(sys.stdout, index=False)
    return 0
