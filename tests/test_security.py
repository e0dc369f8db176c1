"""Serving safely (docs/security.md), against the real app served by uvicorn: security headers, HEAD, /healthz,
the rate limit, the body cap, the request timeout and protected reads."""

import doctest
import time

import httpx
import pytest
from pydantic import ValidationError

from api import ratelimit
from api.app import create_app
from api.auth import COOKIE
from api.security import SECURITY_HEADERS
from api.settings import Settings
from graph.stores import deadline
from tests.conftest import embedded, get_routes, served

TOKEN = "a-test-token-of-32-characters-xx"


def plain_paths(app) -> list[str]:
    """Every GET route of the app that needs no path parameter (search with the one it needs)."""
    return sorted(r.path + ("?q=商业秘密" if r.path == "/api/search" else "") for r in get_routes(app) if "{" not in r.path)


def test_every_response_carries_the_security_headers_and_no_server_banner(app, server):
    responses = [httpx.get(server + path, timeout=60) for path in plain_paths(app)]
    responses += [httpx.get(server + "/api/actors/actor:nope"), httpx.get(server + "/api/actors/%00"),
                  httpx.post(server + "/api/stats"), httpx.get(server + "/docs")]
    for response in responses:
        assert {k: response.headers.get(k) for k in SECURITY_HEADERS} == SECURITY_HEADERS, response.url
        assert "server" not in response.headers, response.url
    policy = SECURITY_HEADERS["content-security-policy"]
    assert "http" not in policy and "frame-ancestors 'none'" in policy and "object-src 'none'" in policy


def test_head_answers_every_get_route_like_get_without_a_body(app, server):
    for path in plain_paths(app):
        got, head = httpx.get(server + path, timeout=60), httpx.head(server + path, timeout=60)
        assert head.status_code == got.status_code == 200, path
        assert head.content == b"" and head.headers["content-type"] == got.headers["content-type"], path
        assert int(head.headers["content-length"]) == len(got.content), path
    assert httpx.head(server + "/api/actors/actor:nope").status_code == 404


def test_healthz_answers_200_while_the_store_answers_and_503_without_details_after(sample_db):
    app = create_app(Settings(db=sample_db))
    with served(app) as base:
        assert httpx.get(base + "/healthz").json() == {"status": "ok"}
        assert httpx.head(base + "/healthz").status_code == 200
        app.state.store.close()  # the store stops answering (as a Neo4j server that went away)
        down = httpx.get(base + "/healthz")
        assert down.status_code == 503 and down.json() == {"error": {  # the error model, naming nothing of the store
            "status": 503, "code": "unavailable", "message": "the graph store does not answer", "detail": None}}
        assert httpx.get(base + "/api/stats").status_code == 503


def test_the_token_buckets_refill_at_the_rate():
    assert doctest.testmod(ratelimit).failed == 0


def test_a_client_over_its_rate_gets_429_with_retry_after_and_others_and_healthz_do_not(sample_db):
    with served(create_app(Settings(db=sample_db, rate_limit=1, rate_burst=3))) as base:
        answers = [httpx.get(base + "/api/stats").status_code for _ in range(3)]
        refused = httpx.get(base + "/api/stats")
        assert answers == [200, 200, 200] and refused.status_code == 429
        assert 50 <= int(refused.headers["retry-after"]) <= 60 and "1 a minute" in refused.json()["error"]["message"]
        assert SECURITY_HEADERS.items() <= refused.headers.items()
        assert all(httpx.get(base + "/healthz").status_code == 200 for _ in range(10))
        # Another client address (the loopback range is all this machine) has its own bucket.
        with httpx.Client(transport=httpx.HTTPTransport(local_address="127.0.0.2")) as other:
            assert other.get(base + "/api/stats").status_code == 200


def test_bodies_over_the_cap_are_refused_declared_or_streamed(sample_db):
    settings = Settings(db=sample_db, max_body_bytes=1000, api_token=TOKEN, protect_reads=True)
    with served(create_app(settings)) as base:  # POST /login reads its body
        declared = httpx.post(base + "/login", content=b"x" * 1001)
        assert declared.status_code == 413 and "1001 bytes" in declared.json()["error"]["message"]
        streamed = httpx.post(base + "/login", content=iter([b"x" * 600, b"x" * 600]))  # chunked, no length
        assert streamed.status_code == 413 and "POLICYKG_MAX_BODY_BYTES" in streamed.json()["error"]["message"]
        assert httpx.post(base + "/login", content=b"token=x".ljust(1000, b"x")).status_code == 401


def test_the_store_interrupts_a_statement_at_the_deadline_and_answers_afterwards(sample_db):
    slow = "MATCH (a:Topic), (b:Topic), (c:Topic) WHERE (a.name + b.name + c.name) CONTAINS 'zzzq' RETURN count(*) AS n"
    with embedded(sample_db, read_only=True) as store:
        started = time.monotonic()
        with pytest.raises(deadline.DeadlineExceeded, match=r"longer than 0\.2 s"), deadline.within(0.2):
            store.run(slow)  # about 2.5 s without a deadline on this machine
        assert time.monotonic() - started < 2.0
        with deadline.within(5):
            assert store.query("ping") == [{"ok": 1}]
        with pytest.raises(deadline.DeadlineExceeded), deadline.within(1e-9):
            store.query("ping")  # a deadline already past refuses the next statement


def test_a_request_over_the_timeout_answers_503_with_the_reason(sample_db):
    with served(create_app(Settings(db=sample_db, request_timeout=0.001))) as base:
        for path in ("/api/analytics", "/view/ownership"):
            slow = httpx.get(base + path, timeout=60)
            assert slow.status_code == 503 and "longer than 0.001 s" in slow.json()["error"]["message"], path


@pytest.fixture(scope="module")
def closed(sample_db):
    with served(create_app(Settings(db=sample_db, api_token=TOKEN, protect_reads=True, rate_limit=0))) as base:
        yield base


def test_protected_reads_need_the_token_except_healthz(closed):
    refused = httpx.get(closed + "/api/stats")
    assert refused.status_code == 401 and "Authorization: Bearer" in refused.json()["error"]["message"]
    assert refused.headers["www-authenticate"] == "Bearer"
    assert httpx.get(closed + "/api/stats", headers={"Authorization": "Bearer wrong-token-wrong-token"}).status_code == 401
    assert httpx.get(closed + "/api/stats", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    assert httpx.get(closed + "/openapi.json").status_code == 401
    assert httpx.get(closed + "/healthz").status_code == 200


def test_a_browser_signs_in_on_the_login_page_and_the_cookie_grants_reads_only(closed):
    page = httpx.get(closed + "/view/ownership?limit=50", headers={"Accept": "text/html"})
    assert page.status_code == 303 and page.headers["location"] == "/login?next=/view/ownership%3Flimit%3D50"
    form = httpx.get(closed + page.headers["location"])
    assert form.status_code == 200 and 'type="password"' in form.text and 'value="/view/ownership?limit=50"' in form.text
    wrong = httpx.post(closed + "/login", data={"token": "nope", "next": "/"})
    assert wrong.status_code == 401 and COOKIE not in wrong.cookies
    signed = httpx.post(closed + "/login", data={"token": TOKEN, "next": "/view/ownership?limit=50"})
    assert signed.status_code == 303 and signed.headers["location"] == "/view/ownership?limit=50"
    cookie = signed.cookies[COOKIE]
    assert TOKEN not in cookie and "httponly" in signed.headers["set-cookie"].lower()
    assert "samesite=strict" in signed.headers["set-cookie"].lower()
    with httpx.Client(cookies={COOKIE: cookie}) as browser:
        assert browser.get(closed + "/view/ownership?limit=50").status_code == 200
        assert browser.get(closed + "/api/stats").status_code == 200
    assert httpx.get(closed + "/api/stats", headers={"Authorization": f"Bearer {cookie}"}).status_code == 401
    elsewhere = httpx.post(closed + "/login", data={"token": TOKEN, "next": "//evil.example/"})
    assert elsewhere.headers["location"] == "/"  # never a redirect to another site


def test_settings_refuse_protected_reads_without_a_token_and_short_tokens():
    with pytest.raises(ValidationError, match="needs POLICYKG_API_TOKEN"):
        Settings(protect_reads=True)
    with pytest.raises(ValidationError, match="at least 16 characters"):
        Settings(api_token="secret")
