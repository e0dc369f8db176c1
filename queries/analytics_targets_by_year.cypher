// Analytics: targets in the scope ($document, $region; '' for no filter) counted by the year they are due
// (the first four characters of `due`: 2025 of 2025-06; null when the text gives no date).
MATCH (t:Target)
WHERE ($document = '' OR t.doc_id = $document)
  AND ($region = '' OR EXISTS { MATCH (d:Document {id: t.doc_id}) WHERE d.region = $region })
RETURN left(t.due, 4) AS year, count(t) AS targets
ORDER BY year
