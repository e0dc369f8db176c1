"""The embedded store's search index: the words of every searchable field, kept in the app per graph version.

LadybugDB has no full-text index, and CONTAINS reads every measure's text: on the 10,000-document store
(505,592 measures) one search took 300–800 ms (docs/benchmarks.md). This index cuts each field into words with
the loaders' tokenizer and keeps, per word, the sorted numbers of the entries that hold it (numpy arrays). A
query word is looked up in the vocabulary (every indexed word that contains it: 市 is in 南通市 and 市场), so a
hit is exactly an entry that holds the query word inside one of its own words. A query word that runs across
two of the text's words (rare: the same tokenizer cuts both) is not found that way; a query word that is in no
indexed word at all is answered by the store instead (api/routers/search.py), so a word cut differently in
every text is still found.

Built from the store in a background thread when a request first reads a version it has no index for (that
request, and any until the build ends, is answered by the store's CONTAINS queries); kept until a newer
version's index is ready.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import threading
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence

import numpy as np

from graph.isolation import Failure, WorkerPool
from graph.stores.base import GraphReader, GraphStore, StoreError
from loaders.topics import words

__all__ = ["KINDS", "KindIndex", "SearchIndex", "SearchIndexes"]

KINDS = ("actors", "documents", "measures", "targets")
_UNIONS_KEPT = 256  # query words whose entries an index keeps (common words come back)


def _words(text: str | list[str] | None) -> set[str]:
    """The words of a field (a list: of each item). Punctuation stays in: no query word (graph/search.py keeps
    only words with a letter or digit) is inside a punctuation mark, so it never matches."""
    if isinstance(text, list):
        return {w for part in text for w in words(part)}
    return set(words(text)) if text else set()


def _field_words(main: str | None, other: str | list[str] | None) -> tuple[set[str], set[str]]:
    """The words of the main field and of all fields. A measure's text begins with its title: the text is cut
    once and the title's words are those that end within it (cutting is most of the build)."""
    main = main or ""
    if not isinstance(other, str) or not other.startswith(main):
        main_words = _words(main)
        return main_words, main_words | _words(other)
    cut = words(other)
    end = count = 0
    for word in cut:
        end += len(word)
        if end > len(main):
            break
        count += 1
    return set(cut[:count]), set(cut)


Cut = tuple[list[str], bytes, bytes, bytes, bytes]  # vocabulary; word numbers and counts per row, main then all


def cut_rows(rows: Sequence[tuple[str | None, str | list[str] | None]]) -> Cut:
    """The words of each row's main field and of all its fields, numbered by a vocabulary of their own: what a
    worker process sends back (arrays, not millions of strings)."""
    vocabulary: dict[str, int] = {}
    cut = [_field_words(main, other) for main, other in rows]
    arrays = []
    for position in (0, 1):
        sets = [words_of[position] for words_of in cut]
        vocabulary.update(zip(set().union(*sets).difference(vocabulary), itertools.count(len(vocabulary))))
        arrays += [array("I", map(vocabulary.__getitem__, itertools.chain.from_iterable(sets))).tobytes(),
                   array("I", map(len, sets)).tobytes()]
    return (list(vocabulary), *arrays)


class _Postings:
    """Word → the sorted entry numbers that hold it, for one field."""

    def __init__(self, words: list[str], ids: np.ndarray, entries: np.ndarray) -> None:
        self.words = words
        order = np.argsort(ids, kind="stable")  # stable: each word's entries stay ascending
        self.entries = entries[order]
        self.starts = np.searchsorted(ids[order], np.arange(len(self.words) + 1))
        self._unions: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def holding(self, word: str) -> np.ndarray:
        """The sorted entries with an indexed word that contains `word`."""
        with self._lock:
            if word in self._unions:
                self._unions.move_to_end(word)
                return self._unions[word]
        parts = [self.entries[self.starts[i]:self.starts[i + 1]] for i, known in enumerate(self.words) if word in known]
        found = np.unique(np.concatenate(parts)) if len(parts) > 1 else (parts[0] if parts else self.entries[:0])
        with self._lock:
            self._unions[word] = found
            while len(self._unions) > _UNIONS_KEPT:
                self._unions.popitem(last=False)
        return found


def _joined(parts: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint32)


def _within(values: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    """Which of `values` are in `sorted_set` (a boolean mask), by binary search."""
    if not len(sorted_set):
        return np.zeros(len(values), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_set, values), len(sorted_set) - 1)
    return sorted_set[at] == values


class KindIndex:
    """The entries of one kind, numbered in the order their ties rank, indexed by the words of their main field
    (name, title, indicator) and of all their fields."""

    def __init__(self, ids: list[str], main_text: list[str], cuts: Iterable[Cut]) -> None:
        """`cuts`: the rows' words (cut_rows), chunk after chunk in the order of `ids`."""
        self.ids = ids
        self.main_text = main_text
        vocabulary: dict[str, int] = {}
        fields: list[tuple[list[np.ndarray], list[np.ndarray]]] = [([], []), ([], [])]  # (word numbers, counts)
        for local_words, *arrays in cuts:
            numbers = np.fromiter((vocabulary.setdefault(w, len(vocabulary)) for w in local_words), dtype=np.uint32,
                                  count=len(local_words))
            for (word_ids, sizes), (local, counts) in zip(fields, (arrays[:2], arrays[2:]), strict=True):
                word_ids.append(numbers[np.frombuffer(local, dtype=np.uint32)])
                sizes.append(np.frombuffer(counts, dtype=np.uint32))
        entries = np.arange(len(ids), dtype=np.uint32)
        self.main_length = np.fromiter(map(len, main_text), dtype=np.int32, count=len(main_text))
        self._main, self._all = (_Postings(list(vocabulary), _joined(word_ids), np.repeat(entries, _joined(sizes)))
                                 for word_ids, sizes in fields)

    def knows(self, word: str) -> bool:
        """Whether some indexed word contains `word`."""
        return len(self._all.holding(word)) > 0

    def find(self, query_words: Sequence[str], phrase: str, offset: int, limit: int) -> tuple[list[tuple[str, int]], int]:
        """One page of (id, score), best first (graph/search.py: 2 for each word in the main field, 3 when the
        phrase is there, 10 when it is the whole field; ties by entry number), and how many entries hold every
        word."""
        hits = None
        for holding in sorted((self._all.holding(w) for w in query_words), key=len):
            hits = holding if hits is None else hits[_within(hits, holding)]
        if hits is None or not len(hits):
            return [], 0
        in_main = np.zeros(len(hits), dtype=np.int32)
        for word in query_words:
            in_main += _within(hits, self._main.holding(word))
        score = 2 * in_main
        complete = np.flatnonzero(in_main == len(query_words))  # every word in the main field: the phrase may be too
        if len(query_words) == 1 and phrase == query_words[0]:
            score[complete] += 3  # the one word is the phrase
            complete = complete[self.main_length[hits[complete]] == len(phrase)]
        for at in complete.tolist():
            text = self.main_text[hits[at]]
            score[at] += (3 if phrase in text and len(query_words) > 1 else 0) + (10 if text == phrase else 0)
        order = np.argsort(-score, kind="stable")[offset:offset + limit]
        return list(zip([self.ids[n] for n in hits[order].tolist()], score[order].tolist(), strict=True)), len(hits)


class SearchIndex:
    def __init__(self, version: int, kinds: dict[str, KindIndex]) -> None:
        self.version = version
        self.kinds = kinds

    @classmethod
    def build(cls, reader: GraphReader, jobs: int = 0) -> SearchIndex:
        """Every searchable field of the graph `reader` sees (queries/search/corpus_*.cypher), cut into words in
        `jobs` worker processes (0: in this one): they cut on the other cores and leave this process, which
        serves requests meanwhile, free of the work."""
        with contextlib.ExitStack() as stack:
            pool = stack.enter_context(WorkerPool(jobs)) if jobs else None
            kinds = {kind: _kind_index(reader.query(f"search/corpus_{kind}"), pool) for kind in KINDS}
        return cls(reader.version(), kinds)


CHUNK = 10_000  # rows cut by one task
WORKERS_FROM = 2 * CHUNK  # rows from which a kind is cut in the worker processes (fewer: here, at once)


def _kind_index(rows: list[dict], pool: WorkerPool | None) -> KindIndex:
    """The index of one kind from its rows, cut a chunk at a time here or in the pool's workers."""
    chunks = [[(row["main"], row["other"]) for row in rows[i:i + CHUNK]] for i in range(0, len(rows), CHUNK)]
    if pool is None or len(rows) < WORKERS_FROM:
        cuts = [cut_rows(chunk) for chunk in chunks]
    else:
        done = dict(pool.map(cut_rows, [(chunk,) for chunk in chunks]))
        if failed := [f for f in done.values() if isinstance(f, Failure)]:
            raise StoreError(f"cutting the search index's words failed: {failed[0].detail}")
        cuts = [done[i] for i in range(len(chunks))]
    return KindIndex([row["id"] for row in rows], [row["main"] or "" for row in rows], cuts)


class SearchIndexes:
    """The newest index built, and at most one build running (for the newest version asked for)."""

    def __init__(self, build: Callable[[GraphReader], SearchIndex] | None = None) -> None:
        self._build = build or (lambda reader: SearchIndex.build(reader, jobs=os.cpu_count() or 1))
        self._lock = threading.Lock()
        self._index: SearchIndex | None = None
        self._building: threading.Thread | None = None
        self._wanted = -1

    def current(self, store: GraphStore, version: int) -> SearchIndex | None:
        """The index of `version` if it is ready; otherwise None, and a build for it is started unless one runs."""
        with self._lock:
            if self._index is not None and self._index.version == version:
                return self._index
            if version > self._wanted and (self._building is None or not self._building.is_alive()):
                self._wanted = version
                self._building = threading.Thread(target=self._run, args=(store,), name="search-index", daemon=True)
                self._building.start()
        return None

    def _run(self, store: GraphStore) -> None:
        try:
            with store.reader() as reader:
                index = self._build(reader)
        except StoreError:
            with self._lock:
                self._wanted = -1  # the store is closing or failing (requests report it); a later request retries
            return
        with self._lock:
            if self._index is None or index.version > self._index.version:
                self._index = index

    def settle(self, timeout: float = 120.0) -> None:
        """Wait for a running build (before the store closes under it)."""
        building = self._building
        if building is not None:
            building.join(timeout)
