// Search index: every document's id, title and 文号 (loaded and cited ones), newest first as search ranks ties.
MATCH (d:Document)
RETURN d.id AS id, d.title AS main, d.doc_number AS other
ORDER BY d.issued_on DESC, d.title, d.id
