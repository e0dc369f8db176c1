// Analytics: measures in the scope that no body owns, directly or through a task-table row that restates
// them (whatever $role says), by id; at most $limit of them.
MATCH (m:Measure)
WHERE ($document = '' OR m.doc_id = $document)
  AND ($region = '' OR EXISTS { MATCH (d:Document {id: m.doc_id}) WHERE d.region = $region })
  AND NOT EXISTS { MATCH (:Actor)-[:RESPONSIBLE_FOR]->(m) }
  AND NOT EXISTS { MATCH (:Actor)-[:RESPONSIBLE_FOR]->(:Measure)-[:IMPLEMENTS]->(m) }
RETURN m.id AS id, m.title AS title, m.doc_id AS document_id
ORDER BY id
LIMIT $limit
