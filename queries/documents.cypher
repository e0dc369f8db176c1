// Loaded documents (those with a source file), newest first, one page of them, with how many measures,
// targets and citations each has (counted for the page only). Filters ('' for none): $region, the document's
// region; $title, a part of its title or 文号.
MATCH (d:Document)
WHERE d.source_file IS NOT NULL AND ($region = '' OR d.region = $region)
  AND ($title = '' OR d.title CONTAINS $title OR d.doc_number CONTAINS $title)
WITH d
ORDER BY d.issued_on DESC, d.title, d.id
SKIP $offset LIMIT $limit
OPTIONAL MATCH (m:Measure {doc_id: d.id})
WITH d, count(m) AS measures
OPTIONAL MATCH (t:Target {doc_id: d.id})
WITH d, measures, count(t) AS targets
OPTIONAL MATCH (d)-[:CITES]->(c:Document)
RETURN d.id AS id, d.title AS title, d.doc_number AS doc_number, d.issuer AS issuer, d.issued_on AS issued_on,
       d.region AS region, d.source_file AS source_file, measures, targets, count(c) AS citations
ORDER BY issued_on DESC, title, id
