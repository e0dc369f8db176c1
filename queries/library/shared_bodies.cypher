// question: 两份文件有哪些共同的责任单位？ | Which bodies are named in both of two plans?
// param first: str = '' | 第一份文件的 id 或标题中的词 | the first document's id or a part of its title
// param second: str = '' | 第二份文件的 id 或标题中的词 | the second document's id or a part of its title
// column body: 单位
// column region: 地区
// column in_first: 第一份文件中的措施
// column in_second: 第二份文件中的措施
// example: first=南通市国家知识产权保护示范区&second=南通市“十三五”
MATCH (a:Actor)-[:RESPONSIBLE_FOR]->(m1:Measure)
MATCH (d1:Document {id: m1.doc_id})
WHERE $first <> '' AND (d1.id = $first OR d1.title CONTAINS $first)
WITH a, count(m1) AS in_first
MATCH (a)-[:RESPONSIBLE_FOR]->(m2:Measure)
MATCH (d2:Document {id: m2.doc_id})
WHERE $second <> '' AND (d2.id = $second OR d2.title CONTAINS $second)
RETURN a.name AS body, a.region AS region, in_first, count(m2) AS in_second
ORDER BY body, region
