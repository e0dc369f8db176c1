// Pages: how many measures, targets, topics and cited documents the graph holds (the start page's counts).
RETURN COUNT { MATCH (:Measure) } AS measures, COUNT { MATCH (:Target) } AS targets,
       COUNT { MATCH (:Topic) } AS topics,
       COUNT { MATCH (c:Document) WHERE EXISTS { MATCH (c)<-[:CITES]-(:Document) } } AS cited
