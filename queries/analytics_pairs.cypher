// Analytics: the co-responsibility network in the scope: two bodies named on the same measures, and how many.
MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m:Measure)<-[s:RESPONSIBLE_FOR]-(b:Actor)
WHERE a.id < b.id AND ($document = '' OR m.doc_id = $document)
  AND ($region = '' OR EXISTS { MATCH (d:Document {id: m.doc_id}) WHERE d.region = $region })
  AND ($role = '' OR (r.role = $role AND s.role = $role))
RETURN a.id AS a, b.id AS b, count(m) AS weight
