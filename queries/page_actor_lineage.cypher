// Pages: the bodies one body replaced ('predecessor') and the bodies that replaced it ('successor') in a reform,
// with the reform's year.
MATCH (a:Actor {id: $id})-[s:SUCCEEDED_BY]->(other:Actor)
RETURN 'successor' AS direction, other.id AS id, other.name AS name, s.year AS year
UNION ALL
MATCH (a:Actor {id: $id})<-[s:SUCCEEDED_BY]-(other:Actor)
RETURN 'predecessor' AS direction, other.id AS id, other.name AS name, s.year AS year
