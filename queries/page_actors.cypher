// Pages: bodies that own measures, filtered by $region, $kind, $level (exact) and $name (part of the name or of
// an alias); '' for no filter. Sorted by $sort (measures, name, region); one page, with measures by role.
// $name is bound first: LadybugDB 0.22 fails on a parameter inside any(…).
WITH $name AS word
MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(:Measure)
WHERE ($region = '' OR a.region = $region) AND ($kind = '' OR a.kind = $kind) AND ($level = '' OR a.level = $level)
  AND (word = '' OR a.name CONTAINS word OR any(alias IN a.aliases WHERE alias CONTAINS word))
WITH a, count(r) AS measures, count(CASE WHEN r.role = 'lead' THEN 1 END) AS lead,
     count(CASE WHEN r.role = 'co' THEN 1 END) AS co, count(CASE WHEN r.role = 'sole' THEN 1 END) AS sole,
     count(CASE WHEN r.role IS NULL OR r.role = 'unspecified' THEN 1 END) AS unspecified
RETURN a.id AS id, a.name AS name, a.aliases AS aliases, a.region AS region, a.kind AS kind, a.level AS level,
       measures, lead, co, sole, unspecified
ORDER BY CASE WHEN $sort = 'measures' THEN measures END DESC, CASE WHEN $sort = 'region' THEN region END,
         name, id
SKIP $offset LIMIT $limit
