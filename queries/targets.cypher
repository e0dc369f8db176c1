// Quantified targets with their document; one page of them. Filters ('' for none): $doc_id, the document;
// $due, the start of the due date (a year such as 2025, or 2025-12); $indicator, a part of the indicator's name.
// $sort: document (by document and in text order), due (earliest first) or indicator.
MATCH (t:Target)
WHERE ($doc_id = '' OR t.doc_id = $doc_id) AND ($due = '' OR t.due STARTS WITH $due)
  AND ($indicator = '' OR t.indicator CONTAINS $indicator)
WITH t
ORDER BY CASE WHEN $sort = 'due' THEN t.due END, CASE WHEN $sort = 'indicator' THEN t.indicator END,
         t.doc_id, t.line, t.id
SKIP $offset LIMIT $limit
MATCH (d:Document {id: t.doc_id})
RETURN t.id AS id, t.indicator AS indicator, t.value AS value, t.upper AS upper, t.unit AS unit,
       t.comparator AS comparator, t.due AS due, t.text AS text, t.sentence AS sentence, t.line AS line,
       t.source_file AS source_file, t.char_start AS char_start, t.char_end AS char_end,
       d.id AS document_id, d.title AS document_title
ORDER BY CASE WHEN $sort = 'due' THEN due END, CASE WHEN $sort = 'indicator' THEN indicator END, document_id, line, id
