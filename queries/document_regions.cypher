// The regions of the loaded documents, each once.
MATCH (d:Document)
WHERE d.source_file IS NOT NULL AND d.region IS NOT NULL
RETURN DISTINCT d.region AS region
ORDER BY region
