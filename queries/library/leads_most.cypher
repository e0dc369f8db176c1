// question: 哪些单位牵头的措施最多？ | Which bodies lead the most measures?
// param top: int = 20 | 列出多少个单位 | how many bodies to list
// param region: str = '' | 只看该地区的单位（如 南通市），空为全部 | only bodies of this region (南通市); '' for all
// column body: 单位
// column region: 地区
// column measures: 牵头措施数
// example: top=5
MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m:Measure)
WHERE r.role = 'lead' AND ($region = '' OR a.region = $region)
RETURN a.name AS body, a.region AS region, count(m) AS measures
ORDER BY measures DESC, body, region
LIMIT $top
