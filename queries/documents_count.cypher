// How many documents are loaded.
MATCH (d:Document)
WHERE d.source_file IS NOT NULL
RETURN count(d) AS total
