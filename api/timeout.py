"""The request timeout: a request that runs longer than POLICYKG_REQUEST_TIMEOUT seconds answers 503.

Two parts, because a Python thread cannot be stopped from outside:
- the store stops its own work at the deadline (graph/stores/deadline.py: LadybugDB interrupts the running
  statement, Neo4j terminates the transaction) and refuses further statements of that request, so the
  worker thread comes back soon after;
- this middleware answers 503 at the deadline even while the route is still computing in Python (networkx
  analytics, building a page); that work runs to its end in its worker thread and its answer is dropped.
"""

from __future__ import annotations

import asyncio
import contextlib

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.asgi import is_upload, refuse
from graph.stores import deadline
from graph.stores.deadline import DeadlineExceeded


class RequestTimeout:
    def __init__(self, app: ASGIApp, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # An upload holds the writer while it parses (each file has its own time limit) and writes in one
        # transaction: cut off midway it would only be rolled back, so it runs to its end.
        if scope["type"] != "http" or not self.seconds or is_upload(scope):
            return await self.app(scope, receive, send)
        started = abandoned = False

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if abandoned:
                return  # the client already has its 503
            started = started or message["type"] == "http.response.start"
            await send(message)

        async def run() -> None:
            with deadline.within(self.seconds):  # inherited by the worker threads of this request
                await self.app(scope, receive, guarded_send)

        task = asyncio.ensure_future(run())
        done, _ = await asyncio.wait({task}, timeout=self.seconds)
        if done or started:  # finished, or already sending its answer: let it finish
            return await task
        abandoned = True
        task.cancel()  # stops at its next await; a worker thread runs on until the store stops it
        task.add_done_callback(_forget)
        await refuse(scope, receive, send, 503, str(DeadlineExceeded(self.seconds)))


def _forget(task: asyncio.Future) -> None:
    """Collect the outcome of an abandoned request, so asyncio does not log it as never retrieved."""
    with contextlib.suppress(asyncio.CancelledError, Exception):
        task.result()
