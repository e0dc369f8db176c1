"""Print, as JSON, every Cypher statement policykg ships for Neo4j (named queries in the neo4j dialect, the
schema, the writer), with the graph's labels, types and property keys: the input of lint.mjs."""

from __future__ import annotations

import json
import sys

import queries
from graph import schema


def catalogue() -> dict[str, object]:
    statements = {f"queries/{name}": queries.load(name, "neo4j")
                  for folder in ("", *queries.FOLDERS) for name in queries.names(folder)}
    statements |= {f"schema: {name}": cypher for name, cypher in schema.neo4j_statements().items()}
    properties = {p for props in schema.NODE_PROPERTIES.values() for p in props}
    properties |= {p for rel in schema.RELATIONSHIPS.values() for p in rel.properties}
    properties |= {"source", "target", "props"}  # keys of the writer's $rows maps
    properties |= set(schema.GRAPH_INFO_PROPERTIES)
    return {"statements": statements, "labels": sorted([*schema.NODE_PROPERTIES, schema.GRAPH_INFO]),
            "relationshipTypes": sorted(schema.RELATIONSHIPS), "propertyKeys": sorted(properties)}


if __name__ == "__main__":
    json.dump(catalogue(), sys.stdout, ensure_ascii=False, indent=1)
