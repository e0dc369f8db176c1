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

import itertools
import threading
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

import numpy as np

from graph.stores.base import GraphReader, GraphStore, StoreError
from loaders.topics import words

__all__ = ["KINDS", "KindIndex", "SearchIndex", "SearchIndexes"]

KINDS = ("actors", "documents", "measures", "targets")
T = TypeVar("T")
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


def _chunks(rows: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Postings:
    """Word → the sorted entry numbers that hold it, for one field."""

    def __init__(self, vocabulary: dict[str, int], word_ids: array, entries: np.ndarray) -> None:
        self.words = list(vocabulary)
        ids = np.frombuffer(word_ids, dtype=np.uint32)
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


def _within(values: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    """Which of `values` are in `sorted_set` (a boolean mask), by binary search."""
    if not len(sorted_set):
        return np.zeros(len(values), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_set, values), len(sorted_set) - 1)
    return sorted_set[at] == values


class KindIndex:
    """The entries of one kind, numbered in the order their ties rank, indexed by the words of their main field
    (name, title, indicator) and of all their fields."""

    def __init__(self, rows: Iterable[tuple[str, str | None, str | list[str] | None]]) -> None:
        self.ids: list[str] = []
        self.main_text: list[str] = []
        vocabulary: dict[str, int] = {}
        fields: dict[str, tuple[list[int], array]] = {"main": ([], array("I")), "all": ([], array("I"))}
        for chunk in _chunks(rows, 10_000):  # words are numbered and listed a chunk at a time, in C loops
            cut = []
            for entry_id, main, other in chunk:
                self.ids.append(entry_id)
                self.main_text.append(main or "")
                cut.append(_field_words(main, other))
            for position, (sizes, word_ids) in enumerate(fields.values()):
                sets = [words_of[position] for words_of in cut]
                new = set().union(*sets).difference(vocabulary)
                vocabulary.update(zip(new, itertools.count(len(vocabulary))))
                word_ids.extend(map(vocabulary.__getitem__, itertools.chain.from_iterable(sets)))
                sizes.extend(map(len, sets))
        numbers = np.arange(len(self.ids), dtype=np.uint32)
        self.main_length = np.fromiter(map(len, self.main_text), dtype=np.int32, count=len(self.main_text))
        self._main, self._all = (_Postings(vocabulary, word_ids, np.repeat(numbers, sizes))
                                 for sizes, word_ids in fields.values())

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
    def build(cls, reader: GraphReader) -> SearchIndex:
        """Every searchable field of the graph `reader` sees (queries/search/corpus_*.cypher)."""
        version = reader.version()
        kinds = {kind: KindIndex((row["id"], row["main"], row["other"]) for row in reader.query(f"search/corpus_{kind}"))
                 for kind in KINDS}
        return cls(version, kinds)


class SearchIndexes:
    """The newest index built, and at most one build running (for the newest version asked for)."""

    def __init__(self, build: Callable[[GraphReader], SearchIndex] = SearchIndex.build) -> None:
        self._build = build
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
