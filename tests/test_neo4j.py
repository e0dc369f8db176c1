"""The Neo4j store. Without a server only the connection error and the guard are tested; with a scratch
server named by POLICYKG_TEST_NEO4J_URI (never NEO4J_URI) and `-m neo4j`, the same graph, the same named
queries and analyst library rows, and the same search hits as the embedded store. The tests refuse a
database that holds data that is not theirs."""

import os

import pytest
from click.testing import CliRunner

import queries
from api.cli import main
from graph.search import KINDS, parse
from graph.search_index import SearchIndex
from graph.stores import StoreConfig, StoreError, open_store
from queries import catalog, docs
from tests import neo4j_guard
from tests.conftest import embedded
from tests.test_queries import parameters, sample_ids

NEO4J = neo4j_guard.test_server(os.environ)
needs_neo4j = pytest.mark.skipif(NEO4J is None, reason="set POLICYKG_TEST_NEO4J_URI (and _PASSWORD) to a scratch Neo4j")


def test_an_unreachable_server_is_a_clear_error():
    with pytest.raises(StoreError, match=r"cannot reach Neo4j at bolt://127\.0\.0\.1:1"):
        open_store(StoreConfig(kind="neo4j", neo4j_uri="bolt://127.0.0.1:1", neo4j_password="x"))
    result = CliRunner().invoke(main, ["stats", "--store", "neo4j", "--neo4j-uri", "bolt://127.0.0.1:1"])
    assert result.exit_code == 1 and "cannot reach Neo4j" in result.output


def test_the_tests_never_read_a_users_neo4j_variables():
    users = {"NEO4J_URI": "bolt://production:7687", "NEO4J_PASSWORD": "secret"}
    assert neo4j_guard.test_server(users) is None
    chosen = neo4j_guard.test_server({**users, "POLICYKG_TEST_NEO4J_URI": "bolt://scratch:7687",
                                      "POLICYKG_TEST_NEO4J_PASSWORD": "scratch"})
    assert chosen is not None and chosen.neo4j_uri == "bolt://scratch:7687" and chosen.neo4j_password == "scratch"


def test_the_tests_refuse_a_database_with_data_that_is_not_theirs():
    assert "refusing" in neo4j_guard.refusal(nodes=12, markers=0, where="bolt://db:7687")
    assert neo4j_guard.refusal(nodes=0, markers=0, where="bolt://db:7687") is None  # empty: theirs to use
    assert neo4j_guard.refusal(nodes=5000, markers=1, where="bolt://db:7687") is None  # marked: their own data


@pytest.fixture(scope="module")
def neo4j_store(sample_result):
    with open_store(NEO4J) as store:
        counts = store.run(neo4j_guard.COUNT)[0]
        refused = neo4j_guard.refusal(counts["nodes"], counts["markers"], NEO4J.neo4j_uri)
        if refused:
            pytest.fail(refused)
        store.write(lambda execute: (execute(neo4j_guard.MARK, {}), execute(neo4j_guard.CLEAR, {})))
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
@pytest.mark.parametrize("name", queries.names())
def test_named_queries_answer_the_same_on_both_stores(neo4j_store, sample_db, name):
    with embedded(sample_db, read_only=True) as store:
        params = parameters(sample_ids(store)).get(name)
        assert _rows(neo4j_store.query(name, params)) == _rows(store.query(name, params))


@pytest.mark.neo4j
@needs_neo4j
@pytest.mark.parametrize("name", catalog.library())
def test_library_queries_answer_the_same_on_both_stores(neo4j_store, sample_db, name):
    """Each analyst query with the parameters docs/queries.md runs it with (lists inside a row compared as
    sets: collect() need not keep an order)."""
    query = catalog.get(name)
    with embedded(sample_db, read_only=True) as store:
        expected = docs.run_example(store, query)
    found = docs.run_example(neo4j_store, query)
    assert _rows(_unordered_lists(found)) == _rows(_unordered_lists(expected))


def _unordered_lists(rows: list[dict]) -> list[dict]:
    return [{k: sorted(v) if isinstance(v, list) else v for k, v in row.items()} for row in rows]


@pytest.mark.neo4j
@needs_neo4j
@pytest.mark.parametrize("text", ["市公安局", "知识产权 保护", "商业秘密", "通政发〔2024〕19号", "发明专利", "强国建设纲要"])
@pytest.mark.parametrize("kind", KINDS)
def test_search_on_the_cjk_full_text_indexes_finds_what_the_embedded_store_finds(neo4j_store, sample_db, text, kind):
    query = parse(text)
    parameters = {**query.parameters(), "offset": 0, "limit": 1000}
    with embedded(sample_db, read_only=True) as store, store.reader() as reader:
        index = SearchIndex.build(reader)
    expected, total = index.kinds[kind].find(query.words, query.phrase, 0, 1000)
    found = neo4j_store.query(f"search/{kind}", parameters)
    assert {row["id"] for row in found} == {i for i, _ in expected}
    assert neo4j_store.query(f"search/{kind}_count", query.parameters())[0]["total"] == total


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
