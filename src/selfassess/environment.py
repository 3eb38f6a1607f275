"""Check that this machine has what the toolkit needs (pure reporting, no side effects)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from importlib import import_module
from importlib.metadata import PackageNotFoundError, version

from .store import default_path

REQUIRED = {
    "pandas": "pandas",
    "matplotlib": "matplotlib",
    "openpyxl": "openpyxl",
    "python-docx": "docx",
    "pyyaml": "yaml",
    "ipywidgets": "ipywidgets",
}


@dataclass(frozen=True)
class Check:
    """One line of the report."""

    name: str
    ok: bool
    detail: str


@dataclass
class EnvironmentReport:
    """All checks, with a one-line summary in Indonesian."""

    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every check passed."""
        return all(c.ok for c in self.checks)

    def summary(self) -> str:
        """One Indonesian sentence about the result."""
        failed = [c.name for c in self.checks if not c.ok]
        if not failed:
            return f"Semua {len(self.checks)} pemeriksaan lulus: perangkat siap dipakai."
        return (
            f"{len(failed)} dari {len(self.checks)} pemeriksaan gagal ({', '.join(failed)}). "
            "Jalankan `make lab` dari folder proyek agar semua pustaka dipasang."
        )


def _package(dist: str, module: str) -> Check:
    try:
        import_module(module)
        return Check(dist, True, f"versi {version(dist)}")
    except (ImportError, PackageNotFoundError) as exc:
        return Check(dist, False, f"tidak terpasang ({exc})")


def check_environment() -> EnvironmentReport:
    """Python version, required libraries, and where results will be stored."""
    py_ok = sys.version_info >= (3, 11)
    checks = [Check("Python", py_ok, f"versi {sys.version.split()[0]} (minimal 3.11)")]
    checks += [_package(dist, module) for dist, module in REQUIRED.items()]
    path = default_path()
    folder = next((p for p in [path.parent, *path.parents] if p.exists()), None)
    checks.append(
        Check(
            "Berkas hasil",
            folder is not None and os.access(folder, os.W_OK),
            f"{path} (dapat ditulis)"
            if folder and os.access(folder, os.W_OK)
            else f"{path}: folder tidak dapat ditulis; atur SELFASSESS_DB ke folder lain",
        )
    )
    return EnvironmentReport(checks)
