// question: 哪些措施有多个牵头单位？ | Which measures have more than one lead body?
// column document: 文件
// column path: 位置
// column measure: 措施
// column leads: 牵头单位数
// column lead: 牵头单位
// example:
// One row per measure and lead body.
MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m:Measure)
WHERE r.role = 'lead'
WITH m, count(a) AS leads
WHERE leads > 1
MATCH (b:Actor)-[s:RESPONSIBLE_FOR]->(m)
WHERE s.role = 'lead'
MATCH (d:Document {id: m.doc_id})
RETURN d.title AS document, m.path AS path, m.title AS measure, leads, b.name AS lead
ORDER BY document, m.char_start, lead
