// Analytics: how many measures in the scope have two or more lead bodies.
MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m:Measure)
MATCH (d:Document {id: m.doc_id})
WHERE ($document = '' OR d.id = $document) AND ($region = '' OR d.region = $region)
  AND r.role = 'lead' AND ($role = '' OR $role = 'lead')
WITH m, count(a) AS leads
WHERE leads > 1
RETURN count(m) AS total
