// Pages: how many topics `page_topics` pages through.
MATCH (t:Topic)
WHERE ($name = '' OR t.name CONTAINS $name) AND EXISTS { MATCH (t)<-[:ABOUT]-(:Measure) }
RETURN count(t) AS total
