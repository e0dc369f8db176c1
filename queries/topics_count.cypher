// How many topics the `topics` query pages through (the API's list and the /topics page).
MATCH (t:Topic)
WHERE ($name = '' OR t.name CONTAINS $name) AND EXISTS { MATCH (t)<-[:ABOUT]-(:Measure) }
RETURN count(t) AS total
