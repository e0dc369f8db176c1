// Search, embedded store: how many bodies hold every token in their name or an alias (see search/actors).
WITH $t0 AS t0, $t1 AS t1, $t2 AS t2, $t3 AS t3  // a parameter inside any(…) trips an assertion in LadybugDB 0.22
MATCH (a:Actor)
WHERE (a.name CONTAINS t0 OR any(x IN a.aliases WHERE x CONTAINS t0))
  AND (t1 = '' OR a.name CONTAINS t1 OR any(x IN a.aliases WHERE x CONTAINS t1))
  AND (t2 = '' OR a.name CONTAINS t2 OR any(x IN a.aliases WHERE x CONTAINS t2))
  AND (t3 = '' OR a.name CONTAINS t3 OR any(x IN a.aliases WHERE x CONTAINS t3))
RETURN count(a) AS total
