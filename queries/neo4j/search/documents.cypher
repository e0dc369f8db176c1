// Search, Neo4j: documents (loaded or cited) the cjk full-text index document_titles (titles and 文号) finds
// for $lucene, kept when their title or 文号 holds each token ($t0 … $t3); best first by the index's score,
// ties newest first.
CALL db.index.fulltext.queryNodes('document_titles', $lucene) YIELD node AS d, score
WHERE all(t IN [$t0, $t1, $t2, $t3] WHERE d.title CONTAINS t OR d.doc_number CONTAINS t)
WITH d, score
ORDER BY score DESC, d.issued_on DESC, d.title, d.id
SKIP $offset LIMIT $limit
RETURN d.id AS id, d.title AS title, d.doc_number AS doc_number, d.issuer AS issuer, d.issued_on AS issued_on,
       d.region AS region, d.source_file IS NOT NULL AS loaded, score
ORDER BY score DESC, issued_on DESC, title, id
