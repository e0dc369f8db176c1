// Search, embedded store: how many documents hold every token in their title or 文号 (see search/documents).
MATCH (d:Document)
WHERE (d.title CONTAINS $t0 OR d.doc_number CONTAINS $t0)
  AND ($t1 = '' OR d.title CONTAINS $t1 OR d.doc_number CONTAINS $t1)
  AND ($t2 = '' OR d.title CONTAINS $t2 OR d.doc_number CONTAINS $t2)
  AND ($t3 = '' OR d.title CONTAINS $t3 OR d.doc_number CONTAINS $t3)
RETURN count(d) AS total
