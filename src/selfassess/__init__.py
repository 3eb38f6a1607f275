"""Perangkat coaching & mentoring ASN: asesmen diri, tujuan SMART, evaluasi pelatihan."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("selfassess")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"

__all__ = ["__version__"]
