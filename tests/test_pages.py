"""The Chinese pages (api/pages) served by a real uvicorn over the samples: headings, the facts shown against the
store, filters, sorting, paging, downloads (CSV with BOM, .xlsx), 404 pages, and reform lineage."""

from __future__ import annotations

from collections import Counter

import httpx
import pytest

from api.pages import lists
from api.settings import Settings
from graph.stores import StoreConfig, open_store
from loaders.pipeline import load_paths
from tests.conftest import embedded, serving, write
from tests.pages import csv_rows, fetch, links, page, table_rows, text, xlsx_rows
from tests.test_identity import plan

NANTONG_FILE = "000_0b3680c12e4d90b1.txt"  # the largest sample: 110 measures, an annexed task table
CITY_BUREAU = ("市市场监管局（知识产权局）", "南通市")  # the busiest body


@pytest.fixture(scope="module")
def store(sample_db):
    with embedded(sample_db, read_only=True) as opened:
        yield opened


@pytest.fixture(scope="module")
def nantong(store) -> dict:
    return store.run("MATCH (d:Document {source_file: $f}) RETURN d.id AS id, d.title AS title, "
                     "d.doc_number AS doc_number, d.issuer AS issuer, d.issued_on AS issued_on", {"f": NANTONG_FILE})[0]


@pytest.fixture(scope="module")
def bureau(store) -> str:
    name, region = CITY_BUREAU
    return store.run("MATCH (a:Actor {name: $n, region: $r}) RETURN a.id AS id", {"n": name, "r": region})[0]["id"]


@pytest.mark.parametrize(("path", "heading"), [
    ("/documents", "政策文件（4 份）"), ("/actors", "责任单位（45 个）"), ("/targets", "目标指标（115 项）"),
    ("/topics", "主题（414 个）"), ("/cited", "被引用文件（26 份）"), ("/deadlines", "完成时限"),
    ("/topics/商业秘密", "主题：商业秘密"),
])
def test_every_list_page_is_a_chinese_page_with_its_count(server, path, heading):
    tree = page(server, path)
    assert text(tree.xpath("//h1")[0]).startswith(heading)
    assert tree.xpath("//html/@lang") == ["zh-CN"] and tree.xpath('//header//a[@href="/deadlines"]')


def test_the_start_page_counts_and_links_every_entry_point(server, store):
    tree = page(server, "/")
    hrefs = set(tree.xpath("//main//a/@href"))
    assert {"/documents", "/actors", "/targets", "/topics", "/cited", "/deadlines", "/deadlines?bucket=overdue"} <= hrefs
    measures = store.run("MATCH (m:Measure) RETURN count(m) AS n")[0]["n"]
    assert f"{measures} 项措施" in text(tree)
    assert len(links(tree, "/actors/", '//table[@id="actors"]')) == 45
    assert len(links(tree, "/documents/", '//table[@id="documents"]')) == 4


# --- a document ----------------------------------------------------------------------------------------------

def test_a_document_page_shows_its_metadata_and_every_measure_with_the_owners_in_the_store(server, store, nantong):
    tree = page(server, f"/documents/{nantong['id']}")
    assert text(tree.xpath("//h1")[0]) == nantong["title"]
    facts = text(tree.xpath('//dl[@class="facts"]')[0])
    assert all(nantong[key] in facts for key in ("doc_number", "issuer", "issued_on")) and NANTONG_FILE in facts
    measures = store.run("MATCH (m:Measure {doc_id: $id}) RETURN m.id AS id, m.line AS line, m.deadline_date AS due, "
                         "m.char_start AS start ORDER BY start", {"id": nantong["id"]})
    owners = {}
    for row in store.run("MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(m:Measure {doc_id: $id}) RETURN m.id AS m, a.id AS a, "
                         "r.text AS note", {"id": nantong["id"]}):
        owners.setdefault(row["m"], []).append(row)
    shown = tree.xpath('//div[@id="tree"]//div[@class="measure"]/@id')
    assert shown == [m["id"] for m in measures]  # every measure, in text order
    for measure in measures:
        element = tree.xpath(f'//div[@id="{measure["id"]}"]')[0]
        facts_line, source = element.xpath('./p[@class="facts-line"]')[0], element.xpath('./p[@class="source"]')[0]
        assert sorted(links(facts_line, "/actors/", ".")) == sorted(o["a"] for o in owners.get(measure["id"], []))
        assert f"第 {measure['line']} 行" in text(source) and (measure["due"] or "") in text(facts_line)
        assert all(o["note"] in text(source) for o in owners.get(measure["id"], []))
        roles = element.xpath('./p[@class="facts-line"]/span[starts-with(@class, "role")]/text()')
        assert len(roles) == len(owners.get(measure["id"], [])) and set(roles) <= {"牵头", "配合", "负责", "责任单位"}


def test_a_document_page_lists_its_targets_with_their_sentences_and_its_citations(server, store, nantong):
    tree = page(server, f"/documents/{nantong['id']}")
    targets = store.run("MATCH (t:Target {doc_id: $id}) RETURN t.indicator AS indicator, t.sentence AS sentence, "
                        "t.line AS line", {"id": nantong["id"]})
    rows = table_rows(tree, "targets")
    assert sorted(r[0] for r in rows) == sorted(t["indicator"] for t in targets)
    sentences = " ".join(r[3] for r in rows)
    assert all(t["sentence"] in sentences for t in targets)
    cited = store.run("MATCH (:Document {id: $id})-[c:CITES]->(d:Document) RETURN d.id AS id, c.line AS line",
                      {"id": nantong["id"]})
    assert sorted(links(tree, "/cited/", '//table[@id="cites"]')) == sorted(c["id"] for c in cited)
    assert table_rows(tree, "cited-by") == []  # no loaded sample cites another


def test_a_document_known_only_from_citations_leads_to_its_cited_page(server, store):
    cited = store.run("MATCH (d:Document) WHERE d.source_file IS NULL RETURN d.id AS id LIMIT 1")[0]["id"]
    response = httpx.get(f"{server}/documents/{cited}", timeout=30)
    assert response.status_code == 303 and response.headers["location"] == f"/cited/{cited.replace(':', '%3A')}"


# --- a body ------------------------------------------------------------------------------------------------

def test_a_body_page_shows_its_measures_by_role_and_document_as_the_store_has_them(server, store, bureau):
    tree = page(server, f"/actors/{bureau}", today="2025-01-01")
    assert text(tree.xpath("//h1")[0]) == CITY_BUREAU[0]
    owned = store.run("MATCH (:Actor {id: $id})-[r:RESPONSIBLE_FOR]->(m:Measure) RETURN m.id AS id, r.role AS role, "
                      "m.doc_id AS document", {"id": bureau})
    section = '//h2[@id="measures"]/following-sibling::*[following-sibling::h2[@id="documents"]]'
    assert sorted(links(tree, "/measures/", section)) == sorted(m["id"] for m in owned)
    facts = text(tree.xpath('//dl[@class="facts"]')[0])
    assert CITY_BUREAU[1] in facts and "部门" in facts and "市级" in facts
    assert f"{len(owned)} 项" in facts and f"责任单位 {len(owned)} 项" in facts  # every role the samples give it
    by_document = Counter(m["document"] for m in owned)
    assert {row[0]: int(row[2]) for row in table_rows(tree, "documents")} == {
        store.run("MATCH (d:Document {id: $id}) RETURN d.title AS t", {"id": d})[0]["t"]: n for d, n in by_document.items()}


def test_a_body_page_shows_its_co_owners_with_shared_counts(server, store, bureau):
    tree = page(server, f"/actors/{bureau}")
    shared = store.run("MATCH (:Actor {id: $id})-[:RESPONSIBLE_FOR]->(m:Measure)<-[:RESPONSIBLE_FOR]-(b:Actor) "
                       "WHERE b.id <> $id RETURN b.id AS id, count(m) AS n", {"id": bureau})
    shown = dict(zip(links(tree, "/actors/", '//table[@id="partners"]'),
                     (int(row[2]) for row in table_rows(tree, "partners")), strict=True))
    assert shown == {row["id"]: row["n"] for row in shared}


def test_a_body_page_shows_its_overdue_measures_for_the_day_asked(server, store, bureau):
    due = store.run("MATCH (:Actor {id: $id})-[:RESPONSIBLE_FOR]->(m:Measure) RETURN m.id AS id, "
                    "m.deadline_date AS date", {"id": bureau})
    for day in ("2025-01-01", "2025-07-01"):
        tree = page(server, f"/actors/{bureau}", today=day)
        overdue = sorted(m["id"] for m in due if m["date"] and m["date"] < day)
        assert overdue and f"已逾期（{len(overdue)} 项）" in text(tree)
        shown = links(tree, "/measures/", '//section[@id="overdue"]')
        assert set(shown) <= set(overdue) and len(shown) == min(10, len(overdue))
        whole = tree.xpath('//section[@id="overdue"]//a[starts-with(text(), "查看全部")]/@href')
        if len(overdue) > 10:  # the preview links to the body's whole overdue list
            assert sorted(links(page(server, whole[0]), "/measures/", '//table[@id="board"]')) == overdue
        else:
            assert sorted(shown) == overdue and not whole


def test_a_body_page_filters_its_measures_by_role_and_document(server, store):
    county = store.run("MATCH (a:Actor {name: '区市场监管局（知识产权局）'}) RETURN a.id AS id")[0]["id"]
    leads = store.run("MATCH (:Actor {id: $id})-[r:RESPONSIBLE_FOR {role: 'lead'}]->(m:Measure) RETURN m.id AS id",
                      {"id": county})
    tree = page(server, f"/actors/{county}", role="lead")
    section = '//h2[@id="measures"]/following-sibling::*[following-sibling::h2[@id="documents"]]'
    assert sorted(links(tree, "/measures/", section)) == sorted(m["id"] for m in leads)
    assert {text(h) for h in tree.xpath(section + "/self::h3")} == {"牵头 牵头"}


# --- a measure, a cited document, lists ---------------------------------------------------------------------

def test_a_measure_page_shows_its_owners_also_through_restating_rows_with_their_notes(server, store):
    row = store.run("MATCH (a:Actor)-[r:RESPONSIBLE_FOR]->(row:Measure)-[:IMPLEMENTS]->(m:Measure) "
                    "RETURN m.id AS measure, row.id AS row, row.path AS path, a.id AS actor, r.text AS note LIMIT 1")[0]
    tree = page(server, f"/measures/{row['measure']}")
    owners = table_rows(tree, "owners")
    assert row["actor"] in links(tree, "/actors/", '//table[@id="owners"]')
    assert any(row["note"] in cells[2] and cells[5] == f"任务表行 {row['path']}" for cells in owners)
    assert row["row"] in links(tree, "/measures/", '//table[@id="links"]')
    measure = store.run("MATCH (m:Measure {id: $id})-[:PART_OF]->(s:Section) RETURN m.deadline_date AS due, "
                        "s.title AS section, m.line AS line", {"id": row["measure"]})[0]
    assert measure["section"] in text(tree.xpath('//p[@class="crumbs"]')[0])
    assert measure["due"] in text(tree) and f"第 {measure['line']} 行" in text(tree) and "规划期末" in text(tree)


def test_a_cited_document_page_lists_the_plans_citing_it_with_the_words_they_used(server, store):
    cited = store.run("MATCH (d:Document)-[:CITES]->(c:Document) RETURN c.id AS id, count(d) AS n "
                      "ORDER BY n DESC LIMIT 1")[0]
    tree = page(server, f"/cited/{cited['id']}")
    citing = store.run("MATCH (d:Document)-[c:CITES]->(:Document {id: $id}) RETURN d.id AS id, c.text AS text",
                       {"id": cited["id"]})
    assert sorted(links(tree, "/documents/", '//table[@id="citing"]')) == sorted(c["id"] for c in citing)
    assert all(c["text"] in text(tree) for c in citing)
    first = links(page(server, "/cited"), "/cited/", '//table[@id="cited"]')[0]
    assert first == cited["id"]  # most cited first


def test_lists_filter_as_asked(server, store):
    assert {r[4] for r in table_rows(page(server, "/documents", region="南通市"), "documents")} == {"南通市"}
    assert [r[0] for r in table_rows(page(server, "/documents", year="2024"), "documents")] == [
        "南通市国家知识产权保护示范区建设方案"]
    assert len(table_rows(page(server, "/documents", issuer="通州区"), "documents")) == 1
    assert {r[0] for r in table_rows(page(server, "/actors", name="公安"), "actors")} == {"市公安局", "区公安局"}
    courts = table_rows(page(server, "/actors", kind="court", level="province"), "actors")
    assert courts and {(r[2], r[3]) for r in courts} == {("法院", "省级")}
    due_2025 = store.run("MATCH (t:Target) WHERE t.indicator CONTAINS '专利' AND t.due STARTS WITH '2025' "
                         "RETURN count(t) AS n")[0]["n"]
    assert len(table_rows(page(server, "/targets", indicator="专利", year="2025"), "targets")) == due_2025 > 0
    assert all("专利" in r[0] for r in table_rows(page(server, "/topics", name="专利"), "topics"))
    assert fetch(server, "/documents", year="20x4").status_code == 422


def test_lists_sort_as_asked(server):
    titles = [r[0] for r in table_rows(page(server, "/documents", sort="title"), "documents")]
    assert titles == sorted(titles)
    issued = [r[3] for r in table_rows(page(server, "/documents", sort="issued_asc"), "documents") if r[3] != "—"]
    assert issued == sorted(issued)
    counts = [int(r[4]) for r in table_rows(page(server, "/actors", sort="measures"), "actors")]
    assert counts == sorted(counts, reverse=True)
    dues = [r[2] for r in table_rows(page(server, "/targets", sort="due"), "targets") if r[2] != "—"]
    assert dues == sorted(dues)
    topics = [int(r[1]) for r in table_rows(page(server, "/topics"), "topics")]
    assert topics == sorted(topics, reverse=True)
    assert fetch(server, "/actors", sort="nonsense").status_code == 422


def test_lists_page_through_every_row_once(server):
    names = [r[0] for offset in range(0, 45, 10)
             for r in table_rows(page(server, "/actors", sort="name", limit=10, offset=offset), "actors")]
    assert len(names) == len(set(names)) == 45
    second = page(server, "/actors", sort="name", limit=10, offset=10)
    assert "共 45 条，第 11–20 条" in text(second.xpath('//nav[@class="pager"]')[0])
    assert table_rows(page(server, "/actors", offset=45), "actors") == []  # past the end: empty, no crash


# --- downloads ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("path", "params", "header", "total"), [
    ("/documents", {}, ["标题", "文号", "发文机关", "印发日期", "地区", "规划期末", "措施数", "目标数"], 4),
    ("/actors", {"sort": "name"}, ["单位", "地区", "类别", "层级", "措施数", "牵头", "配合", "负责", "责任单位", "别名"], 45),
    ("/targets", {"year": "2025"}, ["指标", "比较", "目标值", "上限", "单位", "期限", "文件", "原文句子", "行号"], None),
    ("/topics", {}, ["主题", "措施数"], 414),
    ("/cited", {}, ["被引用文件", "引用它的已载入文件数", "本身已载入"], 26),
    ("/deadlines", {"today": "2025-01-01", "bucket": "overdue"},
     ["期限状态", "措施", "编号", "文件", "完成时限（原文）", "截止日期", "时限类型", "责任单位（角色）"], 56),
])
def test_every_list_downloads_whole_as_csv_with_a_bom_and_as_xlsx(server, path, params, header, total):
    shown = page(server, path, **params, limit=2)  # the page shows two rows; a download holds them all
    count = int("".join(c for c in text(shown.xpath('//nav[@class="pager"]')[0]).split("条")[0] if c.isdigit()))
    assert total is None or count == total
    rows = csv_rows(fetch(server, path, **params, limit=2, format="csv"))
    sheet = xlsx_rows(fetch(server, path, **params, limit=2, format="xlsx"))
    assert rows[0] == header and [str(c) for c in sheet[0]] == header
    assert len(rows) - 1 == len(sheet) - 1 == count
    assert [[cell(c) for c in row] for row in sheet[1:]] == [[cell(c) for c in row] for row in rows[1:]]


def cell(value) -> str:
    """A cell as text, a number the same whether a CSV (18.0) or a sheet (18) gives it."""
    try:
        return f"{float(value):g}"
    except ValueError:
        return str(value)


def test_downloads_show_codes_in_chinese(server, bureau):
    rows = csv_rows(fetch(server, f"/actors/{bureau}", format="csv"))
    assert rows[0][:2] == ["角色", "措施"] and {r[0] for r in rows[1:]} == {"责任单位"}
    board = xlsx_rows(fetch(server, "/deadlines", today="2025-01-01", format="xlsx"))
    kinds, buckets = {r[6] for r in board[1:]}, {r[0] for r in board[1:]}
    assert kinds == {"有明确时限", "每年", "长期坚持", "规划期末"} and "已逾期" in buckets
    owners = next(r[7] for r in board[1:] if r[7])
    assert "（责任单位）" in owners
    actors = csv_rows(fetch(server, "/actors", name="公安", format="csv"))
    assert {tuple(r[2:4]) for r in actors[1:]} == {("部门", "市级"), ("部门", "区县")}


def test_a_body_page_downloads_its_measures_co_owners_and_documents(server, bureau):
    measures = csv_rows(fetch(server, f"/actors/{bureau}", format="csv", limit=5))
    partners = xlsx_rows(fetch(server, f"/actors/{bureau}", format="xlsx", part="partners"))
    documents = csv_rows(fetch(server, f"/actors/{bureau}", format="csv", part="documents"))
    assert len(measures) == 63 and partners[0] == ["共同承担单位", "地区", "共同承担措施数"] and len(partners) == 24
    assert documents[0][:3] == ["文件", "印发日期", "措施数"] and documents[1][2] == "62"


def test_a_document_page_downloads_its_measures_and_citations(server, nantong):
    measures = csv_rows(fetch(server, f"/documents/{nantong['id']}", format="csv"))
    citations = xlsx_rows(fetch(server, f"/documents/{nantong['id']}", format="xlsx", part="citations"))
    assert measures[0][:2] == ["编号", "措施"] and len(measures) == 111
    assert citations[0][:3] == ["方向", "文件", "引用原文"] and {r[0] for r in citations[1:]} == {"本文件引用"}
    disposition = fetch(server, f"/documents/{nantong['id']}", format="csv").headers["content-disposition"]
    assert "filename*=UTF-8''" in disposition and disposition.endswith(".csv")


def test_a_download_beyond_the_export_limit_is_refused_in_chinese(server, monkeypatch):
    monkeypatch.setattr(lists, "EXPORT_ROWS", 100)
    refused = fetch(server, "/topics", format="xlsx")
    assert refused.status_code == 422 and "无法下载：共 414 条" in refused.text and "最多下载 100 条" in refused.text
    board = fetch(server, "/deadlines", today="2025-01-01", format="csv")
    assert board.status_code == 422 and "共 200 条" in board.text
    assert len(csv_rows(fetch(server, "/deadlines", today="2025-01-01", bucket="overdue", format="csv"))) == 57


# --- refusals -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/documents/doc:nope", "/actors/actor:nope", "/measures/measure:nope",
                                  "/cited/doc:nope", "/topics/没有这个词"])
def test_an_unknown_id_is_a_chinese_404_page(server, path):
    response = fetch(server, path)
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert "未找到" in response.text and path.rsplit("/", 1)[1] in response.text


@pytest.mark.parametrize(("path", "params", "status", "heading", "named"), [
    ("/documents", {"year": "去年"}, 422, "参数有误", "year"),
    ("/deadlines", {"today": "2025-13"}, 422, "参数有误", "today"),
    ("/no-such-page", {}, 404, "未找到", "Not Found"),
])
def test_a_refused_page_request_is_a_chinese_page_and_the_api_keeps_json(server, path, params, status, heading, named):
    """A browser never sees the error model's JSON: the status and the message naming the parameter come as a
    Chinese page; the same mistake under /api, or from a program that does not ask for HTML, is the JSON model."""
    page_answer = httpx.get(server + path, params=params, headers={"accept": "text/html"}, timeout=30)
    assert page_answer.status_code == status and page_answer.headers["content-type"].startswith("text/html")
    assert heading in page_answer.text and named in page_answer.text and "返回首页" in page_answer.text
    program = httpx.get(server + path, params=params, timeout=30)
    assert program.status_code == status and program.json()["error"]["status"] == status
    api = httpx.get(server + "/api/targets", params={"due": "去年"}, headers={"accept": "text/html"}, timeout=30)
    assert api.status_code == 422 and api.json()["error"]["code"] == "invalid"


# --- reform lineage ---------------------------------------------------------------------------------------------

def test_a_body_page_names_its_predecessor_and_successor_with_the_reform_year(tmp_path):
    def jiangsu(name: str, year: int):
        return write(tmp_path, name, plan("常州市专利导航服务工作方案", [("建设专利导航服务基地", "市知识产权局负责")],
                                          f"常州市人民政府\n{year}年5月6日\n", preamble="按照江苏省知识产权战略部署，"))

    result = load_paths([jiangsu("old.txt", 2012), jiangsu("new.txt", 2021)])
    db = str(tmp_path / "lineage.lbug")
    with open_store(StoreConfig(db=db)) as store:
        store.replace_documents([d.doc_id for d in result.documents], result.graph)
        old, new = (store.run("MATCH (a:Actor {name: $n}) RETURN a.id AS id", {"n": n})[0]["id"]
                    for n in ("市知识产权局", "市市场监管局（知识产权局）"))
    with serving(Settings(db=db, rate_limit=0)) as base:
        before, after = page(base, f"/actors/{old}"), page(base, f"/actors/{new}")
    assert links(before, "/actors/", '//dl[@class="facts"]') == [new] and "2019 年机构改革" in text(before)
    assert "现为" in text(before) and "前身" in text(after)
    assert links(after, "/actors/", '//dl[@class="facts"]') == [old]
