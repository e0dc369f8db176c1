// Pages: how many co-owners `page_actor_partners` pages through.
MATCH (a:Actor {id: $id})-[:RESPONSIBLE_FOR]->(:Measure)<-[:RESPONSIBLE_FOR]-(other:Actor)
WHERE other.id <> a.id
RETURN count(DISTINCT other) AS total
