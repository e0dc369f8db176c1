// How many bodies the `actors` query pages through.
MATCH (a:Actor)
WHERE NOT $with_measures_only OR EXISTS { MATCH (a)-[:RESPONSIBLE_FOR]->(:Measure) }
RETURN count(a) AS total
