// How many measures contain $q in their title or text.
MATCH (m:Measure)
WHERE m.text CONTAINS $q OR m.title CONTAINS $q
RETURN count(m) AS total
