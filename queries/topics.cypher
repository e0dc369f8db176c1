// Topics with the number of measures about each, most common first; one page of them. $name ('' for all):
// a part of the topic's word.
MATCH (m:Measure)-[:ABOUT]->(t:Topic)
WHERE $name = '' OR t.name CONTAINS $name
RETURN t.id AS id, t.name AS name, count(m) AS measures
ORDER BY measures DESC, name, id
SKIP $offset LIMIT $limit
