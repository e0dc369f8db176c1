// Analytics: measures in the scope with two or more lead bodies, by id, with their document's title; at most
// $limit of them.
MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m:Measure)
WHERE r.role = 'lead' AND ($role = '' OR $role = 'lead')
  AND ($document = '' OR m.doc_id = $document)
  AND ($region = '' OR EXISTS { MATCH (d:Document {id: m.doc_id}) WHERE d.region = $region })
WITH m, collect(a.id) AS leads
WHERE size(leads) > 1
WITH m, leads
ORDER BY m.id
LIMIT $limit
OPTIONAL MATCH (d:Document {id: m.doc_id})
RETURN m.id AS id, m.title AS title, m.doc_id AS document_id, d.title AS document_title, leads
ORDER BY id
