"""The results store: one SQLite file, append-only.

Every submission (a self-assessment, a plan, a session log, a survey answer, ...) is one row with a
kind, an optional instrument id, the participant's chosen code, a UTC timestamp and a JSON payload.
Rows are only ever inserted, each in its own transaction; triggers refuse UPDATE and DELETE so that
no tool can lose data that was already saved.

The file is ``$SELFASSESS_DB`` when set, otherwise ``~/.selfassess/hasil.sqlite``.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import UserError

if TYPE_CHECKING:
    import pandas as pd

ENV_VAR = "SELFASSESS_DB"
DEFAULT_PATH = Path.home() / ".selfassess" / "hasil.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS submissions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL,
    instrument  TEXT,
    participant TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    payload     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS submissions_kind ON submissions (kind, instrument);
CREATE TRIGGER IF NOT EXISTS submissions_no_update BEFORE UPDATE ON submissions
BEGIN SELECT RAISE(ABORT, 'hasil bersifat tambah-saja: tidak boleh diubah'); END;
CREATE TRIGGER IF NOT EXISTS submissions_no_delete BEFORE DELETE ON submissions
BEGIN SELECT RAISE(ABORT, 'hasil bersifat tambah-saja: tidak boleh dihapus'); END;
"""

_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$")


def default_path() -> Path:
    """Where results are stored: ``$SELFASSESS_DB`` or ``~/.selfassess/hasil.sqlite``."""
    env = os.environ.get(ENV_VAR, "").strip()
    return Path(env).expanduser() if env else DEFAULT_PATH


def normalise_code(code: str, field: str = "Kode peserta") -> str:
    """Check a participant's chosen code and return it in upper case.

    A code is 2-40 letters, digits, dots, hyphens or underscores. It must not be a NIP or NIK,
    because the store keeps no names or personal numbers.
    """
    text = (code or "").strip()
    if not text:
        raise UserError(
            "kode peserta masih kosong.",
            field=field,
            hint="Isi dengan kode pilihan Anda sendiri, misalnya BUDI-07 atau TIM3_ANI.",
        )
    if text.isdigit() and len(text) >= 15:
        raise UserError(
            "kode ini tampak seperti NIP atau NIK.",
            field=field,
            hint="Demi privasi, pilih kode tanpa nomor pribadi, misalnya MAWAR-12.",
        )
    if not _CODE.match(text):
        raise UserError(
            "kode hanya boleh berisi 2-40 huruf, angka, titik, tanda hubung, atau garis bawah, "
            "dan diawali huruf atau angka.",
            field=field,
            hint="Contoh kode yang benar: BUDI-07, TIM3_ANI, atau pst.21.",
        )
    return text.upper()


def _ensure_wal(conn: sqlite3.Connection, attempts: int = 300) -> None:
    """Put the file in WAL mode, retrying while another process holds the lock (at most ~30 s).

    SQLite may answer "database is locked" to the journal-mode pragma without waiting for the busy
    timeout (e.g. while a crashed writer's WAL is being recovered), so wait here ourselves.
    """
    for attempt in range(attempts):
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.1)


@dataclass(frozen=True)
class Submission:
    """One saved row of the store."""

    id: int
    kind: str
    instrument: str | None
    participant: str
    created_at: str
    payload: dict[str, Any]


class Store:
    """Append-only access to one results file."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise UserError(
                f"berkas hasil tidak dapat dibuka ({exc}).",
                file=str(self.path),
                hint=f"Periksa bahwa folder itu ada dan dapat ditulis, atau atur {ENV_VAR}.",
            ) from exc
        try:
            conn.execute("PRAGMA busy_timeout=30000")
            # Switching to WAL needs an exclusive lock; once the file is in WAL mode (it stays so),
            # skip it, so that a writer arriving while others write never fails on it.
            _ensure_wal(conn)
            conn.execute("PRAGMA synchronous=FULL")
            conn.executescript(_SCHEMA)
            yield conn
        except sqlite3.DatabaseError as exc:
            raise UserError(
                f"berkas hasil tidak dapat dibaca atau ditulis ({exc}).",
                file=str(self.path),
                hint="Jangan ubah berkas ini dengan program lain; hubungi pengelola pelatihan.",
            ) from exc
        finally:
            conn.close()

    def append(
        self,
        kind: str,
        participant: str,
        payload: dict[str, Any],
        instrument: str | None = None,
    ) -> Submission:
        """Save one submission in its own transaction and return it with its id."""
        code = normalise_code(participant)
        created = datetime.now(UTC).isoformat(timespec="seconds")
        body = json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str)
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                cur = conn.execute(
                    "INSERT INTO submissions (kind, instrument, participant, created_at, payload)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (kind, instrument, code, created, body),
                )
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            row_id = int(cur.lastrowid or 0)
        return Submission(row_id, kind, instrument, code, created, json.loads(body))

    def submissions(
        self,
        kind: str | None = None,
        instrument: str | None = None,
        participant: str | None = None,
    ) -> list[Submission]:
        """All saved submissions, oldest first, optionally filtered."""
        sql = "SELECT id, kind, instrument, participant, created_at, payload FROM submissions"
        where, args = [], []
        for column, value in (("kind", kind), ("instrument", instrument)):
            if value is not None:
                where.append(f"{column} = ?")
                args.append(value)
        if participant is not None:
            where.append("participant = ?")
            args.append(normalise_code(participant))
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id"
        if not self.path.exists():
            return []
        with self._connect() as conn:
            rows = conn.execute(sql, args).fetchall()
        return [Submission(r[0], r[1], r[2], r[3], r[4], json.loads(r[5])) for r in rows]


#: Header of the participant-code column in frames built from the store.
CODE_COLUMN = "Kode peserta"


def answers_frame(submissions: list[Submission]) -> pd.DataFrame:
    """One row per submission of instrument answers, as a responses frame.

    Answers are saved with ``payload = {"jawaban": {item_id: value, ...}, "fase": ..., ...}``.
    Columns: ``Kode peserta``, ``fase``, ``waktu``, ``id_kiriman``, then one column per item id.
    """
    import pandas as pd

    rows = [
        {
            CODE_COLUMN: s.participant,
            "fase": s.payload.get("fase"),
            "waktu": s.created_at,
            "id_kiriman": s.id,
            **s.payload.get("jawaban", {}),
        }
        for s in submissions
    ]
    return pd.DataFrame(rows)


def latest_per_participant(frame: pd.DataFrame) -> pd.DataFrame:
    """Keep each participant's latest submission per phase (earlier ones stay in the store)."""
    if frame.empty:
        return frame
    keys = [CODE_COLUMN, "fase"]
    return frame.sort_values("id_kiriman").drop_duplicates(keys, keep="last").reset_index(drop=True)
