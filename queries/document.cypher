// One loaded or cited document by id.
MATCH (d:Document {id: $id})
RETURN d.id AS id, d.title AS title
