# The policykg API for docker compose: waits for Neo4j, loads the sample corpus into it (unchanged documents
# are skipped on a restart), then serves the API and the views on port 8000.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY loaders loaders
COPY graph graph
COPY api api
COPY queries queries
RUN pip install --no-cache-dir .
COPY data/samples data/samples
ENV POLICYKG_STORE=neo4j
EXPOSE 8000
CMD ["sh", "-c", "policykg wait --timeout 180 && policykg load data/samples && exec policykg serve --host 0.0.0.0 --port 8000"]
