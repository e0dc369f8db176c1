// Search, Neo4j: how many measures search/measures finds.
CALL db.index.fulltext.queryNodes('measure_text', $lucene) YIELD node AS m
WHERE m.text CONTAINS $t0 AND m.text CONTAINS $t1 AND m.text CONTAINS $t2 AND m.text CONTAINS $t3
RETURN count(m) AS total
