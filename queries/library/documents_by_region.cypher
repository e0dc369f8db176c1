// question: 各地区载入了多少文件和措施？ | How many documents and measures has each region?
// column region: 地区
// column documents: 文件数
// column measures: 措施数
// example:
MATCH (d:Document)
WHERE d.source_file IS NOT NULL
OPTIONAL MATCH (m:Measure {doc_id: d.id})
RETURN d.region AS region, count(DISTINCT d.id) AS documents, count(m) AS measures
ORDER BY documents DESC, measures DESC, region
