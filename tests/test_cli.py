"""The policykg command, run through click's runner against real files and a real store."""

import json

import pytest
from click.testing import CliRunner
from reportlab.pdfgen.canvas import Canvas

from api.cli import main
from tests.conftest import write

COMMANDS = ["load", "serve", "export", "analytics", "stats", "cypher", "wait"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output


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
    assert unknown.exit_code == 1 and "no document with id 'nope'" in unknown.output
    assert runner.invoke(main, ["analytics", "--top", "-5", "--db", db]).exit_code == 2
