"""What lets the Neo4j tests touch a server: a test-only variable names it, and the database holds nothing but
what these tests wrote (a marker node says so). A user's NEO4J_URI, the variable the README tells them to
export for their real server, is never read here."""

from __future__ import annotations

from collections.abc import Mapping

from graph.stores import StoreConfig

MARKER = "PolicykgTestMarker"  # a label no policykg graph uses; its one node marks a database as the tests'
PREFIX = "POLICYKG_TEST_NEO4J_"


def test_server(environ: Mapping[str, str]) -> StoreConfig | None:
    """The scratch server named by POLICYKG_TEST_NEO4J_URI (USER, PASSWORD, DATABASE beside it), or None."""
    uri = environ.get(PREFIX + "URI", "")
    if not uri:
        return None
    return StoreConfig(kind="neo4j", neo4j_uri=uri, neo4j_user=environ.get(PREFIX + "USER", "neo4j"),
                       neo4j_password=environ.get(PREFIX + "PASSWORD", ""),
                       neo4j_database=environ.get(PREFIX + "DATABASE", "neo4j"))


def refusal(nodes: int, markers: int, where: str) -> str | None:
    """Why the tests must not use this database (None when they may): it holds nodes and no test marker,
    so the data is someone else's."""
    if nodes and not markers:
        return (f"refusing to run the Neo4j tests against {where}: it holds {nodes} node(s) and no "
                f"(:{MARKER}) node, so the data is not the tests'. Point {PREFIX}URI at an empty scratch database.")
    return None


COUNT = f"MATCH (n) RETURN count(n) AS nodes, count(CASE WHEN n:{MARKER} THEN 1 END) AS markers"
MARK = f"MERGE (:{MARKER} {{id: 'policykg-tests'}})"
CLEAR = f"MATCH (n) WHERE NOT n:{MARKER} DETACH DELETE n"
