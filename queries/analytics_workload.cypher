// Analytics: every body's workload in the scope ($document, $region, $role; '' for no filter): the measures it
// is named on, in how many documents, and by role (a missing role counts as unspecified).
MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m:Measure)
MATCH (d:Document {id: m.doc_id})
WHERE ($document = '' OR d.id = $document) AND ($region = '' OR d.region = $region)
  AND ($role = '' OR r.role = $role)
RETURN a.id AS id, a.name AS name, count(DISTINCT m.id) AS measures, count(DISTINCT d.id) AS documents,
       count(CASE WHEN r.role = 'lead' THEN 1 END) AS lead, count(CASE WHEN r.role = 'co' THEN 1 END) AS co,
       count(CASE WHEN r.role = 'sole' THEN 1 END) AS sole,
       count(CASE WHEN r.role IS NULL OR r.role = 'unspecified' THEN 1 END) AS unspecified
