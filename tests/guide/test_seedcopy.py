"""No passage of the guide is copied from the seed articles (shared/seeds/)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.guide.pages import ROOT

SCRIPT = Path("tools") / "seedcopy.py"


def shared_dir() -> Path:
    """``shared/`` beside the repository (CI clone), or beside an ancestor (git worktrees)."""
    if os.environ.get("SELFASSESS_SHARED"):
        return Path(os.environ["SELFASSESS_SHARED"])
    for parent in ROOT.parents:
        if (parent / "shared" / SCRIPT).is_file():
            return parent / "shared"
    return ROOT.parent / "shared"


def test_no_sentence_copied_from_the_seeds():
    script = shared_dir() / SCRIPT
    assert script.is_file(), (
        f"{script} not found: put the project's shared/ folder beside the repository "
        "or set SELFASSESS_SHARED to it"
    )
    paths = [p for p in ("docs", "notebooks", "src") if (ROOT / p).exists()]
    run = subprocess.run(
        [sys.executable, str(script), *paths], cwd=ROOT, capture_output=True, text=True
    )
    report = run.stdout + run.stderr
    summary = report.strip().splitlines()[-1] if report.strip() else ""
    copied = run.returncode != 0 or not summary.startswith("0 copied")
    assert not copied, f"rewrite these passages in your own words:\n{report}"
