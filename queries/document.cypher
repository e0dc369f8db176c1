// One loaded or cited document by id, with the metadata a citation's page shows.
MATCH (d:Document {id: $id})
RETURN d.id AS id, d.title AS title, d.doc_number AS doc_number, d.issuer AS issuer, d.region AS region,
       d.source_file AS source_file
