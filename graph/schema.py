"""The public graph contract, and the one place where the Cypher that writes it is generated.

Labels, relationship types and properties here are what analysts' Cypher relies on: add, never rename.
Nodes owned by one document (Section, Measure, Target) carry `doc_id`; reloading a document replaces them.
Shared nodes (Document, Actor, Topic) are upserted and kept.
"""

from __future__ import annotations

from dataclasses import dataclass

PROVENANCE = {"doc_id": "STRING", "source_file": "STRING", "line": "INT64", "char_start": "INT64", "char_end": "INT64"}

NODE_PROPERTIES: dict[str, dict[str, str]] = {
    "Document": {"id": "STRING", "title": "STRING", "doc_number": "STRING", "issuer": "STRING",
                 "issued_on": "STRING", "region": "STRING", "source_file": "STRING", "wrapper_title": "STRING",
                 "period_end": "STRING", "content_hash": "STRING"},
    "Section": {"id": "STRING", "number": "STRING", "title": "STRING", "path": "STRING", **PROVENANCE},
    "Measure": {"id": "STRING", "number": "STRING", "title": "STRING", "text": "STRING", "path": "STRING",
                "kind": "STRING", "category": "STRING", "deadline": "STRING", "deadline_text": "STRING",
                "key_task": "BOOLEAN", "deadline_kind": "STRING", "deadline_date": "STRING", **PROVENANCE},
    "Actor": {"id": "STRING", "name": "STRING", "aliases": "STRING[]", "region": "STRING", "kind": "STRING",
              "level": "STRING"},
    "Target": {"id": "STRING", "indicator": "STRING", "value": "DOUBLE", "upper": "DOUBLE", "unit": "STRING",
               "comparator": "STRING", "due": "STRING", "text": "STRING", "sentence": "STRING", **PROVENANCE},
    "Topic": {"id": "STRING", "name": "STRING"},
}
OWNED_LABELS = ("Target", "Measure", "Section")  # deleted and rewritten when their document is reloaded
DOCUMENT_EDGES = ("CITES", "ISSUED_BY")  # edges from a loaded Document, rewritten with it
# Shared nodes are removed once nothing refers to them; a Document stays while it is loaded (has a source file),
# and a body's lineage (SUCCEEDED_BY) does not keep it: only a responsibility or an issued document does.
ORPHAN_RULES = {
    "Actor": "NOT EXISTS { MATCH (n)-[:RESPONSIBLE_FOR]->() } AND NOT EXISTS { MATCH ()-[:ISSUED_BY]->(n) }",
    "Topic": "NOT EXISTS { MATCH (n)--() }",
    "Document": "n.source_file IS NULL AND NOT EXISTS { MATCH (n)--() }",
}

EDGE_PROVENANCE = {"doc_id": "STRING", "line": "INT64", "char_start": "INT64", "char_end": "INT64"}


@dataclass(frozen=True)
class RelationshipType:
    name: str
    pairs: tuple[tuple[str, str], ...]
    properties: dict[str, str]
    shared: bool = False  # between shared nodes and owned by no document: merged, never created twice


RELATIONSHIPS: dict[str, RelationshipType] = {
    r.name: r for r in (
        RelationshipType("PART_OF", (("Measure", "Section"), ("Measure", "Document"), ("Section", "Section"),
                                     ("Section", "Document")), {"doc_id": "STRING"}),
        RelationshipType("RESPONSIBLE_FOR", (("Actor", "Measure"),),
                         {"role": "STRING", "text": "STRING", "sentence": "STRING", **EDGE_PROVENANCE}),
        RelationshipType("IMPLEMENTS", (("Measure", "Measure"),), {"doc_id": "STRING", "score": "DOUBLE"}),
        RelationshipType("ABOUT", (("Measure", "Topic"),), {"doc_id": "STRING", "weight": "DOUBLE"}),
        RelationshipType("HAS_TARGET", (("Document", "Target"), ("Measure", "Target")), {"doc_id": "STRING"}),
        RelationshipType("CITES", (("Document", "Document"),), {"text": "STRING", **EDGE_PROVENANCE}),
        RelationshipType("ISSUED_BY", (("Document", "Actor"),), {"doc_id": "STRING"}),
        RelationshipType("SUCCEEDED_BY", (("Actor", "Actor"),), {"year": "INT64"}, shared=True),
    )
}


_PYTHON_TYPES = {"DOUBLE": float, "INT64": int, "BOOLEAN": bool}


def typed(value: object, kind: str) -> object:
    """A value as its schema type: an in-memory graph may hold 27 where the schema says DOUBLE (27.0)."""
    convert = _PYTHON_TYPES.get(kind)
    return value if value is None or convert is None else convert(value)


def node_ddl(label: str) -> str:
    columns = ", ".join(f"{name} {kind}" for name, kind in NODE_PROPERTIES[label].items())
    return f"CREATE NODE TABLE IF NOT EXISTS {label}({columns}, PRIMARY KEY (id))"


def relationship_ddl(rel: RelationshipType) -> str:
    pairs = ", ".join(f"FROM {a} TO {b}" for a, b in rel.pairs)
    columns = "".join(f", {name} {kind}" for name, kind in rel.properties.items())
    return f"CREATE REL TABLE IF NOT EXISTS {rel.name}({pairs}{columns})"


def add_columns_ddl(table: str, properties: dict[str, str]) -> list[str]:
    """Statements that give a table created by an older release the properties added since (a no-op otherwise)."""
    return [f"ALTER TABLE {table} ADD IF NOT EXISTS {name} {kind}" for name, kind in properties.items() if name != "id"]


def create_nodes(label: str) -> str:
    assignments = ", ".join(f"{p}: row.{p}" for p in NODE_PROPERTIES[label])
    return f"UNWIND $rows AS row CREATE (:{label} {{{assignments}}})"


def update_nodes(label: str) -> str:
    sets = ", ".join(f"n.{p} = row.{p}" for p in NODE_PROPERTIES[label] if p != "id")
    return f"UNWIND $rows AS row MATCH (n:{label} {{id: row.id}}) SET {sets}"


def merge_nodes(label: str) -> str:
    """Upsert by id (Neo4j: safe beside a concurrent writer; the uniqueness constraint makes it a lookup)."""
    sets = ", ".join(f"n.{p} = row.{p}" for p in NODE_PROPERTIES[label] if p != "id")
    return f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET {sets}"


def copy_nodes(label: str) -> str:
    """Bulk-load the Arrow table $rows, whose columns are NODE_PROPERTIES[label] in order."""
    return f"COPY {label} FROM $rows"


def copy_relationships(rel_type: str, start_label: str, end_label: str) -> str:
    """Bulk-load the Arrow table $rows: start id, end id, then RELATIONSHIPS[rel_type].properties in order."""
    return f"COPY {rel_type} FROM $rows (from='{start_label}', to='{end_label}')"


def existing_nodes(label: str) -> str:
    return f"MATCH (n:{label}) WHERE n.id IN $ids RETURN n"


def create_relationships(rel_type: str, start_label: str, end_label: str) -> str:
    # Two separate MATCH clauses: a comma-joined pattern becomes a cross product in LadybugDB.
    props = RELATIONSHIPS[rel_type].properties
    assignments = ", ".join(f"{p}: row.props.{p}" for p in props)
    return (f"UNWIND $rows AS row MATCH (a:{start_label} {{id: row.source}}) MATCH (b:{end_label} {{id: row.target}}) "
            f"CREATE (a)-[:{rel_type} {{{assignments}}}]->(b)")


def merge_relationships(rel_type: str, start_label: str, end_label: str) -> str:
    props = RELATIONSHIPS[rel_type].properties
    sets = ", ".join(f"r.{p} = row.props.{p}" for p in props)
    return (f"UNWIND $rows AS row MATCH (a:{start_label} {{id: row.source}}) MATCH (b:{end_label} {{id: row.target}}) "
            f"MERGE (a)-[r:{rel_type}]->(b) SET {sets}")


def delete_owned(label: str) -> str:
    return f"MATCH (n:{label}) WHERE n.doc_id IN $doc_ids DETACH DELETE n"


def delete_document_edges(rel_type: str) -> str:
    return f"MATCH (d:Document)-[r:{rel_type}]->() WHERE d.id IN $doc_ids DELETE r"


# Stored documents loaded from the same files under another id (their title changed): replaced as well.
SUPERSEDED_DOCUMENTS = "MATCH (d:Document) WHERE d.source_file IN $files AND NOT d.id IN $doc_ids RETURN d.id AS id"
# A superseded document is kept only as a cited document, if anything still cites it.
RETIRE_DOCUMENTS = "MATCH (d:Document) WHERE d.id IN $doc_ids SET d.source_file = NULL, d.content_hash = NULL"
# What is stored already, so that an unchanged file is not loaded again.
DOCUMENT_HASHES = "MATCH (d:Document) WHERE d.content_hash IS NOT NULL RETURN d.id AS id, d.content_hash AS content_hash"


# The graph version: one (:GraphInfo {id: 'graph'}) node whose `version` every write raises by one, in the same
# transaction, so a reader can tell cheaply which committed graph it sees (caches are keyed by it). It is
# bookkeeping, not part of the policy graph: exports and counts leave it out.
GRAPH_INFO = "GraphInfo"
GRAPH_INFO_PROPERTIES = {"id": "STRING", "version": "INT64", "updated_at": "STRING"}
GRAPH_VERSION = "MATCH (g:GraphInfo {id: 'graph'}) RETURN g.version AS version, g.updated_at AS updated_at"
# The first write creates the node (MERGE scans GraphInfo, a table of one row).
BUMP_VERSION = ("MERGE (g:GraphInfo {id: 'graph'}) ON CREATE SET g.version = 0 "
                "SET g.version = g.version + 1, g.updated_at = $now RETURN g.version AS version")


def graph_info_ddl() -> str:
    columns = ", ".join(f"{name} {kind}" for name, kind in GRAPH_INFO_PROPERTIES.items())
    return f"CREATE NODE TABLE IF NOT EXISTS {GRAPH_INFO}({columns}, PRIMARY KEY (id))"


def remove_orphans() -> list[str]:
    """One statement per shared label, each returning how many nodes it removed (`n`)."""
    return [f"MATCH (n:{label}) WHERE {rule} DETACH DELETE n RETURN count(*) AS n" for label, rule in ORPHAN_RULES.items()]


def all_nodes(label: str) -> str:
    return f"MATCH (n:{label}) RETURN n"


def all_relationships(rel_type: str) -> str:
    return f"MATCH (a)-[r:{rel_type}]->(b) RETURN a.id AS source, b.id AS target, r"


def count_nodes(label: str) -> str:
    return f"MATCH (n:{label}) RETURN count(n) AS n"


def count_relationships(rel_type: str) -> str:
    return f"MATCH ()-[r:{rel_type}]->() RETURN count(r) AS n"


# Neo4j: constraints and indexes (LadybugDB's primary keys and tables need none of these).
NEO4J_INDEXED = {"Document": ("title", "doc_number"), "Section": ("doc_id",), "Measure": ("doc_id", "title"),
                 "Actor": ("name",), "Target": ("doc_id", "indicator"), "Topic": ("name",)}
# Full-text indexes (cjk analyzer: CJK text as overlapping bigrams) that search uses, by name: label, properties.
NEO4J_FULLTEXT = {"measure_text": ("Measure", ("title", "text")), "actor_names": ("Actor", ("name", "aliases")),
                  "document_titles": ("Document", ("title", "doc_number")),
                  "target_indicators": ("Target", ("indicator",))}


def neo4j_schema() -> list[str]:
    """Uniqueness of `id` for every label, property indexes, and the full-text indexes of search (cjk analyzer)."""
    statements = [f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
                  for label in (*NODE_PROPERTIES, GRAPH_INFO)]
    statements += [f"CREATE INDEX {label.lower()}_{p} IF NOT EXISTS FOR (n:{label}) ON (n.{p})"
                   for label, properties in NEO4J_INDEXED.items() for p in properties]
    for name, (label, properties) in NEO4J_FULLTEXT.items():
        fields = ", ".join(f"n.{p}" for p in properties)
        statements.append(f"CREATE FULLTEXT INDEX {name} IF NOT EXISTS FOR (n:{label}) ON EACH [{fields}] "
                          "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}")
    return statements


def neo4j_statements() -> dict[str, str]:
    """Every statement the Neo4j store can run, by a name for reports: checked by Neo4j's own parser in CI."""
    statements = {f"schema {i + 1}": statement for i, statement in enumerate(neo4j_schema())}
    statements |= {"superseded documents": SUPERSEDED_DOCUMENTS, "retire documents": RETIRE_DOCUMENTS,
                   "document hashes": DOCUMENT_HASHES, "graph version": GRAPH_VERSION, "bump version": BUMP_VERSION}
    statements |= {f"remove orphans {i + 1}": statement for i, statement in enumerate(remove_orphans())}
    for label in NODE_PROPERTIES:
        for make in (merge_nodes, existing_nodes, all_nodes, count_nodes):
            statements[f"{make.__name__} {label}"] = make(label)
    for label in OWNED_LABELS:
        statements[f"delete_owned {label}"] = delete_owned(label)
    for rel_type in DOCUMENT_EDGES:
        statements[f"delete_document_edges {rel_type}"] = delete_document_edges(rel_type)
    for rel_type, rel in RELATIONSHIPS.items():
        statements[f"all_relationships {rel_type}"] = all_relationships(rel_type)
        statements[f"count_relationships {rel_type}"] = count_relationships(rel_type)
        for start, end in rel.pairs:
            statements[f"merge_relationships {rel_type} {start}-{end}"] = merge_relationships(rel_type, start, end)
    return statements
