// Analytics: measures in the scope that no body owns, directly or through a task-table row that restates
// them (whatever $role says), by id, with their document's title; at most $limit of them.
MATCH (m:Measure)
WHERE ($document = '' OR m.doc_id = $document)
  AND ($region = '' OR EXISTS { MATCH (d:Document {id: m.doc_id}) WHERE d.region = $region })
  AND NOT EXISTS { MATCH (:Actor)-[:RESPONSIBLE_FOR]->(m) }
  AND NOT EXISTS { MATCH (:Actor)-[:RESPONSIBLE_FOR]->(:Measure)-[:IMPLEMENTS]->(m) }
WITH m
ORDER BY m.id
LIMIT $limit
OPTIONAL MATCH (d:Document {id: m.doc_id})
RETURN m.id AS id, m.title AS title, m.doc_id AS document_id, d.title AS document_title
ORDER BY id
