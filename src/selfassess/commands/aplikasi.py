"""``selfassess aplikasi``: serve the workshop notebooks as an app (Voilà), code hidden."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..app import (
    DEFAULT_HOST,
    DEFAULT_IDLE_MINUTES,
    DEFAULT_PORT,
    MIN_NETWORK_PASSWORD,
    AppSettings,
    generate_password,
    limits,
    serve,
)

#: The guards of the server (see selfassess.app.limits): option, default, metavar, help.
LIMIT_OPTIONS = (
    ("--kernel-maks", limits.DEFAULT_MAX_KERNELS, "N",
     'paling banyak sekian alat (kernel) terbuka sekaligus di server; sesudahnya peserta melihat '
     '"Server sedang penuh"'),
    ("--kernel-per-peramban", limits.DEFAULT_KERNELS_PER_BROWSER, "N",
     "paling banyak sekian alat terbuka sekaligus dari satu peramban"),
    ("--tunggu-sambungan", limits.DEFAULT_CONNECT_SECONDS, "DETIK",
     "hentikan kernel yang halamannya tidak pernah tersambung ke peramban setelah sekian detik, "
     f"paling sedikit {limits.MIN_CONNECT_SECONDS}"),
    ("--coba-sandi", limits.DEFAULT_TRIES_PER_CLIENT, "N",
     "kata sandi salah yang diterima dari satu alamat per menit; sesudahnya alamat itu menunggu"),
    ("--coba-sandi-semua", limits.DEFAULT_TRIES_OVERALL, "N",
     "kata sandi salah yang diterima dari semua alamat bersama per menit"),
)  # fmt: skip


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``aplikasi`` subcommand."""
    parser = sub.add_parser(
        "aplikasi",
        help="jalankan aplikasi lokakarya (Voilà) untuk peserta",
        description=(
            "Menyajikan notebook lokakarya sebagai aplikasi web tanpa kode, dalam bahasa "
            "Indonesia, tanpa akses internet. Untuk lokakarya di jaringan kantor, pakai --host "
            "dengan alamat intranet server dan --sandi-acak."
        ),
    )
    parser.add_argument(
        "--notebooks",
        type=Path,
        default=Path("notebooks"),
        help="folder notebook (bawaan: notebooks)",
    )
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=f"alamat yang didengarkan (bawaan: {DEFAULT_HOST}, hanya komputer ini); "
        "alamat intranet server, misalnya 10.20.30.40, atau 0.0.0.0 untuk semua",
    )
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port (bawaan: {DEFAULT_PORT})"
    )
    password = parser.add_mutually_exclusive_group()
    password.add_argument(
        "--sandi",
        metavar="TEKS",
        default="",
        help=f"kata sandi untuk peserta (di alamat jaringan paling sedikit {MIN_NETWORK_PASSWORD} "
        "karakter)",
    )
    password.add_argument(
        "--sandi-acak", action="store_true", help="buat kata sandi acak dan tampilkan"
    )
    password.add_argument(
        "--tanpa-sandi",
        action="store_true",
        help="izinkan alamat jaringan tanpa kata sandi (hanya untuk jaringan khusus lokakarya)",
    )
    parser.add_argument(
        "--hasil",
        type=Path,
        default=None,
        help="berkas hasil SQLite (bawaan: $SELFASSESS_DB atau ~/.selfassess/hasil.sqlite)",
    )
    parser.add_argument(
        "--menganggur",
        type=int,
        default=DEFAULT_IDLE_MINUTES,
        metavar="MENIT",
        help="hentikan kernel yang tidak lagi tersambung ke peramban setelah sekian menit "
        f"(bawaan: {DEFAULT_IDLE_MINUTES}; 0 = tidak pernah)",
    )
    for flag, default, metavar, text in LIMIT_OPTIONS:
        parser.add_argument(
            flag, type=int, default=default, metavar=metavar, help=f"{text} (bawaan: {default})"
        )
    parser.add_argument(
        "--peserta-saja",
        action="store_true",
        help="jangan tawarkan alat pelatih (rekap angkatan); jalankan aplikasi kedua untuk pelatih",
    )
    parser.set_defaults(func=run)


def settings_from(args: argparse.Namespace) -> AppSettings:
    """Turn the parsed options into :class:`AppSettings`."""
    return AppSettings(
        notebooks=args.notebooks,
        host=args.host,
        port=args.port,
        password=generate_password() if args.sandi_acak else args.sandi,
        results=args.hasil,
        idle_minutes=args.menganggur,
        participants_only=args.peserta_saja,
        max_kernels=args.kernel_maks,
        kernels_per_browser=args.kernel_per_peramban,
        connect_seconds=args.tunggu_sambungan,
        tries_per_client=args.coba_sandi,
        tries_overall=args.coba_sandi_semua,
    )


def run(args: argparse.Namespace) -> int:
    """Serve the app until Ctrl+C."""
    return serve(settings_from(args), open_network=args.tanpa_sandi)
