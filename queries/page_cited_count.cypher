// Pages: how many cited documents `page_cited` pages through.
MATCH (c:Document)
WHERE ($title = '' OR c.title CONTAINS $title)
  AND EXISTS { MATCH (c)<-[:CITES]-(d:Document) WHERE d.source_file IS NOT NULL }
RETURN count(c) AS total
