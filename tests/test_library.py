"""The analyst query library (queries/library): every query is described, runs on the samples with the rows
docs/queries.md shows, types its parameters, and is served by `policykg query`, GET /api/queries and the
/queries pages."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import httpx
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

import queries
from api.cli import main
from api.routers.queries import RESERVED
from loaders.pipeline import load_paths
from queries import catalog, docs
from tests.conftest import SAMPLES, embedded, write
from tests.test_identity import plan

LIBRARY = catalog.library()
# What the samples hold no rows for; the second corpus below gives each of them rows.
NONE_ON_SAMPLES = {"renamed_bodies", "shared_bodies"}


@pytest.fixture(scope="module")
def store(sample_db):
    with embedded(sample_db, read_only=True) as opened:
        yield opened


def test_the_library_asks_at_least_twenty_questions_each_described_in_both_languages():
    assert len(LIBRARY) >= 20
    for query in LIBRARY.values():
        assert re.search(r"[\u4e00-\u9fff]", query.question_zh) and query.question_zh.endswith("？"), query.name
        assert re.fullmatch(r"[A-Z][^\u4e00-\u9fff]*\?", query.question_en), query.name
        assert query.columns and all(re.search(r"[\u4e00-\u9fff]", header) for _, header in query.columns), query.name
        for parameter in query.parameters:
            assert parameter.zh and parameter.en and parameter.name not in RESERVED, (query.name, parameter)


@pytest.mark.parametrize("name", LIBRARY)
def test_each_query_takes_the_parameters_its_header_names_in_both_dialects(name):
    query = LIBRARY[name]
    declared = {p.name for p in query.parameters}
    for dialect in queries.DIALECTS:
        assert set(re.findall(r"\$(\w+)", query.text(dialect))) == declared, dialect
        header = catalog.parse(name, queries.path(query.query_name, dialect).read_text(encoding="utf-8"))
        assert header == query, f"the {dialect} variant's header differs"
    assert {k for k, _ in query.example} <= declared
    # the documented example must not depend on the day it runs
    assert {p.name for p in query.parameters if p.type == "date"} <= {k for k, _ in query.example}


@pytest.mark.parametrize("name", LIBRARY)
def test_each_query_answers_its_columns_on_the_samples(store, name):
    rows = docs.run_example(store, LIBRARY[name])
    assert rows or name in NONE_ON_SAMPLES, f"{name} found nothing on the samples"
    for row in rows:
        assert list(row) == [c for c, _ in LIBRARY[name].columns]


def test_docs_queries_md_shows_what_the_library_answers_today(store):
    """docs/queries.md is written by `python -m queries.docs`; a changed query or loader shows here."""
    assert docs.render(store) == docs.TARGET.read_text(encoding="utf-8"), "run: python -m queries.docs"


def test_a_second_corpus_gives_rows_to_the_questions_the_samples_leave_empty(tmp_path):
    """Two Changzhou plans (2012 and 2021) both name the finance bureau and the old 市知识产权局, which the
    2019 reform merged: the bodies they share, and the lineage of the renamed one."""
    folder = tmp_path / "plans"
    folder.mkdir()
    for year in (2012, 2021):
        measures = [("建设专利导航服务基地", "市知识产权局牵头，市财政局配合"), ("设立专利资助资金", "市财政局负责")]
        write(folder, f"changzhou{year}.txt", plan(f"常州市专利导航服务工作方案（{year}年）", measures,
                                                   f"常州市人民政府\n{year}年5月6日\n", preamble="按照江苏省知识产权战略部署，"))
    result = load_paths([SAMPLES, folder])
    with embedded(tmp_path / "db") as db:
        db.replace_documents([d.doc_id for d in result.documents], result.graph)
        shared = db.query("library/shared_bodies", LIBRARY["shared_bodies"].bind({"first": ["2012"], "second": ["2021"]}))
        renamed = db.query("library/renamed_bodies", LIBRARY["renamed_bodies"].bind({"body": ["知识产权局"]}))
    assert {(r["body"], r["in_first"], r["in_second"]) for r in shared} == {("市财政局", 2, 2)}
    assert [(r["former"], r["successor"], r["year"], r["region"]) for r in renamed] == [
        ("市知识产权局", "市市场监管局（知识产权局）", 2019, "常州市")]


@pytest.mark.parametrize(("given", "bound"), [
    ({}, {"top": 20, "region": ""}),
    ({"top": ["5"], "region": ["南通市"]}, {"top": 5, "region": "南通市"}),
    ({"top": ["3", "4"]}, {"top": 4, "region": ""}),  # the last value wins, as in a URL
])
def test_parameters_take_their_types_and_defaults(given, bound):
    assert LIBRARY["leads_most"].bind(given) == bound


def test_lists_split_and_dates_default_to_the_day_they_run():
    assert LIBRARY["bodies_compared"].bind({"bodies": ["市公安局,省法院", "市检察院、区公安局"]}) == {
        "bodies": ["市公安局", "省法院", "市检察院", "区公安局"]}
    bound = LIBRARY["deadlines_between"].bind({"until": ["2026-06-30"]}, today=date(2025, 3, 1))
    assert bound == {"since": "2025-03-01", "until": "2026-06-30"}


@pytest.mark.parametrize(("name", "given", "message"), [
    ("leads_most", {"top": ["x"]}, "top must be a whole number"),
    ("leads_most", {"top": ["-1"]}, "top must be a whole number"),
    ("leads_most", {"top": ["9" * 12]}, "top must be a whole number"),
    ("leads_most", {"nope": ["1"]}, "leads_most has no parameter 'nope'; it takes top, region"),
    ("deadlines_between", {"since": ["2025-13-01"]}, "since must be a date written YYYY-MM-DD"),
    ("bodies_by_kind", {"top": ["1"]}, "it takes no parameters"),
])
def test_a_parameter_of_the_wrong_type_or_name_is_refused_by_name(name, given, message):
    with pytest.raises(catalog.ParameterError, match=re.escape(message)):
        LIBRARY[name].bind(given)


def get(server, path, **params):
    return httpx.get(server + path, params=params, timeout=60)


def test_the_api_lists_the_library_and_answers_rows_paged(server, store):
    listed = get(server, "/api/queries", limit=1000).json()
    assert listed["total"] == len(LIBRARY) and {q["name"] for q in listed["items"]} == set(LIBRARY)
    leads = next(q for q in listed["items"] if q["name"] == "leads_most")
    assert leads["parameters"][0] == {"name": "top", "type": "int", "default": 20, "zh": "列出多少个单位",
                                      "en": "how many bodies to list"}
    whole = docs.run_example(store, LIBRARY["unowned_measures"])
    first = get(server, "/api/queries/unowned_measures", document="南通市“十三五”", limit=10).json()
    rest = get(server, "/api/queries/unowned_measures", document="南通市“十三五”", limit=1000, offset=10).json()
    assert first["total"] == rest["total"] == len(whole) > 10
    assert first["items"] + rest["items"] == whole and first["parameters"] == {"document": "南通市“十三五”"}
    assert first["columns"] == ["document", "path", "measure", "measure_id"]
    listed_twice = get(server, "/api/queries/bodies_compared", bodies=["市公安局", "省法院"]).json()
    assert {r["body"] for r in listed_twice["items"]} == {"市公安局", "省法院"}


@pytest.mark.parametrize(("path", "status", "message"), [
    ("/api/queries/leads_most?top=x", 422, "top must be a whole number"),
    ("/api/queries/leads_most?color=red", 422, "leads_most has no parameter 'color'"),
    ("/api/queries/nope", 404, "no library query 'nope'"),
])
def test_the_api_refuses_bad_parameters_and_unknown_queries_in_the_error_model(server, path, status, message):
    response = httpx.get(server + path)
    error = response.json()["error"]
    assert response.status_code == error["status"] == status and message in error["message"]


def test_the_pages_list_the_questions_and_run_one_with_a_form_table_and_downloads(server, store):
    listing = get(server, "/queries")
    assert listing.status_code == 200 and all(f'href="/queries/{name}"' in listing.text for name in LIBRARY)
    page = get(server, "/queries/leads_most", top="3")
    assert page.status_code == 200 and "哪些单位牵头的措施最多？" in page.text
    assert 'name="top"' in page.text and 'value="3"' in page.text and "省知识产权局" in page.text
    assert "牵头措施数" in page.text and "format=csv" in page.text and "format=xlsx" in page.text
    rows = docs.run_example(store, LIBRARY["leads_most"])[:3]
    download = get(server, "/queries/leads_most", top="3", format="csv")
    assert download.content.startswith("\ufeff".encode())
    table = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))
    assert table == [["单位", "地区", "牵头措施数"], *([r["body"], r["region"], str(r["measures"])] for r in rows)]
    sheet = load_workbook(io.BytesIO(get(server, "/queries/leads_most", top="3", format="xlsx").content)).active
    assert [list(r) for r in sheet.iter_rows(values_only=True)] == [
        ["单位", "地区", "牵头措施数"], *([r["body"], r["region"], r["measures"]] for r in rows)]
    wrong = get(server, "/queries/leads_most", top="x")
    assert wrong.status_code == 422 and "参数有误" in wrong.text and "top must be a whole number" in wrong.text
    missing = get(server, "/queries/nope")
    assert missing.status_code == 404 and "没有名为“nope”的查询" in missing.text


def test_the_cli_lists_runs_and_types_library_queries(sample_db, tmp_path):
    db = tmp_path / "copy.lbug"
    from tests.conftest import copy_store
    copy_store(sample_db, db)
    runner = CliRunner()
    listed = runner.invoke(main, ["query", "--db", str(db)])
    assert listed.exit_code == 0 and all(name in listed.output for name in LIBRARY)
    table = runner.invoke(main, ["query", "leads_most", "--param", "top=2", "--db", str(db)])
    assert table.exit_code == 0, table.output
    assert table.output.splitlines()[0].split() == ["body", "region", "measures"]
    assert table.output.splitlines()[2].split() == ["省知识产权局", "江苏省", "15"]
    as_csv = runner.invoke(main, ["query", "bodies_compared", "--param", "bodies=市公安局", "--param", "bodies=省法院",
                                  "--format", "csv", "--db", str(db)])
    assert as_csv.output.splitlines() == ["body,region,measures,lead,co,documents", "市公安局,南通市,9,0,0,1",
                                          "省法院,江苏省,5,5,0,1"]
    refused = runner.invoke(main, ["query", "leads_most", "--param", "top=x", "--db", str(db)])
    assert refused.exit_code == 2 and "top must be a whole number" in refused.output
    unknown = runner.invoke(main, ["query", "nope", "--db", str(db)])
    assert unknown.exit_code == 2 and "no library query 'nope'" in unknown.output
