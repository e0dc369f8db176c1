// Pages: the documents one document cites (direction 'cites') and the documents that cite it ('cited_by'),
// with the title as written and where the citation stands.
MATCH (d:Document {id: $id})-[c:CITES]->(other:Document)
RETURN 'cites' AS direction, other.id AS id, other.title AS title, other.source_file IS NOT NULL AS loaded,
       other.issued_on AS issued_on, c.text AS text, c.line AS line, c.char_start AS char_start
UNION ALL
MATCH (d:Document {id: $id})<-[c:CITES]-(other:Document)
RETURN 'cited_by' AS direction, other.id AS id, other.title AS title, other.source_file IS NOT NULL AS loaded,
       other.issued_on AS issued_on, c.text AS text, c.line AS line, c.char_start AS char_start
