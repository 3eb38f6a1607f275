"""``selfassess ekspor --instrument ID -o OUT``: export saved answers with their scores."""

from __future__ import annotations

import argparse
import sys

from ..export import stored_answers, write_table
from ..instrument import load
from ..store import Store


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``ekspor`` subcommand."""
    parser = sub.add_parser(
        "ekspor",
        help="ekspor jawaban tersimpan beserta skornya ke CSV/XLSX",
        description="Menulis semua jawaban tersimpan untuk satu instrumen, satu baris per "
        "kiriman, beserta skor dan pitanya. Isian yang diawali =, +, - atau @ dinetralkan.",
    )
    parser.add_argument(
        "--instrument", "-i", required=True, metavar="ID", help="pengenal instrumen"
    )
    parser.add_argument(
        "-o", "--output", required=True, metavar="KELUARAN", help="berkas .csv atau .xlsx"
    )
    parser.add_argument(
        "--terbaru",
        action="store_true",
        help="hanya kiriman terakhir setiap peserta per fase (yang lama tetap tersimpan)",
    )
    parser.add_argument(
        "--db", metavar="BERKAS", help="berkas hasil (bawaan: $SELFASSESS_DB atau ~/.selfassess)"
    )
    parser.add_argument(
        "--timpa", action="store_true", help="boleh menimpa berkas keluaran yang sudah ada"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the export and say how many rows it holds."""
    instrument = load(args.instrument)
    store = Store(args.db)
    table, warnings = stored_answers(store, instrument, latest_only=args.terbaru)
    for warning in warnings:
        print(f"Peringatan: {warning}", file=sys.stderr)
    path = write_table(table, args.output, overwrite=args.timpa)
    print(f"{len(table)} kiriman dari {store.path} ditulis ke {path}.")
    return 0
