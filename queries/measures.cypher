// Measures, by document and position, one page of them, with their document. Filters ('' for none):
// $doc_id; $actor_id and $role, a body named on the measure and the role it is named in (either alone too);
// $deadline_from and $deadline_to, ISO dates bounding deadline_date; $deadline_kind; $key_task 'true' or
// 'false' (★ in a task table). The page is cut before the documents are looked up.
MATCH (m:Measure)
WHERE ($doc_id = '' OR m.doc_id = $doc_id)
  AND ($deadline_kind = '' OR m.deadline_kind = $deadline_kind)
  AND ($deadline_from = '' OR m.deadline_date >= $deadline_from)
  AND ($deadline_to = '' OR m.deadline_date <= $deadline_to)
  AND ($key_task = '' OR m.key_task = ($key_task = 'true'))
  AND (($actor_id = '' AND $role = '') OR EXISTS {
        MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m)
        WHERE ($actor_id = '' OR a.id = $actor_id) AND ($role = '' OR r.role = $role) })
WITH m
ORDER BY m.doc_id, m.path, m.id
SKIP $offset LIMIT $limit
MATCH (d:Document {id: m.doc_id})
RETURN m.id AS id, m.path AS path, m.title AS title, m.text AS text, m.kind AS kind, m.deadline AS deadline,
       m.deadline_text AS deadline_text, m.deadline_kind AS deadline_kind, m.deadline_date AS deadline_date,
       m.key_task AS key_task, d.id AS document_id, d.title AS document_title
ORDER BY document_id, path, id
