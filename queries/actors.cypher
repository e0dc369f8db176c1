// Every responsible body with the number of measures it holds in each role (one row per body and role).
MATCH (a:Actor)
OPTIONAL MATCH (a)-[r:RESPONSIBLE_FOR]->(m:Measure)
RETURN a.id AS id, a.name AS name, a.aliases AS aliases, a.region AS region, a.kind AS kind, a.level AS level, r.role AS role, count(m) AS measures
ORDER BY name
