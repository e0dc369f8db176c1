// Analytics: how many measures in the scope have two or more lead bodies.
MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m:Measure)
WHERE r.role = 'lead' AND ($role = '' OR $role = 'lead')
  AND ($document = '' OR m.doc_id = $document)
  AND ($region = '' OR EXISTS { MATCH (d:Document {id: m.doc_id}) WHERE d.region = $region })
WITH m, count(a) AS leads
WHERE leads > 1
RETURN count(m) AS total
