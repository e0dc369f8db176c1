"""Chinese pages for officials, server-rendered from api/templates: one module per resource (documents, bodies,
measures, cited documents, targets, topics, the deadline board), each list filterable, sortable, paged through
`page()` and downloadable as CSV or .xlsx (api/pages/lists.py). JSON stays at /api/...."""
