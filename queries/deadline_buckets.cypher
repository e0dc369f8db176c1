// Deadline board: how many measures (of $document, '' for all) fall in each bucket of the board:
// overdue (before $today), due30 (by $soon), due90 (by $later), later, recurring, ongoing, none.
MATCH (m:Measure)
WHERE $document = '' OR m.doc_id = $document
WITH m, CASE WHEN m.deadline_date IS NOT NULL AND m.deadline_date < $today THEN 'overdue'
                WHEN m.deadline_date IS NOT NULL AND m.deadline_date <= $soon THEN 'due30'
                WHEN m.deadline_date IS NOT NULL AND m.deadline_date <= $later THEN 'due90'
                WHEN m.deadline_date IS NOT NULL THEN 'later'
                WHEN m.deadline_kind IN ['recurring', 'ongoing'] THEN m.deadline_kind
                ELSE 'none' END AS bucket
RETURN bucket, count(m) AS measures
