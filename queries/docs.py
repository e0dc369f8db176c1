"""docs/queries.md, written from the library itself: each query's question, parameters and Cypher, and its
example run on the sample corpus. tests/test_library.py checks that the file is what this writes today.

    python -m queries.docs            # loads data/samples into a temporary store, rewrites docs/queries.md
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import queries
from queries import catalog

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "queries.md"
TODAY = date(2025, 1, 1)  # what a date parameter left at `today` means in the examples (none is left so)
SHOWN = 8  # example rows shown per query

INTRO = f"""# Analyst queries

{{count}} named questions about the graph, each one read-only Cypher file in `queries/library/` whose header
gives its question in Chinese and English, its parameters and the Chinese headers of its columns
(`queries/catalog.py` reads it). Every query runs on both stores (the same text, or a same-named variant in
`queries/ladybug/library/` or `queries/neo4j/library/`; `tests/test_neo4j.py` compares their rows).

Run one:

- `policykg query NAME --param k=v` (`--format table|csv|json`; `policykg query` lists them all);
- `GET /api/queries` (the list, with parameters) and `GET /api/queries/NAME?k=v` (rows, paginated with
  `limit` and `offset`);
- the page `/queries/NAME` (a form for the parameters, the rows as a table, CSV and Excel downloads).

Parameter types: `str`; `int` (a whole number, 0 to {catalog.MAX_INT:,}); `list` (strings: repeat the
parameter, or separate the values with commas or 、); `date` (YYYY-MM-DD; the default `today` is the day the
query runs). A parameter left out takes its default. A document can be named by its id or by a part of its
title; a body by its name or one of its aliases, written in full.

The examples below are the rows each query gives on the sample corpus (`data/samples`), written by
`python -m queries.docs`; `tests/test_library.py` checks that they still hold. At most {SHOWN} rows are shown.
"""


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = "、".join(map(str, value))
    return str(value).replace("|", "\\|").replace("\n", " ")


def _example(query: catalog.LibraryQuery, rows: list[dict[str, Any]]) -> list[str]:
    command = " ".join(["policykg query", query.name, *(f"--param {k}={v}" for k, v in query.example)])
    lines = [f"Example: `{command}` gives {len(rows)} row{'' if len(rows) == 1 else 's'} on the samples"
             + (":" if rows else "."), ""]
    if rows:
        lines.append("| " + " | ".join(f"{header} `{column}`" for column, header in query.columns) + " |")
        lines.append("|" + " --- |" * len(query.columns))
        lines += ["| " + " | ".join(_cell(row.get(column)) for column, _ in query.columns) + " |" for row in rows[:SHOWN]]
        if len(rows) > SHOWN:
            lines.append(f"\n… and {len(rows) - SHOWN} more.")
    return lines


def section(query: catalog.LibraryQuery, rows: list[dict[str, Any]]) -> str:
    lines = [f'<a id="{query.name}"></a>', f"## `{query.name}`: {query.question_zh}", "", query.question_en, ""]
    if query.parameters:
        lines += ["| parameter | type | default | meaning |", "| --- | --- | --- | --- |"]
        lines += [f"| `{p.name}` | {p.type} | `{_cell(p.default) or chr(39) * 2}` | {p.zh}; {p.en} |"
                  for p in query.parameters]
    else:
        lines.append("No parameters.")
    variants = [d for d in queries.DIALECTS if queries.path(query.query_name, d).parent.name != "library"]
    if query.notes:
        lines += ["", query.notes]
    lines += ["", "```cypher", query.text("neo4j" if "neo4j" not in variants else "ladybug"), "```"]
    for dialect in variants:
        lines += ["", f"On {dialect} (`queries/{dialect}/library/{query.name}.cypher`):", "", "```cypher",
                  query.text(dialect), "```"]
    return "\n".join([*lines, "", *_example(query, rows)])


def run_example(reader: Any, query: catalog.LibraryQuery) -> list[dict[str, Any]]:
    """The query's rows with its example parameters, as the API gives them."""
    rows = reader.query(query.query_name, query.bind(query.example_parameters(), today=TODAY))
    return [{k: catalog.plain(v) for k, v in row.items()} for row in rows]


def render(reader: Any) -> str:
    """The whole of docs/queries.md, the examples run through `reader` (a store or a reader of the samples)."""
    library = catalog.library()
    sections = [section(q, run_example(reader, q)) for q in library.values()]
    contents = [f"- [`{q.name}`](#{q.name}): {q.question_zh}" for q in library.values()]
    return "\n\n".join([INTRO.format(count=len(library)).rstrip(), "\n".join(contents), *sections]) + "\n"


def main() -> None:
    from graph.stores import StoreConfig, open_store
    from loaders.pipeline import load_paths

    result = load_paths([ROOT / "data" / "samples"])
    with tempfile.TemporaryDirectory() as folder, open_store(StoreConfig(db=f"{folder}/samples.lbug")) as store:
        store.replace_documents([d.doc_id for d in result.documents], result.graph)
        TARGET.write_text(render(store), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
