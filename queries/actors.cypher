// Responsible bodies, busiest first, with how many measures each holds in every role; one page of them.
// $with_measures_only: leave out bodies that own no measure (named only as an issuer).
MATCH (a:Actor)
OPTIONAL MATCH (a)-[r:RESPONSIBLE_FOR]->(:Measure)
WITH a, count(r.role) AS measures, count(CASE WHEN r.role = 'lead' THEN 1 END) AS lead,
     count(CASE WHEN r.role = 'co' THEN 1 END) AS co, count(CASE WHEN r.role = 'sole' THEN 1 END) AS sole,
     count(CASE WHEN r.role = 'unspecified' THEN 1 END) AS unspecified
WHERE measures > 0 OR NOT $with_measures_only
RETURN a.id AS id, a.name AS name, a.aliases AS aliases, a.region AS region, a.kind AS kind, a.level AS level,
       measures, lead, co, sole, unspecified
ORDER BY measures DESC, name, id
SKIP $offset LIMIT $limit
