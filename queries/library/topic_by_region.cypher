// question: 某个主题的措施在各地区有多少？ | How many measures about a topic does each region have?
// param topic: str = '' | 主题词（如 商业秘密），见 /topics | the topic's word (商业秘密), see /topics
// column region: 地区
// column measures: 措施数
// column documents: 文件数
// example: topic=商业秘密
MATCH (m:Measure)-[:ABOUT]->(:Topic {name: $topic})
MATCH (d:Document {id: m.doc_id})
RETURN d.region AS region, count(m) AS measures, count(DISTINCT d.id) AS documents
ORDER BY measures DESC, region
