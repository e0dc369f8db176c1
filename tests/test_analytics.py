"""Analytics on tiny graphs whose answers are worked out by hand (written to a real embedded store, whose
aggregate queries feed the report), and on the samples through the API."""

from contextlib import contextmanager

import httpx
import pytest

from graph.analytics import Pair, Scope, analyse, co_responsibility, communities
from graph.model import PolicyGraph
from tests.conftest import embedded


def _graph(owners: dict[str, list[tuple[str, str]]], doc_of: dict[str, str] | None = None) -> PolicyGraph:
    """Measures named by their id, each with (body, role) owners; bodies and documents made up as needed."""
    graph = PolicyGraph()
    for doc, region in (("doc:1", "甲市"), ("doc:2", "乙市")):
        graph.add_node(doc, "Document", title=doc, region=region, source_file=f"{doc}.txt")
    for measure, named in owners.items():
        graph.add_node(measure, "Measure", title=measure, doc_id=(doc_of or {}).get(measure, "doc:1"))
        for body, role in named:
            graph.add_node(body, "Actor", name=body)
            graph.add_relationship("RESPONSIBLE_FOR", body, measure, role=role, text=body, line=1, char_start=0,
                                   char_end=1)
    return graph


@contextmanager
def _stored(tmp_path, graph: PolicyGraph):
    """A reader of `graph`, written to a fresh embedded store."""
    with embedded(tmp_path / "db") as store:
        store.replace_documents(["doc:1", "doc:2"], graph)
        with store.reader() as reader:
            yield reader


def _report(tmp_path, graph: PolicyGraph):
    with _stored(tmp_path, graph) as reader:
        return analyse(reader)


def _network(tmp_path, graph: PolicyGraph):
    """The co-responsibility network the store's aggregate queries give for the whole graph."""
    with _stored(tmp_path, graph) as reader:
        bodies = [row["id"] for row in reader.query("analytics_workload", Scope().parameters())]
        pairs = [Pair(r["a"], r["b"], r["weight"]) for r in reader.query("analytics_pairs", Scope().parameters())]
    return co_responsibility(bodies, pairs)


def _chain() -> PolicyGraph:
    # D –m3– A –m1– B –m2– C ; m4 has no owner ; m5 has none itself but row r1 (C) restates it.
    graph = _graph({"m1": [("A", "lead"), ("B", "co")], "m2": [("B", "lead"), ("C", "co")],
                    "m3": [("A", "lead"), ("D", "lead")], "m4": [], "m5": [], "r1": [("C", "sole")]},
                   doc_of={"m3": "doc:2"})
    graph.add_relationship("IMPLEMENTS", "r1", "m5", score=1.0)
    return graph


def test_workload_counts_measures_by_role_and_documents(tmp_path):
    bodies = {b.id: b for b in _report(tmp_path, _chain()).bodies}
    assert bodies["A"].by_role == {"lead": 2} and bodies["A"].documents == 2
    assert bodies["B"].by_role == {"lead": 1, "co": 1} and bodies["B"].measures == 2
    assert bodies["C"].by_role == {"co": 1, "sole": 1}
    assert {b: bodies[b].partners for b in "ABCD"} == {"A": 2, "B": 2, "C": 1, "D": 1}


def test_betweenness_on_a_chain_of_four(tmp_path):
    # Shortest paths between the 3 pairs not involving X: A carries D–B and D–C, B carries A–C and D–C.
    bodies = {b.id: b.betweenness for b in _report(tmp_path, _chain()).bodies}
    assert bodies == pytest.approx({"A": 2 / 3, "B": 2 / 3, "C": 0.0, "D": 0.0}, abs=1e-6)


def test_heavier_links_are_shorter_paths(tmp_path):
    # A–B and B–C share 3 measures each, A–C only 1: the A–C path runs through B (1/3 + 1/3 < 1).
    owners = {f"ab{i}": [("A", "co"), ("B", "co")] for i in range(3)}
    owners |= {f"bc{i}": [("B", "co"), ("C", "co")] for i in range(3)}
    owners |= {"ac": [("A", "co"), ("C", "co")]}
    network = _network(tmp_path / "network", _graph(owners))
    assert network["A"]["B"]["weight"] == 3 and network["A"]["C"]["weight"] == 1
    assert {b.id: b.betweenness for b in _report(tmp_path, _graph(owners)).bodies}["B"] == pytest.approx(1.0)


def test_two_teams_joined_by_one_measure_are_two_communities(tmp_path):
    owners = {}
    for team in ("ABC", "DEF"):
        for i in range(3):
            owners[f"{team}{i}"] = [(body, "co") for body in team]
    owners["bridge"] = [("C", "co"), ("D", "co")]
    assert communities(_network(tmp_path, _graph(owners))) == [["A", "B", "C"], ["D", "E", "F"]]


def test_several_leads_and_unowned_measures(tmp_path):
    report = _report(tmp_path, _chain())
    assert [(m.id, m.leads) for m in report.several_leads] == [("m3", ["A", "D"])]
    assert [m.id for m in report.unowned] == ["m4"]  # m5 is owned through the row that restates it
    assert report.totals == {"bodies": 4, "communities": 2, "several_leads": 1, "unowned": 1,  # {A, D}, {B, C}
                             "pairs": 3}  # A–B, B–C, A–D
    assert [(m.id, m.document_title) for m in report.unowned] == [("m4", "doc:1")]


def test_pairs_strongest_first_with_names(tmp_path):
    owners = {f"ab{i}": [("A", "co"), ("B", "co")] for i in range(3)} | {"bc": [("B", "lead"), ("C", "co")]}
    report = _report(tmp_path, _graph(owners))
    assert [(p.a_name, p.b_name, p.weight) for p in report.pairs] == [("A", "B", 3), ("B", "C", 1)]
    assert len(report.to_dict(top=1)["pairs"]) == 1 and report.totals["pairs"] == 2


def test_targets_counted_by_due_year_in_the_scope(tmp_path):
    graph = _chain()
    for i, (due, doc) in enumerate([("2025", "doc:1"), ("2025-06", "doc:1"), ("2026-12", "doc:2"), (None, "doc:1")]):
        graph.add_node(f"t{i}", "Target", indicator="专利", due=due, doc_id=doc)
        graph.add_relationship("HAS_TARGET", doc, f"t{i}", doc_id=doc)
    with _stored(tmp_path, graph) as reader:
        assert [(y.year, y.targets) for y in analyse(reader).targets_by_year] == [("2025", 2), ("2026", 1), (None, 1)]
        assert [(y.year, y.targets) for y in analyse(reader, Scope(region="乙市")).targets_by_year] == [("2026", 1)]
        assert analyse(reader, Scope(role="lead")).targets_by_year == analyse(reader).targets_by_year


def test_scope_by_document_region_and_role(tmp_path):
    with _stored(tmp_path, _chain()) as reader:
        assert {b.id for b in analyse(reader, Scope(document="doc:2")).bodies} == {"A", "D"}
        assert {b.id for b in analyse(reader, Scope(region="甲市")).bodies} == {"A", "B", "C"}
        lead_only = analyse(reader, Scope(role="lead"))
        assert {b.id: b.partners for b in lead_only.bodies} == {"A": 1, "B": 0, "D": 1}
        assert [m.id for m in analyse(reader, Scope(role="co")).several_leads] == []


def test_analytics_of_the_samples_over_http(server):
    report = httpx.get(server + "/api/analytics", params={"top": 5}).json()
    assert len(report["bodies"]) == 5
    top = report["bodies"][0]
    assert top["measures"] == sum(top["by_role"].values()) and top["partners"] > 0
    assert report["communities"] and all(len(c["ids"]) == len(c["names"]) > 1 for c in report["communities"])
    docs = httpx.get(server + "/api/documents").json()["items"]
    largest = max(docs, key=lambda d: d["measures"])
    one = httpx.get(server + "/api/analytics", params={"document_id": largest["id"]}).json()
    assert one["scope"]["document"] == largest["id"]
    assert len(one["bodies"]) > 0 and sum(b["measures"] for b in one["bodies"]) < sum(
        b["measures"] for b in httpx.get(server + "/api/analytics", params={"top": 1000}).json()["bodies"])
    assert httpx.get(server + "/api/analytics", params={"document_id": "doc:none"}).status_code == 404
    a_measure = report["unowned"][0]["id"]
    assert httpx.get(server + "/api/analytics", params={"document_id": a_measure}).status_code == 404
    assert httpx.get(server + "/api/analytics", params={"role": "boss"}).status_code == 422
