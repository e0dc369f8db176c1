// question: 某个单位和哪些单位共同承担任务？ | Which bodies share measures with a given body?
// param body: str = '' | 单位名称或别名（完整写法） | the body's name or one of its aliases, in full
// column partner: 合作单位
// column region: 地区
// column shared: 共同承担的措施
// column partner_leads: 其中对方牵头
// example: body=区市场监管局（知识产权局）
MATCH (a:Actor)-[:RESPONSIBLE_FOR]->(m:Measure)<-[r:RESPONSIBLE_FOR]-(b:Actor)
WHERE (a.name = $body OR $body IN a.aliases) AND a.id <> b.id
RETURN b.name AS partner, b.region AS region, count(m) AS shared,
       count(CASE WHEN r.role = 'lead' THEN 1 END) AS partner_leads
ORDER BY shared DESC, partner, region
