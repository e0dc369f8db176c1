// Pages: how many targets the `page_targets` filters keep.
MATCH (t:Target)
WHERE ($document = '' OR t.doc_id = $document) AND ($indicator = '' OR t.indicator CONTAINS $indicator)
  AND ($year = '' OR t.due STARTS WITH $year)
RETURN count(t) AS total
