// Every target with its document; $doc_id filters by document ('' for all documents).
MATCH (t:Target)
MATCH (d:Document {id: t.doc_id})
WHERE $doc_id = '' OR d.id = $doc_id
RETURN t.id AS id, t.indicator AS indicator, t.value AS value, t.upper AS upper, t.unit AS unit,
       t.comparator AS comparator, t.due AS due, t.text AS text, t.sentence AS sentence, t.line AS line,
       t.source_file AS source_file, t.char_start AS char_start, t.char_end AS char_end,
       d.id AS document_id, d.title AS document_title
ORDER BY document_title, line
