"""Locations of the two builds. ``make test`` builds both before pytest runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sitecheck import built_site

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def site_dir() -> Path:
    return built_site("site")


@pytest.fixture(scope="session")
def offline_dir() -> Path:
    return built_site("site-offline")
