"""``selfassess periksa``: check that this machine can run the toolkit."""

from __future__ import annotations

import argparse

from ..environment import check_environment


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``periksa`` subcommand."""
    parser = sub.add_parser(
        "periksa",
        help="periksa kesiapan komputer ini untuk menjalankan perangkat",
        description="Memeriksa versi Python, pustaka yang dibutuhkan, dan berkas hasil.",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the environment report; exit 1 when something is missing."""
    report = check_environment()
    for check in report.checks:
        mark = "OK " if check.ok else "GAGAL"
        print(f"[{mark}] {check.name}: {check.detail}")
    print(report.summary())
    return 0 if report.ok else 1
