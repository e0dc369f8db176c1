// Network view, expanding a document: its measures that bodies own (in $role; only those of body $actor when
// given) with their owners; at most $limit responsibility edges.
MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m:Measure)
WHERE m.doc_id = $id
  AND ($role = '' OR r.role = $role)
  AND ($actor = '' OR EXISTS { MATCH (:Actor {id: $actor})-[q:RESPONSIBLE_FOR]->(m) WHERE $role = '' OR q.role = $role })
WITH a, r, m
MATCH (d:Document {id: $id})
RETURN a.id AS actor_id, a.name AS actor, r.role AS role, m.id AS measure_id, m.title AS measure_title,
       left(m.text, 100) AS measure_text, m.deadline AS deadline, d.id AS document_id, d.title AS document_title
ORDER BY measure_id, actor_id
LIMIT $limit
