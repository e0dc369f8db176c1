"""Loading again: unchanged documents are skipped, a changed one replaces only its own subgraph, shared nodes
nothing refers to any more are removed, and a load killed half-way leaves the previous graph intact."""

import os
import shutil
import signal
import subprocess
import sys
import textwrap

from click.testing import CliRunner

from api.cli import main
from tests.conftest import ROOT, embedded, write

PLAN = """某市垃圾分类工作方案
为贯彻落实《{cited}》，制定本方案。
一、重点任务
1. 建设分类设施。新建标准化收集点{n}个。（牵头单位：市城管局；配合单位：{partner}）
2. 开展宣传教育。组织垃圾分类进社区宣传活动。（市委宣传部负责）
"""


def _load(*args: str):
    return CliRunner().invoke(main, ["load", *args])


def _documents(db) -> dict[str, dict]:
    with embedded(db, read_only=True) as store:
        graph = store.export()
    return {d.id: d.properties for d in graph.by_label("Document")}


def _subgraph(db, doc_id: str) -> dict:
    """Everything a document owns, as exported."""
    with embedded(db, read_only=True) as store:
        data = store.export().to_dict()
    return {"nodes": [n for n in data["nodes"] if n["properties"].get("doc_id") == doc_id],
            "relationships": [r for r in data["relationships"] if r["properties"].get("doc_id") == doc_id]}


def test_loading_the_samples_twice_then_one_changed_sample(tmp_path, samples):
    corpus = tmp_path / "corpus"
    shutil.copytree(samples, corpus)
    db = str(tmp_path / "db")
    first = _load(str(corpus), "--db", db)
    assert first.exit_code == 0 and "loaded 4 document(s)" in first.output
    with embedded(db, read_only=True) as store:
        before, hashes = store.stats(), store.document_hashes()
    again = _load(str(corpus), "--db", db)
    assert again.exit_code == 0 and "loaded 0 document(s), 4 unchanged" in again.output
    with embedded(db, read_only=True) as store:
        assert store.stats() == before

    changed = next(p for p in sorted(corpus.glob("*.txt")) if "到2025年" in p.read_text(encoding="utf-8"))
    changed.write_text(changed.read_text(encoding="utf-8").replace("到2025年", "到2027年"), encoding="utf-8")
    doc_of = {props["source_file"]: doc_id for doc_id, props in _documents(db).items() if props.get("source_file")}
    untouched = {doc_id: _subgraph(db, doc_id) for name, doc_id in doc_of.items() if name != changed.name}
    third = _load(str(corpus), "--db", db)
    assert third.exit_code == 0 and "loaded 1 document(s), 3 unchanged" in third.output
    with embedded(db, read_only=True) as store:
        after = store.document_hashes()
    assert len(after) == 4 and set(after) - set(hashes) and len(set(after) & set(hashes)) == 3
    assert {doc_id: _subgraph(db, doc_id) for doc_id in untouched} == untouched
    with embedded(db, read_only=True) as store:
        dues = {r["due"] for r in store.run("MATCH (t:Target {doc_id: $d}) RETURN t.due AS due",
                                            {"d": doc_of[changed.name]})}
    assert "2027" in " ".join(filter(None, dues)) and not any((d or "").startswith("2025") for d in dues)
    assert "--force" in _load("--help").output
    forced = _load(str(corpus), "--db", db, "--force")
    assert "loaded 4 document(s)" in forced.output


def test_shared_nodes_go_when_nothing_refers_to_them(tmp_path):
    db = str(tmp_path / "db")
    plan = write(tmp_path, "plan.txt", PLAN.format(cited="甲市环境卫生条例", n=50, partner="市住建局"))
    assert _load(str(plan), "--db", db).exit_code == 0
    with embedded(db, read_only=True) as store:
        names = {r["name"] for r in store.run("MATCH (a:Actor) RETURN a.name AS name")}
        cited = {r["t"] for r in store.run("MATCH (d:Document) WHERE d.source_file IS NULL RETURN d.title AS t")}
    assert "市住建局" in names and cited == {"甲市环境卫生条例"}
    write(tmp_path, "plan.txt", PLAN.format(cited="甲市市容管理办法", n=50, partner="市交通局"))
    assert _load(str(plan), "--db", db).exit_code == 0
    with embedded(db, read_only=True) as store:
        names = {r["name"] for r in store.run("MATCH (a:Actor) RETURN a.name AS name")}
        cited = {r["t"] for r in store.run("MATCH (d:Document) WHERE d.source_file IS NULL RETURN d.title AS t")}
        topics = store.run("MATCH (t:Topic) WHERE NOT EXISTS { MATCH (t)<-[:ABOUT]-() } RETURN t.name AS name")
    assert "市住建局" not in names and {"市交通局", "市城管局", "市委宣传部"} <= names
    assert cited == {"甲市市容管理办法"} and topics == []


def test_a_retitled_document_replaces_the_version_from_the_same_file(tmp_path):
    db = str(tmp_path / "db")
    plan = write(tmp_path, "plan.txt", PLAN.format(cited="甲市环境卫生条例", n=50, partner="市住建局"))
    _load(str(plan), "--db", db)
    write(tmp_path, "plan.txt", PLAN.format(cited="甲市环境卫生条例", n=50, partner="市住建局")
          .replace("某市垃圾分类工作方案", "某市生活垃圾分类实施方案"))
    _load(str(plan), "--db", db)
    loaded = [p["title"] for p in _documents(db).values() if p.get("source_file")]
    assert loaded == ["某市生活垃圾分类实施方案"]
    with embedded(db, read_only=True) as store:
        assert store.run("MATCH (m:Measure) RETURN count(m) AS n") == [{"n": 2}]


KILLER = textwrap.dedent("""
    import os, signal, sys
    from graph.stores import writer
    from api.cli import main

    def write_then_die(*args):
        original(*args)  # every relationship written, nothing committed
        os.kill(os.getpid(), signal.SIGKILL)

    original = writer._write_relationships
    writer._write_relationships = write_then_die
    main(["load", "--force", *sys.argv[1:]])
""")


def test_a_load_killed_half_way_leaves_the_previous_graph_intact(tmp_path, samples):
    db = str(tmp_path / "db")
    assert _load(str(samples), "--db", db).exit_code == 0
    with embedded(db, read_only=True) as store:
        before = store.export().to_dict()
    changed = write(tmp_path, "plan.txt", PLAN.format(cited="甲市环境卫生条例", n=50, partner="市住建局"))
    killed = subprocess.run([sys.executable, "-c", KILLER, str(samples), str(changed), "--db", db],
                            cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    with embedded(db, read_only=True) as store:
        assert store.export().to_dict() == before
