// Search, embedded store: how many targets hold every token in their indicator (see search/targets).
MATCH (t:Target)
WHERE t.indicator CONTAINS $t0 AND ($t1 = '' OR t.indicator CONTAINS $t1) AND ($t2 = '' OR t.indicator CONTAINS $t2)
  AND ($t3 = '' OR t.indicator CONTAINS $t3)
RETURN count(t) AS total
