// question: 哪两个单位共同承担的任务最多？ | Which pairs of bodies share the most measures?
// param top: int = 10 | 列出多少对 | how many pairs to list
// column first: 单位一
// column second: 单位二
// column shared: 共同承担的措施
// example: top=5
MATCH (a:Actor)-[:RESPONSIBLE_FOR]->(m:Measure)<-[:RESPONSIBLE_FOR]-(b:Actor)
WHERE a.id < b.id
RETURN a.name AS first, b.name AS second, count(m) AS shared
ORDER BY shared DESC, first, second
LIMIT $top
