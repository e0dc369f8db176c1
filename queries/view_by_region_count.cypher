// Network view: how many (body, region) pairs view_by_region has in the scope.
MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m:Measure)
WHERE ($document = '' OR m.doc_id = $document)
  AND ($role = '' OR r.role = $role)
  AND ($actor = '' OR EXISTS { MATCH (:Actor {id: $actor})-[q:RESPONSIBLE_FOR]->(m) WHERE $role = '' OR q.role = $role })
WITH a, r, m
MATCH (d:Document {id: m.doc_id})
WITH a, coalesce(d.region, '') AS region
WHERE $region = '' OR region = $region
WITH DISTINCT a, region
RETURN count(*) AS total
