"""The embedded LadybugDB store: round trip, idempotent reloads, replacement, atomic failure."""

import pytest

from graph.model import PolicyGraph
from graph.stores import StoreError
from loaders.pipeline import load_document
from tests.conftest import embedded, write

PLAN = """关于印发某县垃圾分类工作方案的通知
某县人民政府
2025年3月1日
某县垃圾分类工作方案
一、工作目标
到2026年，全县生活垃圾回收利用率达到40%以上。
二、重点任务
1. 建设分类设施。新建标准化收集点{n}个。（牵头单位：县城管局；配合单位：县住建局）
2. 开展宣传教育。组织进社区宣传活动。（县委宣传部负责）
"""


def test_export_round_trips_the_written_graph(sample_db, sample_result):
    with embedded(sample_db, read_only=True) as store:
        exported = store.export().to_dict()
    assert exported == sample_result.graph.to_dict()


def test_loading_twice_changes_nothing(tmp_path, sample_result):
    with embedded(tmp_path / "db") as store:
        ids = [d.doc_id for d in sample_result.documents]
        store.replace_documents(ids, sample_result.graph)
        first = store.stats()
        store.replace_documents(ids, sample_result.graph)
        assert store.stats() == first


def test_a_changed_document_replaces_only_its_subgraph(tmp_path, sample_result):
    plan = write(tmp_path, "plan.txt", PLAN.format(n=50))
    with embedded(tmp_path / "db") as store:
        store.replace_documents([d.doc_id for d in sample_result.documents], sample_result.graph)
        original = load_document(plan)
        store.replace_documents([original.doc_id], original.graph)
        before = store.stats()
        changed = load_document(write(tmp_path, "plan.txt", PLAN.format(n=80)))
        store.replace_documents([changed.doc_id], changed.graph)
        assert store.stats() == before
        values = [r["v"] for r in store.run("MATCH (t:Target {doc_id: $d}) RETURN t.value AS v ORDER BY v",
                                              {"d": changed.doc_id})]
        assert values == [40.0, 80.0]


def test_a_failed_write_leaves_the_store_unchanged(tmp_path, sample_result):
    with embedded(tmp_path / "db") as store:
        store.replace_documents([d.doc_id for d in sample_result.documents], sample_result.graph)
        before = store.export().to_dict()
        broken = PolicyGraph()
        broken.merge(sample_result.documents[0].graph)
        broken.add_relationship("RESPONSIBLE_FOR", "actor:missing", next(iter(broken.nodes)))
        with pytest.raises(StoreError):
            store.replace_documents([sample_result.documents[0].doc_id], broken)
        assert store.export().to_dict() == before


def test_malformed_cypher_is_a_clear_error(sample_db):
    with embedded(sample_db, read_only=True) as store, pytest.raises(StoreError, match="Parser exception"):
        store.run("MATCH (a RETURN a")


def test_read_only_store_refuses_writes(sample_db):
    with embedded(sample_db, read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        store.run("CREATE (:Actor {id: 'x'})")


def test_opening_a_missing_database_read_only_says_what_to_do(tmp_path):
    with pytest.raises(StoreError, match="load documents first"):
        embedded(tmp_path / "absent", read_only=True)


def test_a_store_from_an_older_release_gains_the_new_properties(tmp_path, sample_result):
    import ladybug

    path = tmp_path / "old.lbug"
    db = ladybug.Database(str(path))
    conn = ladybug.Connection(db)
    conn.execute("CREATE NODE TABLE Actor(id STRING, name STRING, aliases STRING[], region STRING, PRIMARY KEY (id))")
    conn.execute("CREATE (:Actor {id: 'actor:old', name: '市旧局', aliases: ['市旧局'], region: '某市'})")
    conn.close()
    db.close()
    with embedded(path) as store:
        old = store.run("MATCH (a:Actor {id: 'actor:old'}) RETURN a.name AS name, a.kind AS kind")
        assert old == [{"name": "市旧局", "kind": None}]  # kept, with the new column
        store.replace_documents([d.doc_id for d in sample_result.documents], sample_result.graph)
        assert store.run("MATCH (a:Actor) WHERE a.kind = 'court' RETURN a.name AS name")


def test_a_bulk_copy_that_fails_midway_rolls_back_whole(tmp_path, sample_result, monkeypatch):
    import graph.stores.ladybug as ladybug_store

    monkeypatch.setattr(ladybug_store, "COPY_FROM", 1)  # every label and edge type through COPY
    monkeypatch.setattr(ladybug_store, "ELEMENTS_PER_MB", 0)
    with embedded(tmp_path / "db") as store:
        store.replace_documents([d.doc_id for d in sample_result.documents], sample_result.graph)
        before = store.export().to_dict()
        changed = PolicyGraph()
        changed.merge(sample_result.documents[0].graph)
        target = changed.by_label("Target")[0]
        target.properties["value"] = "not a number"  # refused when the Target table is built, after other COPYs
        with pytest.raises(StoreError):
            store.replace_documents([sample_result.documents[0].doc_id], changed)
        assert store.export().to_dict() == before


def test_a_read_transaction_keeps_its_snapshot_across_a_commit_and_a_checkpoint(tmp_path, sample_result,
                                                                                 monkeypatch):
    import graph.stores.ladybug as ladybug_store

    monkeypatch.setattr(ladybug_store, "ELEMENTS_PER_MB", 0)  # a bulk write: COPY, COMMIT, then CHECKPOINT
    monkeypatch.setattr(ladybug_store, "COPY_FROM", 1)
    plan = load_document(write(tmp_path, "plan.txt", PLAN.format(n=50)))
    with embedded(tmp_path / "db") as store:
        store.replace_documents([d.doc_id for d in sample_result.documents], sample_result.graph)
        with store.reader() as before:
            old = (before.version(), before.stats(), before.export().to_dict())
            times = store.replace_documents([plan.doc_id], plan.graph)  # commits and checkpoints meanwhile
            assert (before.version(), before.stats(), before.export().to_dict()) == old
        with store.reader() as after:
            assert after.version() == times.version == old[0] + 1
            assert after.stats()["nodes"]["Document"] > old[1]["nodes"]["Document"]
