// question: 哪些措施没有责任单位？ | Which measures does no body own?
// param document: str = '' | 文件的 id 或标题中的词，空为全部文件 | a document's id or a part of its title; '' for all
// column document: 文件
// column path: 位置
// column measure: 措施
// column measure_id: 措施 id
// example: document=南通市“十三五”
// A measure counts as owned when a body is named on it or on a task-table row that restates it.
MATCH (m:Measure)
WHERE NOT EXISTS { MATCH (:Actor)-[:RESPONSIBLE_FOR]->(m) }
  AND NOT EXISTS { MATCH (:Actor)-[:RESPONSIBLE_FOR]->(:Measure)-[:IMPLEMENTS]->(m) }
MATCH (d:Document {id: m.doc_id})
WHERE $document = '' OR d.id = $document OR d.title CONTAINS $document
RETURN d.title AS document, m.path AS path, m.title AS measure, m.id AS measure_id
ORDER BY document, m.char_start, measure_id
