// question: 同一指标在各文件中定了什么目标值？ | What values do the documents set for one indicator?
// param indicator: str = '' | 指标名称中的词（如 发明专利） | a part of the indicator's name (发明专利)
// column indicator: 指标
// column region: 地区
// column document: 文件
// column comparator: 比较
// column value: 目标值
// column unit: 单位
// column due: 到期
// example: indicator=发明专利
MATCH (t:Target)
WHERE $indicator <> '' AND t.indicator CONTAINS $indicator
MATCH (d:Document {id: t.doc_id})
RETURN t.indicator AS indicator, d.region AS region, d.title AS document, t.comparator AS comparator,
       t.value AS value, t.unit AS unit, t.due AS due
ORDER BY indicator, region, due, value, document, comparator
