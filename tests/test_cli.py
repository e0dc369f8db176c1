"""The policykg command, run through click's runner against real files and a real store."""

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from reportlab.pdfgen.canvas import Canvas

from api.cli import main
from api.settings import get_settings
from tests.conftest import write

COMMANDS = sorted(main.commands)
README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_the_commands_are_the_ones_the_readme_lists():
    assert set(COMMANDS) >= {"load", "serve", "export", "analytics", "stats", "cypher", "query", "wait"}


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output
    assert main.commands[command].help, f"policykg {command} has no help text"
    assert re.search(rf"^policykg {command}\b", README, re.MULTILINE), f"README.md does not show policykg {command}"


def test_load_export_stats_and_cypher(tmp_path, samples):
    db = str(tmp_path / "db")
    runner = CliRunner()
    loaded = runner.invoke(main, ["load", str(samples), "--db", db])
    assert loaded.exit_code == 0, loaded.output
    assert "loaded 4 document(s)" in loaded.output
    out = tmp_path / "g.json"
    assert runner.invoke(main, ["export", "--format", "json", "--out", str(out), "--db", db]).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"nodes", "relationships"} == set(data)
    assert any("Actor" in n["labels"] for n in data["nodes"])
    stats = runner.invoke(main, ["stats", "--db", db])
    assert "Measure" in stats.output
    rows = runner.invoke(main, ["cypher", "MATCH (d:Document) WHERE d.source_file IS NOT NULL "
                                          "RETURN d.source_file AS f ORDER BY f", "--db", db])
    assert next(json.loads(line)["f"] for line in rows.output.splitlines()) == "000_0b3680c12e4d90b1.txt"


def test_cypher_refuses_writes_and_reports_syntax_errors(tmp_path, samples):
    db = str(tmp_path / "db")
    runner = CliRunner()
    runner.invoke(main, ["load", str(samples), "--db", db])
    write_attempt = runner.invoke(main, ["cypher", "CREATE (:Actor {id: 'x'})", "--db", db])
    assert write_attempt.exit_code == 2 and "refused: CREATE writes to the database" in write_attempt.output
    syntax = runner.invoke(main, ["cypher", "MATCH (a RETURN a", "--db", db])
    assert syntax.exit_code == 2 and "Parser exception" in syntax.output


@pytest.mark.parametrize(("name", "content", "problem"), [
    ("empty.txt", b"", "empty"),
    ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 50, "binary"),
    ("garbled.txt", b"\xff\xfe\xfa\xfb\x80\x81" * 20, "garbled"),
    ("undecodable.txt", b"\x81\x20\xfa\xfb\x80\x81" * 20, "neither UTF-8, GB18030 nor Big5"),
    ("notes.xyz", "一、总体要求".encode(), "unknown file type"),
    ("prose.txt", "今天天气很好，我们去公园散步。".encode(), "no recognisable policy structure"),
    ("cut.docx", b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40, "not a readable .docx"),
    ("cut.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n", "PDF"),
    ("scan.pdf", None, "no text layer"),
    ("page.html", "<html><body><script>x()</script><div class='nav'>首页</div></body></html>".encode(), "no article"),
])
def test_bad_files_are_named_and_the_store_is_unchanged(tmp_path, samples, name, content, problem):
    db = str(tmp_path / "db")
    runner = CliRunner()
    runner.invoke(main, ["load", str(samples), "--db", db])
    before = runner.invoke(main, ["stats", "--db", db]).output
    bad = tmp_path / "in" / name
    bad.parent.mkdir()
    if content is None:  # a PDF whose pages are images only: no text layer
        canvas = Canvas(str(bad))
        canvas.rect(50, 50, 200, 200, fill=1)
        canvas.save()
    else:
        bad.write_bytes(content)
    result = runner.invoke(main, ["load", str(bad), "--db", db])
    assert result.exit_code == 1
    assert name in result.output and problem in result.output
    assert runner.invoke(main, ["stats", "--db", db]).output == before


def test_good_files_load_beside_a_bad_one_unless_strict(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "good.txt", "某市节水方案\n一、主要任务\n1. 推广节水器具。（市水利局负责）\n")
    write(folder, "bad.txt", "")
    db = str(tmp_path / "db")
    runner = CliRunner()
    strict = runner.invoke(main, ["load", str(folder), "--strict", "--db", db])
    assert strict.exit_code == 1 and "nothing was written" in strict.output
    lenient = runner.invoke(main, ["load", str(folder), "--db", db])
    assert lenient.exit_code == 1 and "loaded 1 document(s)" in lenient.output


def test_gbk_text_loads_like_utf8(tmp_path):
    text = "某区养老服务方案\n一、重点任务\n1. 建设助餐点。新建社区助餐点20个。（区民政局牵头，各街道配合）\n"
    runner = CliRunner()
    outputs = []
    for encoding in ("utf-8", "gb18030", "utf-8-sig"):
        folder = tmp_path / encoding
        folder.mkdir()
        write(folder, "plan.txt", text, encoding=encoding)
        db, out = str(folder / "db"), folder / "g.json"
        assert runner.invoke(main, ["load", str(folder / "plan.txt"), "--db", db]).exit_code == 0
        runner.invoke(main, ["export", "--out", str(out), "--db", db])
        outputs.append(json.loads(out.read_text(encoding="utf-8")))
    assert outputs[0] == outputs[1] == outputs[2]


def test_analytics_reads_aggregates_and_refuses_an_unknown_document_or_a_bad_top(tmp_path, samples):
    db = str(tmp_path / "db")
    runner = CliRunner()
    runner.invoke(main, ["load", str(samples), "--db", db])
    report = json.loads(runner.invoke(main, ["analytics", "--top", "3", "--db", db]).output)
    assert len(report["bodies"]) == 3 and report["totals"]["bodies"] > 3 and report["version"] == 1
    unknown = runner.invoke(main, ["analytics", "--document", "nope", "--db", db])
    assert unknown.exit_code == 2 and "no loaded document has the id 'nope'" in unknown.output
    assert runner.invoke(main, ["analytics", "--top", "-5", "--db", db]).exit_code == 2
@pytest.fixture(scope="module")
def loaded_db(tmp_path_factory, samples) -> str:
    db = str(tmp_path_factory.mktemp("cli") / "db")
    assert CliRunner().invoke(main, ["load", str(samples), "--db", db]).exit_code == 0
    return db


@pytest.mark.parametrize(("args", "message"), [
    (["analytics", "--top", "-5"], "-5 is not in the range 1<=x<="),
    (["analytics", "--top", "0"], "0 is not in the range 1<=x<="),
    (["analytics", "--document", "nope"], "no loaded document has the id 'nope'"),
    (["analytics", "--region", "火星市"], "no loaded document is of the region '火星市' (regions: "),
    (["wait", "--timeout", "-1"], "-1 is not in the range x>=0"),
    (["serve", "--port", "70000"], "70000 is not in the range 1<=x<=65535"),
    (["cypher", "RETURN 1", "--param", "=x"], "is not NAME=VALUE"),
])
def test_options_that_name_nothing_or_make_no_sense_are_refused(loaded_db, args, message):
    result = CliRunner().invoke(main, [*args, "--db", loaded_db])
    assert result.exit_code == 2 and message in result.output, result.output


def test_analytics_top_lists_at_most_that_many_bodies_of_a_loaded_document(loaded_db):
    document = json.loads(CliRunner().invoke(main, ["cypher", "MATCH (d:Document) WHERE d.source_file IS NOT NULL "
                                                              "RETURN d.id AS id LIMIT 1", "--db", loaded_db]).output)
    result = CliRunner().invoke(main, ["analytics", "--document", document["id"], "--top", "3", "--db", loaded_db])
    assert result.exit_code == 0 and 0 < len(json.loads(result.output)["bodies"]) <= 3


@pytest.mark.parametrize(("variable", "value", "message"), [
    ("POLICYKG_PORT", "abc", "POLICYKG_PORT='abc': Input should be a valid integer"),
    ("POLICYKG_RATE_LIMIT", "-1", "POLICYKG_RATE_LIMIT='-1': Input should be greater than or equal to 0"),
    ("POLICYKG_PROTECT_READS", "true", "POLICYKG_PROTECT_READS=true needs POLICYKG_API_TOKEN"),
    ("POLICYKG_API_TOKEN", "short", "POLICYKG_API_TOKEN must be at least 16 characters"),
])
def test_a_bad_setting_in_the_environment_is_named_not_a_traceback(loaded_db, monkeypatch, variable, value, message):
    get_settings.cache_clear()
    monkeypatch.setenv(variable, value)
    try:
        result = CliRunner().invoke(main, ["stats", "--db", loaded_db])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 2 and message in result.output, result.output
