// question: 哪些单位在机构改革中更名或并入了其他单位？ | Which bodies were renamed or merged in a reform?
// param body: str = '' | 只看名称中含此词的单位，空为全部 | only bodies whose name contains this; '' for all
// column former: 原单位
// column successor: 现单位
// column year: 改革年份
// column region: 地区
// example:
// The lineage is the SUCCEEDED_BY edges (loaders/data/body_aliases.tsv), over one or more reforms.
MATCH (old:Actor)-[s:SUCCEEDED_BY]->(new:Actor)
WHERE $body = '' OR old.name CONTAINS $body OR new.name CONTAINS $body
RETURN old.name AS former, new.name AS successor, s.year AS year, old.region AS region
ORDER BY year, former, successor
