// How many documents the `cited` query pages through.
MATCH (c:Document)
WHERE ($title = '' OR c.title CONTAINS $title)
  AND EXISTS { MATCH (d:Document)-[:CITES]->(c) WHERE d.source_file IS NOT NULL }
RETURN count(c) AS total
