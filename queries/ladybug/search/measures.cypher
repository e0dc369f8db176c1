// Search, embedded store, while its in-app word index (graph/search_index.py) is built for the current graph
// version: measures whose text holds every token ($t0 … $t3, longest first, '' for an unused slot: CONTAINS ''
// is false in LadybugDB), best first: 2 for each token also in the title, 3 when the whole query ($phrase)
// is in the title, 10 when it is the title; ties by document and position. One page of them.
MATCH (m:Measure)
WHERE m.text CONTAINS $t0 AND ($t1 = '' OR m.text CONTAINS $t1) AND ($t2 = '' OR m.text CONTAINS $t2)
  AND ($t3 = '' OR m.text CONTAINS $t3)
WITH m, (CASE WHEN m.title CONTAINS $t0 THEN 2 ELSE 0 END)
        + (CASE WHEN $t1 <> '' AND m.title CONTAINS $t1 THEN 2 ELSE 0 END)
        + (CASE WHEN $t2 <> '' AND m.title CONTAINS $t2 THEN 2 ELSE 0 END)
        + (CASE WHEN $t3 <> '' AND m.title CONTAINS $t3 THEN 2 ELSE 0 END)
        + (CASE WHEN m.title CONTAINS $phrase THEN 3 ELSE 0 END) + (CASE WHEN m.title = $phrase THEN 10 ELSE 0 END)
        AS score
ORDER BY score DESC, m.doc_id, m.path, m.id
SKIP $offset LIMIT $limit
MATCH (d:Document {id: m.doc_id})
RETURN m.id AS id, m.path AS path, m.title AS title, m.text AS text, score, d.id AS document_id,
       d.title AS document_title
ORDER BY score DESC, document_id, path, id
