// Measures whose title or text contains $q (a word or phrase), by document and position, with their document;
// one page (cut before the documents are looked up). Neo4j variant: the same columns from the cjk full-text index.
MATCH (m:Measure)
WHERE m.text CONTAINS $q OR m.title CONTAINS $q
WITH m
ORDER BY m.doc_id, m.path, m.id
SKIP $offset LIMIT $limit
MATCH (d:Document {id: m.doc_id})
RETURN m.id AS id, m.path AS path, m.title AS title, m.text AS text, 1.0 AS score,
       d.id AS document_id, d.title AS document_title
ORDER BY document_id, path, id
