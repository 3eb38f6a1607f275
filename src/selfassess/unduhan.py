"""Files written for download: where they go, never overwriting, and a browser download link.

* The folder is ``$SELFASSESS_UNDUHAN`` when set, otherwise ``~/.selfassess/unduhan``.
* :func:`write_new` writes atomically and refuses to replace an existing file unless asked;
  :func:`free_path` picks ``name-2.docx``, ``name-3.docx``, ... when the name is taken.
* :func:`link_html` builds an ``<a download href="data:...">`` link, so that a browser (JupyterLab
  or Voilà) can save the file even when the kernel runs on another machine.
"""

from __future__ import annotations

import base64
import contextlib
import html
import os
import re
import tempfile
from pathlib import Path

from .errors import UserError

ENV_VAR = "SELFASSESS_UNDUHAN"
DEFAULT_DIR = Path.home() / ".selfassess" / "unduhan"

MIME = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".md": "text/markdown;charset=utf-8",
    ".html": "text/html;charset=utf-8",
    ".csv": "text/csv;charset=utf-8",
    ".pdf": "application/pdf",
    ".png": "image/png",
}


def download_dir() -> Path:
    """Where downloads are written: ``$SELFASSESS_UNDUHAN`` or ``~/.selfassess/unduhan``."""
    env = os.environ.get(ENV_VAR, "").strip()
    return Path(env).expanduser() if env else DEFAULT_DIR


def safe_name(text: str) -> str:
    """A file-name part made of ``A-Za-z0-9._-`` only (other characters become ``-``)."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.")
    return name or "berkas"


def free_path(folder: Path, stem: str, suffix: str) -> Path:
    """``folder/stem.suffix``, or ``stem-2.suffix``, ``stem-3.suffix`` ... if already taken."""
    candidate = folder / f"{stem}{suffix}"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{n}{suffix}"
        n += 1
    return candidate


def write_new(path: Path, data: bytes, overwrite: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically; an existing file is kept unless ``overwrite``."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".sementara-", suffix=path.suffix, dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        raise UserError(
            f"berkas tidak dapat ditulis ({exc.strerror or exc}).",
            file=str(path),
            hint=f"Periksa bahwa folder itu ada dan dapat ditulis, atau atur {ENV_VAR}.",
        ) from exc
    try:
        if overwrite:
            os.replace(tmp, path)
        else:
            _create_from(tmp, path, data)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    return path


def _create_from(tmp: str, path: Path, data: bytes) -> None:
    """Give the finished temporary file its name, failing if the name already exists."""
    try:
        try:
            os.link(tmp, path)  # atomic, and fails if the name exists
        except FileExistsError:
            raise
        except OSError:  # file systems without hard links
            with open(path, "xb") as handle:
                handle.write(data)
    except FileExistsError:
        raise UserError(
            "berkas dengan nama ini sudah ada dan tidak ditimpa.",
            file=str(path),
            hint="Pilih nama lain atau hapus berkas lama lebih dulu.",
        ) from None


def link_html(filename: str, data: bytes, label: str, css_class: str = "sa-unduh") -> str:
    """An HTML download link carrying the file itself (``data:`` URL), safe to show in a widget."""
    mime = MIME.get(Path(filename).suffix.lower(), "application/octet-stream")
    payload = base64.b64encode(data).decode("ascii")
    name = html.escape(Path(filename).name, quote=True)
    return (
        f'<a class="{html.escape(css_class, quote=True)}" download="{name}" '
        f'href="data:{mime};base64,{payload}">{html.escape(label)}</a>'
    )
