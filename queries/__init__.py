"""Named Cypher queries: each `NAME.cypher` file beside this module, loaded once by name.

A query that the two dialects cannot share has a variant of the same name under `ladybug/` or `neo4j/`;
the store asks for its own dialect and falls back to the shared file. Queries of one purpose live in a
folder and are named with it: `search/actors` (the search box), `library/leads_most` (the analyst library,
queries/catalog.py); their dialect variants sit in `ladybug/search/`, `neo4j/library/`….
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_FOLDER = Path(__file__).parent
DIALECTS = ("ladybug", "neo4j")
FOLDERS = ("search", "library")


def names(folder: str = "") -> list[str]:
    """The queries of `folder` ('' for the API's own, at the top), named as `load` takes them."""
    prefix = f"{folder}/" if folder else ""
    found = {p.stem for p in (_FOLDER / folder).glob("*.cypher")}
    found |= {p.stem for dialect in DIALECTS for p in (_FOLDER / dialect / folder).glob("*.cypher")}
    return sorted(prefix + name for name in found)


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


@cache
def parameters(name: str, dialect: str) -> frozenset[str]:
    """The $parameters the named query takes."""
    return frozenset(re.findall(r"\$(\w+)", load(name, dialect)))
