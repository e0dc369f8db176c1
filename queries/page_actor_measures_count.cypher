// Pages: how many measures `page_actor_measures` pages through.
MATCH (a:Actor {id: $id})-[r:RESPONSIBLE_FOR]->(m:Measure)
WHERE ($role = '' OR coalesce(r.role, 'unspecified') = $role) AND ($document = '' OR m.doc_id = $document)
RETURN count(r) AS total
