"""Live SMART feedback must keep up with typing: one draft check well under 20 ms.

Run with ``make bench``. Exits 1 when the median check of the verdict table's goals is slower
than the target.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import yaml

from selfassess.smart import check_draft, check_goal, goal_statement

TARGET_MS = 20.0
TABLE = Path(__file__).resolve().parent.parent / "tests" / "data" / "smart_goals.yaml"


def main() -> int:
    rows = yaml.safe_load(TABLE.read_text(encoding="utf-8"))["tujuan"]
    timings = []
    for row in rows * 5:
        start = time.perf_counter()
        check_goal(row["tujuan"])
        check_draft(row)
        goal_statement(row)
        timings.append((time.perf_counter() - start) * 1000)
    median, worst = statistics.median(timings), max(timings)
    print(f"SMART check + statement: median {median:.2f} ms, worst {worst:.2f} ms "
          f"over {len(timings)} runs (target median < {TARGET_MS:.0f} ms)")  # fmt: skip
    return 0 if median < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
