// How many documents the `documents` query pages through.
MATCH (d:Document)
WHERE d.source_file IS NOT NULL AND ($region = '' OR d.region = $region)
  AND ($title = '' OR d.title CONTAINS $title OR d.doc_number CONTAINS $title)
RETURN count(d) AS total
