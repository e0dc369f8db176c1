// Every topic with the number of measures about it, most common first.
MATCH (m:Measure)-[:ABOUT]->(t:Topic)
RETURN t.id AS id, t.name AS name, count(m) AS measures
ORDER BY measures DESC, name
