"""The who-owns-what network through the served app: every filter draws what the stored graph says (the
exported graph is the oracle, not the view's own queries), folding above the node budget says what it folded,
bodies are always labelled, and clicking a node's neighbours (GET /api/network/{id}/neighbours) adds the right ones."""

from __future__ import annotations

import doctest
import json
import re
from collections import Counter, defaultdict
from urllib.parse import quote

import httpx
import pytest

from api import charts, network_layout
from api.network_layout import iterations, place
from tests.network_oracle import Stored, read_stored

PAGE_DATA = re.compile(r'<script type="application/json" id="network-data">(.*?)</script>', re.DOTALL)
EXTERNAL = re.compile(r"""(?:src|href|action)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//""", re.IGNORECASE)



@pytest.fixture(scope="module")
def stored(sample_db) -> Stored:
    return read_stored(sample_db)

def drawn(server: str, **params) -> tuple[dict, str]:
    """The network page's data (nodes, edges, scope) and its HTML."""
    response = httpx.get(server + "/view/ownership", params=params, timeout=60)
    assert response.status_code == 200, response.text
    return json.loads(PAGE_DATA.search(response.text).group(1)), response.text


def ids(data: dict, group: str | None = None) -> set[str]:
    return {n["id"] for n in data["nodes"] if group is None or n["group"] == group}


def test_the_whole_samples_are_drawn_measure_by_measure(server, stored):
    data, page = drawn(server)
    assert ids(data) == stored.nodes(stored.duties)
    roles = {(e["from"], e["to"]): e["role"] for e in data["edges"] if e.get("role")}
    assert roles == {(d.actor, d.measure): d.role for d in stored.duties}
    assert 'id="network-notice"' not in page  # nothing folded, so nothing to say


def test_a_document_filter_draws_that_documents_responsibilities(server, stored):
    documents = Counter(d.document for d in stored.duties)
    assert len(documents) >= 2  # otherwise the filter could not narrow anything
    for document in documents:
        data, _ = drawn(server, document_id=document)
        assert ids(data) == stored.nodes([d for d in stored.duties if d.document == document])
        assert data["scope"]["document_id"] == document


def test_a_body_filter_draws_its_measures_with_every_body_named_on_them(server, stored):
    busiest = Counter(d.actor for d in stored.duties).most_common(1)[0][0]
    theirs = {d.measure for d in stored.duties if d.actor == busiest}
    data, _ = drawn(server, actor_id=busiest)
    expected = stored.nodes([d for d in stored.duties if d.measure in theirs])
    assert ids(data) == expected and len(expected) < len(stored.nodes(stored.duties))
    api = httpx.get(f"{server}/api/actors/{busiest}", params={"limit": 1000}).json()["measures"]["items"]
    assert ids(data, "measure") == {m["id"] for m in api}  # the API agrees on the body's measures


@pytest.mark.parametrize("role", ["lead", "co", "unspecified"])
def test_a_role_filter_keeps_only_responsibilities_in_that_role(server, stored, role):
    data, _ = drawn(server, role=role)
    mine = [d for d in stored.duties if d.role == role]
    assert mine and ids(data) == stored.nodes(mine)
    assert {e["role"] for e in data["edges"] if "role" in e} == {role}


def test_a_region_filter_keeps_the_documents_of_that_region(server, stored):
    regions = Counter(d.region for d in stored.duties)
    assert len(regions) >= 2
    for region in regions:
        data, _ = drawn(server, region=region)
        assert ids(data) == stored.nodes([d for d in stored.duties if d.region == region])


def test_filters_combine_and_an_empty_answer_says_so(server, stored):
    lead = next(d for d in stored.duties if d.role == "lead")
    data, _ = drawn(server, document_id=lead.document, role="lead")
    assert ids(data) == stored.nodes([d for d in stored.duties if d.document == lead.document and d.role == "lead"])
    data, page = drawn(server, region="没有这个地区")
    assert data["nodes"] == [] and "没有符合条件的责任关系" in page


def test_the_form_offers_every_filter_and_keeps_the_chosen_values(server, stored):
    lead = next(d for d in stored.duties if d.role == "lead")
    _, page = drawn(server, document_id=lead.document, role="lead", region=lead.region)
    for name in ("document_id", "actor_id", "role", "region"):
        assert f'<select name="{name}">' in page
    assert f'<option value="{lead.document}" selected>' in page and '<option value="lead" selected>' in page
    assert f'<option value="{lead.region}" selected>' in page


@pytest.mark.parametrize(("params", "status"), [({"document_id": "doc:nope"}, 404), ({"actor_id": "actor:nope"}, 404),
                                                ({"actor": "actor:nope"}, 404), ({"role": "boss"}, 422),
                                                ({"actor": "region:南通市"}, 404), ({"document": "actor:a"}, 404),
                                                ({"actor": "actor:a", "document": "doc:b"}, 422)])
def test_a_filter_that_names_nothing_is_refused_not_ignored(server, params, status):
    assert httpx.get(server + "/view/ownership", params=params).status_code == status


def test_above_the_budget_measures_fold_into_counts_per_body_and_document_and_the_page_says_so(server, stored):
    data, page = drawn(server, limit=60)  # 45 bodies and 2 documents fit; their 117 measures do not
    bodies = {d.actor for d in stored.duties}
    documents = {d.document for d in stored.duties}
    assert ids(data) == bodies | documents
    counted: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for duty in stored.duties:
        counted[duty.actor, duty.document][duty.role] += 1
    links = {(e["from"], e["to"]): e["label"] for e in data["edges"]}
    assert set(links) == set(counted)
    for pair, label in links.items():  # 牵头 2 · 配合 1
        shown = {part.split(" ")[0]: int(part.split(" ")[1]) for part in label.split(" · ")}
        assert sum(shown.values()) == sum(counted[pair].values()), (pair, label)
    notice = re.search(r'<div class="notice" id="network-notice"[^>]*>(.*?)</div>', page, re.DOTALL).group(1)
    measures = len({d.measure for d in stored.duties})
    assert f"{measures} 项措施" in notice and f"{len(stored.duties)} 项责任分工合并为 {len(links)} 条连线" in notice


def test_far_above_the_budget_the_page_counts_the_bodies_it_left_out(server, stored):
    data, page = drawn(server, limit=10)
    bodies = {d.actor for d in stored.duties}
    shown = ids(data, "actor")
    assert len(data["nodes"]) <= 10 and shown < bodies and ids(data, "region")
    notice = re.search(r'id="network-notice"[^>]*>(.*?)</div>', page, re.DOTALL).group(1)
    assert f"另有 {len(bodies) - len(shown)} 个单位" in notice
    heaviest = Counter(d.actor for d in stored.duties).most_common(1)[0][0]
    assert heaviest in shown  # the busiest body is drawn first


@pytest.mark.parametrize("params", [{}, {"limit": 60}, {"limit": 10}, {"actor": "busiest"}])
def test_every_drawn_body_is_labelled_with_its_name(server, stored, params):
    if params.get("actor"):
        params = {"actor": Counter(d.actor for d in stored.duties).most_common(1)[0][0]}
    data, _ = drawn(server, **params)
    bodies = [n for n in data["nodes"] if n["group"] == "actor"]
    assert bodies and all(n["label"] == stored.names[n["id"]] and n["label"].strip() for n in bodies)
    assert all(n["url"].startswith(("/actors/", "/measures/", "/documents/", "/view/ownership?")) for n in data["nodes"])


def test_tooltips_are_lines_not_one_long_line(server):
    data, _ = drawn(server)
    measures = [n for n in data["nodes"] if n["group"] == "measure"]
    assert all(max(len(line) for line in n["title"].split("\n")) <= 120 for n in measures)
    assert "white-space: pre-wrap" in httpx.get(server + "/static/network.css").text  # wrapped in the browser too


def test_the_ego_view_starts_at_one_body_with_its_measures(server, stored):
    actor = Counter(d.actor for d in stored.duties).most_common(1)[0][0]
    data, page = drawn(server, actor=actor)
    theirs = [d for d in stored.duties if d.actor == actor]
    assert ids(data) == stored.nodes(theirs)
    assert data["nodes"][0]["id"] == actor and f"从「{stored.names[actor]}」出发" in page


def neighbours(server: str, node: str, **scope) -> dict:
    response = httpx.get(f"{server}/api/network/{quote(node, safe='')}/neighbours", params=scope)
    assert response.status_code == 200, response.text
    return response.json()


def test_neighbours_of_a_body_a_measure_a_document_and_a_region(server, stored):
    actor = Counter(d.actor for d in stored.duties).most_common(1)[0][0]
    theirs = [d for d in stored.duties if d.actor == actor]
    found = neighbours(server, actor)
    assert ids(found) == {actor} | {d.measure for d in theirs} | {d.document for d in theirs} and found["complete"]

    shared = Counter(d.measure for d in stored.duties).most_common(1)[0][0]
    owners = [d for d in stored.duties if d.measure == shared]
    assert len(owners) > 1
    assert ids(neighbours(server, shared)) == stored.nodes(owners)
    assert ids(neighbours(server, shared, role=owners[0].role)) == stored.nodes(
        [d for d in owners if d.role == owners[0].role])

    document = owners[0].document
    assert ids(neighbours(server, document)) == stored.nodes([d for d in stored.duties if d.document == document])

    region = owners[0].region
    found = neighbours(server, f"region:{region}")
    assert ids(found, "document") == {d.document for d in stored.duties if d.region == region}
    assert all(e["folded"] or e["part_of"] for e in found["edges"])


def test_neighbours_stay_within_the_pages_filters_and_refuse_unknown_ids(server, stored):
    actor = Counter(d.actor for d in stored.duties).most_common(1)[0][0]
    document = Counter(d.document for d in stored.duties if d.actor == actor).most_common(1)[0][0]
    found = neighbours(server, actor, document_id=document)
    assert ids(found, "measure") == {d.measure for d in stored.duties if d.actor == actor and d.document == document}
    assert ids(neighbours(server, "region:")) == {"region:"}  # documents naming no region stay folded
    for node in ("actor:nope", "measure:nope", "doc:nope", "nothing"):
        assert httpx.get(f"{server}/api/network/{node}/neighbours").status_code == 404


def test_the_network_page_and_its_assets_reference_no_other_site(server):
    _, page = drawn(server)
    assert not EXTERNAL.search(page)
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert "/vendor/vis-network.min.js" in scripts and "/static/network.js" in scripts
    for asset in ("/static/network.js", "/static/network.css"):
        assert not re.search(r"https?://", httpx.get(server + asset).text)
    vis = httpx.get(server + "/vendor/vis-network.min.js")
    assert vis.status_code == 200 and "vis-network" in vis.text[:200] and "max-age" in vis.headers["cache-control"]


def test_starting_positions_keep_bodies_apart_and_the_physics_bounded():
    nodes = [{"id": f"d{i}", "group": "document"} for i in range(3)]
    nodes += [{"id": f"m{i}", "group": "measure"} for i in range(30)]
    nodes += [{"id": f"a{i}", "group": "actor"} for i in range(12)]
    edges = [{"from": f"m{i}", "to": f"d{i % 3}", "part_of": True} for i in range(30)]
    edges += [{"from": f"a{i}", "to": f"m{j}", "role": "lead"} for i in range(12) for j in range(30) if j % 12 == i]
    place(nodes, edges)
    bodies = [(n["x"], n["y"]) for n in nodes if n["group"] == "actor"]
    assert len(set(bodies)) == 12  # no two bodies start at the same place
    assert all(isinstance(n["x"], float) for n in nodes)
    assert iterations(10) == 150 and iterations(2000) == 12 and iterations(100_000) == 10


def test_the_layout_and_chart_examples_hold():
    for module in (network_layout, charts):
        result = doctest.testmod(module)
        assert result.attempted and not result.failed, module.__name__
