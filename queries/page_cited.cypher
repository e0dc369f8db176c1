// Pages: documents that loaded documents cite, most cited first, optionally those whose title contains $title
// ('' for all); one page, with how many loaded documents cite each and whether it is loaded itself.
MATCH (c:Document)<-[:CITES]-(d:Document)
WHERE d.source_file IS NOT NULL AND ($title = '' OR c.title CONTAINS $title)
RETURN c.id AS id, c.title AS title, c.source_file IS NOT NULL AS loaded, count(d) AS citing
ORDER BY CASE WHEN $sort = 'citing' THEN citing END DESC, title, id
SKIP $offset LIMIT $limit
