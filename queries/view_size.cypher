// Network view: how large the who-owns-what network is in the scope ($document, $actor: that body's measures
// with all their owners, $role, $region: the documents of a region; '' for no filter): bodies, measures,
// documents and responsibility edges. The view decides from these whether to draw measures or fold them.
MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m:Measure)
WHERE ($document = '' OR m.doc_id = $document)
  AND ($role = '' OR r.role = $role)
  AND ($region = '' OR EXISTS { MATCH (d:Document {id: m.doc_id}) WHERE d.region = $region })
  AND ($actor = '' OR EXISTS { MATCH (:Actor {id: $actor})-[q:RESPONSIBLE_FOR]->(m) WHERE $role = '' OR q.role = $role })
RETURN count(DISTINCT a) AS bodies, count(DISTINCT m) AS measures, count(DISTINCT m.doc_id) AS documents,
       count(r) AS edges
