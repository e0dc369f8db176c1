"""Named Cypher queries: each `NAME.cypher` file beside this module, loaded once by name.

A query that the two dialects cannot share has a variant of the same name under `ladybug/` or `neo4j/`;
the store asks for its own dialect and falls back to the shared file.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_FOLDER = Path(__file__).parent
DIALECTS = ("ladybug", "neo4j")


def names() -> list[str]:
    found = {p.stem for p in _FOLDER.glob("*.cypher")}
    found |= {p.stem for dialect in DIALECTS for p in (_FOLDER / dialect).glob("*.cypher")}
    return sorted(found)


def path(name: str, dialect: str) -> Path:
    for candidate in (_FOLDER / dialect / f"{name}.cypher", _FOLDER / f"{name}.cypher"):
        if candidate.is_file():
            return candidate
    raise KeyError(f"no named query {name!r} for {dialect}; known: {', '.join(names())}")


@cache
def load(name: str, dialect: str) -> str:
    lines = [line for line in path(name, dialect).read_text(encoding="utf-8").splitlines()
             if not line.lstrip().startswith("//")]
    return "\n".join(lines).strip()
