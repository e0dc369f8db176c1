// Loaded documents (those with a source file), one page of them, with how many measures, targets and citations
// each has (counted for the page only). Filters ('' for none): $region, the document's region; $title, a part of
// its title or 文号; $issuer, a part of the issuer's name; $year, the year of issue. $sort: issued_desc (newest
// first), issued_asc, title or region.
MATCH (d:Document)
WHERE d.source_file IS NOT NULL AND ($region = '' OR d.region = $region)
  AND ($title = '' OR d.title CONTAINS $title OR d.doc_number CONTAINS $title)
  AND ($issuer = '' OR d.issuer CONTAINS $issuer) AND ($year = '' OR d.issued_on STARTS WITH $year)
WITH d
ORDER BY CASE WHEN $sort = 'title' THEN d.title END, CASE WHEN $sort = 'region' THEN d.region END,
         CASE WHEN $sort = 'issued_asc' THEN d.issued_on END, CASE WHEN $sort = 'issued_desc' THEN d.issued_on END DESC,
         d.title, d.id
SKIP $offset LIMIT $limit
OPTIONAL MATCH (m:Measure {doc_id: d.id})
WITH d, count(m) AS measures
OPTIONAL MATCH (t:Target {doc_id: d.id})
WITH d, measures, count(t) AS targets
OPTIONAL MATCH (d)-[:CITES]->(c:Document)
RETURN d.id AS id, d.title AS title, d.doc_number AS doc_number, d.issuer AS issuer, d.issued_on AS issued_on,
       d.region AS region, d.source_file AS source_file, d.period_end AS period_end, measures, targets,
       count(c) AS citations
ORDER BY CASE WHEN $sort = 'title' THEN title END, CASE WHEN $sort = 'region' THEN region END,
         CASE WHEN $sort = 'issued_asc' THEN issued_on END, CASE WHEN $sort = 'issued_desc' THEN issued_on END DESC,
         title, id
