// Network view, measures and documents folded: each body's measures in the scope (as view_size) counted per
// region of their documents and role, heaviest first; at most $rows (body, region) pairs.
MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m:Measure)
WHERE ($document = '' OR m.doc_id = $document)
  AND ($role = '' OR r.role = $role)
  AND ($actor = '' OR EXISTS { MATCH (:Actor {id: $actor})-[q:RESPONSIBLE_FOR]->(m) WHERE $role = '' OR q.role = $role })
WITH a, r, m
MATCH (d:Document {id: m.doc_id})
WITH a, coalesce(d.region, '') AS region, r
WHERE $region = '' OR region = $region
WITH a, region, count(r) AS measures, count(CASE WHEN r.role = 'lead' THEN 1 END) AS lead,
     count(CASE WHEN r.role = 'co' THEN 1 END) AS co, count(CASE WHEN r.role = 'sole' THEN 1 END) AS sole,
     count(CASE WHEN r.role IS NULL OR r.role = 'unspecified' THEN 1 END) AS unspecified
RETURN a.id AS actor_id, a.name AS actor, region, measures, lead, co, sole, unspecified
ORDER BY measures DESC, actor_id, region
LIMIT $rows
