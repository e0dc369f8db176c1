// The targets one measure states.
MATCH (m:Measure {id: $id})-[:HAS_TARGET]->(t:Target)
RETURN t.id AS id, t.indicator AS indicator, t.value AS value, t.upper AS upper, t.unit AS unit,
       t.comparator AS comparator, t.due AS due, t.text AS text, t.sentence AS sentence, t.line AS line,
       t.source_file AS source_file, t.char_start AS char_start, t.char_end AS char_end
ORDER BY indicator
