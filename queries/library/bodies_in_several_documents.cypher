// question: 哪些单位在多份文件中都承担任务？ | Which bodies own measures in several documents?
// param min: int = 2 | 至少在几份文件中 | in at least this many documents
// column body: 单位
// column region: 地区
// column documents: 文件数
// column measures: 措施数
// example: min=1
MATCH (a:Actor)-[:RESPONSIBLE_FOR]->(m:Measure)
WITH a, count(DISTINCT m.doc_id) AS documents, count(m) AS measures
WHERE documents >= $min
RETURN a.name AS body, a.region AS region, documents, measures
ORDER BY documents DESC, measures DESC, body, region
