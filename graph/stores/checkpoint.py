"""Writes and checkpoints that a kill -9 cannot tear.

Measured with LadybugDB 0.22 (tests/test_crash.py, docs/concurrency.md): a transaction that bulk-loads with
COPY is not durable at COMMIT — the copied rows reach the database file only at the next checkpoint, the log
holds the deletions but not the copied rows — so a process killed between such a COMMIT and the end of its
checkpoint leaves a database that opens without error with the old rows deleted and the new ones missing.
Row-wise writes are in the log and replay correctly; but a checkpoint killed half-way (the automatic one
inside COMMIT, an explicit CHECKPOINT or the replay at open) has also left a store without rows.

So the embedded store never lets LadybugDB checkpoint on its own (auto_checkpoint off) and wraps every bulk
write (BEGIN … COMMIT, CHECKPOINT) and every checkpoint in `protected`: first the database file and its log
are copied to `<db>.backup` and `<db>.backup.wal` (complete copies renamed into place, the database file last,
so a half-written backup is never used), then the work runs, then the backup is removed. An open that finds
a backup (`restore`) puts the file and the log back as they were before the work began: the previous graph,
or, for a checkpoint of committed row-wise writes, the log that replays them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

# Files LadybugDB keeps beside a database while a checkpoint runs; stale after a restore.
_CHECKPOINT_FILES = (".shadow", ".wal.checkpoint", ".checkpoint.intent.lock", ".checkpoint.apply.lock")


def _sibling(db: Path, suffix: str) -> Path:
    return db.with_name(db.name + suffix)


def wal_size(db: Path) -> int:
    wal = _sibling(db, ".wal")
    return wal.stat().st_size if wal.exists() else 0


def _copy(source: Path, target: Path) -> None:
    partial = _sibling(target, ".partial")
    with source.open("rb") as src, partial.open("wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 22)
        dst.flush()
        os.fsync(dst.fileno())
    partial.replace(target)


def _backup_files(db: Path) -> tuple[Path, Path]:
    return _sibling(db, ".backup"), _sibling(db, ".backup.wal")


def pending(db: Path) -> bool:
    """Whether a checkpoint was interrupted (its backup is still there)."""
    return _backup_files(db)[0].exists()


def protected(db: Path, work: Callable[[], T], always: bool = False) -> T:
    """Run `work` with a copy of the database file and its log to fall back on: always (a bulk write), or
    when there is a log to fold in (a checkpoint; without a log it has nothing to do)."""
    if not (always or wal_size(db)) or not db.exists():
        return work()
    backup, backup_wal = _backup_files(db)
    wal = _sibling(db, ".wal")
    if wal.exists():
        _copy(wal, backup_wal)
    else:
        backup_wal.unlink(missing_ok=True)
    _copy(db, backup)  # last: its presence says the pair is complete
    result = work()
    backup.unlink()
    backup_wal.unlink(missing_ok=True)
    return result


def restore(db: Path) -> bool:
    """Undo a checkpoint that was interrupted: the database file and its log as they were before it began.
    Returns whether there was one. The caller holds the store's exclusive lock."""
    backup, backup_wal = _backup_files(db)
    for partial in (_sibling(backup, ".partial"), _sibling(backup_wal, ".partial")):
        partial.unlink(missing_ok=True)  # a backup that was being written: the checkpoint never began
    if not backup.exists():
        backup_wal.unlink(missing_ok=True)
        return False
    for suffix in _CHECKPOINT_FILES:
        _sibling(db, suffix).unlink(missing_ok=True)
    _copy(backup, db)
    if backup_wal.exists():
        _copy(backup_wal, _sibling(db, ".wal"))
    else:
        _sibling(db, ".wal").unlink(missing_ok=True)
    # The backup stays until the replay that follows has checkpointed under protection of its own.
    return True


def discard(db: Path) -> None:
    """The backup of a restored checkpoint, once the store opened and checkpointed again."""
    for path in _backup_files(db):
        path.unlink(missing_ok=True)
