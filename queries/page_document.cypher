// Pages: one document (loaded, or known only because a loaded one cites it) with the bodies that issued it.
MATCH (d:Document {id: $id})
OPTIONAL MATCH (d)-[:ISSUED_BY]->(a:Actor)
RETURN d.id AS id, d.title AS title, d.doc_number AS doc_number, d.issuer AS issuer, d.issued_on AS issued_on,
       d.region AS region, d.source_file AS source_file, d.wrapper_title AS wrapper_title,
       d.period_end AS period_end, collect({id: a.id, name: a.name}) AS issuers
