// Network view, expanding a measure: its document and the bodies named on it (in $role, '' for any); a measure
// no body owns gives one row without a body. At most $limit rows.
MATCH (m:Measure {id: $id})
MATCH (d:Document {id: m.doc_id})
OPTIONAL MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m)
WHERE $role = '' OR r.role = $role
RETURN a.id AS actor_id, a.name AS actor, r.role AS role, m.id AS measure_id, m.title AS measure_title,
       left(m.text, 100) AS measure_text, m.deadline AS deadline, d.id AS document_id, d.title AS document_title
ORDER BY actor_id
LIMIT $limit
