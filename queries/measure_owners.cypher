// The bodies responsible for one measure, with their roles and the note they were read from.
MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m:Measure {id: $id})
RETURN a.id AS id, a.name AS name, r.role AS role, r.text AS evidence, r.line AS line
ORDER BY role, name
