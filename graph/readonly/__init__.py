"""Cypher that can only read the graph: the `policykg cypher` command and any console the API offers.

Read-only by construction: the store itself says what a statement would do (its query plan, from EXPLAIN),
and only statements whose every operator is a plain read run, inside a read-only transaction, with a time
limit and a row limit. Keywords are not the test; two narrow screens run first because the store would act
before the plan exists: a statement whose *binding* already opens a file (LOAD FROM, COPY, IMPORT/EXPORT
DATABASE, ATTACH, LOAD EXTENSION) is refused from its tokens, and on the embedded store a statement is first
compiled in a separate process, because LadybugDB's parser and planner are neither interruptible nor safe
on pathological input (deep nesting crashes the process; long patterns take minutes to plan).

Entry point: `store.run_read_only(statement, parameters, ReadLimits(...)) -> ReadResult` on either store.
Every failure is a `StoreError`; a refusal is its subclass `CypherRefused`, whose message names the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.stores.base import StoreError

__all__ = ["CypherRefused", "ReadLimits", "ReadResult"]


class CypherRefused(StoreError):
    """A statement that is not a plain read of the graph; nothing of it was run."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"refused: {reason}; policykg cypher only reads the graph")
        self.reason = reason


@dataclass(frozen=True)
class ReadLimits:
    seconds: float = 10.0  # to compile and run the statement
    rows: int = 1000  # rows fetched; the rest are not read

    def __post_init__(self) -> None:
        if not self.seconds > 0 or self.rows < 1:
            raise ValueError("a read needs a positive time limit and a row limit of at least 1")


@dataclass
class ReadResult:
    columns: list[str]
    rows: list[dict[str, Any]] = field(default_factory=list)
    truncated: bool = False  # more rows matched than the limit let through
