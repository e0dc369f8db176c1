// question: 各类、各级单位有多少，承担了多少任务？ | How many bodies of each kind and level are there, and how much do they own?
// column kind: 类型
// column level: 层级
// column bodies: 单位数
// column responsibilities: 责任分工数
// example:
MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(:Measure)
RETURN a.kind AS kind, a.level AS level, count(DISTINCT a.id) AS bodies, count(r) AS responsibilities
ORDER BY responsibilities DESC, bodies DESC, kind, level
