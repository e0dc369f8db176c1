"""Whole responses of the read pages and endpoints, kept per graph version (ASGI middleware).

Every GET answer under /api, / and /view depends only on the committed graph, the URL and the day (the start
page and the deadline boards count what is overdue today; a library query's date defaults to today), so once
computed for a graph version on a day it is sent again as bytes, without routing, queries, validation or
rendering. A response is kept only when it was computed from the
version it is filed under (the request's reader says which), so a write that commits meanwhile cannot file a
new answer under the old version.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph.stores import GraphStore
from graph.version_cache import VersionCache

CACHED = ("/api/", "/view/")  # and "/": the start page


@dataclass(frozen=True)
class Kept:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


class ResponseCache:
    def __init__(self, app: ASGIApp, store: GraphStore, size: int = 4096,
                 today: Callable[[], date] = date.today) -> None:
        self.app = app
        self.today = today
        self.store = store
        self.kept: VersionCache[Kept] = VersionCache(size)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or scope["method"] != "GET" or not (path == "/" or path.startswith(CACHED)):
            await self.app(scope, receive, send)
            return
        version = self.store.known_version()
        if version is None:  # a store others write too (Neo4j), or read-only: ask it
            version = await run_in_threadpool(self.store.version)
        # The day is part of the key: a page may count what is overdue today (the start page does), and an answer
        # kept yesterday must not be sent today even if the graph has not changed.
        key = (path, scope.get("query_string", b""), self.today())
        kept = self.kept.peek(version, key)
        if kept is not None:
            await send({"type": "http.response.start", "status": kept.status, "headers": kept.headers})
            await send({"type": "http.response.body", "body": kept.body})
            return
        start: Message = {}
        body: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                body.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, capture)
        if start.get("status") == 200 and scope.get("state", {}).get("graph_version") == version:
            self.kept.put(version, key, Kept(200, list(start.get("headers", [])), b"".join(body)))
