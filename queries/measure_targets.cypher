// The targets one measure states.
MATCH (m:Measure {id: $id})-[:HAS_TARGET]->(t:Target)
RETURN t.id AS id, t.indicator AS indicator, t.value AS value, t.upper AS upper, t.unit AS unit,
       t.comparator AS comparator, t.due AS due, t.text AS text
ORDER BY indicator
