"""The API as other tools see it: one error model for every refusal, published once in OpenAPI and
referenced by every operation; every list paginated and filterable; the document, measure and cited-document
endpoints; no page that loads anything from another site, and /docs working offline."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import httpx
import pytest

from api.app import create_app
from api.settings import Settings
from tests.conftest import copy_store, served

ERROR_REF = {"$ref": "#/components/schemas/Error"}


def get(server, path, **params):
    return httpx.get(server + path, params=params, timeout=60)


@pytest.fixture(scope="module")
def openapi(server) -> dict:
    return get(server, "/openapi.json").json()


def test_openapi_publishes_one_error_model_and_every_error_response_refers_to_it(openapi):
    schemas = openapi["components"]["schemas"]
    assert "Error" in schemas and not {"HTTPValidationError", "ValidationError", "Refusal"} & set(schemas)
    error = schemas["Error"]["properties"]["error"]
    assert error["required"] == ["status", "code", "message"] and set(error["properties"]) >= {"detail"}
    operations = [(path, method, op) for path, item in openapi["paths"].items() for method, op in item.items()]
    for path, method, operation in operations:
        errors = {status: r for status, r in operation["responses"].items() if status[0] in "45"}
        assert {"400", "414", "429", "503"} <= set(errors), (method, path)
        for status, response in errors.items():
            assert response["content"]["application/json"]["schema"] == ERROR_REF, (method, path, status)
    error_models = [name for name, schema in schemas.items() if "error" in schema.get("properties", {})]
    assert error_models == ["Error"]


@pytest.mark.parametrize(("path", "status", "code", "message"), [
    ("/api/actors/actor:nope", 404, "not_found", "no actor with id 'actor:nope'"),
    ("/api/documents/doc:nope", 404, "not_found", "no document with id 'doc:nope'"),
    ("/api/cited/doc:nope", 404, "not_found", "doc:nope"),
    ("/api/nothing-here", 404, "not_found", "Not Found"),
    ("/api/targets?limit=0", 422, "invalid", "query parameter limit: Input should be greater than or equal to 1"),
    ("/api/measures?deadline_from=soon", 422, "invalid", "query parameter deadline_from"),
    ("/api/actors?level=galaxy", 422, "invalid", "query parameter level"),
    ("/api/actors/a%00b", 400, "bad_request", "control character U+0000"),
    ("/api/actors/" + "x" * 5000, 414, "url_too_long", "the limit is 4096"),
])
def test_every_refusal_answers_in_the_one_error_model(server, path, status, code, message):
    response = httpx.get(server + path, timeout=60)
    body = response.json()
    assert response.status_code == status and set(body) == {"error"}
    assert body["error"]["status"] == status and body["error"]["code"] == code and message in body["error"]["message"]


def test_a_validation_error_keeps_its_fields_in_detail(server):
    detail = get(server, "/api/documents", limit=0, offset=-1).json()["error"]["detail"]
    assert {tuple(d["loc"]) for d in detail} == {("query", "limit"), ("query", "offset")}


def test_middleware_refusals_use_the_model_too(sample_db, tmp_path):
    """The rate limit (429), a body over the cap (413) and a protected read without the token (401)."""
    db = copy_store(sample_db, tmp_path / "limited.lbug")
    settings = Settings(db=db, rate_limit=1, rate_burst=1, max_body_bytes=10, protect_reads=True,
                        api_token="a-token-of-sixteen-characters")
    with served(create_app(settings)) as base:
        unauthorised = httpx.get(base + "/api/stats")
        limited = httpx.get(base + "/api/stats")
    assert unauthorised.status_code == 401 and unauthorised.json()["error"]["code"] == "unauthorized"
    assert limited.status_code == 429 and limited.json()["error"]["code"] == "too_many_requests"
    with served(create_app(Settings(db=db, rate_limit=0, max_body_bytes=10))) as base:
        large = httpx.post(base + "/cypher", content=b"statement=" + b"x" * 100,
                           headers={"content-type": "application/x-www-form-urlencoded"})
    assert large.status_code == 413 and large.json()["error"]["code"] == "too_large"


LISTS = {  # every list endpoint, with a filter that must narrow it
    "/api/documents": {"region": "南通市"},
    "/api/actors": {"name": "公安"},
    "/api/measures": {"role": "lead"},
    "/api/targets": {"indicator": "专利"},
    "/api/topics": {"name": "专利"},
    "/api/cited": {"title": "江苏省"},
    "/api/queries": None,  # the library: its own parameters filter a query's rows
}


def test_every_list_endpoint_is_a_page_and_filters(server, openapi):
    schemas = openapi["components"]["schemas"]

    def is_page(item: dict) -> bool:
        ref = item["get"]["responses"]["200"]["content"]["application/json"]["schema"].get("$ref", "")
        return {"items", "total", "limit", "offset"} <= set(schemas.get(ref.rsplit("/", 1)[-1], {}).get("properties", {}))

    listed = {path for path, item in openapi["paths"].items() if "get" in item and "{" not in path and is_page(item)}
    assert listed == set(LISTS)
    for path, narrowing in LISTS.items():
        parameters = {p["name"] for p in openapi["paths"][path]["get"].get("parameters", [])}
        assert {"limit", "offset"} <= parameters, path
        everything = get(server, path, limit=1000).json()
        assert set(everything) == {"items", "total", "limit", "offset"} and everything["total"] == len(everything["items"])
        first, second = get(server, path, limit=2).json(), get(server, path, limit=2, offset=2).json()
        assert [*first["items"], *second["items"]] == everything["items"][:4], path
        if narrowing:
            narrowed = get(server, path, limit=1000, **narrowing).json()
            assert 0 < narrowed["total"] < everything["total"], (path, narrowing)


def test_measures_filter_by_document_body_role_deadline_and_key_task(server):
    def measures(**filters):
        return get(server, "/api/measures", limit=1000, **filters).json()["items"]

    everything = measures()
    document = everything[0]["document_id"]
    assert {m["document_id"] for m in measures(document_id=document)} == {document}
    court = next(a for a in get(server, "/api/actors", name="市中级人民法院").json()["items"])
    owned = {m["id"] for m in get(server, f"/api/actors/{court['id']}", limit=1000).json()["measures"]["items"]}
    assert {m["id"] for m in measures(actor_id=court["id"])} == owned
    assert measures(actor_id=court["id"], role="lead") == []  # the court is named without a role
    dated = measures(deadline_from="2025-01-01", deadline_to="2025-06-30")
    assert dated and all("2025-01-01" <= m["deadline_date"] <= "2025-06-30" for m in dated)
    assert {m["deadline_kind"] for m in measures(deadline_kind="recurring")} == {"recurring"}
    key = measures(key_task=True)
    assert key and all(m["key_task"] is True for m in key) and all(m["key_task"] is False for m in measures(key_task=False))


def test_targets_filter_by_due_year_and_indicator_and_actors_by_region_kind_level(server):
    due = get(server, "/api/targets", due="2025", limit=1000).json()["items"]
    assert due and all(t["due"].startswith("2025") for t in due)
    assert get(server, "/api/targets", due="20x5").status_code == 422
    courts = get(server, "/api/actors", kind="court", limit=1000).json()["items"]
    assert courts and all(a["kind"] == "court" for a in courts)
    district = get(server, "/api/actors", region="南通市通州区", level="district", limit=1000).json()["items"]
    assert district and all(a["region"] == "南通市通州区" and a["level"] == "district" for a in district)
    by_alias = get(server, "/api/actors", name="公安局").json()["items"]
    assert {a["name"] for a in by_alias} == {"市公安局", "区公安局"}


def test_a_document_has_its_counts_and_sections(server):
    nantong = next(d for d in get(server, "/api/documents", limit=100).json()["items"] if d["doc_number"] == "通政发〔2024〕19号")
    detail = get(server, f"/api/documents/{nantong['id']}").json()
    assert detail["measures"] == nantong["measures"] and detail["targets"] == nantong["targets"]
    assert detail["bodies"] > 20 and detail["citations"] == nantong["citations"] and detail["cited_by"] == 0
    assert detail["sections"] and detail["sections"][0]["title"] == "主要措施"
    lines = [s["line"] for s in detail["sections"]]
    assert lines == sorted(lines) and sum(s["measures"] for s in detail["sections"]) <= detail["measures"]


def test_cited_documents_list_who_cites_them(server):
    cited = get(server, "/api/cited", limit=100).json()["items"]
    top = cited[0]
    assert top["citing"] == max(c["citing"] for c in cited) and top["loaded"] is False
    detail = get(server, f"/api/cited/{top['id']}").json()
    assert len(detail["cited_by"]) == top["citing"] and all(c["text"] and c["line"] for c in detail["cited_by"])


# --- offline: no page references another site ---------------------------------------------------------------

EXTERNAL = re.compile(r"^(https?:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)", re.IGNORECASE)
REFERENCING = {"src", "href", "action", "formaction", "data", "poster", "srcset", "background"}


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in REFERENCING and value:
                self.found += [part.split()[0] for part in value.split(",")] if name == "srcset" else [value]
                if tag == "a" and name == "href":
                    self.links.append(value)
            if name == "style" and value:
                self.found += CSS_URL.findall(value)

    def handle_data(self, data: str) -> None:
        self.found += CSS_URL.findall(data)  # <style> blocks; text that merely names a URL is no reference


def test_no_page_references_another_site(server):
    """Every page reachable from the start page and the analyst pages (a crawl of links on this server), with
    its scripts and style sheets: nothing is loaded from, posted to or linked to another site."""
    queue = ["/", "/search?q=市公安局", "/queries", "/queries/leads_most", "/cypher", "/docs", "/view/ownership"]
    seen, pages, problems = set(queue), 0, []
    with httpx.Client(base_url=server, timeout=120) as client:
        while queue and pages < 150:
            path = queue.pop(0)
            response = client.get(path)
            kind = response.headers.get("content-type", "")
            if not kind.startswith(("text/html", "text/css", "application/javascript", "text/javascript")):
                continue
            pages += 1
            parser = _References()
            parser.feed(response.text) if kind.startswith("text/html") else parser.handle_data(response.text)
            problems += [f"{path} -> {ref}" for ref in parser.found if EXTERNAL.match(ref.strip())]
            for ref in parser.found:
                target = urlsplit(urljoin(path, ref.strip()))
                if not target.netloc and target.path.startswith("/") and not target.path.startswith("/api/"):
                    url = target.path + (f"?{target.query}" if target.query else "")
                    if url not in seen and "format=" not in url:
                        seen.add(url)
                        queue.append(url)
    assert not problems, "\n".join(problems)
    assert pages >= 8


def test_the_api_docs_work_offline(server):
    docs = get(server, "/docs")
    assert docs.status_code == 200 and "swagger-ui" in docs.text and not re.search(r"(src|href)=\"(https?:)?//", docs.text)
    assets = re.findall(r"(?:src|href)=\"(/[^\"]+)\"", docs.text)
    assert any(a.endswith(".js") for a in assets) and any(a.endswith(".css") for a in assets)
    for asset in assets:
        assert get(server, asset).status_code == 200, asset
