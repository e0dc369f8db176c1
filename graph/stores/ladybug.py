"""The embedded store: LadybugDB (the maintained fork of Kùzu), on disk, queried with Cypher.

Writes follow what is fast in LadybugDB 0.22: ids are looked up once; the new nodes and edges of a large
write are bulk-loaded with COPY from Arrow tables passed as parameters (about 30 times faster than row-wise
Cypher), those of a small write (one document reloaded) are created with UNWIND … CREATE, which commits
faster (MERGE would scan the whole table per row); existing shared nodes are updated with SET. COPY runs
inside the same transaction, so a failed load still rolls back whole.
"""

from __future__ import annotations

import contextlib
import dataclasses
import queue
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import ladybug
import pyarrow as pa

from graph import schema
from graph.model import Node, PolicyGraph, Relationship
from graph.stores import checkpoint, deadline, writer
from graph.stores.base import Execute, GraphReader, GraphStore, StatementReader, StoreError, WriteTimes
from graph.stores.lock import WAIT, StoreLock

T = TypeVar("T")

if TYPE_CHECKING:
    from graph.readonly import ReadLimits, ReadResult

# Elements (nodes + relationships) from which a write is bulk-loaded with COPY: a COPY of any size is fast,
# but a transaction that used COPY pays about 0.2 s more at commit, which only large writes win back.
COPY_FROM = 2000
ELEMENTS_PER_MB = 200  # a bulk write copies the database file first: worth it from this many elements per MB
CHECKPOINT_AT = 64 << 20  # log size (bytes) after which a write checkpoints; smaller logs wait for close
READ_THREADS = 1  # per read connection: requests run side by side, each on one core (no fan-out per query)
READERS = 8  # connections for concurrent read transactions; a reader waits when all are in use
BORROW_WAIT = 60.0
_ARROW_TYPES = {"STRING": pa.string(), "INT64": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
                "STRING[]": pa.list_(pa.string())}
# Open errors that mean a write was killed before its transaction or checkpoint finished: a read-write open
# replays the log up to the last committed transaction and drops the unfinished tail.
_RECOVERABLE = ("recovery is pending", "WAL")


class LadybugStore(GraphStore):
    """One Database per process: one write connection (writes serialised by a lock) and a pool of read
    connections, each read in its own read-only transaction, which LadybugDB isolates as a snapshot."""

    dialect = "ladybug"

    def __init__(self, path: str | Path, read_only: bool = False, readers: int = READERS,
                 lock_wait: float = WAIT) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError(f"no graph database at {self.path}: load documents first (policykg load PATH)")
        self._lock = StoreLock(self.path, exclusive=not read_only, wait=lock_wait)
        try:
            self._db = self._open()
            self._writer = None if read_only else ladybug.Connection(self._db)
        except BaseException:
            self._lock.release()
            raise
        self._write_lock = threading.Lock()
        self._closed = False
        self._idle: queue.LifoQueue[ladybug.Connection] = queue.LifoQueue()
        self._slots = threading.Semaphore(readers)
        self._version = 0
        if self._writer is not None:
            for statement in _ddl():
                _execute(self._writer, statement)
            self._version = self._committed_version()

    def version(self) -> int:
        known = self.known_version()
        return super().version() if known is None else known

    def known_version(self) -> int | None:
        """This process is the only writer while it holds the store for writing: it knows the version."""
        return None if self._writer is None else self._version

    def _committed_version(self) -> int:
        rows = _rows(self._writer, schema.GRAPH_VERSION)
        return rows[0]["version"] if rows else 0

    def _open(self) -> ladybug.Database:
        if not self.read_only:
            return self._open_writable()
        problem = "an interrupted checkpoint"
        if not checkpoint.pending(self.path):
            try:
                return ladybug.Database(str(self.path), read_only=True)
            except RuntimeError as exc:
                if not any(marker in str(exc) for marker in _RECOVERABLE):
                    raise StoreError(f"cannot open the graph database at {self.path}: {_message(exc)}") from exc
                problem = _message(exc)
        # A reader repairs the store only when no other process holds it.
        if not self._lock.try_exclusive():
            raise StoreError(f"the graph database at {self.path} needs recovery after an interrupted write "
                             f"({problem}), and another process holds it: try again when it has finished")
        try:
            db = self._open_writable()
            self._checkpoint_and_close(db, ladybug.Connection(db))
        finally:
            self._lock.share()
        self.recovered = self.recovered or _recover_message(problem)
        return ladybug.Database(str(self.path), read_only=True)

    def _open_writable(self) -> ladybug.Database:
        """Open for writing: undo an interrupted checkpoint, then replay the log under a protected checkpoint."""
        if checkpoint.restore(self.path):
            self.recovered = _recover_message("a write or checkpoint was interrupted; the database file and its log "
                                              "were put back as they were before it began")
        opened: list[ladybug.Database] = []
        checkpoint.protected(self.path, lambda: opened.append(self._replaying_open()))
        checkpoint.discard(self.path)
        return opened[0]

    def _replaying_open(self) -> ladybug.Database:
        try:
            return ladybug.Database(str(self.path), auto_checkpoint=False)
        except RuntimeError as exc:
            if not any(marker in str(exc) for marker in _RECOVERABLE):
                raise StoreError(f"cannot open the graph database at {self.path}: {_message(exc)}") from exc
            self.recovered = _recover_message(_message(exc))
        try:  # the log ends in a write that never committed: replay up to the last commit
            return ladybug.Database(str(self.path), auto_checkpoint=False, throw_on_wal_replay_failure=False)
        except RuntimeError as exc:
            raise StoreError(f"cannot recover the graph database at {self.path}: {_message(exc)}") from exc

    def _checkpoint_and_close(self, db: ladybug.Database, conn: ladybug.Connection) -> None:
        checkpoint.protected(self.path, lambda: _execute(conn, "CHECKPOINT"))
        conn.close()
        db.close()

    @contextlib.contextmanager
    def _lend(self) -> Iterator[ladybug.Connection]:
        """A connection of the read pool for one borrower at a time, who gives it back with no transaction open
        or closes it; a closed one is not put back."""
        if self._closed:
            raise StoreError(f"the graph database at {self.path} is closed")
        if not self._slots.acquire(timeout=BORROW_WAIT):
            raise StoreError(f"every read connection stayed busy for {BORROW_WAIT:g} s")
        try:
            try:
                conn = self._idle.get_nowait()
            except queue.Empty:
                try:
                    conn = ladybug.Connection(self._db, num_threads=READ_THREADS)
                except RuntimeError as exc:
                    raise StoreError(f"cannot read the graph database at {self.path}: {_message(exc)}") from exc
            try:
                yield conn
            finally:
                if not conn.is_closed:
                    self._idle.put(conn)
        finally:
            self._slots.release()

    @contextlib.contextmanager
    def reader(self) -> Iterator[GraphReader]:
        with self._lend() as conn:
            _execute(conn, "BEGIN TRANSACTION READ ONLY")
            try:
                yield StatementReader(self.dialect, lambda cypher, parameters: _rows(conn, cypher, parameters))
            finally:
                try:
                    conn.execute("ROLLBACK")  # a read-only transaction has nothing to commit
                except RuntimeError:  # the failed statement ended the transaction: start afresh
                    conn.close()

    def run_read_only(self, cypher: str, parameters: dict[str, Any] | None = None,
                      limits: ReadLimits | None = None) -> ReadResult:
        from graph.readonly import ReadLimits
        from graph.readonly import ladybug as readonly

        return readonly.run_read_only(self._lend, cypher, parameters, limits or ReadLimits())

    def write(self, work: Callable[[Execute], T]) -> T:
        return self._transaction(work, bulk=False)[0]

    def replace_documents(self, doc_ids: Sequence[str], graph: PolicyGraph) -> WriteTimes:
        bulk = self._bulk(len(graph.nodes) + len(graph.relationships))

        def work(execute: Execute) -> WriteTimes:
            return writer.replace(execute, doc_ids, graph, _Copy(self._writer) if bulk else None)

        times, commit = self._transaction(work, bulk)
        return dataclasses.replace(times, commit=commit)

    def _bulk(self, elements: int) -> bool:
        """Whether COPY pays: it is far faster than row-wise writes, but a bulk write first copies the database
        file (see checkpoint.py), so it must be large compared with the store."""
        megabytes = self.path.stat().st_size >> 20 if self.path.exists() else 0
        return elements >= max(COPY_FROM, ELEMENTS_PER_MB * megabytes)

    def _transaction(self, work: Callable[[Execute], T], bulk: bool) -> tuple[T, float]:
        """Run `work` in one write transaction; return its result and the seconds the commit took (with the
        checkpoint that makes a bulk write durable)."""
        if self._writer is None:
            raise StoreError("the graph database is open read-only")
        conn = self._writer

        def transaction() -> tuple[T, float]:
            _execute(conn, "BEGIN TRANSACTION")
            try:
                result = work(lambda cypher, parameters: _rows(conn, cypher, parameters))
                committing = time.perf_counter()
                _execute(conn, "COMMIT")
            except BaseException:
                with contextlib.suppress(RuntimeError):  # LadybugDB may have rolled back when a statement failed
                    conn.execute("ROLLBACK")
                raise
            if bulk:  # copied rows are durable only once checkpointed
                _execute(conn, "CHECKPOINT")
            self._version = self._committed_version()
            return result, time.perf_counter() - committing

        with self._write_lock:
            if bulk:
                return checkpoint.protected(self.path, transaction, always=True)
            done = transaction()
            if checkpoint.wal_size(self.path) > CHECKPOINT_AT:  # fold a long log in now, not at the next open
                checkpoint.protected(self.path, lambda: _execute(conn, "CHECKPOINT"))
            return done

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        while not self._idle.empty():
            self._idle.get_nowait().close()
        try:
            if self._writer is None:
                self._db.close()
            else:
                with self._write_lock:
                    self._checkpoint_and_close(self._db, self._writer)
        finally:
            self._lock.release()


def _ddl() -> list[str]:
    """Tables for the schema (and columns added since a store was created), and the graph version's table."""
    statements = []
    for label, properties in schema.NODE_PROPERTIES.items():
        statements += [schema.node_ddl(label), *schema.add_columns_ddl(label, properties)]
    for rel in schema.RELATIONSHIPS.values():
        statements += [schema.relationship_ddl(rel), *schema.add_columns_ddl(rel.name, rel.properties)]
    return [*statements, schema.graph_info_ddl()]


def _recover_message(problem: str) -> str:
    return f"recovered after an interrupted write ({problem}): the last committed graph is kept"


def _message(exc: Exception) -> str:
    return " ".join(str(exc).split())


def _execute(conn: ladybug.Connection, cypher: str, parameters: dict[str, Any] | None = None) -> Any:
    """One statement, stopped by the engine at the request's deadline if there is one (graph/stores/deadline)."""
    left = deadline.milliseconds_left()
    try:
        conn.set_query_timeout(left or 0)  # 0: no limit
        return conn.execute(cypher, parameters or {})
    except RuntimeError as exc:
        deadline.check()  # the engine interrupted the statement at the request's deadline
        raise StoreError(str(exc).strip()) from exc


def _rows(conn: ladybug.Connection, cypher: str, parameters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    result = _execute(conn, cypher, parameters)
    columns = result.get_column_names()
    rows = []
    while result.has_next():
        rows.append(dict(zip(columns, result.get_next(), strict=True)))
    return rows


class _Copy:
    """Bulk loads with COPY from an Arrow table passed as a parameter."""

    def __init__(self, conn: ladybug.Connection) -> None:
        self._execute = lambda cypher, parameters: _execute(conn, cypher, parameters)

    def nodes(self, label: str, nodes: list[Node]) -> None:
        if not nodes:
            return
        columns = schema.NODE_PROPERTIES[label]
        table = {p: [n.properties.get(p) for n in nodes] for p in columns}
        self._execute(schema.copy_nodes(label), {"rows": _arrow(label, table, columns)})

    def relationships(self, rel_type: str, start_label: str, end_label: str, rels: list[Relationship]) -> None:
        if not rels:
            return
        properties = schema.RELATIONSHIPS[rel_type].properties
        columns = {"_from": "STRING", "_to": "STRING", **properties}
        table = {"_from": [r.start for r in rels], "_to": [r.end for r in rels],
                 **{p: [r.properties.get(p) for r in rels] for p in properties}}
        self._execute(schema.copy_relationships(rel_type, start_label, end_label),
                      {"rows": _arrow(rel_type, table, columns)})


def _arrow(table: str, columns: dict[str, list[Any]], types: dict[str, str]) -> pa.Table:
    """Column lists as an Arrow table typed by the schema (so an all-null column still has its type)."""
    arrow_schema = pa.schema([(name, _ARROW_TYPES[types[name]]) for name in columns])
    try:
        return pa.table(columns, schema=arrow_schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise StoreError(f"{table}: a value does not fit the schema ({exc})") from exc
