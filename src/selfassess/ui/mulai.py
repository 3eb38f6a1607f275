"""The welcome form of ``00-mulai``: environment check and a participant-code field."""

from __future__ import annotations

import ipywidgets as w

from ..environment import check_environment
from ..store import normalise_code
from .common import guarded, show, status_area


class Welcome(w.VBox):
    """Shows the environment check and lets a participant try out a code."""

    def __init__(self) -> None:
        report = check_environment()
        rows = "".join(
            f"<tr><td>{'✓' if c.ok else '✗'}</td><td>{c.name}</td><td>{c.detail}</td></tr>"
            for c in report.checks
        )
        self.report = w.HTML(
            "<table><thead><tr><th>Status</th><th>Komponen</th><th>Keterangan</th></tr></thead>"
            f"<tbody>{rows}</tbody></table><p>{report.summary()}</p>"
        )
        self.code = w.Text(
            description="Kode peserta",
            placeholder="misalnya BUDI-07",
            style={"description_width": "initial"},
        )
        self.button = w.Button(description="Periksa kode", button_style="primary")
        self.status = status_area()
        self.button.on_click(guarded(self.status)(self._check))
        super().__init__([self.report, w.HBox([self.code, self.button]), self.status])

    def _check(self, _button: w.Button | None = None) -> None:
        code = normalise_code(self.code.value)
        show(
            self.status,
            f"Kode {code} dapat dipakai. Simpan kode ini; Anda akan memakainya lagi.",
            "ok",
        )


def welcome() -> Welcome:
    """Build the welcome form."""
    return Welcome()
