// Deadline board: the measures (of $document, '' for all) without a date, of one $kind: recurring, ongoing or
// none (any other); in text order; one page, each with its owners and roles and its document.
MATCH (m:Measure)
WHERE ($document = '' OR m.doc_id = $document) AND m.deadline_date IS NULL
WITH m
WHERE CASE WHEN m.deadline_kind IN ['recurring', 'ongoing'] THEN m.deadline_kind ELSE 'none' END = $kind
WITH m
ORDER BY m.doc_id, m.line, m.id
SKIP $offset LIMIT $limit
MATCH (d:Document {id: m.doc_id})
OPTIONAL MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m)
RETURN m.id AS id, m.path AS path, m.title AS title, m.deadline AS deadline, m.deadline_text AS deadline_text,
       m.deadline_kind AS deadline_kind, m.deadline_date AS deadline_date, m.line AS line, d.id AS document_id,
       d.title AS document_title, collect({id: a.id, name: a.name, role: r.role}) AS owners
ORDER BY document_id, line, id
