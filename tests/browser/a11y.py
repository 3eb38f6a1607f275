"""axe-core audits: the serious and critical violations of a page, and counts kept for a report.

axe-core comes from the axe-playwright-python package (``axe.min.js`` inside it) and is injected
into the page; it fetches nothing. With ``SELFASSESS_AXE_REPORT=file.json`` the counts by impact of
every audited page are written there at the end of the test session.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

BLOCKING = {"serious", "critical"}
#: Page name → counts by impact, for the report.
REPORT: dict[str, dict[str, int]] = {}


def audit(page, name: str) -> list[str]:
    """Run axe on the page; return the serious and critical violations as readable lines."""
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page).response["violations"]
    REPORT[name] = dict(Counter(v["impact"] for v in violations))
    return [
        f"{name}: {v['id']} ({v['impact']}, {len(v['nodes'])}×) {v['nodes'][0]['target']}"
        for v in violations
        if v["impact"] in BLOCKING
    ]


def write_report() -> None:
    """Merge this session's counts into ``$SELFASSESS_AXE_REPORT`` when it is set."""
    target = os.environ.get("SELFASSESS_AXE_REPORT")
    if not target or not REPORT:
        return
    path = Path(target)
    old = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    path.write_text(json.dumps({**old, **REPORT}, indent=1, sort_keys=True), encoding="utf-8")
