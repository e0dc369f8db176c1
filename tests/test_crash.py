"""kill -9 at random points of a write: afterwards the store opens by itself (through `policykg serve` and
through a CLI reader, alternately) and holds the previous graph, or the new one if the kill came after the
commit; never anything else, and no manual step. Five trials in `make test`, a hundred in `make fuzz`."""

import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time

import httpx
import pytest
from click.testing import CliRunner

from api.cli import main
from api.settings import Settings
from loaders.pipeline import load_paths
from tests.conftest import ROOT, embedded, serving
from tests.test_concurrent_loads import PLANS

# A `policykg load --force` whose process is killed (SIGKILL) `delay` seconds after its write begins; the
# write is a bulk one (COPY, then a checkpoint) or a row-wise one (the log, checkpointed at close).
KILLED_LOAD = textwrap.dedent("""
    import os, signal, sys, threading
    import graph.stores.ladybug as embedded
    from graph.stores.ladybug import LadybugStore
    from api.cli import main

    if sys.argv.pop(1) == "bulk":
        embedded.COPY_FROM, embedded.ELEMENTS_PER_MB = 1, 0

    write = LadybugStore.replace_documents

    def write_and_be_killed(self, doc_ids, graph):
        threading.Timer(float(sys.argv[1]), lambda: os.kill(os.getpid(), signal.SIGKILL)).start()
        return write(self, doc_ids, graph)

    LadybugStore.replace_documents = write_and_be_killed
    main(["load", "--force", *sys.argv[2:]])
""")


@pytest.fixture(scope="module")
def corpora(tmp_path_factory, samples):
    """Two corpora (the samples with one plan in two versions) and the graph each gives."""
    found = {}
    for version, text in PLANS.items():
        folder = tmp_path_factory.mktemp(version)
        shutil.copytree(samples, folder, dirs_exist_ok=True)
        (folder / "plan.txt").write_text(text.format(n=30), encoding="utf-8")
        result = load_paths([folder])
        with embedded(tmp_path_factory.mktemp("fresh") / "db.lbug") as store:
            store.replace_documents([d.doc_id for d in result.documents], result.graph)
            found[version] = (folder, store.export().to_dict())
    return found


@pytest.fixture(scope="module")
def write_seconds(tmp_path_factory, corpora, monkeypatch_module) -> float:
    """How long the slower kind of write (bulk or row-wise) takes to replace one corpus by the other here,
    checkpoint included: the kills are spread over one and a half times that."""
    import graph.stores.ladybug as embedded_store

    longest = 0.0
    for copy_from, per_mb in ((1, 0), (embedded_store.COPY_FROM, embedded_store.ELEMENTS_PER_MB)):  # bulk, rows
        monkeypatch_module.setattr(embedded_store, "COPY_FROM", copy_from)
        monkeypatch_module.setattr(embedded_store, "ELEMENTS_PER_MB", per_mb)
        db = tmp_path_factory.mktemp("timing") / "db.lbug"
        for version in ("old", "new"):
            result = load_paths([corpora[version][0]])
            with embedded(db) as store:
                started = time.perf_counter()
                store.replace_documents([d.doc_id for d in result.documents], result.graph)
                seconds = time.perf_counter() - started
        longest = max(longest, seconds)
    return longest


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def _served_stats(db: str) -> dict:
    with serving(Settings(db=db)) as url:
        response = httpx.get(url + "/api/stats", timeout=30)
        assert response.status_code == 200, response.text
        assert httpx.get(url + "/api/documents", timeout=30).status_code == 200
        return response.json()


def _cli_stats(db: str) -> str:
    result = CliRunner().invoke(main, ["stats", "--db", db])
    assert result.exit_code == 0, result.output
    return result.output


def trials(tmp_path, corpora, write_seconds: float, count: int, seed: int) -> dict[str, int]:
    """`count` killed loads alternating the two corpora; returns how often the kill left each graph."""
    rng = random.Random(seed)
    db = str(tmp_path / "db.lbug")
    assert CliRunner().invoke(main, ["load", str(corpora["old"][0]), "--db", db]).exit_code == 0
    graphs = {version: graph for version, (_, graph) in corpora.items()}
    state = "old"
    outcomes = {"previous": 0, "new": 0}
    for trial in range(count):
        target = "new" if state == "old" else "old"
        delay = rng.uniform(0, 1.5 * write_seconds)
        kind = "bulk" if trial % 4 < 2 else "rows"
        killed = subprocess.run([sys.executable, "-c", KILLED_LOAD, kind, f"{delay:.4f}", str(corpora[target][0]),
                                 "--db", db], cwd=ROOT, capture_output=True, text=True, timeout=300,
                                env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert killed.returncode == -signal.SIGKILL, killed.stderr
        # Open it as the next user would: the server (read-write) or a CLI reader (read-only), no manual step.
        if trial % 2 == 0:
            counts = _served_stats(db)
        else:
            assert "Document" in _cli_stats(db)
            counts = None
        with embedded(db, read_only=True) as store:
            graph = store.export().to_dict()
            stats = store.stats()
        assert graph in (graphs[state], graphs[target]), f"trial {trial}: neither graph after a {kind} write killed " \
                                                         f"at {delay:.3f} s"
        assert counts is None or counts == stats
        outcomes["new" if graph == graphs[target] and graph != graphs[state] else "previous"] += 1
        state = target if graph == graphs[target] else state
    return outcomes


def test_five_kills_during_writes_leave_a_store_that_opens_by_itself(tmp_path, corpora, write_seconds):
    outcomes = trials(tmp_path, corpora, write_seconds, count=5, seed=11)
    assert sum(outcomes.values()) == 5


@pytest.mark.slow
def test_a_hundred_kills_during_writes(tmp_path, corpora, write_seconds):
    outcomes = trials(tmp_path, corpora, write_seconds, count=100, seed=12)
    print(f"after 100 kills: {outcomes}")
    assert outcomes["previous"] > 10 and outcomes["new"] > 10  # kills landed before and after commits
