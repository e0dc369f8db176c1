// How many bodies the `actors` query pages through.
WITH $name AS word  // a parameter inside any(…) trips an assertion in LadybugDB 0.22; a variable does not
MATCH (a:Actor)
WHERE (word = '' OR a.name CONTAINS word OR any(alias IN a.aliases WHERE alias CONTAINS word))
  AND ($region = '' OR a.region = $region) AND ($kind = '' OR a.kind = $kind) AND ($level = '' OR a.level = $level)
  AND (NOT $with_measures_only OR EXISTS { MATCH (a)-[:RESPONSIBLE_FOR]->(:Measure) })
RETURN count(a) AS total
