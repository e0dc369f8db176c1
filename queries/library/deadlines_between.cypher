// question: 哪些措施的完成时限在某段时间内？ | Which measures fall due within a period?
// param since: date = today | 起始日期（含），默认今天 | the first day (included); today by default
// param until: date = '2030-12-31' | 截止日期（含） | the last day (included)
// column deadline_date: 时限日期
// column deadline: 完成时限
// column document: 文件
// column path: 位置
// column measure: 措施
// example: since=2025-01-01&until=2025-12-31
// Only measures with a dated deadline; deadline_date is the last day of the month or year the text names.
MATCH (m:Measure)
WHERE m.deadline_kind = 'dated' AND m.deadline_date >= $since AND m.deadline_date <= $until
MATCH (d:Document {id: m.doc_id})
RETURN m.deadline_date AS deadline_date, m.deadline_text AS deadline, d.title AS document, m.path AS path,
       m.title AS measure
ORDER BY deadline_date, document, m.char_start, path
