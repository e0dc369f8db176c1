// question: 哪些文件没有写明任何责任单位？ | Which loaded documents name no responsible body at all?
// column document: 文件
// column region: 地区
// column measures: 措施数
// example:
MATCH (d:Document)
WHERE d.source_file IS NOT NULL
  AND NOT EXISTS { MATCH (:Actor)-[:RESPONSIBLE_FOR]->(m:Measure) WHERE m.doc_id = d.id }
OPTIONAL MATCH (m:Measure {doc_id: d.id})
RETURN d.title AS document, d.region AS region, count(m) AS measures
ORDER BY document, region
