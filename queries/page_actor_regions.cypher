// Pages: the regions of bodies that own measures, each once (the choices of the bodies page's region filter).
MATCH (a:Actor)
WHERE a.region IS NOT NULL AND EXISTS { MATCH (a)-[:RESPONSIBLE_FOR]->(:Measure) }
RETURN DISTINCT a.region AS region
ORDER BY region
