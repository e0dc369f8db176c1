// Search: the documents with the ids $ids (one page of hits), for display.
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, d.title AS title, d.doc_number AS doc_number, d.issuer AS issuer, d.issued_on AS issued_on,
       d.region AS region, d.source_file IS NOT NULL AS loaded
