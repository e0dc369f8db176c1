// How many targets the `targets` query pages through.
MATCH (t:Target)
WHERE ($doc_id = '' OR t.doc_id = $doc_id) AND ($due = '' OR t.due STARTS WITH $due)
  AND ($indicator = '' OR t.indicator CONTAINS $indicator)
RETURN count(t) AS total
