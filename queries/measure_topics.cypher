// The topics one measure is about, strongest first.
MATCH (m:Measure {id: $id})-[r:ABOUT]->(t:Topic)
RETURN t.name AS name, r.weight AS weight
ORDER BY weight DESC
