// Search: the targets with the ids $ids (one page of hits), with their document, for display.
UNWIND $ids AS id
MATCH (t:Target {id: id})
MATCH (d:Document {id: t.doc_id})
RETURN t.id AS id, t.indicator AS indicator, t.value AS value, t.unit AS unit, t.comparator AS comparator,
       t.due AS due, t.line AS line, d.id AS document_id, d.title AS document_title
