// Analytics: how many measures in the scope no body owns.
MATCH (m:Measure)
MATCH (d:Document {id: m.doc_id})
WHERE ($document = '' OR d.id = $document) AND ($region = '' OR d.region = $region)
  AND NOT EXISTS { MATCH (:Actor)-[:RESPONSIBLE_FOR]->(m) }
  AND NOT EXISTS { MATCH (:Actor)-[:RESPONSIBLE_FOR]->(:Measure)-[:IMPLEMENTS]->(m) }
RETURN count(m) AS total
