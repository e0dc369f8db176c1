"""The read-only Cypher console (/cypher) and `policykg cypher --format`: rows as a table and downloads within
the limits shown; writes, file access and the SKIP that crashes LadybugDB refused in Chinese with the guard's
reason, the store unchanged."""

from __future__ import annotations

import csv
import io
import json

import httpx
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from api.cli import main
from api.routers.cypher import MAX_ROWS, SECONDS, parameters
from graph.readonly.ladybug_plan import MAX_SKIP
from tests.conftest import copy_store, embedded

LEADS = ("MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m:Measure) WHERE r.role = $role "
         "RETURN a.name AS 单位, count(m) AS 牵头措施 ORDER BY 牵头措施 DESC, 单位 LIMIT $top")


def post(server, **form):
    return httpx.post(server + "/cypher", data=form, timeout=60)


def test_the_page_shows_its_limits_and_an_empty_form(server):
    page = httpx.get(server + "/cypher")
    assert page.status_code == 200 and '<textarea id="statement" name="statement"' in page.text
    assert f"最多运行 <strong>{SECONDS:g} 秒</strong>" in page.text and f"最多返回 <strong>{MAX_ROWS} 行</strong>" in page.text


def test_a_read_shows_its_rows_as_a_table(server):
    page = post(server, statement=LEADS, params="role=lead\ntop=3")
    assert page.status_code == 200
    assert '<th data-key="单位">单位</th>' in page.text and "<td>省知识产权局</td>" in page.text and "<td>15</td>" in page.text
    assert "结果：3 行" in page.text
    linked = httpx.get(server + "/cypher", params={"statement": LEADS, "param": ["role=lead", "top=2"]})
    assert linked.status_code == 200 and "结果：2 行" in linked.text


def test_the_row_limit_cuts_the_rows_and_says_so(server):
    page = post(server, statement="MATCH (m:Measure) RETURN m.id AS id ORDER BY id", rows="5")
    assert "结果：5 行（已达行数上限 5，还有更多行未显示）" in page.text


def test_downloads_are_csv_with_a_bom_and_xlsx(server):
    found = post(server, statement=LEADS, params="role=lead\ntop=3", format="csv")
    assert found.headers["content-type"].startswith("text/csv") and found.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(found.content.decode("utf-8-sig"))))
    assert rows[0] == ["单位", "牵头措施"] and rows[1] == ["省知识产权局", "15"] and len(rows) == 4
    sheet = load_workbook(io.BytesIO(post(server, statement=LEADS, params="role=lead\ntop=3", format="xlsx").content)).active
    assert list(sheet.iter_rows(values_only=True))[1] == ("省知识产权局", 15)


@pytest.mark.parametrize(("statement", "chinese", "reason"), [
    ("CREATE (:Actor {id: 'console'})", "该语句会修改数据库", "writes to the database"),
    ("MATCH (a:Actor) DETACH DELETE a", "该语句会修改数据库", "DETACH writes to the database"),
    ("MATCH (a:Actor) SET a.name = 'x'", "该语句会修改数据库", "writes"),
    ("LOAD FROM '/etc/passwd' RETURN *", "该语句会读取服务器上的文件", "LOAD FROM reads a file"),
    ("COPY (MATCH (a:Actor) RETURN a.name) TO '/tmp/console.csv'", "该语句会写入文件", "COPY … TO writes a file"),
    ("INSTALL httpfs", "该语句会修改数据库", "INSTALL"),
    ("LOAD EXTENSION httpfs", "该语句会安装或加载扩展", "LOAD EXTENSION runs code"),
    ("MATCH (a:Actor) RETURN a.name; MATCH (m:Measure) RETURN m.id", "一次只能执行一条语句", "statements in one call"),
    (f"MATCH (m:Measure) RETURN m.id ORDER BY m.id SKIP {MAX_SKIP + 1} LIMIT 5", "ORDER BY … SKIP 跳过的行数过多",
     f"skips more than {MAX_SKIP:,} rows"),
    ("CHECKPOINT", "该语句会改写数据库文件", "CHECKPOINT"),
])
def test_what_is_not_a_plain_read_is_refused_in_chinese_with_the_guards_reason(server, statement, chinese, reason):
    page = post(server, statement=statement)
    assert page.status_code == 422 and f"未执行：{chinese}" in page.text and reason in page.text
    assert "<table" not in page.text


def test_a_skip_in_a_parameter_is_refused_too_and_the_server_lives(server):
    page = post(server, statement="MATCH (m:Measure) RETURN m.id ORDER BY m.id SKIP $n LIMIT 5", params="n=20000")
    assert page.status_code == 422 and "SKIP 20,000" in page.text
    assert httpx.get(server + "/healthz").json() == {"status": "ok"}


def test_a_syntax_error_or_a_bad_parameter_line_is_shown_not_run(server):
    broken = post(server, statement="MATCH (a RETURN a")
    assert broken.status_code == 422 and "查询出错" in broken.text and "Parser exception" in broken.text
    bad = post(server, statement="RETURN 1 AS x", params="not a pair")
    assert bad.status_code == 422 and "参数格式不对" in bad.text


def test_the_store_is_unchanged_after_the_refusals(server, app):
    assert app.state.store.query("actor", {"id": "console"}) == []


def test_parameters_read_json_values_and_keep_the_rest_as_text():
    assert parameters("top=5\nname=市公安局\nok=true\nids=[\"a\", \"b\"]\nyear=\"2025\"\n\n") == {
        "top": 5, "name": "市公安局", "ok": True, "ids": ["a", "b"], "year": "2025"}
    with pytest.raises(ValueError, match="名称=值"):
        parameters("1x=2")


@pytest.fixture(scope="module")
def db(sample_db, tmp_path_factory):
    return str(copy_store(sample_db, tmp_path_factory.mktemp("cli-console") / "copy.lbug"))


@pytest.mark.parametrize(("fmt", "expected"), [
    ("json", [json.dumps({"单位": "省知识产权局", "牵头措施": 15}, ensure_ascii=False),
              json.dumps({"单位": "区市场监管局（知识产权局）", "牵头措施": 5}, ensure_ascii=False)]),
    ("csv", ["单位,牵头措施", "省知识产权局,15", "区市场监管局（知识产权局）,5"]),
    ("table", ["单位                        牵头措施", "--------------------------  --------",
               "省知识产权局                15", "区市场监管局（知识产权局）  5"]),
])
def test_the_cli_prints_rows_as_json_csv_or_a_table(db, fmt, expected):
    result = CliRunner().invoke(main, ["cypher", LEADS, "--param", "role=lead", "--param", "top=2", "--format", fmt,
                                       "--db", db])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == expected


def test_the_cli_refuses_the_skip_that_crashes_the_store(db):
    result = CliRunner().invoke(main, ["cypher", "UNWIND range(1, 10) AS x RETURN x ORDER BY x SKIP 20000 LIMIT 1",
                                       "--db", db])
    assert result.exit_code == 2 and f"skips more than {MAX_SKIP:,} rows" in result.output
    with embedded(db, read_only=True) as store:
        assert store.run_read_only("UNWIND range(1, 10) AS x RETURN x SKIP 20000").rows == []  # no ORDER BY: no crash
