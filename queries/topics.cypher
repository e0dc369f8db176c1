// Topics with the number of measures about each, most common first; one page of them.
MATCH (m:Measure)-[:ABOUT]->(t:Topic)
RETURN t.id AS id, t.name AS name, count(m) AS measures
ORDER BY measures DESC, name, id
SKIP $offset LIMIT $limit
