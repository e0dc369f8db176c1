"""The loader pipeline end to end: files → read → normalise → segment → metadata → extract → resolve → build."""

from __future__ import annotations

import gc
from collections.abc import Container, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from graph.model import PolicyGraph
from loaders.build import build_graph
from loaders.errors import LoadError
from loaders.extract import extract
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


def load_paths(paths: Iterable[Path], strict: bool = False, stored: Container[str] = ()) -> LoadResult:
    """Load every file; a bad file is reported and skipped (or, with `strict`, raised at once). A file whose
    content hash is in `stored` is read but not parsed: it is unchanged."""
    result = LoadResult()
    with _fewer_collections():
        for path in expand_paths(paths):
            try:
                raw = read_document(path)
                if raw.content_hash in stored:
                    result.unchanged.append(raw.source_file)
                else:
                    result.documents.append(parse_document(raw))
            except LoadError as error:
                if strict:
                    raise
                result.errors.append(error)
    return result
