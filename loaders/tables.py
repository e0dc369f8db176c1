"""Task and indicator tables: columns recognised by their usual headers (loaders/data/table_columns.tsv and the
owner labels of role_labels.tsv), in any order.

A task table's measure is its task text: one column, or a short name and its 主要内容 together.  Owner columns
(牵头单位, 配合单位, 责任单位, 指导部门, 主管部门, 承担单位…) name its owners; a scope column (推广范围) does not.
Category rows (一、服务业开放领域（共5项）) between data rows are carried down onto the rows below them, and a
row without a number in a numbered table is the rest of the row above (a cell wrapped over lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from loaders.segment import Table, TableRow
from loaders.vocabulary import table_columns

__all__ = ["IndicatorRow", "TaskRow", "column_kind", "indicator_rows", "task_rows"]

_VALUE_CELL = re.compile(r"^(?P<cmp>[≥≤><]?)\s*(?P<nums>\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)*)\s*(?P<unit>\S{0,4})$")
_TASK_KINDS = ("name", "content")
_SEQUENCE = re.compile(r"^\d{1,3}$|^[（(]?[一二三四五六七八九十]+[)）、]?$")


@dataclass
class TaskRow:
    number: str
    cells: dict[str, str]  # column kind → cell text
    row: TableRow
    category: str = ""
    rows: list[TableRow] = field(default_factory=list)  # every source row it spans (wrapped cells)

    @property
    def title(self) -> str:
        return self.cells.get("name", "") if self.cells.get("content") else ""

    @property
    def text(self) -> str:
        return self.cells.get("content") or self.cells.get("name", "")


@dataclass
class IndicatorRow:
    number: str
    indicator: str
    comparator: str
    values: list[float]
    unit: str
    row: TableRow


def column_kind(header: str) -> str | None:
    """The kind of column a header names (its longest vocabulary word), or None for data.

    >>> column_kind("牵头部门"), column_kind("推广范围"), column_kind("改革事项")
    ('lead', 'scope', 'name')
    """
    if len(header) > 16:
        return None  # a header names a column in a few words; longer cells are data
    return _short_column_kind(re.sub(r"\s+", "", header))


@lru_cache(maxsize=8192)
def _short_column_kind(header: str) -> str | None:
    words = [w for w in table_columns() if w in header]
    return table_columns()[max(words, key=len)] if words else None


_OWNER_KINDS = ("lead", "co", "resp")


def _header_kinds(cells: list[str]) -> list[str | None] | None:
    """The column kinds of a header row; owner columns may repeat (主管部门 and 承担单位), other kinds may not."""
    kinds = [column_kind(c) for c in cells]
    known = [k for k in kinds if k and k not in _OWNER_KINDS]
    return kinds if len([k for k in kinds if k]) >= 2 and len(set(known)) == len(known) else None


def _merge_headers(first: list[str | None] | None, second: list[str | None]) -> list[str | None]:
    """Two header rows read as one: a column takes the second row's kind, else the first's."""
    first = first or []
    width = max(len(first), len(second))
    padded = [(first[i] if i < len(first) else None, second[i] if i < len(second) else None) for i in range(width)]
    return [lower or upper for upper, lower in padded]


def _cells(row: TableRow, kinds: list[str | None]) -> dict[str, str]:
    """A row's non-empty cells by kind; two owner columns of one kind are read as one list."""
    cells: dict[str, str] = {}
    for kind, cell in zip(kinds, row.cells, strict=False):
        if kind and cell.strip():
            cells[kind] = f"{cells[kind]}、{cell.strip()}" if kind in cells else cell.strip()
    return cells


def _category(row: TableRow) -> str | None:
    """A category row's text (一、服务业开放领域（共5项） → 服务业开放领域), or None for a data row."""
    cells = [c.strip() for c in row.cells if c.strip()]
    if len(cells) != 1 or len(cells[0]) > 40 or "。" in cells[0]:
        return None
    text = re.sub(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、])\s*", "", cells[0])
    return re.sub(r"[（(]共?\s*\d+\s*[项条个][）)]$", "", text).strip() or None


def task_rows(table: Table) -> list[TaskRow]:
    """Rows of a tab-separated task table: repeated headers skipped, category rows and cells carried down,
    wrapped rows joined."""
    kinds: list[str | None] | None = None
    rows: list[TaskRow] = []
    category = ""
    after_header = False
    for row in table.rows:
        header = _header_kinds(row.cells)
        if header:
            # A second header row names the parts of the first's merged cells (责任单位 over 牵头单位 | 配合单位).
            kinds = _merge_headers(kinds, header) if after_header else header
            after_header = True
            continue
        after_header = False
        if kinds is None or not any(k in kinds for k in _TASK_KINDS):
            continue
        heading = _category(row) if len([c for c in row.cells if c.strip()]) == 1 else None
        if heading and (len(row.cells) == 1 or "category" not in kinds):
            category = heading
            continue
        cells = _cells(row, kinds)
        if rows and "seq" in kinds and not _SEQUENCE.match(cells.get("seq", "")) and _numbered(rows):
            _join(rows[-1], cells, row)  # the rest of a cell wrapped over lines
            continue
        if not any(cells.get(k) for k in _TASK_KINDS):
            continue
        if cells.get("category"):
            category = cells["category"]
        task = TaskRow(cells.get("seq", str(len(rows) + 1)), cells, row, category, [row])
        rows.append(task)
    return rows


def _numbered(rows: list[TaskRow]) -> bool:
    return bool(_SEQUENCE.match(rows[-1].cells.get("seq", "")))


def _join(task: TaskRow, cells: dict[str, str], row: TableRow) -> None:
    for kind, text in cells.items():
        task.cells[kind] = task.cells.get(kind, "") + text
    task.rows.append(row)


def _value_cell(text: str) -> tuple[str, list[float], str] | None:
    match = _VALUE_CELL.match(text.strip())
    if not match:
        return None
    values = [float(v) for v in match.group("nums").split("/")]
    return {"≥": ">=", "≤": "<=", ">": ">", "<": "<"}.get(match.group("cmp"), "="), values, match.group("unit")


def indicator_rows(table: Table) -> list[IndicatorRow]:
    """Rows of an indicator table, tab-separated or (under a 表N caption) space-separated."""
    if table.tab_separated:
        return _tab_indicator_rows(table)
    # Space-separated: a row begins with its sequence number; category cells of two characters
    # (知识 产权 创造) spill over lines before the indicator and are dropped.
    texts: list[tuple[str, str, TableRow]] = []
    expected = 1
    for row in table.rows:
        line = row.cells[0]
        number = re.match(rf"^{expected}(?:\s+|$)", line)
        if number:
            texts.append((str(expected), line[number.end():], row))
            expected += 1
        elif texts:
            number, text, first = texts[-1]
            texts[-1] = (number, f"{text} {line}", first)
    rows = []
    for number, text, row in texts:
        match = re.match(r"^(?P<ind>.+?)\s*(?P<val>[≥≤><]?\s*\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)*\s*\S{0,4})\s*$", text)
        if not match:
            continue
        tokens = match.group("ind").split()
        while len(tokens) > 1 and len(tokens[0]) <= 2:
            tokens.pop(0)
        parsed = _value_cell(match.group("val"))
        if parsed:
            rows.append(IndicatorRow(number, "".join(tokens), parsed[0], parsed[1], parsed[2], row))
    return rows


def _tab_indicator_rows(table: Table) -> list[IndicatorRow]:
    kinds: list[str | None] | None = None
    rows = []
    for row in table.rows:
        header = _header_kinds(row.cells)
        if header:
            kinds = header
            continue
        if not kinds or "indicator" not in kinds or "value" not in kinds or any(k in kinds for k in _TASK_KINDS):
            continue
        cells = {k: row.cells[i] for i, k in enumerate(kinds) if k and i < len(row.cells)}
        parsed = _value_cell(cells.get("value", ""))
        if parsed and cells.get("indicator"):
            rows.append(IndicatorRow(cells.get("seq", ""), cells["indicator"], parsed[0], parsed[1], parsed[2], row))
    return rows
