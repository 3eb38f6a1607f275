"""The workshop app: the notebooks served by Voilà, code hidden, in Indonesian, with no internet.

``selfassess aplikasi`` (and ``make app``) call :func:`serve`. What the app needs besides Voilà
itself lives next to this file:

* ``share/nbconvert/templates/panduan/`` — the Voilà template ``panduan``: the landing page that
  lists the tools, the tool page (no code, Indonesian loading and error messages, no stylesheet from
  a CDN), and Indonesian error pages. It is found through ``JUPYTER_PATH``.
* ``server/`` — Jupyter Server pages that Voilà does not template itself (the password form and
  its error pages), in Indonesian.
* :mod:`.limits` (pure) and :mod:`.guards` (Voilà classes) — what keeps the server up under abuse:
  kernels capped per browser and in total, kernels no browser connects to culled after
  ``--tunggu-sambungan`` seconds, wrong passwords throttled, Indonesian pages for every address.

The settings are built by :func:`voila_config` (pure, tested); :func:`serve` only starts Voilà.
"""

from __future__ import annotations

import functools
import ipaddress
import os
import secrets
import socket
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from ..errors import UserError
from ..guide import base_url as guide_base_url
from ..store import ENV_VAR as DB_ENV_VAR
from ..store import default_path
from . import limits

HERE = Path(__file__).resolve().parent
#: Added to ``JUPYTER_PATH`` so that Voilà finds the ``panduan`` template.
SHARE = HERE / "share"
#: Templates that replace Jupyter Server's own (password form, error pages).
SERVER_TEMPLATES = HERE / "server"
TEMPLATE = "panduan"
TEMPLATE_DIR = SHARE / "nbconvert" / "templates" / TEMPLATE
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8866
#: Minutes before a kernel that no browser is connected to any more is stopped.
DEFAULT_IDLE_MINUTES = 60
#: Notebooks for the trainer only: hidden and refused in a participants' app (--peserta-saja).
TRAINER_TOOLS = ("04-rekap-pelatih.ipynb",)
#: Shortest password accepted on an address other computers can reach (--sandi).
MIN_NETWORK_PASSWORD = 8
#: Letters for generated passwords: no 0/O or 1/l/I, so that they can be read off a whiteboard.
_PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"

#: Seconds to wait for a cell's output after the cell has finished (nbclient's default is 4).
IOPUB_TIMEOUT = 60

#: Shown (by the template) instead of a failed cell's output; also given to Voilà as the hint.
CELL_ERROR = (
    "Bagian alat ini gagal dijalankan. Muat ulang halaman; bila masih gagal, beri tahu pelatih. "
    "Hasil yang sudah disimpan tetap aman."
)


@dataclass
class AppSettings:
    """How to serve the app: folder, address, password, results file, kernel culling."""

    notebooks: Path
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    password: str = ""
    results: Path | None = None
    idle_minutes: int = DEFAULT_IDLE_MINUTES
    participants_only: bool = False
    max_kernels: int = limits.DEFAULT_MAX_KERNELS
    kernels_per_browser: int = limits.DEFAULT_KERNELS_PER_BROWSER
    connect_seconds: int = limits.DEFAULT_CONNECT_SECONDS
    tries_per_client: int = limits.DEFAULT_TRIES_PER_CLIENT
    tries_overall: int = limits.DEFAULT_TRIES_OVERALL
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def hidden(self) -> tuple[str, ...]:
        """Notebooks this app does not offer (the trainer's tools in a participants' app)."""
        return TRAINER_TOOLS if self.participants_only else ()

    @property
    def url(self) -> str:
        """The address participants open (IPv6 in brackets)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.x, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def generate_password(length: int = 8) -> str:
    """A random password that is easy to read aloud and to type."""
    return "".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(length))


def check_settings(settings: AppSettings, *, open_network: bool = False) -> None:
    """Refuse settings that would not work or would expose results without a password."""
    folder = settings.notebooks
    if not folder.is_dir():
        raise UserError(
            "folder notebook tidak ditemukan.",
            file=str(folder),
            hint="Jalankan perintah dari folder proyek atau sebutkan foldernya dengan --notebooks.",
        )
    if not any(folder.glob("*.ipynb")):
        raise UserError(
            "folder ini tidak berisi notebook (.ipynb).",
            file=str(folder),
            hint="Arahkan --notebooks ke folder notebooks/ proyek ini.",
        )
    if not 1 <= settings.port <= 65535:
        raise UserError(
            f"port {settings.port} tidak sah.",
            field="--port",
            hint="Pilih angka 1024-65535, misalnya 8866.",
        )
    if settings.idle_minutes < 0:
        raise UserError(
            "batas menganggur tidak boleh negatif.",
            field="--menganggur",
            hint="Isi jumlah menit, misalnya 60, atau 0 untuk tidak pernah menghentikan kernel.",
        )
    _check_limits(settings)
    if (
        settings.password
        and len(settings.password) < MIN_NETWORK_PASSWORD
        and not is_loopback(settings.host)
    ):
        raise UserError(
            f"kata sandi {len(settings.password)} karakter terlalu pendek untuk alamat jaringan "
            f"{settings.host}: kata sandi sependek itu dapat ditebak.",
            field="--sandi",
            hint=f"Pakai paling sedikit {MIN_NETWORK_PASSWORD} karakter, atau --sandi-acak.",
        )
    if not is_loopback(settings.host) and not settings.password and not open_network:
        raise UserError(
            f"alamat {settings.host} dapat dibuka dari komputer lain, tetapi aplikasi belum "
            "memakai kata sandi.",
            field="--host",
            hint="Tambahkan --sandi-acak (atau --sandi TEKS). Bila jaringan ini memang khusus "
            "lokakarya, tambahkan --tanpa-sandi.",
        )


def _check_limits(settings: AppSettings) -> None:
    """Refuse caps and waits that would not work (0 kernels, a wait too short to connect)."""
    for value, option, example in (
        (settings.max_kernels, "--kernel-maks", limits.DEFAULT_MAX_KERNELS),
        (settings.kernels_per_browser, "--kernel-per-peramban", limits.DEFAULT_KERNELS_PER_BROWSER),
        (settings.tries_per_client, "--coba-sandi", limits.DEFAULT_TRIES_PER_CLIENT),
        (settings.tries_overall, "--coba-sandi-semua", limits.DEFAULT_TRIES_OVERALL),
    ):
        if value < 1:
            raise UserError(
                f"{option} harus paling sedikit 1 (tertulis {value}).",
                field=option,
                hint=f"Isi bilangan bulat positif, misalnya {example}.",
            )
    if settings.connect_seconds < limits.MIN_CONNECT_SECONDS:
        raise UserError(
            f"waktu tunggu sambungan {settings.connect_seconds} detik terlalu pendek.",
            field="--tunggu-sambungan",
            hint=f"Isi paling sedikit {limits.MIN_CONNECT_SECONDS} detik, misalnya "
            f"{limits.DEFAULT_CONNECT_SECONDS}.",
        )


def port_is_free(host: str, port: int) -> bool:
    """True when nothing is listening on ``host:port`` yet."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def page_config_hook(
    page_config: dict[str, Any], hidden: tuple[str, ...] = (), **_kwargs: Any
) -> dict[str, Any]:
    """Give the templates the guide's address and the notebooks not to list."""
    page_config["panduanUrl"] = guide_base_url()
    page_config["alatTersembunyi"] = list(hidden)
    return page_config


def prelaunch_hook(
    handler: Any, notebook: Any = None, cwd: str = "", hidden: tuple[str, ...] = ()
) -> None:
    """Refuse hidden notebooks; tell browsers apart; set ``_xsrf`` before a tool page is sent.

    :func:`.guards.check_browser` remembers the page for the kernel caps and sends a request
    without the browser cookie back once to pick it up (a script that keeps no cookies never
    starts a kernel).

    When the participant leaves a tool, the page asks the server to stop its kernel, with the
    ``_xsrf`` cookie as proof. Voilà only sets that cookie on some pages, so without this a tool
    opened straight from a link would leave its kernel running until it is culled.
    """
    from tornado.web import HTTPError

    from .guards import check_browser

    name = unquote(handler.request.path).rstrip("/").rsplit("/", 1)[-1]
    if name in hidden:
        raise HTTPError(404)
    check_browser(handler)
    _ = handler.xsrf_token


def server_environment() -> Any:
    """Jinja environment for Jupyter Server's pages, with our Indonesian templates first."""
    import jinja2
    from jupyter_server.serverapp import DEFAULT_TEMPLATE_PATH_LIST

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(
            [str(SERVER_TEMPLATES), str(TEMPLATE_DIR), *DEFAULT_TEMPLATE_PATH_LIST]
        ),
        extensions=["jinja2.ext.i18n"],
        autoescape=True,
    )
    env.install_null_translations(newstyle=False)  # type: ignore[attr-defined]
    return env


def tornado_settings() -> dict[str, Any]:
    """Indonesian pages for Jupyter Server's handlers and for addresses that match no handler."""
    from .guards import NotFound

    return {"jinja2_env": server_environment(), "default_handler_class": NotFound}


def voila_config(settings: AppSettings) -> dict[str, dict[str, Any]]:
    """Voilà's configuration for the app, as plain ``{class: {trait: value}}`` data."""
    idle = settings.idle_minutes * 60
    config: dict[str, dict[str, Any]] = {
        "Voila": {
            "ip": settings.host,
            "port": settings.port,
            "port_retries": 0,
            "open_browser": False,
            "root_dir": str(settings.notebooks.resolve()),
            "token": settings.password,
            "identity_provider_class": "selfassess.app.guards.ThrottledIdentityProvider",
        },
        "VoilaConfiguration": {
            "template": TEMPLATE,
            "theme": "light",
            "classic_tree": True,
            "strip_sources": True,
            "show_tracebacks": False,
            "allow_template_override": "NO",
            "allow_theme_override": "NO",
            "page_config_hook": functools.partial(page_config_hook, hidden=settings.hidden),
            "prelaunch_hook": functools.partial(prelaunch_hook, hidden=settings.hidden),
            "multi_kernel_manager_class": "selfassess.app.guards.GuardedKernelManager",
        },
        # When many participants open tools at once the kernels share the processor and a cell's
        # output (the form itself) can arrive seconds after the cell finished; nbclient's default
        # of 4 s would then drop it and the participant would see an empty tool.
        "VoilaExecutor": {"cell_error_instruction": CELL_ERROR, "iopub_timeout": IOPUB_TIMEOUT},
        "MappingKernelManager": {
            "cull_idle_timeout": idle,
            "cull_interval": 60 if idle else 300,
            "cull_connected": False,
        },
        "GuardedKernelManager": {
            "max_kernels": settings.max_kernels,
            "kernels_per_browser": settings.kernels_per_browser,
            "connect_timeout": float(settings.connect_seconds),
        },
        "ThrottledIdentityProvider": {
            "tries_per_client": settings.tries_per_client,
            "tries_overall": settings.tries_overall,
        },
    }
    for section, values in settings.extra.items():
        config.setdefault(section, {}).update(values)
    return config


def environment(settings: AppSettings, base: dict[str, str] | None = None) -> dict[str, str]:
    """Process environment for Voilà and its kernels: template path and results file."""
    env = dict(os.environ if base is None else base)
    paths = [str(SHARE), *filter(None, env.get("JUPYTER_PATH", "").split(os.pathsep))]
    env["JUPYTER_PATH"] = os.pathsep.join(dict.fromkeys(paths))
    if settings.results is not None:
        env[DB_ENV_VAR] = str(settings.results.expanduser().resolve())
    return env


def banner(settings: AppSettings) -> str:
    """What the trainer reads in the terminal when the app starts."""
    results = Path(environment(settings)[DB_ENV_VAR]) if settings.results else default_path()
    lines = [
        "Aplikasi lokakarya Panduan Coaching & Mentoring ASN",
        f"  Alamat      : {settings.url}",
        f"  Kata sandi  : {settings.password or '(tidak ada)'}",
        f"  Hasil       : {results}",
        f"  Panduan     : {guide_base_url()}",
    ]
    lines.append(
        f"  Batas alat  : {settings.max_kernels} sekaligus, {settings.kernels_per_browser} per "
        f"peramban; tanpa sambungan dihentikan setelah {settings.connect_seconds} detik"
    )
    if settings.password:
        lines.append(
            f"  Sandi salah : paling banyak {settings.tries_per_client} per alamat dan "
            f"{settings.tries_overall} seluruhnya per menit"
        )
    if settings.hidden:
        lines.append("  Alat pelatih: tidak ditawarkan (--peserta-saja)")
    if is_loopback(settings.host):
        lines.append("  Hanya dapat dibuka dari komputer ini (gunakan --host untuk jaringan).")
    lines.append("Tekan Ctrl+C untuk berhenti.")
    return "\n".join(lines)


def serve(settings: AppSettings, *, open_network: bool = False) -> int:
    """Check the settings, then run Voilà until it is stopped."""
    check_settings(settings, open_network=open_network)
    if not port_is_free(settings.host, settings.port):
        raise UserError(
            f"port {settings.port} di alamat {settings.host} sudah dipakai program lain.",
            field="--port",
            hint="Hentikan program itu atau pilih port lain, misalnya --port 8867.",
        )
    os.environ.update(environment(settings))
    print(banner(settings), flush=True)

    from traitlets.config import Config

    from .guards import PanduanVoila

    config = Config(voila_config(settings))
    config.Voila.tornado_settings = tornado_settings()
    PanduanVoila.launch_instance(argv=[str(settings.notebooks.resolve())], config=config)
    return 0
