// Search, embedded store: how many measures hold every token (see search/measures).
MATCH (m:Measure)
WHERE m.text CONTAINS $t0 AND ($t1 = '' OR m.text CONTAINS $t1) AND ($t2 = '' OR m.text CONTAINS $t2)
  AND ($t3 = '' OR m.text CONTAINS $t3)
RETURN count(m) AS total
