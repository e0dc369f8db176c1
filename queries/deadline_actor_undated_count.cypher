// Deadline board of one body: how many measures `deadline_actor_undated` pages through.
MATCH (:Actor {id: $actor})-[:RESPONSIBLE_FOR]->(m:Measure)
WHERE ($document = '' OR m.doc_id = $document) AND m.deadline_date IS NULL
WITH m
WHERE CASE WHEN m.deadline_kind IN ['recurring', 'ongoing'] THEN m.deadline_kind ELSE 'none' END = $kind
RETURN count(m) AS total
