// Pages: the sections one measure stands in, outermost first (its section path).
MATCH (m:Measure {id: $id})-[:PART_OF*1..12]->(s:Section)
RETURN s.id AS id, s.number AS number, s.title AS title, s.path AS path
ORDER BY s.char_start
