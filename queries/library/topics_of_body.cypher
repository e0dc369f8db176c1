// question: 某个单位的任务涉及哪些主题？ | Which topics are a body's measures about?
// param body: str = '' | 单位名称或别名（完整写法） | the body's name or one of its aliases, in full
// param top: int = 20 | 列出多少个主题 | how many topics to list
// column topic: 主题
// column measures: 措施数
// example: body=市中级人民法院&top=5
MATCH (a:Actor)-[:RESPONSIBLE_FOR]->(m:Measure)-[:ABOUT]->(t:Topic)
WHERE a.name = $body OR $body IN a.aliases
RETURN t.name AS topic, count(m) AS measures
ORDER BY measures DESC, topic
LIMIT $top
