// The bodies responsible for one measure: named on the measure itself, or on a task-table row that
// restates it (via = that row's id). Each with its role, the note and the sentence it was read from.
MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m:Measure {id: $id})
RETURN a.id AS id, a.name AS name, r.role AS role, r.text AS evidence, r.sentence AS sentence, r.line AS line,
       r.char_start AS char_start, r.char_end AS char_end, '' AS via
UNION ALL
MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(row:Measure)-[:IMPLEMENTS]->(m:Measure {id: $id})
RETURN a.id AS id, a.name AS name, r.role AS role, r.text AS evidence, r.sentence AS sentence, r.line AS line,
       r.char_start AS char_start, r.char_end AS char_end, row.id AS via
