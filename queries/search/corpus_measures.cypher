// Search index: every measure's id, title and text, by document and position as search ranks ties.
MATCH (m:Measure)
RETURN m.id AS id, m.title AS main, m.text AS other
ORDER BY m.doc_id, m.path, m.id
