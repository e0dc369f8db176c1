"""The one error type the loaders raise for a document they cannot read."""

from __future__ import annotations


class LoadError(Exception):
    """A document could not be loaded; the message names the file and the problem."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem

    def __reduce__(self) -> tuple[type[LoadError], tuple[str, str]]:
        # Pickled from the worker process that read the file (the default would pass only the message).
        return LoadError, (self.source, self.problem)
