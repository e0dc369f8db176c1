// Pages: how many loaded documents the `page_documents` filters keep.
MATCH (d:Document)
WHERE d.source_file IS NOT NULL AND ($region = '' OR d.region = $region)
  AND ($issuer = '' OR d.issuer CONTAINS $issuer) AND ($year = '' OR d.issued_on STARTS WITH $year)
RETURN count(d) AS total
