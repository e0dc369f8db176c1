// Search index: every target's id and indicator, by document and position as search ranks ties.
MATCH (t:Target)
RETURN t.id AS id, t.indicator AS main, '' AS other
ORDER BY t.doc_id, t.line, t.id
