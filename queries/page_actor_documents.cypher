// Pages: the documents in which one body owns measures, with how many in each role.
MATCH (a:Actor {id: $id})-[r:RESPONSIBLE_FOR]->(m:Measure)
WITH m.doc_id AS document, count(r) AS measures, count(CASE WHEN r.role = 'lead' THEN 1 END) AS lead,
     count(CASE WHEN r.role = 'co' THEN 1 END) AS co, count(CASE WHEN r.role = 'sole' THEN 1 END) AS sole,
     count(CASE WHEN r.role IS NULL OR r.role = 'unspecified' THEN 1 END) AS unspecified
MATCH (d:Document {id: document})
RETURN d.id AS id, d.title AS title, d.issued_on AS issued_on, measures, lead, co, sole, unspecified
ORDER BY measures DESC, title, id
