// question: 各份文件的措施有哪些类型的完成时限？ | What kinds of deadline do each document's measures have?
// column document: 文件
// column deadline_kind: 时限类型
// column measures: 措施数
// example:
// deadline_kind: dated (a date), recurring (每年), ongoing (长期坚持), period_end (the plan period's end), none.
MATCH (m:Measure)
MATCH (d:Document {id: m.doc_id})
RETURN d.title AS document, m.deadline_kind AS deadline_kind, count(m) AS measures
ORDER BY document, measures DESC, deadline_kind
