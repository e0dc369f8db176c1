"""What can be checked of production without a Docker engine or a Neo4j server: the compose file validates,
it agrees with the Dockerfile, the CLI and the README; Neo4j's own parser accepts every shipped statement."""

import json
import re
import shlex
import shutil
import subprocess
import sys

import pytest
import yaml
from click.testing import CliRunner

from api.cli import main
from graph import schema
from graph.stores import writer
from tests.conftest import ROOT, embedded

LINT = ROOT / "tools" / "cypher-lint"


@pytest.fixture(scope="module")
def compose() -> dict:
    if not shutil.which("docker-compose"):
        pytest.skip("docker-compose is installed by `make test` (make compose-check)")
    result = subprocess.run(["docker-compose", "--env-file", ".env.example", "config"], cwd=ROOT,
                            capture_output=True, text=True, check=True)
    return yaml.safe_load(result.stdout)


def _dockerfile() -> str:
    return (ROOT / "Dockerfile").read_text(encoding="utf-8")


def test_compose_runs_neo4j_5_with_a_volume_a_healthcheck_and_the_password_from_env(compose):
    neo4j = compose["services"]["neo4j"]
    assert neo4j["image"].startswith("neo4j:5") and "healthcheck" in neo4j
    volumes = [v.split(":") for v in neo4j["volumes"]]  # named volume : path in the container : mode
    assert any(v[0] in compose["volumes"] and v[1] == "/data" for v in volumes)
    assert neo4j["environment"]["NEO4J_AUTH"] == "neo4j/change-me-please"  # from .env.example


def test_the_api_service_points_at_the_neo4j_service_and_serves_port_8000(compose):
    api = compose["services"]["api"]
    assert api["build"]["context"] == str(ROOT) and api["build"].get("dockerfile", "Dockerfile") == "Dockerfile"
    env = api["environment"]
    assert env["POLICYKG_STORE"] == "neo4j" and env["NEO4J_PASSWORD"] == "change-me-please"
    assert re.fullmatch(r"bolt://neo4j:7687", env["NEO4J_URI"])
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    published = {str(p.get("target")) if isinstance(p, dict) else p.split(":")[-1] for p in api["ports"]}
    assert "8000" in published and "EXPOSE 8000" in _dockerfile()


def test_the_dockerfile_command_uses_real_cli_commands_and_ships_what_it_loads():
    command = json.loads(re.search(r"^CMD (.+)$", _dockerfile(), re.M).group(1))[-1]
    steps = [shlex.split(step.replace("exec ", "")) for step in command.split("&&")]
    assert [s[1] for s in steps] == ["wait", "load", "serve"]
    for step in steps:
        assert CliRunner().invoke(main, [*step[1:], "--help"]).exit_code == 0
    assert "--port" in steps[2] and steps[2][steps[2].index("--port") + 1] == "8000"
    copied = re.findall(r"^COPY (\S+) ", _dockerfile(), re.M)
    assert steps[1][2] in copied and all((ROOT / c).exists() for c in copied if c != "pyproject.toml")


def test_the_readme_explains_compose_and_an_existing_neo4j():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docker compose up" in readme and "cp .env.example .env" in readme
    assert "http://localhost:8000" in readme and "--store neo4j" in readme and "NEO4J_URI" in readme


def _lint(catalogue: dict) -> subprocess.CompletedProcess:
    if not (LINT / "node_modules" / ".installed").exists():
        pytest.skip("the Cypher linter is installed by `make test` (make lint-cypher)")
    return subprocess.run(["node", "lint.mjs"], cwd=LINT, input=json.dumps(catalogue), capture_output=True,
                          text=True)


def test_neo4j_parser_passes_every_shipped_statement_and_catches_a_broken_one():
    sys.path.insert(0, str(LINT))
    try:
        from statements import catalogue
    finally:
        sys.path.pop(0)
    shipped = catalogue()
    result = _lint(shipped)
    assert result.returncode == 0, result.stdout
    assert f"checked {len(shipped['statements'])} Cypher statements" in result.stdout
    broken = {**shipped, "statements": {"typo": "MATCH (a:Actr) RETURN a", "syntax": "MATCH (a RETURN a"}}
    result = _lint(broken)
    assert result.returncode == 1 and "Actr" in result.stdout and "syntax: error" in result.stdout


def test_the_linted_catalogue_holds_every_statement_the_writer_runs(tmp_path, sample_result):
    seen: set[str] = set()

    def upsert(execute):
        def recording(cypher, parameters):
            seen.add(cypher)
            return execute(cypher, parameters)

        return writer.replace(recording, ids, sample_result.graph, upsert=True)  # as the Neo4j store writes

    ids = [d.doc_id for d in sample_result.documents]
    with embedded(tmp_path / "db") as store:
        for _ in range(2):  # into an empty store, then again over the stored graph
            store.write(upsert)
        exported = store.export().to_dict()
    assert seen and seen <= set(schema.neo4j_statements().values())
    assert exported == sample_result.graph.to_dict()  # the upserting path writes the same graph
