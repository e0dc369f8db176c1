// How many documents the `documents` query pages through (the API's list and the /documents page).
MATCH (d:Document)
WHERE d.source_file IS NOT NULL AND ($region = '' OR d.region = $region)
  AND ($title = '' OR d.title CONTAINS $title OR d.doc_number CONTAINS $title)
  AND ($issuer = '' OR d.issuer CONTAINS $issuer) AND ($year = '' OR d.issued_on STARTS WITH $year)
RETURN count(d) AS total
