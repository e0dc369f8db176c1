"""What can be checked of production without a Docker engine or a Neo4j server: the compose file validates,
it agrees with the Dockerfile, the CLI and the README; Neo4j's own parser accepts every shipped statement."""

import json
import os
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


PASSWORD = "test-only-password"  # .env.example ships none: the user sets one in .env


def _compose_config(**env: str) -> subprocess.CompletedProcess:
    if not shutil.which("docker-compose"):
        pytest.skip("docker-compose is installed by `make test` (make compose-check)")
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "POLICYKG_"))} | env
    return subprocess.run(["docker-compose", "--env-file", ".env.example", "config"], cwd=ROOT, env=environment,
                          capture_output=True, text=True)


@pytest.fixture(scope="module")
def compose() -> dict:
    result = _compose_config(NEO4J_PASSWORD=PASSWORD)
    assert result.returncode == 0, result.stderr
    return yaml.safe_load(result.stdout)


def _published(service: dict) -> list[tuple[str, str, str]]:
    """(host address, host port, container port) of each published port, in either compose's output format."""
    ports = []
    for port in service.get("ports", []):
        if isinstance(port, dict):
            ports.append((port.get("host_ip", ""), str(port.get("published", "")), str(port["target"])))
        else:
            parts = port.split("/")[0].split(":")
            ports.append((parts[0] if len(parts) == 3 else "", parts[-2] if len(parts) > 1 else "", parts[-1]))
    return ports


def _dockerfile() -> str:
    return (ROOT / "Dockerfile").read_text(encoding="utf-8")


def test_compose_runs_neo4j_5_with_a_volume_a_healthcheck_and_the_password_from_env(compose):
    neo4j = compose["services"]["neo4j"]
    assert neo4j["image"].startswith("neo4j:5") and "healthcheck" in neo4j
    volumes = [v.split(":") for v in neo4j["volumes"]]  # named volume : path in the container : mode
    assert any(v[0] in compose["volumes"] and v[1] == "/data" for v in volumes)
    assert neo4j["environment"]["NEO4J_AUTH"] == f"neo4j/{PASSWORD}"  # from the environment (.env), nowhere else


def test_compose_refuses_to_start_without_a_password_and_none_is_baked_in():
    refused = _compose_config()
    assert refused.returncode != 0 and "set NEO4J_PASSWORD in .env" in refused.stderr
    example = dict(line.split("=", 1) for line in (ROOT / ".env.example").read_text(encoding="utf-8").splitlines()
                   if line and not line.startswith("#"))
    assert example["NEO4J_PASSWORD"] == "" and example["POLICYKG_API_TOKEN"] == ""
    assert "NEO4J_PASSWORD" not in _dockerfile() and "NEO4J_AUTH" not in _dockerfile()


def test_every_published_port_is_bound_to_loopback_unless_told_otherwise(compose):
    ports = {name: _published(service) for name, service in compose["services"].items()}
    assert {p[2] for p in ports["neo4j"]} == {"7474", "7687"} and {p[2] for p in ports["api"]} == {"8000"}
    assert all(host == "127.0.0.1" for service in ports.values() for host, _, _ in service), ports
    opened = yaml.safe_load(_compose_config(NEO4J_PASSWORD=PASSWORD, POLICYKG_BIND="0.0.0.0").stdout)
    assert {p[0] for p in _published(opened["services"]["api"])} == {"0.0.0.0"}
    assert {p[0] for p in _published(opened["services"]["neo4j"])} == {"127.0.0.1"}  # Neo4j has its own NEO4J_BIND


def test_every_setting_is_documented_in_env_example_and_passed_to_the_api(compose):
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    documented = set(re.findall(r"^([A-Z_0-9]+)=", example, re.M))
    security = {f"POLICYKG_{name.upper()}" for name in ("api_token", "protect_reads", "rate_limit", "rate_burst",
                                                          "request_timeout", "max_body_bytes")}
    assert security <= documented and security <= set(compose["services"]["api"]["environment"])
    used = set(re.findall(r"(?<!\$)\$\{([A-Z_0-9]+)", (ROOT / "docker-compose.yml").read_text(encoding="utf-8")))
    assert used <= documented, used - documented


def test_the_image_runs_as_an_unprivileged_user_that_owns_the_data_folder():
    dockerfile = _dockerfile()
    users = re.findall(r"^USER (\S+)", dockerfile, re.M)
    assert users and users[-1] not in ("root", "0") and dockerfile.index("USER") < dockerfile.index("CMD")
    assert re.search(rf"^RUN useradd .*\b{users[-1]}$", dockerfile, re.M)
    assert re.search(rf"^RUN chown -R {users[-1]}:\S+ /app/data$", dockerfile, re.M)
    assert "/healthz" in dockerfile  # HEALTHCHECK


def test_the_api_service_points_at_the_neo4j_service_and_serves_port_8000(compose):
    api = compose["services"]["api"]
    assert api["build"]["context"] == str(ROOT) and api["build"].get("dockerfile", "Dockerfile") == "Dockerfile"
    env = api["environment"]
    assert env["POLICYKG_STORE"] == "neo4j" and env["NEO4J_PASSWORD"] == PASSWORD
    assert re.fullmatch(r"bolt://neo4j:7687", env["NEO4J_URI"])
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert "8000" in {target for _, _, target in _published(api)} and "EXPOSE 8000" in _dockerfile()


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
