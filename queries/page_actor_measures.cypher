// Pages: the measures one body owns, optionally only in one $role or $document ('' for all), lead roles first,
// then by document and text order, with the deadline and the note the body was read from; one page.
MATCH (a:Actor {id: $id})-[r:RESPONSIBLE_FOR]->(m:Measure)
WHERE ($role = '' OR coalesce(r.role, 'unspecified') = $role) AND ($document = '' OR m.doc_id = $document)
WITH m, r
ORDER BY CASE coalesce(r.role, 'unspecified') WHEN 'lead' THEN 0 WHEN 'sole' THEN 1 WHEN 'co' THEN 2 ELSE 3 END,
         m.doc_id, m.line, m.id
SKIP $offset LIMIT $limit
MATCH (d:Document {id: m.doc_id})
RETURN m.id AS id, m.path AS path, m.title AS title, m.text AS text, m.deadline AS deadline,
       m.deadline_text AS deadline_text, m.deadline_kind AS deadline_kind, m.deadline_date AS deadline_date,
       m.key_task AS key_task, coalesce(r.role, 'unspecified') AS role, r.text AS evidence, m.line AS line,
       d.id AS document_id, d.title AS document_title
ORDER BY CASE role WHEN 'lead' THEN 0 WHEN 'sole' THEN 1 WHEN 'co' THEN 2 ELSE 3 END, document_id, line, id
