// question: 某份文件的目标按到期年份有哪些？ | What targets does a document set, by the year they are due?
// param document: str = '' | 文件的 id 或标题中的词 | the document's id or a part of its title
// column year: 到期年份
// column indicator: 指标
// column comparator: 比较
// column value: 目标值
// column unit: 单位
// column document: 文件
// example: document=泰州市
MATCH (d:Document)
WHERE $document <> '' AND (d.id = $document OR d.title CONTAINS $document)
MATCH (t:Target {doc_id: d.id})
RETURN left(t.due, 4) AS year, t.indicator AS indicator, t.comparator AS comparator, t.value AS value,
       t.unit AS unit, d.title AS document
ORDER BY year, indicator, value, comparator, document
