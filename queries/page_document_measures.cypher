// Pages: the measures of one document in text order, each with what it is part of and its deadline (owners:
// `page_document_owners`; one statement with both takes LadybugDB 0.22 a plan 200 times slower).
MATCH (d:Document {id: $id})<-[:PART_OF*1..12]-(m:Measure)
MATCH (m)-[:PART_OF]->(parent)
RETURN m.id AS id, m.number AS number, m.title AS title, m.text AS text, m.path AS path, m.kind AS kind,
       m.deadline AS deadline, m.deadline_text AS deadline_text, m.deadline_kind AS deadline_kind,
       m.deadline_date AS deadline_date, m.key_task AS key_task, m.line AS line, m.char_start AS char_start,
       parent.id AS parent
ORDER BY char_start, id
