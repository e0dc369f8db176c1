"""Starting positions for the network page, so that the browser's physics only has to polish the layout.

vis-network's Barnes–Hut step costs about 25 ms for 2,000 nodes in headless Chromium on this machine: laying
out a random start takes hundreds of steps (seconds), polishing a sensible one a few dozen. The start is
computed here in linear time: documents (or regions) on a ring, each one's measures on a sunflower disc around
it, and each body at the mean position of what it is linked to (weighted by the link's count in a folded view,
where each hub's disc keeps room for the bodies mostly linked to it), moved to the nearest free cell of a grid
so that no two bodies start on top of each other.

Example: two documents with one measure each, and a body owning both, sits between them.

>>> nodes = [{"id": "d1", "group": "document"}, {"id": "d2", "group": "document"},
...          {"id": "m1", "group": "measure"}, {"id": "m2", "group": "measure"}, {"id": "a", "group": "actor"}]
>>> edges = [{"from": "m1", "to": "d1", "part_of": True}, {"from": "m2", "to": "d2", "part_of": True},
...          {"from": "a", "to": "m1", "role": "lead"}, {"from": "a", "to": "m2", "role": "co"}]
>>> place(nodes, edges)
>>> a = nodes[4]
>>> abs(a["x"]) < HOMED_CELL[0] and abs(a["y"]) < HOMED_CELL[1]
True
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Any

__all__ = ["HOMED_CELL", "iterations", "place"]

GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
LEAF_SPACING = 16  # between a document's measures on its disc
HUB_MARGIN = 60  # around a document's (or region's) disc
HOMED_CELL = (160.0, 45.0)  # the least room a body starts with (canvas units: about a short name's label)
PHYSICS_WORK = 25_000  # node-steps the page may spend polishing: 0.6–1.4 s at 25–55 µs a node-step (idle–busy)


def iterations(nodes: int) -> int:
    """Physics steps for a network of `nodes`: fewer as it grows, so that polishing takes about the same time.

    >>> iterations(100), iterations(1000), iterations(2000)
    (150, 25, 12)
    """
    return max(10, min(150, PHYSICS_WORK // max(nodes, 1)))


def place(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> None:
    """Set `x` and `y` on every node (vis-network's starting positions)."""
    hubs = [n["id"] for n in nodes if n["group"] in ("document", "region")]
    is_hub = set(hubs)
    leaves: dict[str, list[str]] = defaultdict(list)  # hub → the measures that are part of it
    linked: dict[str, dict[str, float]] = defaultdict(dict)  # body → what it is linked to, with the link's weight
    for edge in edges:
        if edge.get("part_of"):
            if edge["to"] in is_hub:
                leaves[edge["to"]].append(edge["from"])
        else:
            linked[edge["from"]][edge["to"]] = edge.get("width") or 1.0
    # In a folded view bodies link to hubs: each hub's disc keeps room for the bodies mostly linked to it.
    homed = Counter(max(links, key=links.__getitem__) for links in linked.values() if links.keys() & is_hub)
    radius = {hub: math.sqrt(len(leaves[hub]) * LEAF_SPACING ** 2 + homed[hub] * HOMED_CELL[0] * HOMED_CELL[1])
              + HUB_MARGIN for hub in hubs}
    at = _ring(hubs, radius)
    for hub in hubs:
        at |= _sunflower(leaves[hub], at[hub])
    extent = 2 * max((max(abs(x), abs(y)) for x, y in at.values()), default=0.0)
    # Bodies among measures get a label's room at the fitted zoom; bodies around hubs the room kept for them.
    cell = HOMED_CELL if homed else (max(extent / 6.5, HOMED_CELL[0]), max(extent / 38, HOMED_CELL[1]))
    taken: set[tuple[int, int]] = set()
    for body in sorted(linked, key=lambda b: -len(linked[b])):
        near = [(at[other], weight) for other, weight in linked[body].items() if other in at]
        total = sum(weight for _, weight in near)
        centre = (sum(x * w for (x, _), w in near) / total, sum(y * w for (_, y), w in near) / total) if near else (0, 0)
        at[body] = _free_cell(centre, cell, taken)
    for node in nodes:
        node["x"], node["y"] = (round(v, 1) for v in at.get(node["id"], (0.0, 0.0)))


def _ring(hubs: list[str], radius: dict[str, float]) -> dict[str, tuple[float, float]]:
    """Hubs side by side on a circle, each given an arc as wide as its disc."""
    if len(hubs) == 1:
        return {hubs[0]: (0.0, 0.0)}
    circumference = sum(2 * radius[hub] for hub in hubs)
    ring = circumference / (2 * math.pi)
    placed, walked = {}, 0.0
    for hub in hubs:
        angle = 2 * math.pi * (walked + radius[hub]) / circumference
        placed[hub] = (ring * math.cos(angle), ring * math.sin(angle))
        walked += 2 * radius[hub]
    return placed


def _sunflower(leaves: list[str], centre: tuple[float, float]) -> dict[str, tuple[float, float]]:
    """Leaves evenly spread over a disc around `centre` (Vogel's spiral), none on the centre itself."""
    x, y = centre
    return {leaf: (x + LEAF_SPACING * math.sqrt(i + 2) * math.cos(i * GOLDEN_ANGLE),
                   y + LEAF_SPACING * math.sqrt(i + 2) * math.sin(i * GOLDEN_ANGLE)) for i, leaf in enumerate(leaves)}


def _free_cell(centre: tuple[float, float], cell: tuple[float, float],
               taken: set[tuple[int, int]]) -> tuple[float, float]:
    """The grid cell (of size `cell`) nearest `centre` that no body has yet, searched ring by ring; marked taken."""
    width, height = cell
    cx, cy = round(centre[0] / width), round(centre[1] / height)
    for reach in range(10_000):
        ring = [(cx + dx, cy + dy) for dx in range(-reach, reach + 1) for dy in range(-reach, reach + 1)
                if max(abs(dx), abs(dy)) == reach]
        free = [c for c in ring if c not in taken]
        if free:
            best = min(free, key=lambda c: (c[0] * width - centre[0]) ** 2 + (c[1] * height - centre[1]) ** 2)
            taken.add(best)
            return best[0] * width, best[1] * height
    return centre
