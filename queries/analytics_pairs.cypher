// Analytics: the co-responsibility network in the scope: two bodies named on the same measures, and how many.
MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m:Measure)<-[s:RESPONSIBLE_FOR]-(b:Actor)
MATCH (d:Document {id: m.doc_id})
WHERE ($document = '' OR d.id = $document) AND ($region = '' OR d.region = $region)
  AND a.id < b.id AND ($role = '' OR (r.role = $role AND s.role = $role))
RETURN a.id AS a, b.id AS b, count(m) AS weight
