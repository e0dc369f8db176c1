"""The analyst query library: named questions in queries/library/NAME.cypher, run by `policykg query NAME`,
`GET /api/queries/NAME` and the /queries pages, documented in docs/queries.md.

Each file opens with a header of `//` lines that say what it asks and what it takes (the store never sees
them: queries.load drops comment lines):

    // question: 哪些单位牵头的措施最多？ | Which bodies lead the most measures?
    // param top: int = 20 | 列出多少个单位 | how many bodies to list
    // column body: 单位
    // example: top=5

Parameter types are `str`, `int` (a whole number from 0), `list` (strings; one value is split at commas or
、) and `date` (YYYY-MM-DD; the default `today` is the day the query runs). `column` lines name the columns
in order with their Chinese headers; `example` gives the parameters docs/queries.md runs it with, written as
a URL query. A query the two stores cannot share has a variant of the same name in queries/ladybug/library/
or queries/neo4j/library/ with the same header.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import queries

__all__ = ["FOLDER", "LibraryQuery", "Parameter", "ParameterError", "get", "library", "plain"]

FOLDER = Path(queries.__file__).parent / "library"
TYPES = ("str", "int", "list", "date")
MAX_INT = 1_000_000
_LIST_SEPARATORS = re.compile(r"[,，、]")
_HEADER = re.compile(r"^//\s*(question|param|column|example)\b:?\s*(.*)$")
_PARAM = re.compile(r"^(\w+):\s*(\w+)\s*=\s*(.*?)\s*\|\s*(.*?)\s*\|\s*(.*?)\s*$")


class ParameterError(ValueError):
    """A parameter value the query cannot take, or a parameter it does not know; the message says which."""


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str  # one of TYPES
    default: Any  # typed; "today" for a date that defaults to the day the query runs
    zh: str
    en: str

    def coerce(self, values: list[str], today: date) -> Any:
        """The typed value of what a user typed (several values for a list)."""
        if self.type == "list":
            return [part.strip() for value in values for part in _LIST_SEPARATORS.split(value) if part.strip()]
        value = values[-1].strip()
        if self.type == "int":
            if not re.fullmatch(r"\d{1,7}", value) or int(value) > MAX_INT:
                raise ParameterError(f"{self.name} must be a whole number from 0 to {MAX_INT:,}, not {value!r}")
            return int(value)
        if self.type == "date":
            if value == "today":
                return today.isoformat()
            try:
                return date.fromisoformat(value).isoformat()
            except ValueError:
                raise ParameterError(f"{self.name} must be a date written YYYY-MM-DD, not {value!r}") from None
        return value


@dataclass(frozen=True)
class LibraryQuery:
    name: str
    question_zh: str
    question_en: str
    parameters: tuple[Parameter, ...]
    columns: tuple[tuple[str, str], ...]  # (column, Chinese header), in order
    example: tuple[tuple[str, str], ...]  # (parameter, value as typed)
    notes: str = ""  # the header's other comment lines: what the reader of the rows should know

    @property
    def query_name(self) -> str:
        """The name store.query knows it by."""
        return f"library/{self.name}"

    def text(self, dialect: str) -> str:
        return queries.load(self.query_name, dialect)

    def bind(self, given: Mapping[str, Iterable[str]], today: date | None = None) -> dict[str, Any]:
        """Typed values for every parameter: those given (as typed, several for a list), the defaults for the
        rest. An unknown name or a value of the wrong type raises ParameterError."""
        today = today or date.today()
        known = {p.name: p for p in self.parameters}
        unknown = sorted(set(given) - set(known))
        if unknown:
            takes = ", ".join(known) or "no parameters"
            raise ParameterError(f"{self.name} has no parameter {unknown[0]!r}; it takes {takes}")
        bound = {}
        for parameter in self.parameters:
            values = [str(v) for v in given.get(parameter.name, ())]
            if values:
                bound[parameter.name] = parameter.coerce(values, today)
            else:
                default = parameter.default
                bound[parameter.name] = today.isoformat() if default == "today" else default
        return bound

    def example_parameters(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for name, value in self.example:
            found.setdefault(name, []).append(value)
        return found


def _default(kind: str, text: str) -> Any:
    if kind == "int":
        return int(text)
    if kind == "list":
        return [part.strip().strip("'") for part in text.strip("[]").split(",") if part.strip()]
    if kind == "date" and text == "today":
        return "today"
    return text.strip("'")


def parse(name: str, text: str) -> LibraryQuery:
    """A library query from its file's text (the header described in the module docstring)."""
    fields: dict[str, list[str]] = {"question": [], "param": [], "column": [], "example": [], "note": []}
    for line in map(str.strip, text.splitlines()):
        if match := _HEADER.match(line):
            fields[match.group(1)].append(match.group(2).strip())
        elif line.startswith("//"):
            fields["note"].append(line.lstrip("/ "))
    if len(fields["question"]) != 1 or " | " not in fields["question"][0]:
        raise ValueError(f"{name}: needs one '// question: 中文 | English' line")
    question_zh, _, question_en = fields["question"][0].partition(" | ")
    parameters = []
    for line in fields["param"]:
        match = _PARAM.match(line)
        if not match or match.group(2) not in TYPES:
            raise ValueError(f"{name}: '// param {line}' is not 'NAME: TYPE = DEFAULT | 中文 | English' ({TYPES})")
        pname, kind, default, zh, en = match.groups()
        parameters.append(Parameter(pname, kind, _default(kind, default), zh, en))
    columns = tuple((column.strip(), header.strip()) for column, _, header in (c.partition(":") for c in fields["column"]))
    example = tuple(parse_qsl(fields["example"][0], keep_blank_values=True)) if fields["example"] else ()
    return LibraryQuery(name, question_zh.strip(), question_en.strip(), tuple(parameters), columns, example,
                        " ".join(fields["note"]))


@cache
def library() -> dict[str, LibraryQuery]:
    """Every library query by name, in name order (read once)."""
    return {path.stem: parse(path.stem, path.read_text(encoding="utf-8")) for path in sorted(FOLDER.glob("*.cypher"))}


def get(name: str) -> LibraryQuery:
    found = library().get(name)
    if found is None:
        raise KeyError(f"no library query {name!r}; known: {', '.join(library())}")
    return found


def plain(value: Any) -> Any:
    """A value as JSON and both stores give it: LadybugDB sums to Decimal, Neo4j to int.

    >>> plain(Decimal("3")), plain(Decimal("2.5")), plain([Decimal("1")])
    (3, 2.5, [1])
    """
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value
