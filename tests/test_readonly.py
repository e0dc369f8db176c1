"""Cypher that cannot write, touch files or disable the store: every form the audit tried (and their
relatives) is refused on a real embedded store opened read-only and read-write, with its reason named; the
store's contents, its files and a folder of victim files are unchanged, and it still opens read-only."""

from __future__ import annotations

import json
from pathlib import Path

import ladybug
import pytest
from click.testing import CliRunner

import queries
from api.cli import main
from graph.model import PolicyGraph
from graph.readonly import CypherRefused, ReadLimits, ladybug_plan
from graph.readonly.statement import count_statements, file_clause
from graph.stores import StoreError
from tests.conftest import embedded
from tests.guards import copy_store, fingerprint, snapshot
from tests.test_queries import parameters, sample_ids

# (statement, what the refusal must say); {victim} is an existing file, {new} a file that must not appear,
# {secret} a file that must not be read, {dir} the watched folder.
FORMS = [
    ("COPY (RETURN 'x' AS x) TO '{victim}'", "COPY … TO writes a file"),
    ("COPY (MATCH (a:Actor) RETURN a.name) TO '{new}'", "COPY … TO writes a file"),
    ("copy (RETURN 1 AS x) to 'relative.csv'", "COPY … TO writes a file"),
    ("COPY Actor FROM '{secret}'", "COPY … FROM reads a file"),
    ("LOAD FROM '{secret}' (file_format='csv', delim=':') RETURN *", "LOAD FROM reads a file"),
    ("LOAD WITH HEADERS (a STRING) FROM '{secret}' RETURN *", "LOAD FROM reads a file"),
    ("UNWIND [1] AS i LOAD FROM '{secret}' (file_format='csv') RETURN *", "LOAD FROM reads a file"),
    ("LOAD EXTENSION '{dir}/x.so'", "LOAD EXTENSION runs code"),
    ("LOAD EXTENSION httpfs", "LOAD EXTENSION runs code"),
    ("INSTALL httpfs", "INSTALL"),
    ("UNINSTALL httpfs", "UNINSTALL"),
    ("ATTACH '{new}' AS other (dbtype lbug)", "ATTACH opens another database file"),
    ("DETACH other", "DETACH"),
    ("USE other", "USE switches to another database"),
    ("EXPORT DATABASE '{dir}/export'", "EXPORT DATABASE writes files"),
    ("IMPORT DATABASE '{dir}'", "IMPORT DATABASE reads files"),
    ("CHECKPOINT", "CHECKPOINT rewrites the database files"),
    ("BEGIN TRANSACTION", "transaction statements"),
    ("BEGIN TRANSACTION READ ONLY", "transaction statements"),
    ("COMMIT", "transaction statements"),
    ("ROLLBACK", "transaction statements"),
    ("CALL threads=1", "changes the database's settings"),
    ("CALL home_directory='{dir}'", "changes the database's settings"),
    ("CALL current_setting('home_directory') RETURN *", "CALL current_setting() is not one of the read-only"),
    ("CALL project_graph('g', ['Actor'], ['RESPONSIBLE_FOR'])", "CALL project_graph() is not one of the read-only"),
    ("CALL clear_warnings()", "writes to the database"),
    ("CREATE (:Actor {id: 'intruder'})", "CREATE writes to the database"),
    ("MATCH (a:Actor) SET a.name = 'x'", "SET writes to the database"),
    ("MATCH (a:Actor) DELETE a", "DELETE writes to the database"),
    ("MATCH (m:Measure) DETACH DELETE m", "DETACH writes to the database"),
    ("MERGE (t:Topic {id: 'topic:x'})", "MERGE writes to the database"),
    ("MATCH (a:Actor), (m:Measure) CREATE (a)-[:RESPONSIBLE_FOR]->(m)", "CREATE writes to the database"),
    ("CREATE NODE TABLE Intruder(id STRING PRIMARY KEY)", "CREATE writes to the database"),
    ("CREATE REL TABLE Knows(FROM Actor TO Actor)", "CREATE writes to the database"),
    ("DROP TABLE Topic", "DROP writes to the database"),
    ("ALTER TABLE Actor ADD intruder STRING", "ALTER writes to the database"),
    ("COMMENT ON TABLE Actor IS 'x'", "COMMENT writes to the database"),
    ("CREATE MACRO plus(x) AS x + 1", "CREATE writes to the database"),
    ("CREATE SEQUENCE counter", "CREATE writes to the database"),
    ("RETURN 1 AS a; RETURN 2 AS b", "2 statements in one call"),
    ("MATCH (a:Actor) RETURN a.id LIMIT 1; CREATE (:Actor {id: 'intruder'})", "2 statements in one call"),
    ("RETURN 1 AS a;\nCHECKPOINT;", "2 statements in one call"),
    ("RETURN 1 AS x\x00; CREATE (:Actor {id: 'intruder'})", "NUL"),
    ("RETURN '\ud800' AS x", "not valid Unicode"),
    ("   ", "empty"),
    ("RETURN " + "(" * 3000 + "1" + ")" * 3000 + " AS x", "compil"),
]


@pytest.fixture
def victims(tmp_path, monkeypatch) -> Path:
    """A watched folder (also the working directory): a file to overwrite, a file to read."""
    folder = tmp_path / "victims"
    folder.mkdir()
    (folder / "victim.csv").write_text("original\n")
    (folder / "secret.txt").write_text("root:x:0:0:root:/root:/bin/bash\n")
    (folder / "x.so").write_bytes(b"not a library")
    monkeypatch.chdir(folder)
    return folder


def _fill(template: str, folder: Path) -> str:
    places = {"{victim}": folder / "victim.csv", "{new}": folder / "new.csv", "{secret}": folder / "secret.txt",
              "{dir}": folder}
    for place, path in places.items():
        template = template.replace(place, str(path))
    return template


@pytest.fixture(scope="module")
def original(sample_db) -> dict:
    return fingerprint(sample_db)


@pytest.mark.parametrize("read_only", [True, False], ids=["read-only", "read-write"])
@pytest.mark.parametrize(("template", "reason"), FORMS, ids=[f"{i:02d}" for i in range(len(FORMS))])
def test_every_write_file_and_control_form_is_refused(template, reason, read_only, original, sample_db, tmp_path,
                                                      victims):
    db = copy_store(sample_db, tmp_path / "db")
    files, db_files = snapshot(victims), snapshot(db.parent)
    with embedded(db, read_only=read_only) as store:
        with pytest.raises(CypherRefused) as refused:
            store.run_read_only(_fill(template, victims), limits=ReadLimits(seconds=2))
        assert str(refused.value).startswith("refused: ") and reason in str(refused.value)
        assert store.run_read_only("MATCH (a:Actor) RETURN count(a) AS n").rows == \
            [{"n": original["stats"]["nodes"]["Actor"]}]
    assert snapshot(victims) == files
    if read_only:
        assert snapshot(db.parent) == db_files  # not a byte of the database changed
        with embedded(db, read_only=True) as store:  # and it still opens read-only
            assert store.stats() == original["stats"]
    else:  # a read-write open rewrites the file itself: compare what it holds
        assert fingerprint(db) == original


def test_reads_run_with_their_rows(sample_db):
    with embedded(sample_db, read_only=True) as store:
        result = store.run_read_only("MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m:Measure) RETURN a.name AS name, "
                                     "count(m) AS n ORDER BY n DESC, name LIMIT 3")
        assert result.columns == ["name", "n"] and len(result.rows) == 3 and not result.truncated
        assert result.rows == store.run("MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m:Measure) RETURN a.name AS name, "
                                        "count(m) AS n ORDER BY n DESC, name LIMIT 3")
        quoted = store.run_read_only("RETURN 'COPY (RETURN 1) TO \\'x\\'; CHECKPOINT' AS s // ; DROP TABLE Actor")
        assert quoted.rows == [{"s": "COPY (RETURN 1) TO 'x'; CHECKPOINT"}]


def _unordered(rows: list[dict]) -> list[str]:
    return sorted(json.dumps(row, sort_keys=True, default=str) for row in rows)


@pytest.mark.parametrize("name", queries.names())
def test_every_named_query_passes_as_a_plain_read(name, sample_db):
    with embedded(sample_db, read_only=True) as store:
        params = parameters(sample_ids(store)).get(name, {})
        rows = store.run_read_only(queries.load(name, store.dialect), params, ReadLimits(rows=10**6)).rows
        assert _unordered(rows) == _unordered(store.query(name, params))


@pytest.mark.parametrize(("value", "accepted"), [
    (1, True), ("商业秘密", True), (None, True), (2.5, True), ({"a": [1, 2]}, True), ([1, 2], True),
    ([1, "a"], False), (2**70, False), ("\ud800", False), ([[]], False), (object(), False),
])
def test_parameters_of_any_type_give_rows_or_a_store_error(value, accepted, sample_db):
    with embedded(sample_db, read_only=True) as store:
        if accepted:
            assert len(store.run_read_only("RETURN $x AS v", {"x": value}).rows) == 1
        else:
            with pytest.raises(StoreError):
                store.run_read_only("RETURN $x AS v", {"x": value})


def test_the_row_limit_truncates_and_says_so(sample_db):
    with embedded(sample_db, read_only=True) as store:
        result = store.run_read_only("MATCH (m:Measure) RETURN m.id AS id ORDER BY id", limits=ReadLimits(rows=5))
        assert len(result.rows) == 5 and result.truncated


def test_the_time_limit_stops_a_long_query_and_the_connection_stays_usable(sample_db, tmp_path):
    db = copy_store(sample_db, tmp_path / "db")
    with embedded(db) as store:
        with pytest.raises(StoreError, match="time limit"):
            store.run_read_only("MATCH (a)-[*1..8]-(b) RETURN count(*) AS n", limits=ReadLimits(seconds=0.5))
        with pytest.raises(CypherRefused):
            store.run_read_only("CHECKPOINT")
        with pytest.raises(StoreError, match="Parser exception"):
            store.run_read_only("MATCH (a RETURN a")
        # No transaction was left open and no timeout left set: a write and a plain query still work.
        graph = PolicyGraph()
        graph.add_node("document:left-open", "Document", title="left open", source_file="left-open.txt")
        store.replace_documents(["document:left-open"], graph)
        assert store.run("MATCH (d:Document {id: 'document:left-open'}) RETURN d.title AS t") == [{"t": "left open"}]


def test_compiling_forever_is_refused_in_time(sample_db):
    nested = "RETURN " + "CASE WHEN true THEN " * 40 + "1" + " END" * 40 + " AS x"
    with embedded(sample_db, read_only=True) as store:
        with pytest.raises(CypherRefused, match="longer than 1 s to compile"):
            store.run_read_only(nested, limits=ReadLimits(seconds=1))
        assert store.run_read_only("RETURN 1 AS x").rows == [{"x": 1}]


# The plan check stands on its own: the forms the token screen stops before EXPLAIN are refused by their
# plans too, on a read-write connection with no screen in front.
@pytest.mark.parametrize(("statement", "reason"), [
    ("COPY (RETURN 'x' AS x) TO '{dir}/plan.csv'", "COPY … TO writes a file"),
    ("LOAD FROM '{dir}/secret.txt' (file_format='csv', delim=':') RETURN *", "LOAD FROM reads a file"),
    ("LOAD EXTENSION '{dir}/x.so'", "LOAD EXTENSION runs code"),
    ("INSTALL httpfs", "INSTALL downloads an extension"),
    ("ATTACH '{dir}/other.lbug' AS o (dbtype lbug)", "ATTACH opens another database file"),
    ("CREATE (:Actor {id: 'x'})", "it writes to the graph (INSERT)"),
    ("MATCH (a:Actor) SET a.name = 'x'", "it writes to the graph (SET_PROPERTY)"),
    ("MATCH (a:Actor) DETACH DELETE a", "it writes to the graph (DELETE)"),
    ("CREATE NODE TABLE T(id STRING PRIMARY KEY)", "it writes to the graph (CREATE_TABLE)"),
    ("CHECKPOINT", "CHECKPOINT rewrites"),
    ("CALL threads=1", "settings"),
])
def test_the_plan_alone_refuses_each_form(statement, reason, sample_db, tmp_path, victims):
    db = copy_store(sample_db, tmp_path / "db")
    conn = ladybug.Connection(ladybug.Database(str(db)))
    files = snapshot(victims)
    plan = conn.execute("EXPLAIN " + _fill(statement, victims)).get_next()[0]
    assert reason in ladybug_plan.refusal(ladybug_plan.parse_plan(plan))
    assert snapshot(victims) == files


READS = [
    "MATCH (n) RETURN count(n)",
    "MATCH (a:Actor) WHERE a.name CONTAINS '局' RETURN a.name SKIP 2 LIMIT 5",
    "MATCH (a:Actor {id: 'x'}) RETURN a",
    "MATCH ()-[r:RESPONSIBLE_FOR]->() RETURN count(r)",
    "MATCH (a:Actor) WHERE false RETURN a",
    "MATCH p = (a:Actor)-[* SHORTEST 1..3]->(m:Measure) RETURN p LIMIT 5",
    "MATCH (a:Actor) OPTIONAL MATCH (a)-[:RESPONSIBLE_FOR]->(m) RETURN a.name, collect(m.id)",
    "MATCH (a:Actor), (d:Document) RETURN a.name, d.title LIMIT 3",
    "MATCH (a:Actor)-[:RESPONSIBLE_FOR]->(m), (a)-[:RESPONSIBLE_FOR]->(n), (m)-[:ABOUT]->(t)<-[:ABOUT]-(n) RETURN count(*)",
    "MATCH (m:Measure) RETURN m ORDER BY m.id SKIP 3",
    "MATCH (m:Measure) RETURN m.kind, count(*) AS n ORDER BY n DESC",
    "MATCH (m:Measure) WITH m.kind AS k, collect(m.id) AS ids UNWIND ids AS i RETURN k, i LIMIT 4",
    "RETURN 1 UNION RETURN 2",
    "MATCH (d:Document) WHERE NOT EXISTS { MATCH (d)-[:CITES]->() } RETURN d.id",
    "CALL show_tables() RETURN *",
    "CALL table_info('Actor') RETURN *",
    "CALL show_connection('RESPONSIBLE_FOR') RETURN *",
]


def test_the_read_operators_are_the_ones_reads_use(sample_db):
    """Every read passes, and every operator allowed is one that a read was seen to use (no guesses)."""
    seen: set[str] = set()
    conn = ladybug.Connection(ladybug.Database(sample_db, read_only=True))  # the plan text, as it is judged
    with embedded(sample_db, read_only=True) as store:
        ids = sample_ids(store)
        named = [(queries.load(n, store.dialect), parameters(ids).get(n, {})) for n in queries.names()]
        for statement, params in [(s, {}) for s in READS] + named:
            plan = ladybug_plan.parse_plan(conn.execute("EXPLAIN " + statement, params).get_next()[0])
            assert ladybug_plan.refusal(plan) is None, statement
            seen |= set(plan.operators.values())
    assert seen == ladybug_plan.READ_OPERATORS


def test_an_unreadable_plan_is_refused():
    assert "could not be read" in ladybug_plan.refusal(ladybug_plan.parse_plan("no operators here"))
    gap = "│ RESULT_COLLECTOR[2] │ … │ SCAN_NODE_TABLE[0] │"
    assert "could not be read" in ladybug_plan.refusal(ladybug_plan.parse_plan(gap))


@pytest.mark.parametrize(("text", "statements", "clause"), [
    ("RETURN ';' AS s", 1, None),
    ("RETURN \"a\\\";b\" AS s; RETURN 2", 2, None),
    ("RETURN 1 /* ; */ AS x // ;", 1, None),
    ("MATCH (n:`LOAD FROM`) RETURN n", 1, None),
    ("MATCH (load) WITH load AS copy RETURN copy", 1, None),
    ("RETURN 'LOAD FROM x' AS s", 1, None),
    ("load/**/from 'f' RETURN *", 1, "LOAD FROM reads a file"),
    ("COPY Actor FROM (MATCH (a) RETURN a)", 1, "COPY … FROM reads a file into the store"),
    ("RETURN 1; COPY (RETURN 1) TO 'x'", 2, "COPY … TO writes a file"),
])
def test_statements_are_split_and_screened_by_tokens(text, statements, clause):
    assert count_statements(text) == statements
    assert file_clause(text) == clause


def test_cli_cypher_prints_rows_refuses_and_limits(sample_db, tmp_path):
    db = str(copy_store(sample_db, tmp_path / "db"))
    runner = CliRunner()
    rows = runner.invoke(main, ["cypher", "MATCH (m:Measure) RETURN m.id AS id ORDER BY id", "--limit", "3",
                                "--db", db])
    assert rows.exit_code == 0
    assert len([json.loads(line) for line in rows.stdout.splitlines()]) == 3
    assert "stopped after 3 rows" in rows.stderr
    copy = runner.invoke(main, ["cypher", f"COPY (RETURN 1 AS x) TO '{tmp_path / 'x.csv'}'", "--db", db])
    assert copy.exit_code == 2 and "refused: COPY … TO writes a file" in copy.output
    assert not (tmp_path / "x.csv").exists()
    slow = runner.invoke(main, ["cypher", "MATCH (a)-[*1..8]-(b) RETURN count(*)", "--timeout", "0.5", "--db", db])
    assert slow.exit_code == 2 and "time limit" in slow.output
