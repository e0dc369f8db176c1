// Network view, measures drawn: the responsibility edges in the scope (as view_size) with the body, the
// measure (its text cut for the tooltip) and its document; at most $rows of them.
MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m:Measure)
WHERE ($document = '' OR m.doc_id = $document)
  AND ($role = '' OR r.role = $role)
  AND ($region = '' OR EXISTS { MATCH (d:Document {id: m.doc_id}) WHERE d.region = $region })
  AND ($actor = '' OR EXISTS { MATCH (:Actor {id: $actor})-[q:RESPONSIBLE_FOR]->(m) WHERE $role = '' OR q.role = $role })
WITH a, r, m
MATCH (d:Document {id: m.doc_id})
RETURN a.id AS actor_id, a.name AS actor, r.role AS role, m.id AS measure_id, m.title AS measure_title,
       left(m.text, 100) AS measure_text, m.deadline AS deadline, d.id AS document_id, d.title AS document_title
ORDER BY measure_id, actor_id
LIMIT $rows
