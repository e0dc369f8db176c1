// How many topics some measure is about.
MATCH (t:Topic)
WHERE EXISTS { MATCH (t)<-[:ABOUT]-(:Measure) }
RETURN count(t) AS total
