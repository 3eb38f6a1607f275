"""The browser the project's scripts drive: ``$SELFASSESS_CHROMIUM`` or Debian's ``chromium``."""

from __future__ import annotations

import os
import shutil
import sys


def chromium() -> str:
    """``$SELFASSESS_CHROMIUM`` or Debian's chromium (the browser the tests use)."""
    for candidate in (os.environ.get("SELFASSESS_CHROMIUM"), "chromium", "chromium-browser"):
        if candidate and shutil.which(candidate):
            return str(shutil.which(candidate))
    sys.exit("Chromium tidak ditemukan. Pasang paket Debian `chromium` (make sysdeps).")
