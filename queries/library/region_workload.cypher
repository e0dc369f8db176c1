// question: 某地区各单位的任务量如何？ | How much does each body of a region own, by role?
// param region: str = '' | 地区（如 南通市），空为全部 | the region (南通市); '' for all
// column body: 单位
// column region: 地区
// column measures: 措施数
// column lead: 牵头
// column co: 配合
// column sole: 负责
// column unspecified: 未分主次
// example: region=南通市通州区
MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m:Measure)
WHERE $region = '' OR a.region = $region
RETURN a.name AS body, a.region AS region, count(m) AS measures,
       count(CASE WHEN r.role = 'lead' THEN 1 END) AS lead, count(CASE WHEN r.role = 'co' THEN 1 END) AS co,
       count(CASE WHEN r.role = 'sole' THEN 1 END) AS sole,
       count(CASE WHEN r.role = 'unspecified' THEN 1 END) AS unspecified
ORDER BY measures DESC, body, region
