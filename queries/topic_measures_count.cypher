// How many measures are about one topic.
MATCH (m:Measure)-[:ABOUT]->(:Topic {name: $name})
RETURN count(m) AS total
