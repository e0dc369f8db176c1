// Who owns what: responsibility edges with the body, the measure and its document; at most $rows of them
// (the view draws a bounded network).
MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m:Measure)
MATCH (d:Document {id: m.doc_id})
RETURN a.id AS actor_id, a.name AS actor, r.role AS role, m.id AS measure_id, m.title AS measure_title,
       m.text AS measure_text, m.deadline AS deadline, d.id AS document_id, d.title AS document_title
LIMIT $rows
