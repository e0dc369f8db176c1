"""Rows as the CLI prints them (`policykg query`, `policykg cypher`): an aligned table, CSV or JSON lines.

>>> print(table(["单位", "n"], [{"单位": "市公安局", "n": 9}, {"单位": "省法院", "n": 13}]))
单位      n
--------  --
市公安局  9
省法院    13
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Sequence
from typing import Any

__all__ = ["FORMATS", "render", "table"]

FORMATS = ("table", "csv", "json")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "、".join(map(_text, value))
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _width(text: str) -> int:
    """Columns a terminal gives the text: two for a wide (CJK) character."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def table(columns: Sequence[str], rows: Sequence[dict[str, Any]]) -> str:
    cells = [[_text(row.get(c)).replace("\n", " ") for c in columns] for row in rows]
    widths = [max([_width(c), *(_width(r[i]) for r in cells)]) for i, c in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    return "\n".join([line(columns), line(["-" * w for w in widths]), *(line(r) for r in cells)])


def render(columns: Sequence[str], rows: Sequence[dict[str, Any]], fmt: str) -> str:
    """The rows in `fmt` (FORMATS); JSON: one object a line, as `policykg cypher` has always printed."""
    if fmt == "table":
        return table(columns, rows)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_text(row.get(c)) for c in columns] for row in rows)
        return out.getvalue().rstrip("\n")
    return "\n".join(json.dumps(row, ensure_ascii=False, default=str) for row in rows)
