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
def _candidate(word: str) -> bool:
    return bool(_WORD.match(word)) and word not in _stopwords() and not _BODY.search(word)


def topics(text: str, limit: int = TOPICS_PER_MEASURE) -> list[Topic]:
    """The `limit` words of `text` with the highest TF-IDF, best first."""
    counts = {w: n for w, n in Counter(_tokenizer().cut(text, False)).items() if _candidate(w)}
    if not counts:
        return []
    idf, median = _idf()
    total = sum(counts.values())
    best = heapq.nsmallest(limit, [(-n / total * idf.get(w, median), w) for w, n in counts.items()])
    return [Topic(word, round(-score, 4)) for score, word in best]
