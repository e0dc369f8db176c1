"""Compile a statement in a separate process before the store sees it.

LadybugDB's parser and planner run before the query timeout starts and ignore `interrupt()`: a statement
nested about a thousand brackets deep crashes the process (SIGSEGV), twenty nested CASE expressions or a
fifteen-hop pattern take minutes to compile. A worker process with an empty in-memory database of the same
schema compiles the statement first, under the caller's time limit; only what compiles there in time reaches
the real store, whose own compile then costs about the same.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress

import ladybug

from graph import schema
from graph.isolation import Failure, WorkerPool
from graph.readonly import CypherRefused
from graph.stores.base import StoreError

__all__ = ["compile_error", "read_only_transaction"]

MEMORY = 1 << 30  # bytes a compile may allocate: `UNWIND range(1, 2000000000)` builds its list while compiling
_pool: WorkerPool | None = None
_pool_lock = threading.Lock()
_connection: ladybug.Connection | None = None  # in the worker


@contextmanager
def read_only_transaction(conn: ladybug.Connection) -> Iterator[None]:
    conn.execute("BEGIN TRANSACTION READ ONLY")
    try:
        yield
    finally:
        with suppress(RuntimeError):  # the store already ended it: a failed or interrupted statement aborts it
            conn.execute("ROLLBACK")


def _open_schema() -> None:
    """Worker set-up: an empty in-memory database with the graph's tables."""
    global _connection
    database = ladybug.Database(":memory:", buffer_pool_size=64 << 20, max_db_size=1 << 30)
    _connection = ladybug.Connection(database)
    for label in schema.NODE_PROPERTIES:
        _connection.execute(schema.node_ddl(label))
    for rel in schema.RELATIONSHIPS.values():
        _connection.execute(schema.relationship_ddl(rel))


def _compile(statement: str) -> str | None:
    """In the worker: the store's error for the statement, or None when it compiles."""
    assert _connection is not None
    with read_only_transaction(_connection):
        prepared = ladybug.PreparedStatement(_connection, statement)
        return None if prepared.is_success() else prepared.get_error_message()


def compile_error(statement: str, seconds: float) -> str | None:
    """The store's error message when `statement` does not compile, None when it does; CypherRefused when
    compiling it crashes or takes longer than `seconds`."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = WorkerPool(1, MEMORY, initializer=_open_schema)
        outcome = _pool.call(_compile, statement, seconds=seconds)
    if isinstance(outcome, str) and "bad_alloc" in outcome:
        raise CypherRefused(f"compiling it needs more than the {MEMORY >> 20} MB it may use")
    if not isinstance(outcome, Failure):
        return outcome
    if outcome.kind == "timeout":
        raise CypherRefused(f"it takes longer than {seconds:g} s to compile (too deeply nested, or too long a pattern)")
    if outcome.kind in ("crash", "memory"):
        raise CypherRefused(f"compiling it {outcome.detail} (too deeply nested?)")
    raise StoreError(f"internal error while compiling the statement: {outcome.detail}")
