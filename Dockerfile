# The policykg API for docker compose: waits for Neo4j, loads the sample corpus into it (unchanged documents
# are skipped on a restart), then serves the API and the views on port 8000. Runs as the unprivileged user
# policykg, which owns only /app/data (docs/security.md).
FROM python:3.11-slim
RUN useradd --system --uid 10001 --user-group --home-dir /app --no-create-home --shell /usr/sbin/nologin policykg
WORKDIR /app
COPY pyproject.toml README.md ./
COPY loaders loaders
COPY graph graph
COPY api api
COPY queries queries
RUN pip install --no-cache-dir .
COPY data/samples data/samples
RUN chown -R policykg:policykg /app/data
USER policykg
ENV POLICYKG_STORE=neo4j
EXPOSE 8000
# Inside the container the server listens on every interface; docker-compose.yml publishes it on 127.0.0.1.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
CMD ["sh", "-c", "policykg wait --timeout 180 && policykg load data/samples && exec policykg serve --host 0.0.0.0 --port 8000"]
