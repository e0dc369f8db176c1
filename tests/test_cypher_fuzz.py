"""Generated Cypher thrown at run_read_only on a real embedded store: reads, writes, file access, procedure
calls, settings, transactions, random tokens, mutations, unicode and NUL garbage, several statements at once,
parameters of every type.
Afterwards the store holds the same graph (counts, a hash of its export, its tables), its files and a watched
folder of victim files are unchanged, and no call raised anything but StoreError (CypherRefused included).
A short run is part of make test; make fuzz runs 10,000 statements on a read-only and 2,000 on a read-write
open."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.readonly import CypherRefused, ReadLimits, ReadResult
from graph.stores import StoreError
from tests.conftest import embedded
from tests.guards import copy_store, fingerprint, snapshot

READS = [
    "MATCH (a:Actor) RETURN a.name", "MATCH (a:Actor) RETURN a.name ORDER BY a.name SKIP 2 LIMIT 3",
    "MATCH (m:Measure)-[:PART_OF]->(d:Document) RETURN d.title, count(m)", "UNWIND [1, 2, 3] AS x RETURN x",
    "RETURN 1 AS x", "MATCH (n) RETURN labels(n), count(*)", "CALL show_tables() RETURN *",
    "MATCH p = (a:Actor)-[*1..2]->(b) RETURN length(p) LIMIT 3", "MATCH (a:Actor {id: 'x'}) RETURN a",
    "MATCH (a:Actor) WHERE a.name CONTAINS '局' RETURN a.id", "MATCH (t:Target) RETURN avg(t.value), max(t.value)",
    "MATCH (a:Actor) OPTIONAL MATCH (a)-[r:RESPONSIBLE_FOR]->(m) RETURN a.id, count(r)",
    "MATCH (d:Document) WHERE NOT EXISTS { MATCH (d)-[:CITES]->() } RETURN d.id", "RETURN 1 UNION RETURN 2",
    "MATCH (m:Measure) WITH m.kind AS k, collect(m.id) AS ids RETURN k, size(ids)", "CALL table_info('Measure') RETURN *",
]
WRITES = [
    "CREATE (:Actor {id: 'fuzz'})", "MATCH (a:Actor) SET a.name = 'fuzz'", "MATCH (a:Actor) DETACH DELETE a",
    "MATCH (m:Measure) DELETE m", "MERGE (t:Topic {id: 'fuzz'})", "MATCH (a:Actor) REMOVE a.name",
    "CREATE NODE TABLE Fuzz(id STRING PRIMARY KEY)", "DROP TABLE Topic", "ALTER TABLE Actor ADD fuzz STRING",
    "CREATE MACRO fz(x) AS x", "CREATE SEQUENCE fzs", "COMMENT ON TABLE Actor IS 'fuzz'",
    "MATCH (a:Actor), (m:Measure) CREATE (a)-[:RESPONSIBLE_FOR {role: 'fuzz'}]->(m)",
    "CREATE REL TABLE Fz(FROM Actor TO Actor)", "MATCH (a:Actor) WITH a LIMIT 1 SET a.kind = 'fuzz' RETURN a",
]
FILES = [
    "COPY (RETURN 'x' AS x) TO '{dir}/victim.csv'", "COPY (MATCH (a:Actor) RETURN a.name) TO '{dir}/new.parquet'",
    "COPY (RETURN 1 AS x) TO 'relative.csv'", "COPY Actor FROM '{dir}/secret.txt'",
    "LOAD FROM '{dir}/secret.txt' (file_format='csv', delim=':') RETURN *",
    "LOAD WITH HEADERS (a STRING) FROM '{dir}/secret.txt' RETURN *", "EXPORT DATABASE '{dir}/export'",
    "IMPORT DATABASE '{dir}'", "ATTACH '{dir}/other.lbug' AS o (dbtype lbug)", "INSTALL httpfs",
    "LOAD EXTENSION '{dir}/x.so'", "UNINSTALL json", "LOAD EXTENSION httpfs",
]
CONTROL = [
    "CHECKPOINT", "BEGIN TRANSACTION", "BEGIN TRANSACTION READ ONLY", "COMMIT", "ROLLBACK", "CALL threads=1",
    "CALL home_directory='{dir}'", "CALL file_search_path='{dir}'", "CALL timeout=1", "USE o", "DETACH o",
    "CALL project_graph('g', ['Actor'], ['RESPONSIBLE_FOR'])", "CALL clear_warnings()",
    "CALL current_setting('home_directory') RETURN *", "CALL show_attached_databases() RETURN *",
]
FRAGMENTS = READS + WRITES + FILES + CONTROL
TOKENS = ["MATCH", "RETURN", "WITH", "WHERE", "CREATE", "SET", "DELETE", "DETACH", "MERGE", "COPY", "TO", "FROM",
          "LOAD", "INSTALL", "ATTACH", "EXPORT", "IMPORT", "DATABASE", "CALL", "YIELD", "UNWIND", "AS", "UNION",
          "CHECKPOINT", "BEGIN", "TRANSACTION", "COMMIT", "(", ")", "[", "]", "{", "}", ":", ";", ",", ".", "-",
          "->", "<-", "*", "=", "'", '"', "`", "/*", "*/", "//", "\n", "$id", "a", "n", "Actor", "Measure", "1", "0.5",
          "'x'", "'{dir}/victim.csv'", "true", "null", "count(*)", "EXTENSION", "httpfs", "LIMIT", "ORDER BY"]
PARAMETERS = [{"id": "x"}, {}, {"id": 1}, {"id": [1, "a"]}, {"id": {"a": [1]}}, {"id": "\ud800"}, {1: 2},
              {"id": None}, {"id": 2**70}]
GARBAGE = ["\x00", "\ud800", "\udfff", "\u202e", "\ufeff", "\u3000", "；", "＂", "（", "🙂", "\x1b[2J", "\\",
           "\u00a0", "\r", "\t", "É", "中"]


def _mutate(rng: random.Random, text: str) -> str:
    at = rng.randrange(len(text) + 1)
    match rng.randrange(8):
        case 0:
            return text[:at] + f" {rng.choice(TOKENS)} " + text[at:]
        case 1:
            return text[:at] + text[at + rng.randrange(1, 12):]
        case 2:
            return text[:at] + text[max(0, at - 15):at] + text[at:]
        case 3:
            return text[:at] + rng.choice(GARBAGE) + text[at:]
        case 4:
            return text + "; " + rng.choice(FRAGMENTS)
        case 5:
            return text[:at] + rng.choice(["/*", "'", '"', "`", "//"]) + text[at:]
        case 6:
            return text[:at] + text[at:].swapcase()
        case _:
            return text[:at] + rng.choice([" ", "\n", "\u2028", "/* ; */", "\u00a0"]) + text[at:]


def statements(seed: int, count: int, folder: Path) -> Iterator[str]:
    rng = random.Random(seed)
    for _ in range(count):
        roll = rng.random()
        if roll < 0.25:
            text = rng.choice(FRAGMENTS)
        elif roll < 0.55:
            text = rng.choice(FRAGMENTS)
            for _ in range(rng.randint(1, 4)):
                text = _mutate(rng, text)
        elif roll < 0.75:
            glue = rng.choice([" ", "; ", " UNION ", "\n", " WITH * ", ";\n"])
            text = glue.join(rng.choice(FRAGMENTS) for _ in range(rng.randint(2, 3)))
        elif roll < 0.9:
            text = " ".join(rng.choice(TOKENS + GARBAGE) for _ in range(rng.randint(1, 30)))
        elif roll < 0.998:
            text = "".join(chr(rng.randrange(1, 0x3000)) for _ in range(rng.randint(1, 80)))
        else:
            depth = rng.choice([100, 1500])
            text = "RETURN " + "(" * depth + "1" + ")" * depth
        yield text.replace("{dir}", str(folder))


def _fuzz(sample_db: str, tmp_path: Path, monkeypatch, seed: int, count: int, read_only: bool) -> Counter:
    victims = tmp_path / "victims"
    victims.mkdir()
    (victims / "victim.csv").write_text("original\n")
    (victims / "secret.txt").write_text("root:x:0:0:root:/root:/bin/bash\n")
    (victims / "x.so").write_bytes(b"not a library")
    monkeypatch.chdir(victims)  # relative paths land here
    db = copy_store(sample_db, tmp_path / "db")
    before, files, db_files = fingerprint(db), snapshot(victims), snapshot(db.parent)
    outcomes: Counter = Counter()
    unexpected = []
    with embedded(db, read_only=read_only) as store:
        for index, text in enumerate(statements(seed, count, victims)):
            try:
                result = store.run_read_only(text, PARAMETERS[index % len(PARAMETERS)], ReadLimits(seconds=1, rows=20))
                assert isinstance(result, ReadResult)
                outcomes["read"] += 1
            except CypherRefused as refused:
                outcomes["refused: " + refused.reason.split(" ")[0]] += 1
            except StoreError:
                outcomes["error"] += 1
            except BaseException as exc:  # the point: nothing else may escape
                unexpected.append((text, repr(exc)))
    assert not unexpected, unexpected[:5]
    assert snapshot(victims) == files
    if read_only:
        assert snapshot(db.parent) == db_files
    assert fingerprint(db) == before
    # The generator reached every kind of outcome.
    assert outcomes["read"] and outcomes["error"]
    assert sum(n for k, n in outcomes.items() if k.startswith("refused")) > count // 10
    return outcomes


@pytest.mark.parametrize("read_only", [True, False], ids=["read-only", "read-write"])
def test_generated_statements_leave_store_and_files_unchanged(read_only, sample_db, tmp_path, monkeypatch):
    _fuzz(sample_db, tmp_path, monkeypatch, seed=10 + read_only, count=200, read_only=read_only)


@pytest.mark.slow
@pytest.mark.parametrize(("read_only", "count"), [(True, 10_000), (False, 2_000)], ids=["read-only", "read-write"])
def test_ten_thousand_generated_statements(read_only, count, sample_db, tmp_path, monkeypatch):
    outcomes = _fuzz(sample_db, tmp_path, monkeypatch, seed=2024 + read_only, count=count, read_only=read_only)
    print(dict(outcomes.most_common()))
