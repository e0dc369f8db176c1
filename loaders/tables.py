"""Task and indicator tables: columns recognised by their usual headers, in any order."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from loaders.segment import Table, TableRow

# Column kinds and the header words that name them (first match wins, longest words first).
COLUMNS: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "编号"),
    "lead": ("牵头单位", "牵头部门", "主责单位", "牵头"),
    "co": ("配合单位", "配合部门", "参与单位", "协办单位", "协同单位", "配合"),
    "resp": ("责任单位", "责任部门", "实施单位", "负责单位", "责任主体", "承办单位"),
    "deadline": ("完成时限", "时间节点", "进度安排", "完成时间", "时间安排", "时限", "进度"),
    "indicator": ("指标名称", "指标", "项目"),
    "value": ("目标值", "发展目标", "预期目标", "目标"),
    "category": ("类别", "类型", "领域", "方面", "板块", "分类"),
    "task": ("具体举措", "重点任务", "工作任务", "主要任务", "任务内容", "工作内容", "具体任务", "工作措施", "主要内容",
             "支持政策", "政策内容", "任务", "举措", "内容", "措施"),
}
_VALUE_CELL = re.compile(r"^(?P<cmp>[≥≤><]?)\s*(?P<nums>\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)*)\s*(?P<unit>\S{0,4})$")


@dataclass
class TaskRow:
    number: str
    cells: dict[str, str]  # column kind → cell text
    row: TableRow


@dataclass
class IndicatorRow:
    number: str
    indicator: str
    comparator: str
    values: list[float]
    unit: str
    row: TableRow


def column_kind(header: str) -> str | None:
    if len(header) > 16:
        return None  # a header names a column in a few words; longer cells are data
    return _short_column_kind(header)


@lru_cache(maxsize=8192)
def _short_column_kind(header: str) -> str | None:
    header = re.sub(r"\s+", "", header)
    for kind, words in COLUMNS.items():
        if any(word in header for word in words):
            return kind
    return None


def _header_kinds(cells: list[str]) -> list[str | None] | None:
    kinds = [column_kind(c) for c in cells]
    known = [k for k in kinds if k]
    return kinds if len(known) >= 2 and len(set(known)) == len(known) else None


def task_rows(table: Table) -> list[TaskRow]:
    """Rows of a tab-separated task table; repeated headers skipped, category cells carried down."""
    kinds: list[str | None] | None = None
    rows: list[TaskRow] = []
    category = ""
    for row in table.rows:
        header = _header_kinds(row.cells)
        if header:
            kinds = header
            continue
        if kinds is None or "task" not in kinds:
            continue
        cells = {k: row.cells[i].strip() for i, k in enumerate(kinds) if k and i < len(row.cells)}
        if not cells.get("task"):
            continue
        if cells.get("category"):
            category = cells["category"]
        elif "category" in kinds:
            cells["category"] = category
        rows.append(TaskRow(cells.get("seq", str(len(rows) + 1)), cells, row))
    return rows


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
        if not kinds or "indicator" not in kinds or "value" not in kinds or "task" in kinds:
            continue
        cells = {k: row.cells[i] for i, k in enumerate(kinds) if k and i < len(row.cells)}
        parsed = _value_cell(cells.get("value", ""))
        if parsed and cells.get("indicator"):
            rows.append(IndicatorRow(cells.get("seq", ""), cells["indicator"], parsed[0], parsed[1], parsed[2], row))
    return rows
