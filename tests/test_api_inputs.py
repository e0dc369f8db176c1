"""Bad input at every route of the served app: never a 5xx, always a message, and the store unchanged.

The routes and their parameters are read from the app itself, so a new route is covered without editing this
file. Each path parameter and each query parameter (and one the route does not know) gets every value of
BAD in turn, percent-encoded as a client would send it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import typing
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from starlette.routing import Mount

from api.security import MAX_URL_BYTES
from tests.conftest import embedded, get_routes

BAD = {
    "unknown id": "nope",
    "NUL": "%00",
    "NUL inside": "a%00b",
    "newline": "%0A",
    "invalid UTF-8": "%FF%FE",
    "overlong UTF-8": "%C0%AF",
    "lone surrogate": "%ED%A0%80",
    "truncated UTF-8": "%E5%95",
    "too long": "x" * (MAX_URL_BYTES + 1),
    "long, under the URL limit": quote("商业秘密" * 80),
    "negative": "-1",
    "zero": "0",
    "huge": "9" * 40,
    "huge negative": "-" + "9" * 40,
    "fraction": "1.5",
    "overflowing float": "1e309",
    "not a number": "NaN",
    "empty": "",
    "Cypher injection": quote("x'}) DETACH DELETE n //"),
    "path traversal": "..%2F..%2Fetc%2Fpasswd",
    "markup": quote("<script>alert(1)</script>"),
    "emoji": quote("😀"),
}
NUMBERS_REFUSED = ("negative", "huge", "huge negative", "fraction", "overflowing float", "not a number")


def query_parameters(route) -> dict[str, type]:
    """The route's query parameters, those of its dependencies too (the paging of every list)."""
    found: dict[str, type] = {}
    stack = [getattr(route, "dependant", None)]
    while stack:
        dependant = stack.pop()
        if dependant is not None:
            found.update({p.alias: p.field_info.annotation for p in dependant.query_params})
            stack.extend(dependant.dependencies)
    return found


def urls(route) -> list[tuple[str, str, str]]:
    """(url, parameter, kind of bad value) for every bad value in every parameter of `route`."""
    template = route.path + ("/{path}" if isinstance(route, Mount) else "")
    names = list(route.param_convertors)

    def fill(values: dict[str, str]) -> str:  # a path parameter not under test is "nope"
        path = template
        for name in names:
            path = path.replace(f"{{{name}}}", values.get(name, "nope"))
        return path

    found = [(fill({name: value}), name, kind) for name in names for kind, value in BAD.items()]
    found += [(f"{fill({})}?{name}={value}", name, kind)
              for name in [*query_parameters(route), "not_a_parameter"] for kind, value in BAD.items()]
    return found


def _message(response: httpx.Response) -> str:
    """The message of an error answer: a page's text, or the message of the app's one error model
    (api/errors.py); '' when it has none."""
    if response.headers.get("content-type", "").startswith("text/html"):
        return response.text
    try:
        error = response.json()["error"]
    except (ValueError, KeyError, TypeError):
        return ""
    return error["message"] if error.get("status") == response.status_code and error.get("code") else ""


def problems(client: httpx.Client, route) -> list[str]:
    """What went wrong for this route: a 5xx, a refusal without a message, a number not refused."""
    found = []
    numbers = {n for n, kind in query_parameters(route).items() if int in (kind, *typing.get_args(kind))}
    for url, name, kind in urls(route):
        response = client.get(url)
        status = response.status_code
        if status >= 500:
            found.append(f"{status} for {kind} in {name}: GET {url[:120]} -> {response.text[:200]}")
        elif status >= 400 and not _message(response):
            found.append(f"{status} without a message in the error model for {kind} in {name}: GET {url[:120]}")
        elif name in numbers and kind in NUMBERS_REFUSED and status != 422:
            found.append(f"{status} (not 422) for {kind} in the number {name}: GET {url[:120]}")
    return found


@pytest.fixture(scope="module")
def stored(sample_db) -> dict:
    with embedded(sample_db, read_only=True) as store:
        return store.export().to_dict()


def test_the_route_list_comes_from_the_app(app):
    paths = {r.path for r in get_routes(app)}
    assert {"/api/actors/{actor_id}", "/api/measures/{measure_id}", "/api/topics/{name}/measures", "/api/search",
            "/api/analytics", "/view/ownership", "/healthz", "/docs", "/openapi.json"} <= paths
    search = next(r for r in get_routes(app) if r.path == "/api/search")
    assert set(query_parameters(search)) == {"q", "kind", "limit", "offset"}


def test_no_bad_input_gets_a_server_error_and_the_store_is_unchanged(app, server, sample_db, stored):
    mounts = [r for r in app.routes if isinstance(r, Mount)]  # static files: /static-offline-docs/{path}
    with httpx.Client(base_url=server, timeout=60) as client:
        found = [problem for route in get_routes(app) + mounts for problem in problems(client, route)]
    assert not found, "\n".join(found)
    assert httpx.get(server + "/healthz").json() == {"status": "ok"}
    with embedded(sample_db, read_only=True) as store:
        assert store.export().to_dict() == stored


@pytest.mark.parametrize(("path", "status", "message"), [
    ("/api/actors/a%00b", 400, "control character U+0000"),
    ("/api/measures/%FF%FE", 400, "path is not valid UTF-8"),
    ("/api/search?q=%ED%A0%80", 400, "query parameter 'q' is not valid UTF-8"),
    ("/api/topics/" + "x" * MAX_URL_BYTES + "/measures", 414, f"limit is {MAX_URL_BYTES}"),
    ("/api/analytics?top=-5", 422, "greater than or equal to 1"),
    ("/api/search?q=a&limit=" + "9" * 40, 422, "less than or equal to 1000"),
    ("/view/ownership?limit=-1", 422, "greater than or equal to 10"),
    ("/api/actors/actor:nope", 404, "actor:nope"),
])
def test_each_refusal_names_the_problem(server, path, status, message):
    response = httpx.get(server + path)
    assert response.status_code == status and message in _message(response)


def test_schemathesis_finds_no_failure_against_the_published_openapi(server):
    """Property-based requests (valid and invalid) built from the app's own OpenAPI document, with every
    schemathesis check: no 5xx, only documented status codes, responses matching their schemas, valid
    requests accepted and invalid ones refused. FUZZ_EXAMPLES raises the examples per operation
    (`make fuzz-api`); the default run is seeded, so a failure repeats."""
    examples = os.environ.get("FUZZ_EXAMPLES", "15")
    seed = [] if "FUZZ_EXAMPLES" in os.environ else ["--seed", "1"]
    # The upload (POST /api/documents) writes and needs the token: tests/test_one_writer.py covers it.
    result = subprocess.run([str(Path(sys.executable).with_name("st")), "--config-file",
                             str(Path(__file__).with_name("schemathesis.toml")), "run", f"{server}/openapi.json",
                             "--max-examples", examples, "--request-timeout", "60", "--exclude-method", "POST",
                             *seed],
                            capture_output=True, text=True, timeout=1800, env={**os.environ, "NO_COLOR": "1"})
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "No issues found" in result.stdout
