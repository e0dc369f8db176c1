// Quantified targets with their document, grouped by document and in text order; $doc_id filters by
// document ('' for all documents); one page of them.
MATCH (t:Target)
WHERE $doc_id = '' OR t.doc_id = $doc_id
WITH t
ORDER BY t.doc_id, t.line, t.id
SKIP $offset LIMIT $limit
MATCH (d:Document {id: t.doc_id})
RETURN t.id AS id, t.indicator AS indicator, t.value AS value, t.upper AS upper, t.unit AS unit,
       t.comparator AS comparator, t.due AS due, t.text AS text, t.sentence AS sentence, t.line AS line,
       t.source_file AS source_file, t.char_start AS char_start, t.char_end AS char_end,
       d.id AS document_id, d.title AS document_title
ORDER BY document_id, line, id
