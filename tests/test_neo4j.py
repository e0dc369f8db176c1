"""The Neo4j store. Without a server (NEO4J_URI unset) only the refusal is tested; with one, the same graph
and the same named queries as the embedded store. The server's database is emptied first: use a scratch one."""

import os

import pytest
from click.testing import CliRunner

import queries
from api.cli import main
from graph.stores import StoreConfig, StoreError, open_store
from tests.conftest import embedded
from tests.test_queries import parameters, sample_ids

NEO4J = StoreConfig(kind="neo4j", neo4j_uri=os.environ.get("NEO4J_URI", ""),
                    neo4j_user=os.environ.get("NEO4J_USER", "neo4j"),
                    neo4j_password=os.environ.get("NEO4J_PASSWORD", ""),
                    neo4j_database=os.environ.get("NEO4J_DATABASE", "neo4j"))
needs_neo4j = pytest.mark.skipif(not NEO4J.neo4j_uri, reason="set NEO4J_URI (and NEO4J_PASSWORD) to a scratch Neo4j")


def test_an_unreachable_server_is_a_clear_error():
    with pytest.raises(StoreError, match=r"cannot reach Neo4j at bolt://127\.0\.0\.1:1"):
        open_store(StoreConfig(kind="neo4j", neo4j_uri="bolt://127.0.0.1:1", neo4j_password="x"))
    result = CliRunner().invoke(main, ["stats", "--store", "neo4j", "--neo4j-uri", "bolt://127.0.0.1:1"])
    assert result.exit_code == 1 and "cannot reach Neo4j" in result.output


@pytest.fixture(scope="module")
def neo4j_store(sample_result):
    with open_store(NEO4J) as store:
        store.run("MATCH (n) DETACH DELETE n")
        store.replace_documents([d.doc_id for d in sample_result.documents], sample_result.graph)
        yield store


def _rows(rows: list[dict]) -> list[str]:
    return sorted(repr(sorted(r.items())) for r in rows)


@pytest.mark.neo4j
@needs_neo4j
def test_neo4j_holds_the_same_graph_as_the_embedded_store(neo4j_store, sample_db):
    with embedded(sample_db, read_only=True) as store:
        assert neo4j_store.export().to_dict() == store.export().to_dict()
        assert neo4j_store.stats() == store.stats()


@pytest.mark.neo4j
@needs_neo4j
@pytest.mark.parametrize("name", [n for n in queries.names() if n != "search_measures"])
def test_named_queries_answer_the_same_on_both_stores(neo4j_store, sample_db, name):
    with embedded(sample_db, read_only=True) as store:
        params = parameters(sample_ids(store)).get(name)
        assert _rows(neo4j_store.query(name, params)) == _rows(store.query(name, params))


@pytest.mark.neo4j
@needs_neo4j
def test_full_text_search_uses_the_cjk_index(neo4j_store):
    hits = neo4j_store.query("search_measures", {"q": "商业秘密", "limit": 5})
    assert hits and all("商业秘密" in (h["text"] or "") + (h["title"] or "") for h in hits[:1])


@pytest.mark.neo4j
@needs_neo4j
def test_reloading_changes_nothing_and_a_failed_load_rolls_back(neo4j_store, sample_result):
    before = neo4j_store.export().to_dict()
    neo4j_store.replace_documents([d.doc_id for d in sample_result.documents], sample_result.graph)
    assert neo4j_store.export().to_dict() == before
    broken = sample_result.documents[0].graph
    broken_copy = type(broken)()
    broken_copy.merge(broken)
    broken_copy.add_relationship("RESPONSIBLE_FOR", "actor:missing", next(iter(broken_copy.nodes)))
    with pytest.raises(StoreError):
        neo4j_store.replace_documents([sample_result.documents[0].doc_id], broken_copy)
    assert neo4j_store.export().to_dict() == before
