// Measures whose title or text contains $q (a word or phrase), with their document; one page of them.
// Neo4j variant: the same columns from the cjk full-text index.
MATCH (m:Measure)
WHERE m.text CONTAINS $q OR m.title CONTAINS $q
MATCH (d:Document {id: m.doc_id})
RETURN m.id AS id, m.path AS path, m.title AS title, m.text AS text, 1.0 AS score,
       d.id AS document_id, d.title AS document_title
ORDER BY document_title, path, id
SKIP $offset LIMIT $limit
