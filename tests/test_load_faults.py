"""Loads that survive any file: a folder mixing the good samples with every bad kind loads every good file,
names every bad one with its reason, exits 1 and stays under 1 GB of memory (the whole process tree,
sampled); --strict writes nothing; a file that outlives its time limit or kills its worker is reported by
name while the others load."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest

from graph.isolation import Failure
from loaders.errors import LoadError
from loaders.pipeline import _failed, load_paths
from tests.badfiles import BAD, GOOD, SAMPLE
from tests.conftest import SAMPLES, embedded
from tests.guards import copy_store, fingerprint
from tests.twins import to_docx, to_html, to_pdf

POLICYKG = Path(sys.executable).parent / "policykg"
GIGABYTE = 1 << 30


def mixed_folder(folder: Path) -> Path:
    folder.mkdir()
    for sample in SAMPLES.glob("*.txt"):
        shutil.copy(sample, folder)
    for name, (make, _) in BAD.items():
        make(folder / name)
    for name, (make, _) in GOOD.items():
        make(folder / name)
    return folder


def run_measured(args: list[str]) -> tuple[subprocess.CompletedProcess, int]:
    """Run policykg with `args`; its result and the peak resident memory of its process tree (bytes)."""
    process = subprocess.Popen([str(POLICYKG), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watched, peak = psutil.Process(process.pid), 0

    def sample() -> None:
        nonlocal peak
        while process.poll() is None:
            try:
                tree = [watched, *watched.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.01)

    sampler = threading.Thread(target=sample)
    sampler.start()
    stdout, stderr = process.communicate(timeout=600)
    sampler.join()
    return subprocess.CompletedProcess(args, process.returncode, stdout, stderr), peak


def test_every_good_file_loads_and_every_bad_one_is_named_within_a_gigabyte(tmp_path):
    folder = mixed_folder(tmp_path / "in")
    db = tmp_path / "db.lbug"
    result, peak = run_measured(["load", str(folder), "--db", str(db), "--jobs", "2"])
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    skipped = {line.split(":", 1)[0].removeprefix("skipped "): line for line in result.stderr.splitlines()
               if line.startswith("skipped ")}
    assert set(skipped) == set(BAD)
    for name, (_, reason) in BAD.items():
        assert reason in skipped[name], skipped[name]
    good = 4 + len(GOOD)
    assert f"loaded {good} document(s), {len(BAD)} failed" in result.stdout
    assert peak < GIGABYTE, f"{peak >> 20} MB"
    with embedded(db, read_only=True) as store:
        titles = {r["f"]: r["t"] for r in store.run("MATCH (d:Document) WHERE d.source_file IS NOT NULL "
                                                     "RETURN d.source_file AS f, d.title AS t")}
    assert set(titles) >= {p.name for p in SAMPLES.glob("*.txt")} | set(GOOD)
    assert {name: titles[name] for name in GOOD} == {name: title for name, (_, title) in GOOD.items()}


def test_strict_stops_at_a_bad_file_and_writes_nothing(sample_db, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "003_0fb3931b758341ce.txt", folder / "changed.txt")
    (folder / "changed.txt").write_text(SAMPLE + "\n五、附则\n本方案自印发之日起施行。\n", encoding="utf-8")
    BAD["deep.html"][0](folder / "deep.html")
    db = copy_store(sample_db, tmp_path / "db")
    before = fingerprint(db)
    result = subprocess.run([str(POLICYKG), "load", str(folder), "--db", str(db), "--strict"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1 and "deep.html" in result.stderr and "nothing was written" in result.stderr
    assert fingerprint(db) == before


def test_a_file_past_its_time_limit_is_named_and_the_others_load(tmp_path):
    slow = to_pdf(SAMPLE * 25, tmp_path / "long.pdf")  # about 250 pages: 10 s or more to lay out
    fast = shutil.copy(SAMPLES / "003_0fb3931b758341ce.txt", tmp_path / "short.txt")
    result = load_paths([slow, Path(fast)], jobs=2, seconds=3)
    assert [d.source_file for d in result.documents] == ["short.txt"]
    (error,) = result.errors
    assert error.source == "long.pdf" and "gave up on it" in error.problem and "limit: time per file" in error.problem


def test_a_worker_that_dies_is_reported_as_a_bug_with_the_file_named():
    crash = _failed(Path("x.pdf"), Failure("crash", "crashed (SIGSEGV)"))
    assert str(crash) == "x.pdf: policykg could not parse it: its parser crashed (SIGSEGV) — please report it " \
                         "with the file"
    bug = _failed(Path("y.html"), Failure("error", "IndexError: list index out of range (at loaders/x.py:9)"))
    assert str(bug) == ("y.html: policykg could not parse it: internal error IndexError: list index out of range "
                        "(at loaders/x.py:9) — please report it with the file")


def test_paths_that_are_not_files_are_named(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # reading it would block for ever
    result = load_paths([fifo, tmp_path / "missing.txt", Path("/dev/zero")], jobs=1)
    assert [str(e) for e in result.errors] == [
        f"pipe.txt: not a regular file (a device, a pipe or a folder): {fifo}",
        f"missing.txt: no such file: {tmp_path / 'missing.txt'}",
        "zero: not a regular file (a device, a pipe or a folder): /dev/zero"]


def test_errors_cross_the_process_boundary_whole():
    import pickle

    error = pickle.loads(pickle.dumps(LoadError("a.txt", "the file is empty")))
    assert (error.source, error.problem, str(error)) == ("a.txt", "the file is empty", "a.txt: the file is empty")


def test_jobs_give_the_same_result_as_one_process():
    by_jobs = {jobs: load_paths([SAMPLES], jobs=jobs) for jobs in (0, 1, 2)}
    graphs = {jobs: (sorted(r.graph.nodes), sorted(r.graph.relationships)) for jobs, r in by_jobs.items()}
    assert graphs[0] == graphs[1] == graphs[2]
    assert [d.source_file for d in by_jobs[2].documents] == sorted(p.name for p in SAMPLES.glob("*.txt"))


def _mutants(folder: Path, count: int, seed: int) -> list[Path]:
    """Damaged copies of good files of every format: bytes flipped, cut, duplicated, zeroed."""
    text = SAMPLE[:4000]
    seeds = [to_docx(text, folder / "seed.docx"), to_pdf(text, folder / "seed.pdf"),
             to_html(text, folder / "seed.html", "gb18030"), shutil.copy(SAMPLES / "003_0fb3931b758341ce.txt",
                                                                         folder / "seed.txt")]
    rng, paths = random.Random(seed), []
    for index in range(count):
        source = Path(rng.choice(seeds))
        data = bytearray(source.read_bytes())
        for _ in range(rng.randint(1, 6)):
            at = rng.randrange(len(data))
            match rng.randrange(4):
                case 0:
                    data[at] ^= 1 << rng.randrange(8)
                case 1:
                    del data[at:at + rng.randint(1, 2000)]
                case 2:
                    data[at:at] = data[at:at + rng.randint(1, 500)]
                case _:
                    data[at:at + rng.randint(1, 64)] = bytes(64)
        path = folder / f"mutant-{index:04d}{source.suffix}"
        path.write_bytes(bytes(data))
        paths.append(path)
    return paths


def _mutant_run(tmp_path: Path, count: int, seed: int) -> None:
    folder = tmp_path / "mutants"
    folder.mkdir()
    paths = _mutants(folder, count, seed)
    result = load_paths(paths, jobs=2)
    assert len(result.documents) + len(result.errors) == count
    internal = [str(e) for e in result.errors if "please report it" in e.problem]
    assert not internal, internal[:5]


def test_damaged_files_of_every_format_load_or_are_refused(tmp_path):
    _mutant_run(tmp_path, 40, seed=7)


@pytest.mark.slow
def test_a_thousand_damaged_files(tmp_path):
    _mutant_run(tmp_path, 1000, seed=1234)


@pytest.mark.slow
def test_big_bombs_and_deep_nesting_are_refused_quickly_within_a_gigabyte(tmp_path):
    from tests import badfiles

    folder = tmp_path / "in"
    folder.mkdir()
    badfiles.zip_bomb(folder / "bomb.docx", unpacked=2400 << 20)  # the audit's 2.35 GB
    badfiles.pdf_bomb(folder / "bomb.pdf", unpacked=4 << 30)
    badfiles.deep_html(folder / "deep.html", depth=50_000)
    badfiles.long_line(folder / "line.txt", characters=15_000_000)
    shutil.copy(SAMPLES / "003_0fb3931b758341ce.txt", folder)
    started = time.monotonic()
    result, peak = run_measured(["load", str(folder), "--db", str(tmp_path / "db.lbug"), "--jobs", "2"])
    assert result.returncode == 1 and "loaded 1 document(s), 4 failed" in result.stdout, result.stderr
    assert time.monotonic() - started < 120
    assert peak < GIGABYTE, f"{peak >> 20} MB"
