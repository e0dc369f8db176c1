"""Task-table rows that restate a measure of the document body: (:Measure)-[:IMPLEMENTS]->(:Measure).

Plans often repeat their measures as rows of an annexed task table, split finer and with owners and
deadlines added.  A row restates the body measure that contains most of its wording: at least
RESTATES of the row's character bigrams, clearly more than any other measure holds (MARGIN).
"""

from __future__ import annotations

from dataclasses import dataclass

from loaders.extract import ExtractedMeasure
from loaders.text import plain_key

RESTATES = 0.6
MARGIN = 0.2


@dataclass(frozen=True)
class Restatement:
    row: str  # key of the table-row measure
    measure: str  # key of the body measure it restates
    score: float  # share of the row's wording found in the measure


def _bigrams(text: str) -> set[str]:
    key = plain_key(text)
    return set(map(str.__add__, key, key[1:]))


def restatements(measures: list[ExtractedMeasure]) -> list[Restatement]:
    rows = [m for m in measures if m.kind == "table_row"]
    if not rows:  # most documents have no task table: no body measure needs its wording cut
        return []
    body = [(m.key, _bigrams(m.text)) for m in measures if m.kind != "table_row"]
    found = []
    for row in rows:
        grams = _bigrams(row.text)
        if not grams or not body:
            continue
        scored = sorted(((len(grams & other) / len(grams), key) for key, other in body), reverse=True)
        best, key = scored[0]
        runner_up = scored[1][0] if len(scored) > 1 else 0.0
        if best >= RESTATES and best - runner_up >= MARGIN:
            found.append(Restatement(row.key, key, round(best, 3)))
    return found
