"""Locations of the two builds. ``make test`` builds both before pytest runs."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _built(name: str) -> Path:
    site = ROOT / name
    if not (site / "index.html").is_file():
        pytest.fail(f"{name}/ is not built; run `make {name}` (make test builds it)")
    return site


@pytest.fixture(scope="session")
def site_dir() -> Path:
    return _built("site")


@pytest.fixture(scope="session")
def offline_dir() -> Path:
    return _built("site-offline")
