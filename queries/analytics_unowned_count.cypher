// Analytics: how many measures in the scope no body owns.
MATCH (m:Measure)
WHERE ($document = '' OR m.doc_id = $document)
  AND ($region = '' OR EXISTS { MATCH (d:Document {id: m.doc_id}) WHERE d.region = $region })
  AND NOT EXISTS { MATCH (:Actor)-[:RESPONSIBLE_FOR]->(m) }
  AND NOT EXISTS { MATCH (:Actor)-[:RESPONSIBLE_FOR]->(:Measure)-[:IMPLEMENTS]->(m) }
RETURN count(m) AS total
