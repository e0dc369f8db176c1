// Pages: the sections of one document in text order, each with the id of what it is part of.
MATCH (d:Document {id: $id})<-[:PART_OF*1..12]-(s:Section)
MATCH (s)-[:PART_OF]->(parent)
RETURN s.id AS id, s.number AS number, s.title AS title, s.path AS path, s.line AS line,
       s.char_start AS char_start, parent.id AS parent
ORDER BY char_start, id
