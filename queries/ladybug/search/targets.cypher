// Search, embedded store, while its word index is built: targets whose indicator holds every token ($t0 …
// $t3, '' for an unused slot), best first: 2 for each token, 3 when the whole query ($phrase) is in the
// indicator, 10 when it is the indicator; ties by document and position. One page of them.
MATCH (t:Target)
WHERE t.indicator CONTAINS $t0 AND ($t1 = '' OR t.indicator CONTAINS $t1) AND ($t2 = '' OR t.indicator CONTAINS $t2)
  AND ($t3 = '' OR t.indicator CONTAINS $t3)
WITH t, 2 + (CASE WHEN $t1 <> '' THEN 2 ELSE 0 END) + (CASE WHEN $t2 <> '' THEN 2 ELSE 0 END)
        + (CASE WHEN $t3 <> '' THEN 2 ELSE 0 END) + (CASE WHEN t.indicator CONTAINS $phrase THEN 3 ELSE 0 END)
        + (CASE WHEN t.indicator = $phrase THEN 10 ELSE 0 END) AS score
ORDER BY score DESC, t.doc_id, t.line, t.id
SKIP $offset LIMIT $limit
MATCH (d:Document {id: t.doc_id})
RETURN t.id AS id, t.indicator AS indicator, t.value AS value, t.unit AS unit, t.comparator AS comparator,
       t.due AS due, t.line AS line, score, d.id AS document_id, d.title AS document_title
ORDER BY score DESC, document_id, line, id
