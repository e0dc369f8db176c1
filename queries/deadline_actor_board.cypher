// Deadline board of one body ($actor): its measures chosen as in `deadline_board`, with the body's role and
// the note it was read from; soonest first, then in text order; one page.
MATCH (:Actor {id: $actor})-[r:RESPONSIBLE_FOR]->(m:Measure)
WHERE ($document = '' OR m.doc_id = $document)
  AND m.deadline_date > $after AND ($until = '' OR m.deadline_date <= $until)
WITH m, r
ORDER BY m.deadline_date, m.doc_id, m.line, m.id
SKIP $offset LIMIT $limit
MATCH (d:Document {id: m.doc_id})
RETURN m.id AS id, m.path AS path, m.title AS title, m.deadline AS deadline, m.deadline_text AS deadline_text,
       m.deadline_kind AS deadline_kind, m.deadline_date AS deadline_date, m.line AS line, d.id AS document_id,
       d.title AS document_title, coalesce(r.role, 'unspecified') AS role, r.text AS evidence
ORDER BY deadline_date, document_id, line, id
