// Search, Neo4j: how many documents search/documents finds.
CALL db.index.fulltext.queryNodes('document_titles', $lucene) YIELD node AS d
WHERE all(t IN [$t0, $t1, $t2, $t3] WHERE d.title CONTAINS t OR d.doc_number CONTAINS t)
RETURN count(d) AS total
