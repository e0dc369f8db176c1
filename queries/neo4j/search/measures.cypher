// Search, Neo4j: measures the cjk full-text index measure_text finds for $lucene (each token of two or more
// characters as a quoted phrase, all required), kept when their text holds every token ($t0 … $t3, as on the
// embedded store: the index lowercases and splits into bigrams); best first by the index's score, ties by
// document and position. One page of them.
CALL db.index.fulltext.queryNodes('measure_text', $lucene) YIELD node AS m, score
WHERE m.text CONTAINS $t0 AND m.text CONTAINS $t1 AND m.text CONTAINS $t2 AND m.text CONTAINS $t3
WITH m, score
ORDER BY score DESC, m.doc_id, m.path, m.id
SKIP $offset LIMIT $limit
MATCH (d:Document {id: m.doc_id})
RETURN m.id AS id, m.path AS path, m.title AS title, m.text AS text, score, d.id AS document_id,
       d.title AS document_title
ORDER BY score DESC, document_id, path, id
