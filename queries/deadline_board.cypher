// Deadline board: the measures (of $document, '' for all) dated after $after ('' for no bound) and by $until
// ('' for no bound), ISO dates; soonest first, then in text order; one page, each with its owners and roles and
// its document. The buckets overdue, due30, due90 and later are such ranges (api/pages/deadlines.py).
MATCH (m:Measure)
WHERE ($document = '' OR m.doc_id = $document)
  AND m.deadline_date > $after AND ($until = '' OR m.deadline_date <= $until)
WITH m
ORDER BY m.deadline_date, m.doc_id, m.line, m.id
SKIP $offset LIMIT $limit
MATCH (d:Document {id: m.doc_id})
OPTIONAL MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m)
RETURN m.id AS id, m.path AS path, m.title AS title, m.deadline AS deadline, m.deadline_text AS deadline_text,
       m.deadline_kind AS deadline_kind, m.deadline_date AS deadline_date, m.line AS line, d.id AS document_id,
       d.title AS document_title, collect({id: a.id, name: a.name, role: r.role}) AS owners
ORDER BY deadline_date, document_id, line, id
