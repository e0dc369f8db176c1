// The measures a body owns, by document and position, with its role, the deadline and the document; one page
// (the page is cut before the documents are looked up).
MATCH (a:Actor {id: $id})-[r:RESPONSIBLE_FOR]->(m:Measure)
WITH m, r
ORDER BY m.doc_id, m.path, m.id
SKIP $offset LIMIT $limit
MATCH (d:Document {id: m.doc_id})
RETURN m.id AS id, m.path AS path, m.title AS title, m.text AS text, m.deadline AS deadline,
       m.deadline_text AS deadline_text, m.key_task AS key_task, r.role AS role, r.text AS evidence,
       d.id AS document_id, d.title AS document_title
ORDER BY document_id, path, id
