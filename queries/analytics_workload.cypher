// Analytics: every body's workload in the scope ($document, $region, $role; '' for no filter): the measures it
// is named on, in how many documents, and by role (a missing role counts as unspecified). One edge per body and
// measure, so counting edges counts measures; grouping by document first avoids a count of distinct values.
MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m:Measure)
WHERE ($document = '' OR m.doc_id = $document)
  AND ($region = '' OR EXISTS { MATCH (d:Document {id: m.doc_id}) WHERE d.region = $region })
  AND ($role = '' OR r.role = $role)
WITH a, m.doc_id AS document, count(m) AS measures, count(CASE WHEN r.role = 'lead' THEN 1 END) AS lead,
     count(CASE WHEN r.role = 'co' THEN 1 END) AS co, count(CASE WHEN r.role = 'sole' THEN 1 END) AS sole,
     count(CASE WHEN r.role IS NULL OR r.role = 'unspecified' THEN 1 END) AS unspecified
RETURN a.id AS id, a.name AS name, sum(measures) AS measures, count(document) AS documents, sum(lead) AS lead,
       sum(co) AS co, sum(sole) AS sole, sum(unspecified) AS unspecified
