// Documents the loaded plans cite, with how many loaded documents cite each and whether the cited document is
// loaded itself; one page of them. $title ('' for all): a part of the cited title. $sort: citing (most cited
// first) or title.
MATCH (d:Document)-[:CITES]->(c:Document)
WHERE d.source_file IS NOT NULL AND ($title = '' OR c.title CONTAINS $title)
WITH c, count(d) AS citing
RETURN c.id AS id, c.title AS title, c.doc_number AS doc_number, c.issuer AS issuer, c.region AS region,
       c.source_file IS NOT NULL AS loaded, citing
ORDER BY CASE WHEN $sort = 'citing' THEN citing END DESC, title, id
SKIP $offset LIMIT $limit
