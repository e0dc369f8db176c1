"""Topics: the keywords a measure is about, for questions such as "every measure about 商业秘密".

Words are cut with rjieba (jieba's Rust port: the same tokens as jieba with HMM off, about 20 times
faster here, see docs/benchmarks.md), with the policy terms of data/topic_terms.txt kept whole.
Each word is weighted by TF-IDF against the IDF table that ships with jieba; generic policy verbs
(data/topic_stopwords.txt), numbers and single characters are never topics.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import jieba
import rjieba

from loaders.text import word_list

TOPICS_PER_MEASURE = 5
_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")
_BODY = re.compile(r"(局|委|办|厅|院|部|中心|政府)$")  # responsible bodies are owners, not topics


@dataclass(frozen=True)
class Topic:
    word: str
    weight: float


@cache
def _tokenizer() -> rjieba.Jieba:
    tokenizer = rjieba.Jieba()
    for term in word_list("topic_terms"):
        tokenizer.add_word(term, 100_000, None)
    return tokenizer


@cache
def _idf() -> tuple[dict[str, float], float]:
    """jieba's IDF table and its median, the weight of a word the table does not know."""
    path = Path(jieba.__file__).parent / "analyse" / "idf.txt"
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, value = line.partition(" ")
        if value:
            table[word] = float(value)
    values = sorted(table.values())
    return table, values[len(values) // 2]


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(word_list("topic_stopwords"))


@lru_cache(maxsize=200_000)
def _idf_of(word: str) -> float:
    """The word's IDF, or 0 for a word that can never be a topic: judged once per distinct word."""
    if not _WORD.match(word) or word in _stopwords() or _BODY.search(word):
        return 0.0
    idf, median = _idf()
    return idf.get(word, median)


def words(text: str) -> list[str]:
    """`text` cut into words (jieba's dictionary and the policy terms, no HMM)."""
    return _tokenizer().cut(text, False)


def is_word(text: str) -> bool:
    """Whether the dictionary knows `text` as one word."""
    return _tokenizer().has_word(text)


def topics(text: str, limit: int = TOPICS_PER_MEASURE) -> list[Topic]:
    """The `limit` words of `text` with the highest TF-IDF, best first."""
    counts = Counter(words(text))
    total = 0
    scored = []
    for word, n in counts.items():
        if idf := _idf_of(word):
            total += n
            scored.append((-n * idf, word))
    best = heapq.nsmallest(limit, scored)
    return [Topic(word, round(-score / total, 4)) for score, word in best]
