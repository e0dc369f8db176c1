// Search, embedded store, while its word index is built: bodies whose name or an alias holds each token
// ($t0 … $t3, '' for an unused slot), best first: 2 for each token in the name, 3 when the whole query
// ($phrase) is in the name, 10 when it is the name; ties by name. One page of them.
WITH $t0 AS t0, $t1 AS t1, $t2 AS t2, $t3 AS t3  // a parameter inside any(…) trips an assertion in LadybugDB 0.22
MATCH (a:Actor)
WHERE (a.name CONTAINS t0 OR any(x IN a.aliases WHERE x CONTAINS t0))
  AND (t1 = '' OR a.name CONTAINS t1 OR any(x IN a.aliases WHERE x CONTAINS t1))
  AND (t2 = '' OR a.name CONTAINS t2 OR any(x IN a.aliases WHERE x CONTAINS t2))
  AND (t3 = '' OR a.name CONTAINS t3 OR any(x IN a.aliases WHERE x CONTAINS t3))
WITH a, (CASE WHEN a.name CONTAINS t0 THEN 2 ELSE 0 END) + (CASE WHEN t1 <> '' AND a.name CONTAINS t1 THEN 2 ELSE 0 END)
        + (CASE WHEN t2 <> '' AND a.name CONTAINS t2 THEN 2 ELSE 0 END)
        + (CASE WHEN t3 <> '' AND a.name CONTAINS t3 THEN 2 ELSE 0 END)
        + (CASE WHEN a.name CONTAINS $phrase THEN 3 ELSE 0 END) + (CASE WHEN a.name = $phrase THEN 10 ELSE 0 END)
        AS score
ORDER BY score DESC, a.name, a.id
SKIP $offset LIMIT $limit
RETURN a.id AS id, a.name AS name, a.aliases AS aliases, a.region AS region, a.kind AS kind, a.level AS level, score
ORDER BY score DESC, name, id
