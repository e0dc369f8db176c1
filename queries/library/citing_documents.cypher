// question: 哪些文件引用了某份文件？ | Which loaded documents cite a given document?
// param cited: str = '' | 被引用文件的 id 或标题中的词 | the cited document's id or a part of its title
// column cited: 被引用文件
// column document: 引用文件
// column issued_on: 印发日期
// column as_written: 原文写法
// example: cited=知识产权强国建设纲要
MATCH (d:Document)-[r:CITES]->(c:Document)
WHERE $cited <> '' AND (c.id = $cited OR c.title CONTAINS $cited) AND d.source_file IS NOT NULL
RETURN c.title AS cited, d.title AS document, d.issued_on AS issued_on, r.text AS as_written
ORDER BY cited, issued_on DESC, document
