// question: 各单位有多少项措施已过完成时限？ | How many measures of each body are past their deadline?
// param today: date = today | 以哪一天为准（YYYY-MM-DD），默认今天 | the day to count from (YYYY-MM-DD); today by default
// param region: str = '' | 只看该地区的单位，空为全部 | only bodies of this region; '' for all
// column body: 单位
// column region: 地区
// column overdue: 逾期措施数
// column oldest: 最早的时限
// example: today=2025-01-01
// Only measures with a dated deadline (deadline_kind dated) count: a recurring or long-term task is never overdue.
MATCH (a:Actor)-[:RESPONSIBLE_FOR]->(m:Measure)
WHERE m.deadline_kind = 'dated' AND m.deadline_date < $today AND ($region = '' OR a.region = $region)
RETURN a.name AS body, a.region AS region, count(m) AS overdue, min(m.deadline_date) AS oldest
ORDER BY overdue DESC, body, region
