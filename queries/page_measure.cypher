// Pages: one measure with its normalised deadline, where it stands in the source, and its document.
MATCH (m:Measure {id: $id})
MATCH (d:Document {id: m.doc_id})
RETURN m.id AS id, m.number AS number, m.path AS path, m.title AS title, m.text AS text, m.kind AS kind,
       m.category AS category, m.deadline AS deadline, m.deadline_text AS deadline_text,
       m.deadline_kind AS deadline_kind, m.deadline_date AS deadline_date, m.key_task AS key_task,
       m.source_file AS source_file, m.line AS line, m.char_start AS char_start, m.char_end AS char_end,
       d.id AS document_id, d.title AS document_title
