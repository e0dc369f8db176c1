// Task-table rows and body measures that restate one another, seen from one measure.
MATCH (m:Measure {id: $id})-[l:IMPLEMENTS]-(other:Measure)
RETURN other.id AS id, other.path AS path, other.title AS title, l.score AS score,
       CASE WHEN other.kind = 'table_row' THEN 'implemented_by' ELSE 'implements' END AS direction
ORDER BY path
