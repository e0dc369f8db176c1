// How many measures the `measures` query pages through.
MATCH (m:Measure)
WHERE ($doc_id = '' OR m.doc_id = $doc_id)
  AND ($deadline_kind = '' OR m.deadline_kind = $deadline_kind)
  AND ($deadline_from = '' OR m.deadline_date >= $deadline_from)
  AND ($deadline_to = '' OR m.deadline_date <= $deadline_to)
  AND ($key_task = '' OR m.key_task = ($key_task = 'true'))
  AND (($actor_id = '' AND $role = '') OR EXISTS {
        MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m)
        WHERE ($actor_id = '' OR a.id = $actor_id) AND ($role = '' OR r.role = $role) })
RETURN count(m) AS total
