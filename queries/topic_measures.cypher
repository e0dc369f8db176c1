// The measures about one topic (by its word, e.g. 商业秘密), strongest first, with their document; one page
// (cut before the documents are looked up).
MATCH (m:Measure)-[r:ABOUT]->(t:Topic {name: $name})
WITH m, r
ORDER BY r.weight DESC, m.doc_id, m.path, m.id
SKIP $offset LIMIT $limit
MATCH (d:Document {id: m.doc_id})
RETURN m.id AS id, m.path AS path, m.title AS title, m.text AS text, r.weight AS weight,
       d.id AS document_id, d.title AS document_title
ORDER BY weight DESC, document_id, path, id
