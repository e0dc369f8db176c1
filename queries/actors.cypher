// Responsible bodies, busiest first, with how many measures each holds in every role; one page of them.
// $with_measures_only: leave out bodies that own no measure (named only as an issuer). Filters ('' for none):
// $name, a part of the body's name or of one of its aliases; $region; $kind; $level.
WITH $name AS word  // a parameter inside any(…) trips an assertion in LadybugDB 0.22; a variable does not
MATCH (a:Actor)
WHERE (word = '' OR a.name CONTAINS word OR any(alias IN a.aliases WHERE alias CONTAINS word))
  AND ($region = '' OR a.region = $region) AND ($kind = '' OR a.kind = $kind) AND ($level = '' OR a.level = $level)
OPTIONAL MATCH (a)-[r:RESPONSIBLE_FOR]->(:Measure)
WITH a, count(r.role) AS measures, count(CASE WHEN r.role = 'lead' THEN 1 END) AS lead,
     count(CASE WHEN r.role = 'co' THEN 1 END) AS co, count(CASE WHEN r.role = 'sole' THEN 1 END) AS sole,
     count(CASE WHEN r.role = 'unspecified' THEN 1 END) AS unspecified
WHERE measures > 0 OR NOT $with_measures_only
RETURN a.id AS id, a.name AS name, a.aliases AS aliases, a.region AS region, a.kind AS kind, a.level AS level,
       measures, lead, co, sole, unspecified
ORDER BY measures DESC, name, id
SKIP $offset LIMIT $limit
