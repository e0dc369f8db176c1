// One document (loaded, or known only because it is cited) with its metadata and how many measures,
// targets and responsible bodies it has, how many documents it cites and how many cite it.
MATCH (d:Document {id: $id})
OPTIONAL MATCH (m:Measure {doc_id: d.id})
WITH d, count(m) AS measures
OPTIONAL MATCH (t:Target {doc_id: d.id})
WITH d, measures, count(t) AS targets
OPTIONAL MATCH (d)-[:CITES]->(c:Document)
WITH d, measures, targets, count(c) AS citations
OPTIONAL MATCH (d)<-[:CITES]-(b:Document)
WITH d, measures, targets, citations, count(b) AS cited_by
OPTIONAL MATCH (a:Actor)-[:RESPONSIBLE_FOR]->(:Measure {doc_id: d.id})
RETURN d.id AS id, d.title AS title, d.doc_number AS doc_number, d.issuer AS issuer, d.issued_on AS issued_on,
       d.region AS region, d.source_file AS source_file, d.wrapper_title AS wrapper_title,
       d.period_end AS period_end, measures, targets, citations, cited_by, count(DISTINCT a) AS bodies
