// Pages: quantified targets filtered by $indicator (part of it), $year (of the due date) and $document ('' for no
// filter), sorted by $sort (document: by document and text order; due; indicator); one page, with the document.
MATCH (t:Target)
WHERE ($document = '' OR t.doc_id = $document) AND ($indicator = '' OR t.indicator CONTAINS $indicator)
  AND ($year = '' OR t.due STARTS WITH $year)
WITH t
ORDER BY CASE WHEN $sort = 'due' THEN t.due END, CASE WHEN $sort = 'indicator' THEN t.indicator END,
         t.doc_id, t.line, t.id
SKIP $offset LIMIT $limit
MATCH (d:Document {id: t.doc_id})
RETURN t.id AS id, t.indicator AS indicator, t.value AS value, t.upper AS upper, t.unit AS unit,
       t.comparator AS comparator, t.due AS due, t.text AS text, t.sentence AS sentence, t.line AS line,
       d.id AS document_id, d.title AS document_title
ORDER BY CASE WHEN $sort = 'due' THEN due END, CASE WHEN $sort = 'indicator' THEN indicator END, document_id, line, id
