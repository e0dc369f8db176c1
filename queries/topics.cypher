// Topics with the number of measures about each; one page of them. $name ('' for all): a part of the topic's
// word. $sort: measures (most common first) or name.
MATCH (m:Measure)-[:ABOUT]->(t:Topic)
WHERE $name = '' OR t.name CONTAINS $name
RETURN t.id AS id, t.name AS name, count(m) AS measures
ORDER BY CASE WHEN $sort = 'measures' THEN measures END DESC, name, id
SKIP $offset LIMIT $limit
