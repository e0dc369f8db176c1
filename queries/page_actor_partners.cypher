// Pages: the bodies named beside one body on its measures (co-owners), with how many measures they share; one page.
MATCH (a:Actor {id: $id})-[:RESPONSIBLE_FOR]->(m:Measure)<-[:RESPONSIBLE_FOR]-(other:Actor)
WHERE other.id <> a.id
RETURN other.id AS id, other.name AS name, other.region AS region, count(m) AS shared
ORDER BY shared DESC, name, id
SKIP $offset LIMIT $limit
