// How many topics the `topics` query pages through.
MATCH (t:Topic)
WHERE ($name = '' OR t.name CONTAINS $name) AND EXISTS { MATCH (t)<-[:ABOUT]-(:Measure) }
RETURN count(t) AS total
