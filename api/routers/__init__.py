"""The JSON API, one router per resource (api/routes.py assembles them), and the analyst pages (search, the
query library, the Cypher console) beside the endpoints they share their work with."""
