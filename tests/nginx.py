"""Run Debian's nginx on 127.0.0.1 with the configuration documented on publikasi/server-web.md.

The ``location`` block is read from the page itself (its ``nginx`` code block), so the test and the
benchmark serve the site exactly as an IT officer who copies the example would. ``make test``
installs nginx and its Brotli module (scripts/sysdeps.sh); without them the callers fail.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "publikasi" / "server-web.md"
NGINX = "/usr/sbin/nginx"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
MIME_TYPES = Path("/etc/nginx/mime.types")
PREFIX = "/panduan-coaching/"


def documented_location() -> str:
    """The ``location /panduan-coaching/ { ... }`` example of the server page."""
    text = PAGE.read_text(encoding="utf-8")
    section = text[text.index("\n## nginx") :]
    match = re.search(r"```nginx\n(.*?)```", section, re.S)
    assert match, f"{PAGE}: no nginx example under '## nginx'"
    return match.group(1)


def missing() -> str | None:
    """What is not installed, or None."""
    if not Path(NGINX).is_file():
        return "nginx (Debian: apt-get install nginx; make test installs it as root)"
    if not BROTLI_MODULE.is_file():
        return "libnginx-mod-http-brotli-static (make test installs it as root)"
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def config(site: Path, workdir: Path, port: int) -> str:
    """A complete nginx.conf: the documented location block, served from a copy-like folder."""
    www = workdir / "www"
    www.mkdir(exist_ok=True)
    link = www / PREFIX.strip("/")
    if not link.exists():
        link.symlink_to(site.resolve(), target_is_directory=True)
    location = documented_location().replace("root /srv/www;", f"root {www};")
    # As root, nginx would switch its workers to "nobody", who cannot enter pytest's private
    # temporary folders; the test server only listens on 127.0.0.1.
    user = "user root;" if os.geteuid() == 0 else ""
    return f"""
load_module {BROTLI_MODULE};
{user}
worker_processes 1;
daemon off;
pid {workdir}/nginx.pid;
error_log {workdir}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {workdir}/body;
    proxy_temp_path {workdir}/proxy;
    fastcgi_temp_path {workdir}/fastcgi;
    uwsgi_temp_path {workdir}/uwsgi;
    scgi_temp_path {workdir}/scgi;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
{location}
    }}
}}
"""


@contextmanager
def serve(site: Path, workdir: Path):
    """nginx serving ``site`` at http://127.0.0.1:PORT/panduan-coaching/ (yields that URL)."""
    problem = missing()
    if problem:
        raise RuntimeError(f"nginx is needed: {problem}")
    port = _free_port()
    conf = workdir / "nginx.conf"
    conf.write_text(config(site, workdir, port), encoding="utf-8")
    check = subprocess.run(
        [NGINX, "-t", "-p", str(workdir), "-c", str(conf)], capture_output=True, text=True
    )
    if check.returncode != 0:
        raise RuntimeError(f"nginx -t refused the documented configuration:\n{check.stderr}")
    process = subprocess.Popen(
        [NGINX, "-p", str(workdir), "-c", str(conf)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        "nginx did not start: "
                        + (workdir / "error.log").read_text(errors="replace")
                    ) from None
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}{PREFIX}"
    finally:
        from tests.browser.conftest import stop_process

        stop_process(process, timeout=10)
        shutil.rmtree(workdir / "www", ignore_errors=True)
