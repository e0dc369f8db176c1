"""Search: one box for bodies, documents, measures and targets; several words match in any order.

The query is cut into words with the loaders' tokenizer (rjieba with the policy terms, loaders/topics.py); a
hit holds every word (as a substring, so 市 and 公安局 find 南通市公安局) in its searchable fields: a body's
name and aliases, a document's title and 文号, a measure's title and text, a target's indicator. Hits are
ranked best first: 2 points for each word in the main field (name, title, indicator), 3 more when the whole
query stands there as typed, 10 more when it is the whole field; ties keep each kind's own order (bodies by
name, documents newest first, measures and targets by document and position).

Three ways to find them, the same hits on the samples (tests/test_search.py):
- the embedded store's in-app word index (graph/search_index.py), kept per graph version and built in the
  background after each write;
- until that index is ready for the version a request reads, CONTAINS on every word in the embedded store
  (queries/ladybug/search/);
- on Neo4j, its cjk full-text indexes, with CONTAINS on every word to keep the same meaning
  (queries/neo4j/search/; the index's own score ranks).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from loaders.topics import words

__all__ = ["KINDS", "MAX_WORDS", "Query", "SearchError", "parse"]

KINDS = ("actors", "documents", "measures", "targets")
MAX_WORDS = 4  # the longest words of a query are matched; the store queries have this many slots
_WORD = re.compile(r"\w", re.UNICODE)


class SearchError(ValueError):
    """A query that cannot be searched for (no word of two characters or more); the message says why."""


@dataclass(frozen=True)
class Query:
    text: str
    words: tuple[str, ...]  # longest first, none inside another, at most MAX_WORDS
    phrase: str  # the query as typed, without spaces

    def parameters(self) -> dict[str, Any]:
        """What the store queries take: the words in slots t0 … t3 ('' when unused), the phrase, and the
        full-text query for Neo4j (each word of two or more characters as a quoted phrase, all required)."""
        slots = {f"t{i}": (self.words[i] if i < len(self.words) else "") for i in range(MAX_WORDS)}
        lucene = " AND ".join(f'"{w}"' for w in self.words if len(w) > 1)
        return {**slots, "phrase": self.phrase, "lucene": lucene}


def parse(text: str) -> Query:
    """The words a query is searched by.

    >>> parse("市公安局").words
    ('公安局', '市')
    >>> parse("知识产权 保护 知识").words
    ('知识产权', '保护')
    """
    found: list[str] = []
    for word in sorted({w for w in words(text) if _WORD.search(w)}, key=lambda w: (-len(w), w)):
        if not any(word in longer for longer in found):
            found.append(word)
    if not any(len(w) > 1 for w in found):
        raise SearchError(f"search for at least one word of two or more characters, not {text!r}")
    return Query(text, tuple(found[:MAX_WORDS]), "".join(text.split()))
