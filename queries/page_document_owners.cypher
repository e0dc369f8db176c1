// Pages: who owns each measure of one document: the body, its role, and the note and line it was read from.
MATCH (d:Document {id: $id})<-[:PART_OF*1..12]-(m:Measure)<-[r:RESPONSIBLE_FOR]-(a:Actor)
RETURN m.id AS measure, a.id AS id, a.name AS name, r.role AS role, r.text AS evidence, r.line AS line
ORDER BY measure, line, name, id
