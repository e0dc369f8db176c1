// The sections of one document in text order, each with how many measures sit directly in it.
MATCH (s:Section {doc_id: $id})
OPTIONAL MATCH (m:Measure)-[:PART_OF]->(s)
RETURN s.id AS id, s.number AS number, s.title AS title, s.path AS path, s.line AS line, count(m) AS measures
ORDER BY line, path, id
