"""Identity that does not merge what differs (issue 9, item 7), through the whole loader on several invented files:
bodies scoped to their place (or their document), documents told apart beyond their title, reform lineage
that depends on time and place, bodies of one note kept apart, and one node for one body however it is written."""

from __future__ import annotations

import pytest

from loaders.pipeline import load_document, load_paths
from tests.conftest import write


def plan(title: str, measures: list[tuple[str, str]], signature: str = "", doc_number: str = "", preamble: str = "") -> str:
    """A small plan: heading, optional 发文字号, a task section of (text, note) measures, optional signature."""
    lines = [title, *([doc_number] if doc_number else []), f"为做好相关工作，{preamble}制定本方案。", "一、主要任务"]
    numbers = "一二三四五六七八九"
    lines += [f"（{numbers[i]}）{text}。（{note}）" for i, (text, note) in enumerate(measures)]
    lines += ["二、保障措施", "加强组织领导，强化督促落实。"]
    return "\n".join(lines) + "\n" + signature


def actors(graph, name: str) -> list[dict]:
    """Actor nodes with this name or alias."""
    return [n.properties for n in graph.by_label("Actor")
            if n.properties["name"] == name or name in (n.properties.get("aliases") or [])]


def owners(graph, text: str) -> list[str]:
    """Ids of the actors responsible for the measure whose text holds `text`."""
    measure = next(m.id for m in graph.by_label("Measure") if text in m.properties["text"])
    return [r.start for r in graph.relationships.values() if r.type == "RESPONSIBLE_FOR" and r.end == measure]


def successions(graph) -> set[tuple[str, str, int]]:
    return {(graph.nodes[r.start].properties["name"], graph.nodes[r.end].properties["name"], r.properties["year"])
            for r in graph.relationships.values() if r.type == "SUCCEEDED_BY"}


# --- bodies of unknown place -------------------------------------------------------------------------------------

def test_two_unnamed_cities_finance_bureaus_are_two_actors(tmp_path):
    first = write(tmp_path, "a.txt", plan("政府采购领域营商环境提升方案", [("规范采购预算编制", "市财政局负责")]))
    second = write(tmp_path, "b.txt", plan("预算绩效管理改革实施方案", [("开展事前绩效评估", "市财政局负责")]))
    result = load_paths([first, second])
    assert not result.errors
    graph = result.graph
    found = actors(graph, "市财政局")
    assert len(found) == 2 and all(a["region"] is None for a in found)
    assert owners(graph, "规范采购预算编制") != owners(graph, "开展事前绩效评估")


def test_one_citys_finance_bureau_is_one_actor_across_its_documents(tmp_path):
    first = write(tmp_path, "a.txt", plan("湘潭市政府采购营商环境提升方案", [("规范采购预算编制", "市财政局负责")],
                                          "湘潭市人民政府\n2022年3月1日\n"))
    second = write(tmp_path, "b.txt", plan("湘潭市预算绩效管理改革实施方案", [("开展事前绩效评估", "湘潭市财政局负责")],
                                           "湘潭市人民政府\n2022年5月1日\n"))
    graph = load_paths([first, second]).graph
    assert owners(graph, "规范采购预算编制") == owners(graph, "开展事前绩效评估")
    assert [a["region"] for a in actors(graph, "市财政局")] == ["湘潭市"]


# --- documents --------------------------------------------------------------------------------------------------

SAME_TITLE = "城市燃气管道老化更新改造实施方案"


def test_same_titled_plans_of_two_cities_are_two_documents(tmp_path):
    xiangtan = write(tmp_path, "xiangtan.txt", plan(SAME_TITLE, [("改造老化中压管道", "市城管局负责")],
                                                     "湘潭市人民政府\n2022年9月1日\n", "潭政发〔2022〕11号"))
    hengyang = write(tmp_path, "hengyang.txt", plan(SAME_TITLE, [("更换用户端燃气设施", "市住房城乡建设局负责")],
                                                     "衡阳市人民政府\n2022年9月1日\n", "衡政发〔2022〕11号"))
    graph = load_paths([xiangtan, hengyang]).graph
    documents = [d.properties for d in graph.by_label("Document") if d.properties["title"] == SAME_TITLE]
    assert sorted(d["region"] for d in documents) == ["湘潭市", "衡阳市"]
    assert len({d["id"] for d in documents}) == 2
    assert sum(1 for m in graph.by_label("Measure")) == 2


def test_two_versions_of_one_plan_are_two_documents(tmp_path):
    old = write(tmp_path, "v1.txt", plan(SAME_TITLE, [("改造老化中压管道", "市城管局负责")], "湘潭市人民政府\n2021年4月1日\n"))
    new = write(tmp_path, "v2.txt", plan(SAME_TITLE, [("改造老化低压管道", "市城管局负责")], "湘潭市人民政府\n2023年4月1日\n"))
    graph = load_paths([old, new]).graph
    assert sorted(d.properties["issued_on"] for d in graph.by_label("Document")) == ["2021-04-01", "2023-04-01"]


def test_two_files_that_say_nothing_but_one_title_are_two_documents(tmp_path):
    first = write(tmp_path, "one.txt", plan(SAME_TITLE, [("改造老化中压管道", "市城管局负责")]))
    second = write(tmp_path, "two.txt", plan(SAME_TITLE, [("更换用户端燃气设施", "市城管局负责")]))
    assert len(load_paths([first, second]).graph.by_label("Document")) == 2


def test_loading_the_same_file_twice_gives_one_document(tmp_path):
    path = write(tmp_path, "plan.txt", plan(SAME_TITLE, [("改造老化中压管道", "市城管局负责")], "湘潭市人民政府\n2022年9月1日\n"))
    first, second = load_document(path), load_document(path)
    assert first.doc_id == second.doc_id
    result = load_paths([path, path])
    assert len(result.graph.by_label("Document")) == 1 and len(result.graph.by_label("Measure")) == 1


# --- reform lineage -------------------------------------------------------------------------------------------

JIANGSU_SUCCESSOR = "市市场监管局（知识产权局）"


def _jiangsu(tmp_path, name: str, year: int, note: str = "市知识产权局负责", city: str = "常州市"):
    text = plan(f"{city}专利导航服务工作方案", [("建设专利导航服务基地", note)], f"{city}人民政府\n{year}年5月6日\n",
                preamble="按照江苏省知识产权战略部署，")
    return load_document(write(tmp_path, name, text)).graph


def test_a_document_before_the_reform_keeps_the_name_it_wrote_linked_to_the_successor(tmp_path):
    graph = _jiangsu(tmp_path, "old.txt", 2012)
    owner = graph.nodes[owners(graph, "建设专利导航服务基地")[0]].properties
    assert owner["name"] == "市知识产权局" and owner["region"] == "常州市"
    assert successions(graph) == {("市知识产权局", JIANGSU_SUCCESSOR, 2019)}


def test_a_document_after_the_reform_that_writes_the_old_name_means_the_successor(tmp_path):
    old, new = _jiangsu(tmp_path, "old.txt", 2012), _jiangsu(tmp_path, "new.txt", 2021)
    successor = next(r.end for r in old.relationships.values() if r.type == "SUCCEEDED_BY")
    owner_id = owners(new, "建设专利导航服务基地")[0]
    assert owner_id == successor
    assert new.nodes[owner_id].properties["name"] == JIANGSU_SUCCESSOR
    assert "市知识产权局" in new.nodes[owner_id].properties["aliases"]
    assert successions(new) == set()


def test_where_the_table_does_not_place_the_reform_the_body_keeps_its_name_and_has_no_lineage(tmp_path):
    for year in (2012, 2021):
        text = plan("合肥市专利导航服务工作方案", [("建设专利导航服务基地", "市知识产权局负责")], f"合肥市人民政府\n{year}年5月6日\n",
                    preamble="按照安徽省知识产权战略部署，")
        graph = load_document(write(tmp_path, f"hefei{year}.txt", text)).graph
        assert graph.nodes[owners(graph, "建设专利导航服务基地")[0]].properties["name"] == "市知识产权局"
        assert successions(graph) == set()


def test_a_city_of_the_reform_province_gets_the_lineage_without_naming_its_province(tmp_path):
    text = plan("常州市专利导航服务工作方案", [("建设专利导航服务基地", "市知识产权局负责")], "常州市人民政府\n2012年5月6日\n")
    graph = load_document(write(tmp_path, "plain.txt", text)).graph
    assert successions(graph) == {("市知识产权局", JIANGSU_SUCCESSOR, 2019)}


def test_a_reform_applying_everywhere_links_a_commerce_bureau_of_any_city(tmp_path):
    text = plan("漳州市个体工商户服务提升方案", [("优化个体户登记服务", "市工商局负责")], "漳州市人民政府\n2015年3月9日\n")
    graph = load_document(write(tmp_path, "zhangzhou.txt", text)).graph
    assert successions(graph) == {("市工商局", "市市场监管局", 2019)}


# --- bodies of one note, and one body however written ----------------------------------------------------------------

@pytest.mark.parametrize(("note", "year", "names"), [
    ("市工商局、市市场监管局负责", 2020, {"市工商局", "市市场监管局"}),
    ("市知识产权局、市市场监管局（知识产权局）负责", 2021, {"市知识产权局", JIANGSU_SUCCESSOR}),
])
def test_two_bodies_of_one_note_stay_two(tmp_path, note, year, names):
    graph = _jiangsu(tmp_path, "note.txt", year, note=note)
    ids = owners(graph, "建设专利导航服务基地")
    assert len(set(ids)) == 2
    assert {graph.nodes[i].properties["name"] for i in ids} == names


@pytest.mark.parametrize(("city", "full", "short", "issuer"), [
    ("湛江市", "湛江市市容环境卫生管理局", "市市容环境卫生管理局", "湛江市人民政府"),
    ("无锡市", "无锡市市场监管局", "市市场监管局", "无锡市人民政府"),
    ("宝鸡市", "宝鸡市市政公用事业局", "市市政公用事业局", "宝鸡市人民政府"),
    ("鼓楼区", "鼓楼区区划地名办公室", "区区划地名办公室", "福州市鼓楼区人民政府"),
])
def test_a_body_written_with_and_without_its_place_is_one_node(tmp_path, city, full, short, issuer):
    text = plan(f"{city}城市精细化管理提升方案", [("整治占道经营行为", f"{full}负责"), ("规范户外广告设置", f"{short}负责")],
                f"{issuer}\n2023年8月8日\n")
    graph = load_document(write(tmp_path, "city.txt", text)).graph
    first, second = owners(graph, "整治占道经营行为"), owners(graph, "规范户外广告设置")
    assert len(first) == 1 and first == second
