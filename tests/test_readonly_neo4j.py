"""Read-only Cypher on Neo4j: the decision on EXPLAIN summaries of the shapes the server returns (Bolt plan
dictionaries, as the official driver hands them over), and, with a scratch server, the real refusals."""

from __future__ import annotations

import os

import pytest

from graph.readonly import CypherRefused, ReadLimits
from graph.readonly.neo4j import READ_PROCEDURES, refusal
from graph.stores import StoreConfig, open_store


def op(name: str, *children: dict, **args: str) -> dict:
    return {"operatorType": f"{name}@neo4j", "args": {"EstimatedRows": 1.0, **args}, "identifiers": ["n"],
            "children": list(children)}


READ_PLAN = op("ProduceResults", op("Projection", op("Expand(All)", op("NodeByLabelScan", Details="a:Actor"))))
SEARCH_PLAN = op("ProduceResults", op("Limit", op("ProcedureCall", Details=(
    "db.index.fulltext.queryNodes($autostring_0, $q) :: (node :: NODE, score :: FLOAT)"))))


@pytest.mark.parametrize(("query_type", "plan"), [
    ("r", READ_PLAN),
    ("r", SEARCH_PLAN),
    ("r", op("ProduceResults", op("EagerAggregation", op("NodeCountFromCountStore")))),
    ("r", op("ProduceResults", op("Apply", op("Argument"), op("VarLengthExpand(Pruning,BFS)", op("AllNodesScan"))))),
    ("r", op("ProduceResults", op("ProcedureCall", Signature="db.labels() :: (label :: String?)"))),
])
def test_plain_reads_pass(query_type, plan):
    assert refusal(query_type, plan) is None


@pytest.mark.parametrize(("query_type", "plan", "reason"), [
    ("r", op("ProduceResults", op("LoadCSV", Details="line")), "LOAD CSV reads a file"),
    ("r", op("ProduceResults", op("ProcedureCall", Details="apoc.load.json($url) :: (value :: MAP)")),
     "CALL apoc.load.json is not one of the read-only procedures"),
    ("r", op("ProduceResults", op("ProcedureCall", Details="dbms.setConfigValue($a, $b)")), "dbms.setConfigValue"),
    ("r", op("ProduceResults", op("ProcedureCall")), "(unnamed procedure)"),
    ("w", op("EmptyResult", op("Create", Details="(n:Actor)")), "(Create, EmptyResult)"),
    ("rw", op("ProduceResults", op("SetProperty", op("NodeByLabelScan"))), "(SetProperty)"),
    ("w", op("EmptyResult", op("TransactionForeach", op("Argument"))), "CALL … IN TRANSACTIONS"),
    ("r", op("ProduceResults", op("TransactionApply", op("Argument"))), "CALL … IN TRANSACTIONS"),
    ("rw", READ_PLAN, "Neo4j classifies it as a read-write statement"),
    ("s", READ_PLAN, "Neo4j classifies it as a schema-changing statement"),
    (None, READ_PLAN, "unknown kind"),
    ("r", None, "could not be read"),
    ("r", {"children": []}, "could not be read"),
])
def test_everything_else_is_refused_with_its_reason(query_type, plan, reason):
    assert reason in refusal(query_type, plan)


def test_the_search_query_uses_an_allowed_procedure():
    import queries

    assert "db.index.fulltext.queryNodes" in queries.load("search/measures", "neo4j")
    assert "db.index.fulltext.queryNodes" in READ_PROCEDURES


SCRATCH = os.environ.get("POLICYKG_TEST_NEO4J_URI", "")


@pytest.mark.neo4j
@pytest.mark.skipif(not SCRATCH, reason="set POLICYKG_TEST_NEO4J_URI to a scratch Neo4j (these tests only read)")
@pytest.mark.parametrize(("statement", "reason"), [
    ("CREATE (:Actor {id: 'intruder'})", "Create|writes to the database"),
    ("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", "LOAD CSV reads a file"),
    ("CALL dbms.components() YIELD name RETURN name", "dbms.components"),
    ("RETURN 1 AS a; RETURN 2 AS b", "2 statements"),
])
def test_a_real_server_refuses(statement, reason):
    config = StoreConfig(kind="neo4j", neo4j_uri=SCRATCH, neo4j_password=os.environ.get("NEO4J_PASSWORD", ""))
    with open_store(config, read_only=True) as store:
        with pytest.raises(CypherRefused, match=reason):
            store.run_read_only(statement, limits=ReadLimits(seconds=5))
        assert store.run_read_only("RETURN 1 AS x").rows == [{"x": 1}]
