// Search, Neo4j: bodies the cjk full-text index actor_names (names and aliases) finds for $lucene, kept when
// their name or an alias holds each token ($t0 … $t3); best first by the index's score, ties by name.
CALL db.index.fulltext.queryNodes('actor_names', $lucene) YIELD node AS a, score
WHERE all(t IN [$t0, $t1, $t2, $t3] WHERE a.name CONTAINS t OR any(x IN a.aliases WHERE x CONTAINS t))
WITH a, score
ORDER BY score DESC, a.name, a.id
SKIP $offset LIMIT $limit
RETURN a.id AS id, a.name AS name, a.aliases AS aliases, a.region AS region, a.kind AS kind, a.level AS level, score
ORDER BY score DESC, name, id
