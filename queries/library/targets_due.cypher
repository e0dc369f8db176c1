// question: 哪些目标在某一年到期？ | Which targets are due in a given year?
// param year: str = '2025' | 年份（如 2025），或年月（2025-12） | a year (2025) or a month (2025-12)
// column document: 文件
// column indicator: 指标
// column comparator: 比较
// column value: 目标值
// column unit: 单位
// column due: 到期
// example: year=2025
MATCH (t:Target)
WHERE $year <> '' AND t.due STARTS WITH $year
MATCH (d:Document {id: t.doc_id})
RETURN d.title AS document, t.indicator AS indicator, t.comparator AS comparator, t.value AS value, t.unit AS unit,
       t.due AS due
ORDER BY due, document, indicator, value, comparator
