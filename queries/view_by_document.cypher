// Network view, measures folded: each body's measures in the scope (as view_size) counted per document and
// role, heaviest first; at most $rows (body, document) pairs.
MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m:Measure)
WHERE ($document = '' OR m.doc_id = $document)
  AND ($role = '' OR r.role = $role)
  AND ($region = '' OR EXISTS { MATCH (d:Document {id: m.doc_id}) WHERE d.region = $region })
  AND ($actor = '' OR EXISTS { MATCH (:Actor {id: $actor})-[q:RESPONSIBLE_FOR]->(m) WHERE $role = '' OR q.role = $role })
WITH a, m.doc_id AS document, count(m) AS measures, count(CASE WHEN r.role = 'lead' THEN 1 END) AS lead,
     count(CASE WHEN r.role = 'co' THEN 1 END) AS co, count(CASE WHEN r.role = 'sole' THEN 1 END) AS sole,
     count(CASE WHEN r.role IS NULL OR r.role = 'unspecified' THEN 1 END) AS unspecified
MATCH (d:Document {id: document})
RETURN a.id AS actor_id, a.name AS actor, d.id AS document_id, d.title AS document_title,
       coalesce(d.region, '') AS region, measures, lead, co, sole, unspecified
ORDER BY measures DESC, actor_id, document_id
LIMIT $rows
