"""The read-only Cypher console (/cypher): a statement and its parameters in, the rows as a table (or a CSV or
.xlsx download) out, within a time limit and a row limit.

It runs through `store.run_read_only` (graph/readonly): the store's read-only transaction and its own query
plan decide what is a plain read, not keywords; a refusal is shown in Chinese with the guard's reason.
GET runs a statement given in the URL (links from the query library); the form POSTs, so a long statement
is not bound by the URL limit.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from api.deps import StoreDep
from api.web import download, render
from graph.readonly import CypherRefused, ReadLimits
from graph.stores import GraphStore, StoreError
from queries.catalog import plain

router = APIRouter(include_in_schema=False)
SECONDS = 10.0  # to compile and run a statement
MAX_ROWS = 1000
DEFAULT_ROWS = 200
Rows = Annotated[int, Query(ge=1, le=MAX_ROWS)]
Statement = Annotated[str, Query(max_length=20_000)]
Format = Literal["html", "csv", "xlsx"]
# What a refusal means, in Chinese, by a word of the guard's reason (graph/readonly); the reason is shown too.
REFUSALS = [
    ("empty", "语句为空"),
    ("statements", "一次只能执行一条语句"),
    ("SKIP", "ORDER BY … SKIP 跳过的行数过多，可能导致数据库崩溃；请用 WHERE 条件缩小范围"),
    ("CHECKPOINT", "该语句会改写数据库文件"),
    ("writes a file", "该语句会写入文件"),
    ("reads a file", "该语句会读取服务器上的文件"),
    ("extension", "该语句会安装或加载扩展"),
    ("writes", "该语句会修改数据库"),
    ("transaction", "不能在此控制事务"),
    ("CALL", "只允许调用只读的目录函数"),
]


@dataclass
class Outcome:
    statement: str = ""
    parameters: str = ""  # as typed: one NAME=VALUE a line
    rows: int = DEFAULT_ROWS
    columns: list[str] = field(default_factory=list)
    result: list[dict[str, Any]] | None = None
    truncated: bool = False
    milliseconds: float = 0.0
    refusal: str = ""  # in Chinese
    reason: str = ""  # the guard's or the store's own words

    @property
    def headers(self) -> list[tuple[str, str]]:
        """(column, header) pairs for the table and the downloads: a column is headed by its own name."""
        return [(column, column) for column in self.columns]


def parameters(text: str) -> dict[str, Any]:
    """NAME=VALUE lines as parameters: a VALUE that reads as JSON (5, 2.5, true, ["a","b"], "x") is that value,
    anything else a string.

    >>> parameters("top=5\\nname=市公安局\\nids=[\\"a\\", \\"b\\"]")
    {'top': 5, 'name': '市公安局', 'ids': ['a', 'b']}
    """
    found: dict[str, Any] = {}
    for line in filter(str.strip, text.splitlines()):
        name, sep, value = line.partition("=")
        if not sep or not name.strip().isidentifier():
            raise ValueError(f"参数须写成“名称=值”，每行一个：{line.strip()!r}")
        try:
            found[name.strip()] = json.loads(value)
        except ValueError:
            found[name.strip()] = value.strip()
    return found


def _shown(value: Any) -> Any:
    """A value as a table cell shows it: nodes and maps as JSON, lists item by item."""
    value = plain(value)
    if isinstance(value, list):
        return [_shown(v) for v in value]
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value if value is None or isinstance(value, (str, int, float, bool)) else str(value)


def run(store: GraphStore, outcome: Outcome) -> Outcome:
    """Run the outcome's statement and fill in its rows, or why it was refused or failed."""
    try:
        given = parameters(outcome.parameters)
    except ValueError as error:
        outcome.refusal, outcome.reason = "参数格式不对", str(error)
        return outcome
    started = time.perf_counter()
    try:
        found = store.run_read_only(outcome.statement, given, ReadLimits(seconds=SECONDS, rows=outcome.rows))
    except CypherRefused as refused:
        reason = refused.reason.lower()
        outcome.refusal = next((zh for word, zh in REFUSALS if word.lower() in reason), "该语句不是只读查询")
        outcome.reason = refused.reason
        return outcome
    except StoreError as error:
        outcome.refusal, outcome.reason = "查询出错", str(error)
        return outcome
    outcome.milliseconds = (time.perf_counter() - started) * 1000
    outcome.columns, outcome.truncated = found.columns, found.truncated
    outcome.result = [{k: _shown(v) for k, v in row.items()} for row in found.rows]
    return outcome


def _answer(request: Request, store: GraphStore, outcome: Outcome, fmt: Format) -> Response:
    if outcome.statement.strip():
        run(store, outcome)
    if fmt != "html" and outcome.result is not None:
        return download(outcome.result, outcome.headers, fmt, "policykg-cypher")
    status = 422 if outcome.refusal else 200
    return render(request, "cypher.html", status_code=status, outcome=outcome, seconds=SECONDS, max_rows=MAX_ROWS)


@router.get("/cypher", response_class=HTMLResponse)
def console(request: Request, store: StoreDep, statement: Statement = "",
            param: Annotated[list[str], Query(max_length=2000)] = (), rows: Rows = DEFAULT_ROWS,
            format: Format = "html") -> Response:
    """A statement from a link: its parameters as `param=NAME=VALUE`, once each (a URL holds no line break)."""
    return _answer(request, store, Outcome(statement, "\n".join(param), rows), format)


@router.post("/cypher", response_class=HTMLResponse)
def console_form(request: Request, store: StoreDep, statement: Annotated[str, Form(max_length=100_000)] = "",
                 params: Annotated[str, Form(max_length=20_000)] = "",
                 rows: Annotated[int, Form(ge=1, le=MAX_ROWS)] = DEFAULT_ROWS,
                 format: Annotated[Format, Form()] = "html") -> Response:
    return _answer(request, store, Outcome(statement, params, rows), format)
