// How many measures match $q as a phrase in the cjk full-text index.
CALL db.index.fulltext.queryNodes('measure_text', '"' + replace(replace($q, '\\', '\\\\'), '"', '\\"') + '"')
YIELD node
RETURN count(node) AS total
