// Measures whose title or text match $q as a phrase in the cjk full-text index, best first; one page of them.
// Embedded variant: a plain CONTAINS test with the same columns.
CALL db.index.fulltext.queryNodes('measure_text', '"' + replace(replace($q, '\\', '\\\\'), '"', '\\"') + '"')
YIELD node AS m, score
MATCH (d:Document {id: m.doc_id})
RETURN m.id AS id, m.path AS path, m.title AS title, m.text AS text, score,
       d.id AS document_id, d.title AS document_title
ORDER BY score DESC, document_title, path, id
SKIP $offset LIMIT $limit
