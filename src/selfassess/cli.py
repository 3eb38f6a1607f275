"""The ``selfassess`` command: a thin shell over the package.

Each subcommand lives in its own module under ``selfassess.commands`` and exposes
``register(subparsers)``; this file discovers them, so adding a command is adding a file.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from . import __version__, commands
from .errors import UserError

DESCRIPTION = (
    "Perangkat Panduan Coaching & Mentoring ASN: asesmen diri, tujuan SMART, "
    "dan evaluasi pelatihan."
)


class _Parser(argparse.ArgumentParser):
    """ArgumentParser with Indonesian help and usage errors (exit code 2)."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumen"
        self._optionals.title = "pilihan"
        self.add_argument("-h", "--help", action="help", help="tampilkan bantuan ini lalu keluar")

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"Galat: perintah tidak lengkap atau keliru ({message}).\n")


def build_parser() -> argparse.ArgumentParser:
    """The full parser, with every subcommand found in ``selfassess.commands``."""
    parser = _Parser(prog="selfassess", description=DESCRIPTION)
    parser.add_argument(
        "--version", action="version", version=f"selfassess {__version__}", help="tampilkan versi"
    )
    parser.add_argument(
        "--debug", action="store_true", help="tampilkan rincian teknis bila terjadi kesalahan"
    )
    sub = parser.add_subparsers(title="perintah", metavar="PERINTAH", parser_class=_Parser)
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 0
    try:
        return int(func(args) or 0)
    except UserError as err:
        print(f"Galat: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Dibatalkan.", file=sys.stderr)
        return 130
    except Exception as exc:
        if args.debug:
            raise
        print(
            f"Galat: terjadi kesalahan tak terduga ({type(exc).__name__}). "
            "Jalankan ulang dengan --debug untuk rincian teknis, lalu laporkan kepada pengelola.",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
