// question: 哪些上级文件被引用最多？ | Which documents do the loaded plans cite most?
// param top: int = 10 | 列出多少份文件 | how many documents to list
// column cited: 被引用文件
// column citing: 引用它的文件数
// column loaded: 是否已载入
// example: top=5
MATCH (d:Document)-[:CITES]->(c:Document)
WHERE d.source_file IS NOT NULL
RETURN c.title AS cited, count(d) AS citing, c.source_file IS NOT NULL AS loaded
ORDER BY citing DESC, cited
LIMIT $top
