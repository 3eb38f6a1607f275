"""The store under stress: several writer processes at once, and writers killed with SIGKILL in
the middle of their work, lose no acknowledged row and leave a file that passes integrity_check."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from selfassess.store import Store

WRITER = r"""
import sys
from selfassess.store import Store

store = Store(sys.argv[1])
name, count = sys.argv[2], int(sys.argv[3])
filler = "x" * int(sys.argv[4])
i = 0
while count < 0 or i < count:
    sub = store.append(
        "jawaban", f"{name}-{i % 7}",
        {"jawaban": {"REL1": i % 5 + 1}, "urut": i, "penulis": name, "isi": filler},
        instrument="kompetensi-coaching",
    )
    print(sub.id, i, flush=True)  # acknowledged: the row is committed
    i += 1
"""


def start(db: Path, name: str, count: int, filler: int = 0) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), name, str(count), str(filler)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def check_file(db: Path) -> list[tuple[int, str, dict]]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = conn.execute(
            "SELECT id, participant, payload FROM submissions ORDER BY id"
        ).fetchall()
    finally:
        conn.close()
    return [(r[0], r[1], json.loads(r[2])) for r in rows]


def test_concurrent_writers_lose_nothing(tmp_path):
    db = tmp_path / "hasil.sqlite"
    writers = {name: start(db, name, 60) for name in ("A", "B", "C", "D")}
    acked: dict[str, list[int]] = {}
    for name, proc in writers.items():
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
        acked[name] = [int(line.split()[0]) for line in out.splitlines()]
    rows = check_file(db)
    assert len(rows) == 240
    assert sorted(r[0] for r in rows) == sorted(i for ids in acked.values() for i in ids)
    for name in writers:
        mine = [r[2]["urut"] for r in rows if r[2]["penulis"] == name]
        assert mine == list(range(60)), "each writer's rows are all there, in its order"
    assert len(Store(db).submissions(kind="jawaban", instrument="kompetensi-coaching")) == 240


def test_writers_killed_mid_write_lose_nothing_acknowledged(tmp_path):
    db = tmp_path / "hasil.sqlite"
    acked: list[int] = []
    steady = start(db, "TETAP", 150)  # keeps writing while the others are killed
    for round_ in range(6):
        victim = start(db, f"KORBAN{round_}", -1, filler=20_000)  # writes until killed
        seen = 0
        deadline = time.monotonic() + 60
        target = 5 + 3 * round_
        while seen < target and time.monotonic() < deadline:
            line = victim.stdout.readline()
            if not line:
                break
            acked.append(int(line.split()[0]))
            seen += 1
        assert seen == target, victim.stderr.read()
        os.kill(victim.pid, signal.SIGKILL)  # most likely inside append: the loop never waits
        victim.wait(timeout=30)
        assert victim.returncode == -signal.SIGKILL
        # whatever the victim printed before dying was acknowledged too
        acked.extend(int(line.split()[0]) for line in victim.stdout.read().splitlines() if line)
    out, err = steady.communicate(timeout=180)
    assert steady.returncode == 0, err
    steady_ids = [int(line.split()[0]) for line in out.splitlines()]
    rows = check_file(db)
    ids = {r[0] for r in rows}
    assert set(acked) <= ids, "every acknowledged row survived the kills"
    assert set(steady_ids) <= ids and len(steady_ids) == 150
    assert all(r[2]["jawaban"]["REL1"] in range(1, 6) for r in rows), "no torn rows"
    victims = [r for r in rows if r[2]["penulis"].startswith("KORBAN")]
    assert all(len(r[2]["isi"]) == 20_000 for r in victims)
    # the file still works for new writers after the kills (no stale lock)
    Store(db).append("jawaban", "SESUDAH-1", {"jawaban": {}}, instrument="kompetensi-coaching")
    assert len(check_file(db)) == len(rows) + 1
