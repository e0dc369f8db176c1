// Search index: every body's id, name and aliases, in the order search ranks ties (by name).
MATCH (a:Actor)
RETURN a.id AS id, a.name AS main, a.aliases AS other
ORDER BY a.name, a.id
