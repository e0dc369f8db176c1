"""Named Cypher queries: each `NAME.cypher` file beside this module, loaded once by name."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_FOLDER = Path(__file__).parent


def names() -> list[str]:
    return sorted(p.stem for p in _FOLDER.glob("*.cypher"))


@cache
def load(name: str) -> str:
    path = _FOLDER / f"{name}.cypher"
    if not path.is_file():
        raise KeyError(f"no named query {name!r}; known: {', '.join(names())}")
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("//")]
    return "\n".join(lines).strip()
