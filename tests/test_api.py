"""The API served by a real uvicorn server over loopback."""

import httpx


def get(server, path, **params):
    return httpx.get(server + path, params=params, timeout=30)


def items(server, path, **params):
    """The items of one page of a list endpoint (the first 1000 unless `limit` says otherwise)."""
    page = get(server, path, **{"limit": 1000, **params}).json()
    assert set(page) == {"items", "total", "limit", "offset"}
    return page["items"]


def test_actors_lists_the_responsible_bodies_with_role_counts(server):
    actors = items(server, "/api/actors")
    names = {a["name"] for a in actors}
    assert {"市市场监管局（知识产权局）", "区市场监管局（知识产权局）"} <= names
    county = next(a for a in actors if a["name"] == "区市场监管局（知识产权局）")
    assert county["by_role"]["lead"] >= 5 and county["measures"] == sum(county["by_role"].values())
    assert county["kind"] == "department" and county["level"] == "district"
    # Jiangsu kept its provincial 知识产权局 through the reform (only cities and districts merged it into market
    # regulation), so a 2024 plan's 省知识产权局 is that body, not a successor's.
    province = next(a for a in actors if "省知识产权局" in a["aliases"])
    assert province["name"] == "省知识产权局" and province["level"] == "province"


def test_same_name_in_two_jurisdictions_is_two_bodies(server):
    regions = {a["region"] for a in items(server, "/api/actors") if a["name"].endswith("市场监管局（知识产权局）")}
    assert {"南通市", "南通市通州区"} <= regions


def test_actor_detail_lists_owned_measures_and_unknown_ids_are_404(server):
    actor = next(a for a in items(server, "/api/actors") if a["name"] == "省法院")
    detail = get(server, f"/api/actors/{actor['id']}").json()
    owned = detail["measures"]["items"]
    assert owned and all(m["role"] == "lead" for m in owned) and detail["measures"]["total"] == len(owned)
    missing = get(server, "/api/actors/actor:nope")
    assert missing.status_code == 404 and "actor:nope" in missing.json()["error"]["message"]


def test_measure_detail_has_owners_targets_and_source_position(server):
    actor = next(a for a in items(server, "/api/actors") if a["name"] == "市中级人民法院")
    owned = get(server, f"/api/actors/{actor['id']}").json()["measures"]["items"]
    measure = next(m for m in owned if "技术调查官" in m["text"])
    detail = get(server, f"/api/measures/{measure['id']}").json()
    assert detail["deadline"] == "2025-11" and detail["line"] > 0 and detail["source_file"].startswith("000_")
    target = next(t for t in detail["targets"] if t["value"] == 200 and t["comparator"] == ">=")
    assert "200" in target["sentence"] and target["sentence"].endswith("。")
    assert get(server, "/api/measures/measure:nope").status_code == 404


def test_owners_come_with_their_source_sentence_and_restating_rows(server):
    tongzhou = next(a for a in items(server, "/api/actors") if a["name"] == "区市场监管局（知识产权局）")
    measure = get(server, f"/api/actors/{tongzhou['id']}").json()["measures"]["items"][0]
    owners = get(server, f"/api/measures/{measure['id']}").json()["owners"]
    owner = next(o for o in owners if o["id"] == tongzhou["id"])
    # The sentence is the one the note closes, note included, and its offsets point into the source.
    assert owner["evidence"] in owner["sentence"] and len(owner["sentence"]) > len(owner["evidence"]) + 5
    assert owner["char_end"] > owner["char_start"] >= 0
    # Nantong's plan restates its measures in an annexed task table: the body measure shows the row owners.
    nantong = next(d for d in items(server, "/api/documents") if d["source_file"].startswith("000_"))
    city = next(a for a in items(server, "/api/actors") if a["name"] == "市市场监管局（知识产权局）")
    rows = [m for m in get(server, f"/api/actors/{city['id']}", limit=1000).json()["measures"]["items"]
            if m["document_id"] == nantong["id"] and m["path"].startswith("annex")]
    row = get(server, f"/api/measures/{rows[0]['id']}").json()
    body_id = next(link["id"] for link in row["links"] if link["direction"] == "implements")
    body = get(server, f"/api/measures/{body_id}").json()
    assert any(o["via"] == row["id"] and o["id"] == city["id"] for o in body["owners"])
    assert any(link["id"] == row["id"] for link in body["links"])


def test_measures_can_be_found_by_topic(server):
    topics = {t["name"]: t["measures"] for t in items(server, "/api/topics")}
    assert topics.get("商业秘密", 0) >= 2
    found = items(server, "/api/topics/商业秘密/measures")
    assert len(found) == topics["商业秘密"] and all("商业秘密" in m["text"] for m in found)
    assert get(server, "/api/topics/没有这个词/measures").status_code == 404


def test_documents_targets_and_stats(server):
    docs = items(server, "/api/documents")
    assert len(docs) == 4 and all(d["measures"] > 0 for d in docs)
    taizhou = next(d for d in docs if d["title"].startswith("泰州市"))
    targets = items(server, "/api/targets", document_id=taizhou["id"])
    assert any(t["indicator"].endswith("有效发明专利拥有量") and t["value"] == 2.3 and t["unit"] == "万件" for t in targets)
    assert get(server, "/api/stats").json()["nodes"]["Document"] >= 4


def test_pages_are_chinese_self_contained_and_documented(server):
    start = get(server, "/")
    assert start.status_code == 200 and "政策知识图谱" in start.text and "/view/ownership" in start.text
    view = get(server, "/view/ownership")
    assert view.status_code == 200 and "谁负责什么" in view.text and "/vendor/vis-network.min.js" in view.text
    assert "cdn.jsdelivr" not in view.text and "cdnjs" not in view.text
    assert get(server, "/docs").status_code == 200
    assert "/api/actors/{actor_id}" in get(server, "/openapi.json").json()["paths"]


def test_lists_are_pages_cut_in_the_store(server):
    everything = items(server, "/api/documents")
    first = get(server, "/api/documents", limit=3).json()
    rest = get(server, "/api/documents", limit=3, offset=3).json()
    assert first["total"] == rest["total"] == len(everything) == 4
    assert (first["limit"], first["offset"], rest["offset"]) == (3, 0, 3)
    assert [d["id"] for d in first["items"] + rest["items"]] == [d["id"] for d in everything]
    topics = get(server, "/api/topics", limit=5, offset=10).json()
    assert len(topics["items"]) == 5 and topics["total"] > 15
    for bad in ({"limit": 0}, {"limit": 1001}, {"offset": -1}):
        assert get(server, "/api/targets", **bad).status_code == 422, bad


def test_the_cited_document_example_in_the_openapi_document_answers(server):
    """The example id published for GET /api/cited/{id} is the national plan the samples cite, found by title."""
    from api.routers.cited import CITED_EXAMPLE

    answer = get(server, f"/api/cited/{CITED_EXAMPLE}").json()
    assert answer["title"].startswith("知识产权强国建设纲要（2021") and answer["cited_by"]
