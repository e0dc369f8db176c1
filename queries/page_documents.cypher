// Pages: loaded documents filtered by $region (exact), $issuer (part of the name) and $year (of issue); '' for
// no filter. Sorted by $sort (issued_desc, issued_asc, title, region); one page, counts for the page only.
MATCH (d:Document)
WHERE d.source_file IS NOT NULL AND ($region = '' OR d.region = $region)
  AND ($issuer = '' OR d.issuer CONTAINS $issuer) AND ($year = '' OR d.issued_on STARTS WITH $year)
WITH d
ORDER BY CASE WHEN $sort = 'title' THEN d.title END, CASE WHEN $sort = 'region' THEN d.region END,
         CASE WHEN $sort = 'issued_asc' THEN d.issued_on END, CASE WHEN $sort = 'issued_desc' THEN d.issued_on END DESC,
         d.title, d.id
SKIP $offset LIMIT $limit
OPTIONAL MATCH (m:Measure {doc_id: d.id})
WITH d, count(m) AS measures
OPTIONAL MATCH (t:Target {doc_id: d.id})
RETURN d.id AS id, d.title AS title, d.doc_number AS doc_number, d.issuer AS issuer, d.issued_on AS issued_on,
       d.region AS region, d.period_end AS period_end, measures, count(t) AS targets
ORDER BY CASE WHEN $sort = 'title' THEN title END, CASE WHEN $sort = 'region' THEN region END,
         CASE WHEN $sort = 'issued_asc' THEN issued_on END, CASE WHEN $sort = 'issued_desc' THEN issued_on END DESC,
         title, id
