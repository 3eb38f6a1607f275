"""Shared test set-up.

* Results go to a throw-away SQLite file, never to the user's own store.
* An exception in any widget callback fails the test: ipywidgets normally only logs exceptions
  raised in ``on_click`` handlers, and ``selfassess.ui.common.guarded`` records unexpected ones.
* Hypothesis runs without its per-example deadline: speed targets live in benchmarks
  (``make bench``), and a busy machine must not fail a property test.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("panduan", deadline=None)
settings.load_profile("panduan")

ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config: pytest.Config) -> None:
    """Point the store (and notebook kernels started later) at a temporary file."""
    if not os.environ.get("SELFASSESS_DB"):
        os.environ["SELFASSESS_DB"] = str(
            Path(tempfile.mkdtemp(prefix="sa-test-")) / "hasil.sqlite"
        )


@pytest.fixture(autouse=True)
def _fail_on_widget_callback_errors(monkeypatch: pytest.MonkeyPatch):
    """Make ipywidgets re-raise callback exceptions and fail on guarded unexpected errors."""
    from ipywidgets.widgets.widget import CallbackDispatcher

    from selfassess.ui import common

    def strict_call(self, *args, **kwargs):
        value = None
        for callback in self.callbacks:
            local = callback(*args, **kwargs)
            value = local if local is not None else value
        return value

    monkeypatch.setattr(CallbackDispatcher, "__call__", strict_call)
    common.UNEXPECTED.clear()
    yield
    unexpected = list(common.UNEXPECTED)
    common.UNEXPECTED.clear()
    if unexpected:
        raise AssertionError(f"unexpected exception in a widget handler: {unexpected[0]!r}") from (
            unexpected[0]
        )


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh results file for one test, also exported as SELFASSESS_DB."""
    path = tmp_path / "hasil.sqlite"
    monkeypatch.setenv("SELFASSESS_DB", str(path))
    return path
