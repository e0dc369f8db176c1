// question: 各单位承担了多少项重点任务（★）？ | How many key tasks (★) does each body own?
// param top: int = 20 | 列出多少个单位 | how many bodies to list
// column body: 单位
// column region: 地区
// column key_tasks: 重点任务
// column leading: 其中牵头
// example: top=5
MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m:Measure)
WHERE m.key_task = true
RETURN a.name AS body, a.region AS region, count(m) AS key_tasks,
       count(CASE WHEN r.role = 'lead' THEN 1 END) AS leading
ORDER BY key_tasks DESC, body, region
LIMIT $top
