// question: 某个单位在各份文件中承担哪些任务？ | What does one body own, across all documents?
// param body: str = '' | 单位名称或别名（完整写法，如 市中级人民法院） | the body's name or one of its aliases, in full
// column region: 地区
// column document: 文件
// column path: 位置
// column measure: 措施
// column role: 角色
// column deadline: 完成时限
// example: body=市中级人民法院
MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m:Measure)
WHERE a.name = $body OR $body IN a.aliases
MATCH (d:Document {id: m.doc_id})
RETURN a.region AS region, d.title AS document, m.path AS path, m.title AS measure, r.role AS role,
       m.deadline AS deadline
ORDER BY region, document, m.char_start, role
