// Search: the bodies with the ids $ids (one page of hits), for display.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a.id AS id, a.name AS name, a.aliases AS aliases, a.region AS region, a.kind AS kind, a.level AS level
