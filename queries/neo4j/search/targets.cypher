// Search, Neo4j: targets the cjk full-text index target_indicators finds for $lucene, kept when their
// indicator holds every token ($t0 … $t3); best first by the index's score, ties by document and position.
CALL db.index.fulltext.queryNodes('target_indicators', $lucene) YIELD node AS t, score
WHERE t.indicator CONTAINS $t0 AND t.indicator CONTAINS $t1 AND t.indicator CONTAINS $t2
  AND t.indicator CONTAINS $t3
WITH t, score
ORDER BY score DESC, t.doc_id, t.line, t.id
SKIP $offset LIMIT $limit
MATCH (d:Document {id: t.doc_id})
RETURN t.id AS id, t.indicator AS indicator, t.value AS value, t.unit AS unit, t.comparator AS comparator,
       t.due AS due, t.line AS line, score, d.id AS document_id, d.title AS document_title
ORDER BY score DESC, document_id, line, id
