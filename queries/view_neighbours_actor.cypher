// Network view, expanding a body: its measures in the scope ($document, $region, $role) with their documents;
// at most $limit of them.
MATCH (a:Actor {id: $id})-[r:RESPONSIBLE_FOR]->(m:Measure)
WHERE ($document = '' OR m.doc_id = $document)
  AND ($role = '' OR r.role = $role)
  AND ($region = '' OR EXISTS { MATCH (d:Document {id: m.doc_id}) WHERE d.region = $region })
WITH a, r, m
MATCH (d:Document {id: m.doc_id})
RETURN a.id AS actor_id, a.name AS actor, r.role AS role, m.id AS measure_id, m.title AS measure_title,
       left(m.text, 100) AS measure_text, m.deadline AS deadline, d.id AS document_id, d.title AS document_title
ORDER BY measure_id
LIMIT $limit
