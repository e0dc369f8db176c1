// Pages: how many bodies the `page_actors` filters keep.
// $name is bound first: LadybugDB 0.22 fails on a parameter inside any(…).
WITH $name AS word
MATCH (a:Actor)
WHERE ($region = '' OR a.region = $region) AND ($kind = '' OR a.kind = $kind) AND ($level = '' OR a.level = $level)
  AND (word = '' OR a.name CONTAINS word OR any(alias IN a.aliases WHERE alias CONTAINS word))
  AND EXISTS { MATCH (a)-[:RESPONSIBLE_FOR]->(:Measure) }
RETURN count(a) AS total
