// Search, Neo4j: how many targets search/targets finds.
CALL db.index.fulltext.queryNodes('target_indicators', $lucene) YIELD node AS t
WHERE t.indicator CONTAINS $t0 AND t.indicator CONTAINS $t1 AND t.indicator CONTAINS $t2
  AND t.indicator CONTAINS $t3
RETURN count(t) AS total
