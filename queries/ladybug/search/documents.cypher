// Search, embedded store, while its word index is built: documents (loaded or cited) whose title or 文号
// holds each token ($t0 … $t3, '' for an unused slot), best first: 2 for each token in the title, 3 when the
// whole query ($phrase) is in the title, 10 when it is the title; ties newest first. One page of them.
MATCH (d:Document)
WHERE (d.title CONTAINS $t0 OR d.doc_number CONTAINS $t0)
  AND ($t1 = '' OR d.title CONTAINS $t1 OR d.doc_number CONTAINS $t1)
  AND ($t2 = '' OR d.title CONTAINS $t2 OR d.doc_number CONTAINS $t2)
  AND ($t3 = '' OR d.title CONTAINS $t3 OR d.doc_number CONTAINS $t3)
WITH d, (CASE WHEN d.title CONTAINS $t0 THEN 2 ELSE 0 END)
        + (CASE WHEN $t1 <> '' AND d.title CONTAINS $t1 THEN 2 ELSE 0 END)
        + (CASE WHEN $t2 <> '' AND d.title CONTAINS $t2 THEN 2 ELSE 0 END)
        + (CASE WHEN $t3 <> '' AND d.title CONTAINS $t3 THEN 2 ELSE 0 END)
        + (CASE WHEN d.title CONTAINS $phrase THEN 3 ELSE 0 END) + (CASE WHEN d.title = $phrase THEN 10 ELSE 0 END)
        AS score
ORDER BY score DESC, d.issued_on DESC, d.title, d.id
SKIP $offset LIMIT $limit
RETURN d.id AS id, d.title AS title, d.doc_number AS doc_number, d.issuer AS issuer, d.issued_on AS issued_on,
       d.region AS region, d.source_file IS NOT NULL AS loaded, score
ORDER BY score DESC, issued_on DESC, title, id
