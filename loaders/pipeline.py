"""The loader pipeline end to end: files → read → normalise → segment → metadata → extract → resolve → build.

Each file is read and parsed in a worker process (`jobs` of them): a file that crashes its parser, runs past
FILE_SECONDS or needs more than TASK_MEMORY is reported with its name and the other files load.
"""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Container, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from graph.isolation import Failure, WorkerPool
from graph.model import PolicyGraph
from loaders.build import build_graph
from loaders.errors import LoadError
from loaders.extract import extract
from loaders.limits import FILE_SECONDS, TASK_MEMORY
from loaders.metadata import read_metadata
from loaders.normalise import normalise
from loaders.read import READERS, RawDocument, read_document
from loaders.resolve import resolve
from loaders.segment import segment


@dataclass
class LoadedDocument:
    source_file: str
    doc_id: str
    graph: PolicyGraph


@dataclass
class LoadResult:
    documents: list[LoadedDocument] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # files whose text is stored already, not parsed again

    @property
    def graph(self) -> PolicyGraph:
        merged = PolicyGraph()
        for doc in self.documents:
            merged.merge(doc.graph)
        return merged


def load_document(path: Path) -> LoadedDocument:
    """One file into its graph; raises LoadError naming the file and the problem."""
    return parse_document(read_document(path))


def parse_document(raw: RawDocument) -> LoadedDocument:
    lines = normalise(raw.text)
    if not lines:
        raise LoadError(raw.source_file, "the file holds no text once page numbers and blank lines are removed")
    segmented = segment(lines)
    extracted = extract(segmented, read_metadata(segmented), raw.source_file)
    if not extracted.measures and not extracted.targets and not extracted.sections:
        raise LoadError(raw.source_file, "no recognisable policy structure (no numbered sections, measures, "
                                         "task tables or targets)")
    resolved = resolve(extracted)
    return LoadedDocument(raw.source_file, resolved.doc_id, build_graph(resolved, raw.content_hash))


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, and the supported files inside named folders (sorted, not recursive into dot-dirs)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READERS
                                and not any(part.startswith(".") for part in p.relative_to(path).parts)))
        else:
            files.append(path)
    return files


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """A corpus load keeps every document's graph alive, and with the default thresholds the cyclic
    collector rescans that growing heap ever more often (a quarter of the time at 1,000 documents)."""
    thresholds = gc.get_threshold()
    gc.set_threshold(50_000, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


@dataclass(frozen=True)
class Unchanged:
    source_file: str  # its text is stored already


_stored: Container[str] = frozenset()  # in a worker: the content hashes already in the store


_WARM_UP = "某市节约用水方案\n一、总体要求\n（一）推广节水器具。到2025年普及率达到90%。（市水利局牵头，各区配合）\n"


def _start_worker(stored: frozenset[str]) -> None:
    """A worker's set-up: the stored hashes; pdfminer's warnings about damaged files silenced (the file's
    refusal says what matters); the word lists and tokenizer dictionary loaded by parsing a small plan, so
    that the first file's time limit is spent on that file."""
    global _stored
    _stored = stored
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    parse_document(RawDocument("warm-up.txt", Path("warm-up.txt"), _WARM_UP, "utf-8"))


def _load_file(path: Path, stored: Container[str] | None = None) -> LoadedDocument | Unchanged | LoadError:
    """One file: its graph, Unchanged, or the LoadError that names its problem (a bug raises)."""
    try:
        raw = read_document(path)
        if raw.content_hash in (_stored if stored is None else stored):
            return Unchanged(raw.source_file)
        return parse_document(raw)
    except LoadError as error:
        return error


def _failed(path: Path, failure: Failure) -> LoadError:
    """What a worker that gave no answer did, as a LoadError naming the file."""
    if failure.kind == "timeout":
        return LoadError(path.name, f"policykg gave up on it: parsing it {failure.detail} (limit: time per file)")
    if failure.kind == "memory":
        return LoadError(path.name, f"parsing it needed more than the {TASK_MEMORY >> 20} MB one file may use "
                                    f"(limit: memory per file; a decompression bomb?)")
    what = "its parser " + failure.detail if failure.kind == "crash" else f"internal error {failure.detail}"
    return LoadError(path.name, f"policykg could not parse it: {what} — please report it with the file")


def _outcomes(files: list[Path], stored: Container[str], jobs: int,
              seconds: float) -> Iterator[tuple[int, LoadedDocument | Unchanged | LoadError]]:
    if jobs == 0:  # in this process, without isolation: for profiling and debuggers
        for index, path in enumerate(files):
            yield index, _load_file(path, stored)
        return
    with WorkerPool(min(jobs, len(files)), TASK_MEMORY, initializer=_start_worker,
                    initargs=(frozenset(stored),)) as pool:
        for index, outcome in pool.map(_load_file, [(path,) for path in files], seconds):
            yield index, _failed(files[index], outcome) if isinstance(outcome, Failure) else outcome


def load_paths(paths: Iterable[Path], strict: bool = False, stored: Container[str] = (), jobs: int | None = None,
               seconds: float = FILE_SECONDS) -> LoadResult:
    """Load every file, each in isolation in one of `jobs` worker processes (default: one per core; 0: in this
    process). A bad file is reported and skipped (with `strict`, raised at once and the rest abandoned). A
    file whose content hash is in `stored` is read but not parsed: it is unchanged. The result lists files
    in path order, whatever order the workers finish in."""
    files = expand_paths(paths)
    result = LoadResult()
    if not files:
        return result
    outcomes: dict[int, LoadedDocument | Unchanged | LoadError] = {}
    with _fewer_collections():
        workers = (os.cpu_count() or 1) if jobs is None else jobs
        for index, outcome in _outcomes(files, stored, workers, seconds):
            if strict and isinstance(outcome, LoadError):
                raise outcome
            outcomes[index] = outcome
    for _, outcome in sorted(outcomes.items()):
        if isinstance(outcome, LoadError):
            result.errors.append(outcome)
        elif isinstance(outcome, Unchanged):
            result.unchanged.append(outcome.source_file)
        else:
            result.documents.append(outcome)
    return result
