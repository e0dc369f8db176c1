// Deadline board: how many measures `deadline_board` pages through.
MATCH (m:Measure)
WHERE ($document = '' OR m.doc_id = $document)
  AND m.deadline_date > $after AND ($until = '' OR m.deadline_date <= $until)
RETURN count(m) AS total
