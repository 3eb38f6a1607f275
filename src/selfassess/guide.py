"""Links from the toolkit to pages of the guide.

Instruments and reports name guide pages by their source path (``praktik/umpan-balik.md``). Where
the guide is served is set by ``SELFASSESS_PANDUAN_URL`` (default ``http://127.0.0.1:8000/``, what
``make serve`` uses); on an intranet, set it to the published address.
"""

from __future__ import annotations

import os

ENV_VAR = "SELFASSESS_PANDUAN_URL"
DEFAULT_URL = "http://127.0.0.1:8000/"


def base_url() -> str:
    """The guide's address, always ending with a slash."""
    url = os.environ.get(ENV_VAR, "").strip() or DEFAULT_URL
    return url if url.endswith("/") else url + "/"


def page_url(page: str) -> str:
    """Address of a guide page given as ``section/page.md`` (optionally with ``#anchor``)."""
    path, _, anchor = page.partition("#")
    if path.endswith("index.md"):
        path = path[: -len("index.md")]
    elif path.endswith(".md"):
        path = path[: -len(".md")] + "/"
    return base_url() + path + (f"#{anchor}" if anchor else "")
