// How many targets the `targets` query pages through.
MATCH (t:Target)
WHERE $doc_id = '' OR t.doc_id = $doc_id
RETURN count(t) AS total
