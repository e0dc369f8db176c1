// Deadline board of one body: how many measures `deadline_actor_board` pages through.
MATCH (:Actor {id: $actor})-[:RESPONSIBLE_FOR]->(m:Measure)
WHERE ($document = '' OR m.doc_id = $document)
  AND m.deadline_date > $after AND ($until = '' OR m.deadline_date <= $until)
RETURN count(m) AS total
