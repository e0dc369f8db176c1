// Search, Neo4j: how many bodies search/actors finds.
CALL db.index.fulltext.queryNodes('actor_names', $lucene) YIELD node AS a
WHERE all(t IN [$t0, $t1, $t2, $t3] WHERE a.name CONTAINS t OR any(x IN a.aliases WHERE x CONTAINS t))
RETURN count(a) AS total
