// How many measures a body owns.
MATCH (a:Actor {id: $id})-[r:RESPONSIBLE_FOR]->(:Measure)
RETURN count(r) AS total
