"""The client side of `policykg load --server URL`: one multipart upload to POST /api/documents."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import Any

import click
import httpx

TIMEOUT = httpx.Timeout(30.0, read=3600.0)  # parsing and writing a large upload takes minutes


def upload(server: str, token: str, files: list[Path], strict: bool = False, force: bool = False) -> dict[str, Any]:
    """The server's per-file report; a refusal or an unreachable server is a ClickException naming why."""
    url = server.rstrip("/") + "/api/documents"
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    try:
        with ExitStack() as stack:
            parts = [("files", (path.name, stack.enter_context(path.open("rb")))) for path in files]
            response = httpx.post(url, files=parts, headers=headers, timeout=TIMEOUT,
                                  params={"strict": strict, "force": force})
    except OSError as error:
        raise click.ClickException(f"cannot read {error.filename}: {error.strerror}") from error
    except httpx.HTTPError as error:
        raise click.ClickException(f"cannot reach {url}: {error}") from error
    if response.status_code != 200:
        try:
            detail = response.json()["error"]["message"]
        except (ValueError, KeyError, TypeError):
            detail = response.text
        raise click.ClickException(f"{url} refused the load ({response.status_code}): {detail}")
    return response.json()
