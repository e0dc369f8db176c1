// question: 几个单位的任务量相比如何？ | How do several bodies compare, by role?
// param bodies: list = [] | 单位名称（完整写法），多个用逗号分隔 | the bodies' names in full, separated by commas
// column body: 单位
// column region: 地区
// column measures: 措施数
// column lead: 牵头
// column co: 配合
// column documents: 文件数
// example: bodies=市公安局,市中级人民法院,市检察院
MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m:Measure)
WHERE a.name IN $bodies
RETURN a.name AS body, a.region AS region, count(m) AS measures,
       count(CASE WHEN r.role = 'lead' THEN 1 END) AS lead, count(CASE WHEN r.role = 'co' THEN 1 END) AS co,
       count(DISTINCT m.doc_id) AS documents
ORDER BY measures DESC, body, region
