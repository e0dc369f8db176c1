"""Charts as inline SVG, laid out here and drawn by api/templates/charts.html: no JavaScript, no library, nothing
from another site; they print, and a screen reader reads each bar's <title>.

Example: two bodies' measures by role, stacked; the longest bar fills the plot.

>>> chart = stacked_bars([("甲局", "/actors/a", {"lead": 3, "co": 1}), ("乙局", "/actors/b", {"co": 2})],
...                      {"lead": ("牵头", "#c0392b"), "co": ("配合", "#2980b9")})
>>> [(s.label, s.value, s.width) for s in chart.bars[0].segments]
[('牵头', 3, 300.0), ('配合', 1, 100.0)]
>>> chart.bars[1].segments[0].x == chart.plot_x
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

__all__ = ["BarChart", "ColumnChart", "columns", "stacked_bars"]

ROW = 22  # height of one bar's row
PLOT_WIDTH = 400.0  # the longest bar
LABEL_WIDTH = 230.0  # room for a body's name left of the bars
COLUMN = 44.0  # width of one column's slot
PLOT_HEIGHT = 180.0  # the tallest column


@dataclass
class Segment:
    label: str  # what the segment counts (a role)
    colour: str
    value: int
    x: float
    width: float


@dataclass
class Bar:
    label: str
    href: str
    total: int
    y: float
    segments: list[Segment] = field(default_factory=list)


@dataclass
class BarChart:
    bars: list[Bar]
    legend: list[tuple[str, str]]  # (label, colour)
    width: float
    height: float
    plot_x: float = LABEL_WIDTH
    row: float = ROW


def stacked_bars(rows: Sequence[tuple[str, str, Mapping[str, int]]],
                 parts: Mapping[str, tuple[str, str]]) -> BarChart:
    """Horizontal bars, one per (label, link, counts by part), each split into `parts` (key → (label, colour)),
    in the order given; the longest bar is PLOT_WIDTH long."""
    longest = max((sum(counts.values()) for _, _, counts in rows), default=0) or 1
    bars = []
    for index, (label, href, counts) in enumerate(rows):
        bar = Bar(label, href, sum(counts.values()), index * ROW)
        x = LABEL_WIDTH
        for key, (part, colour) in parts.items():
            if counts.get(key):
                width = round(PLOT_WIDTH * counts[key] / longest, 1)
                bar.segments.append(Segment(part, colour, counts[key], x, width))
                x += width
        bars.append(bar)
    return BarChart(bars, list(parts.values()), LABEL_WIDTH + PLOT_WIDTH + 60, len(rows) * ROW + 30)


@dataclass
class Column:
    label: str
    value: int
    x: float
    y: float
    height: float


@dataclass
class ColumnChart:
    columns: list[Column]
    width: float
    height: float
    base: float = PLOT_HEIGHT + 20  # where the columns stand
    slot: float = COLUMN


def columns(items: Sequence[tuple[str, int]]) -> ColumnChart:
    """Vertical columns, one per (label, value), the tallest PLOT_HEIGHT high.

    >>> [(c.label, c.height) for c in columns([("2025", 30), ("2026", 15)]).columns]
    [('2025', 180.0), ('2026', 90.0)]
    """
    tallest = max((value for _, value in items), default=0) or 1
    base = PLOT_HEIGHT + 20
    placed = []
    for index, (label, value) in enumerate(items):
        height = round(PLOT_HEIGHT * value / tallest, 1)
        placed.append(Column(label, value, 10 + index * COLUMN, base - height, height))
    return ColumnChart(placed, 20 + len(items) * COLUMN, base + 40)
