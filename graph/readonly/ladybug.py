"""Read-only Cypher on the embedded store (LadybugDB), on a connection the caller lends.

1. `statement.screen`: one statement, no NUL, no clause whose binding opens a file.
2. `preflight.compile_error`: it compiles in another process within the time limit.
3. On a connection borrowed from `connect()` only now (a store with one shared connection is not held up by
   steps 1 and 2), in a `BEGIN TRANSACTION READ ONLY` with the query timeout set: EXPLAIN it and refuse any
   plan that is not a plain read (`ladybug_plan`), then run it and fetch at most the row limit.
The connection is handed back as it was lent: no transaction open, no timeout set.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import ladybug

from graph.readonly import CypherRefused, ReadLimits, ReadResult, ladybug_plan, preflight, statement
from graph.stores.base import StoreError

__all__ = ["run_read_only"]

_WRITE_ERROR = re.compile(r"(?i)write (operations|query).*read-only")
_WRITE_WORDS = ("CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "ALTER", "COMMENT", "INSTALL",
                "UNINSTALL")


def _refused_or_failed(text: str, message: str) -> StoreError:
    """The store's own error, as a refusal when it says the statement writes or is several statements."""
    message = message.strip()
    if _WRITE_ERROR.search(message):
        words = [t.text for t in statement.tokens(text) if t.kind == "word"]
        clause = next((w for w in words if w in _WRITE_WORDS), "it")
        return CypherRefused(f"{clause} writes to the database")
    if "multiple statements" in message:
        return CypherRefused("several statements in one call: send them one at a time")
    if message.rstrip(".") == "Interrupted":
        return StoreError("the query ran longer than its time limit and was stopped")
    return StoreError(message)


def _execute(conn: ladybug.Connection, text: str, parameters: dict[str, Any]) -> ladybug.QueryResult:
    prepared = ladybug.PreparedStatement(conn, text)
    if not prepared.is_success():
        raise _refused_or_failed(text, prepared.get_error_message())
    try:
        return conn.execute(prepared, parameters)
    except RuntimeError as exc:
        raise _refused_or_failed(text, str(exc)) from exc
    except (ValueError, TypeError, OverflowError) as exc:  # the binding's conversion of a parameter
        raise StoreError(f"a parameter cannot be passed to the store: {exc}") from exc


def _fetch(result: ladybug.QueryResult, limit: int) -> ReadResult:
    columns = result.get_column_names()
    rows = []
    while len(rows) < limit and result.has_next():
        rows.append(dict(zip(columns, result.get_next(), strict=True)))
    truncated = result.has_next()
    result.close()
    return ReadResult(columns, rows, truncated)


def run_read_only(connect: Callable[[], AbstractContextManager[ladybug.Connection]], text: str,
                  parameters: dict[str, Any] | None, limits: ReadLimits) -> ReadResult:
    statement.screen(text)
    if (error := preflight.compile_error(text, limits.seconds)) is not None:
        raise _refused_or_failed(text, error)
    parameters = parameters or {}
    with connect() as conn, preflight.read_only_transaction(conn):
        conn.set_query_timeout(max(1, round(limits.seconds * 1000)))
        try:
            explained = _execute(conn, "EXPLAIN " + text, parameters)
            plan = explained.get_next()[0]
            explained.close()
            if (reason := ladybug_plan.refusal(ladybug_plan.parse_plan(plan))) is not None:
                raise CypherRefused(reason)
            return _fetch(_execute(conn, text, parameters), limits.rows)
        finally:
            conn.set_query_timeout(0)
