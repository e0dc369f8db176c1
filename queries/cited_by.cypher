// The loaded documents that cite one document, newest first, with the title as each wrote it and where.
MATCH (d:Document)-[r:CITES]->(c:Document {id: $id})
WHERE d.source_file IS NOT NULL
RETURN d.id AS id, d.title AS title, d.region AS region, d.issued_on AS issued_on, r.text AS text,
       r.line AS line, r.char_start AS char_start, r.char_end AS char_end
ORDER BY issued_on DESC, title, id
