// Deadline board: how many measures `deadline_board` pages through.
MATCH (m:Measure)
WHERE ($document = '' OR m.doc_id = $document)
  AND (($undated = '' AND m.deadline_date > $after AND ($until = '' OR m.deadline_date <= $until))
       OR ($undated <> '' AND m.deadline_date IS NULL
           AND CASE WHEN m.deadline_kind IN ['recurring', 'ongoing'] THEN m.deadline_kind ELSE 'none' END = $undated))
RETURN count(m) AS total
