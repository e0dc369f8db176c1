"""Exports of a whole graph, and the readers that load them back (tests and other tools round-trip them).

- JSON: {"nodes": [{id, labels, properties}], "relationships": [{type, start, end, properties}]}.
- GraphML, for Gephi and Cytoscape: typed attributes (string, int/long, double, boolean); a node's label in
  `labels` (":Actor", as Neo4j's tools write it) and its display name in `label`; an edge's type in `label`.
  List properties (aliases) are JSON arrays in a string, since GraphML has no list type.
- CSV in `neo4j-admin database import` format: one file per label and per relationship type with typed
  headers (`id:ID`, `value:double`, `aliases:string[]`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`), and an
  IMPORT.txt with the command. Every value is quoted, a missing one is an empty field.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from graph.model import PolicyGraph
from graph.schema import NODE_PROPERTIES, RELATIONSHIPS, typed

FORMATS = ("json", "graphml", "csv")
ARRAY_DELIMITER = ";"
_CSV_TYPES = {"STRING": "", "INT64": ":long", "DOUBLE": ":double", "BOOLEAN": ":boolean", "STRING[]": ":string[]"}
_DISPLAY = {"Document": "title", "Section": "title", "Measure": "title", "Actor": "name", "Target": "indicator",
            "Topic": "name"}


class ExportError(Exception):
    """The graph cannot be written in the asked format, or an export file cannot be read back."""


def write(graph: PolicyGraph, fmt: str, out: Path) -> list[Path]:
    """Write `graph` as `fmt` to `out` (a file; a folder for csv); returns the files written."""
    if fmt == "json":
        out.write_text(json.dumps(graph.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
        return [out]
    if fmt == "graphml":
        nx.write_graphml(to_networkx(graph), out, encoding="utf-8")
        return [out]
    if fmt == "csv":
        return write_csv(graph, out)
    raise ExportError(f"unknown export format {fmt!r}; known: {', '.join(FORMATS)}")


def read(fmt: str, path: Path) -> PolicyGraph:
    """The graph an export holds."""
    if fmt == "json":
        return from_dict(json.loads(path.read_text(encoding="utf-8")))
    if fmt == "graphml":
        return from_networkx(nx.read_graphml(path, force_multigraph=True))
    if fmt == "csv":
        return read_csv(path)
    raise ExportError(f"unknown export format {fmt!r}; known: {', '.join(FORMATS)}")


def from_dict(data: dict[str, list[dict[str, Any]]]) -> PolicyGraph:
    graph = PolicyGraph()
    for node in data["nodes"]:
        graph.add_node(node["id"], node["labels"][0], **{k: v for k, v in node["properties"].items() if k != "id"})
    for rel in data["relationships"]:
        graph.add_relationship(rel["type"], rel["start"], rel["end"], **rel["properties"])
    return graph


def to_networkx(graph: PolicyGraph) -> nx.MultiDiGraph:
    """The graph as networkx: node attributes `labels`, `label` and the properties; edge key and `label`
    are the relationship type."""
    projected = nx.MultiDiGraph()
    for node in graph.nodes.values():
        types = NODE_PROPERTIES[node.label]
        attributes = {k: json.dumps(v, ensure_ascii=False) if types[k] == "STRING[]" else typed(v, types[k])
                      for k, v in node.properties.items() if k != "id" and v is not None}
        display = node.properties.get(_DISPLAY[node.label]) or node.id
        projected.add_node(node.id, labels=f":{node.label}", label=display, **attributes)
    for rel in graph.relationships.values():
        types = RELATIONSHIPS[rel.type].properties
        attributes = {k: typed(v, types[k]) for k, v in rel.properties.items() if v is not None}
        projected.add_edge(rel.start, rel.end, key=rel.type, label=rel.type, **attributes)
    return projected


def from_networkx(projected: nx.MultiDiGraph) -> PolicyGraph:
    graph = PolicyGraph()
    for node_id, attributes in projected.nodes(data=True):
        label = str(attributes.get("labels", "")).lstrip(":")
        if label not in NODE_PROPERTIES:
            raise ExportError(f"node {node_id} has no known label ({attributes.get('labels')!r})")
        types = NODE_PROPERTIES[label]
        props = {k: json.loads(v) if types[k] == "STRING[]" else v for k, v in attributes.items() if k in types}
        graph.add_node(node_id, label, **props)
    for start, end, attributes in projected.edges(data=True):
        rel_type = attributes.get("label")
        if rel_type not in RELATIONSHIPS:
            raise ExportError(f"edge {start} → {end} has no known type ({rel_type!r})")
        types = RELATIONSHIPS[rel_type].properties
        graph.add_relationship(rel_type, start, end, **{k: v for k, v in attributes.items() if k in types})
    return graph


def _field(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, list):
        if any(ARRAY_DELIMITER in item for item in value):
            raise ExportError(f"a list value contains the array delimiter {ARRAY_DELIMITER!r}: {value}")
        text = ARRAY_DELIMITER.join(value)
    else:
        text = str(value)
    return '"' + text.replace('"', '""') + '"'


def _write_rows(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(",".join(header) + "\n")
        for row in rows:
            out.write(",".join(_field(v) for v in row) + "\n")


def write_csv(graph: PolicyGraph, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for label, types in NODE_PROPERTIES.items():
        nodes = sorted(graph.by_label(label), key=lambda n: n.id)
        path = folder / f"nodes_{label}.csv"
        header = ["id:ID"] + [f"{p}{_CSV_TYPES[t]}" for p, t in types.items() if p != "id"] + [":LABEL"]
        _write_rows(path, header, [[n.id] + [typed(n.properties.get(p), t) for p, t in types.items() if p != "id"]
                                   + [label] for n in nodes])
        written.append(path)
    for rel_type, rel in RELATIONSHIPS.items():
        rels = sorted((r for r in graph.relationships.values() if r.type == rel_type), key=lambda r: r.key)
        path = folder / f"relationships_{rel_type}.csv"
        header = [":START_ID", ":END_ID", ":TYPE"] + [f"{p}{_CSV_TYPES[t]}" for p, t in rel.properties.items()]
        _write_rows(path, header, [[r.start, r.end, rel_type] + [typed(r.properties.get(p), t)
                                                                 for p, t in rel.properties.items()] for r in rels])
        written.append(path)
    nodes = " ".join(f"--nodes={p.name}" for p in written if p.name.startswith("nodes_"))
    rels = " ".join(f"--relationships={p.name}" for p in written if p.name.startswith("relationships_"))
    command = folder / "IMPORT.txt"
    command.write_text("Into a new, empty Neo4j database (run in this folder, Neo4j stopped):\n\n"
                       f"neo4j-admin database import full {nodes} {rels} --multiline-fields=true "
                       f"--array-delimiter='{ARRAY_DELIMITER}' neo4j\n", encoding="utf-8")
    return [*written, command]


def _parse(text: str, kind: str) -> Any:
    if kind == "string[]":
        return text.split(ARRAY_DELIMITER) if text else []
    if kind == "long":
        return int(text)
    if kind == "double":
        return float(text)
    if kind == "boolean":
        return text == "true"
    return text


def _records(path: Path) -> Iterator[tuple[dict[str, str], dict[str, Any]]]:
    """Each row as (its import columns by kind: ID, LABEL, START_ID, END_ID, TYPE; its typed properties).
    An empty field stands for a missing value."""
    with path.open(encoding="utf-8", newline="") as source:
        reader = csv.reader(source)
        header = [column.partition(":") for column in next(reader)]
        for row in reader:
            columns, properties = {}, {}
            for (name, _, kind), text in zip(header, row, strict=True):
                if not name or kind == "ID":
                    columns[kind] = text
                elif text != "":
                    properties[name] = _parse(text, kind)
            yield columns, properties


def read_csv(folder: Path) -> PolicyGraph:
    graph = PolicyGraph()
    for path in sorted(folder.glob("nodes_*.csv")):
        for columns, properties in _records(path):
            graph.add_node(columns["ID"], columns["LABEL"], **properties)
    for path in sorted(folder.glob("relationships_*.csv")):
        for columns, properties in _records(path):
            graph.add_relationship(columns["TYPE"], columns["START_ID"], columns["END_ID"], **properties)
    return graph
