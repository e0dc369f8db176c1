// Pages: topics with how many measures are about each, optionally those whose word contains $name ('' for all),
// sorted by $sort (measures, name); one page.
MATCH (m:Measure)-[:ABOUT]->(t:Topic)
WHERE $name = '' OR t.name CONTAINS $name
RETURN t.id AS id, t.name AS name, count(m) AS measures
ORDER BY CASE WHEN $sort = 'measures' THEN measures END DESC, name, id
SKIP $offset LIMIT $limit
