// Search: the measures with the ids $ids (one page of hits), with their document, for display.
UNWIND $ids AS id
MATCH (m:Measure {id: id})
MATCH (d:Document {id: m.doc_id})
RETURN m.id AS id, m.path AS path, m.title AS title, m.text AS text, d.id AS document_id, d.title AS document_title
