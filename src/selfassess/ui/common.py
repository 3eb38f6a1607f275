"""Conventions shared by every widget form.

* Every button handler is wrapped with :func:`guarded`: a :class:`UserError` becomes an Indonesian
  message beside the form; anything unexpected becomes a polite Indonesian message too, is logged,
  and is recorded in :data:`UNEXPECTED` so that tests fail on it. Users never see a traceback.
* Messages are HTML-escaped before display.
"""

from __future__ import annotations

import functools
import html
import logging
from collections.abc import Callable
from typing import Any

import ipywidgets as w

from ..errors import UserError

log = logging.getLogger("selfassess.ui")

#: Unexpected exceptions raised inside handlers (tests assert this stays empty).
UNEXPECTED: list[BaseException] = []

UNEXPECTED_MESSAGE = (
    "Maaf, terjadi kesalahan tak terduga dan tindakan ini tidak selesai. Data yang sudah disimpan "
    "tetap aman. Coba sekali lagi; bila masih gagal, beri tahu pelatih atau pengelola."
)


def message_html(text: str, kind: str = "error") -> str:
    """Escaped HTML for a status message; ``kind`` is ``error``, ``ok`` or ``info``."""
    icon = {"error": "✗", "ok": "✓", "info": "ℹ"}[kind]
    color = {"error": "#b00020", "ok": "#1b5e20", "info": "#0d47a1"}[kind]
    return (
        f'<div class="sa-msg sa-msg-{kind}" role="{"alert" if kind == "error" else "status"}" '
        f'style="color:{color}">{icon} {html.escape(text)}</div>'
    )


def status_area() -> w.HTML:
    """An empty area for messages beside a form."""
    return w.HTML(value="", layout=w.Layout(min_height="1.5em"))


def show(status: w.HTML, text: str, kind: str = "error") -> None:
    """Show one message in a status area."""
    status.value = message_html(text, kind)


def guarded(status: w.HTML) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Wrap a widget handler so that errors reach the user as Indonesian messages."""

    def decorate(handler: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(handler)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                return handler(*args, **kwargs)
            except UserError as err:
                show(status, str(err), "error")
            except Exception as exc:
                UNEXPECTED.append(exc)
                log.exception("Kesalahan tak terduga di %s", handler.__qualname__)
                show(status, UNEXPECTED_MESSAGE, "error")
            return None

        return wrapper

    return decorate
