"""Task-table rows linked to the measures they restate; topics; source sentences (texts written for the test)."""

from __future__ import annotations

from loaders.pipeline import load_document
from loaders.topics import topics
from tests.conftest import write

PLAN = """某市数字政府建设三年行动方案
一、重点任务
（一）推进政务数据共享。建设全市统一的公共数据平台，推动部门数据按需共享，到2025年公共数据共享率达到95%以上。（责任单位：市大数据局牵头，市各有关部门配合）
（二）深化一网通办。推行高频事项集成办理，实现企业开办全程网办，压缩审批时限50%以上。（责任单位：市行政审批局）
（三）加强数据安全保护。落实数据分类分级保护制度，开展数据安全检查和商业秘密保护培训。（责任单位：市委网信办、市公安局）
附件
重点任务分工表
序号\t工作任务\t牵头单位\t配合单位\t完成时限
1\t建设全市统一的公共数据平台\t市大数据局\t市财政局\t2024年12月
2\t推行高频事项集成办理，实现企业开办全程网办\t市行政审批局\t市市场监管局\t2025年6月
3\t组织全市干部群众开展读书月活动\t市委宣传部\t\t2024年4月
"""


def _graph(tmp_path):
    return load_document(write(tmp_path, "plan.txt", PLAN)).graph


def test_task_rows_link_to_the_body_measure_they_restate(tmp_path):
    graph = _graph(tmp_path)
    links = {(graph.nodes[r.start].properties["text"][:6], graph.nodes[r.end].properties["title"])
             for r in graph.relationships.values() if r.type == "IMPLEMENTS"}
    # Rows 1 and 2 restate measures (一) and (二); row 3 restates nothing in the body.
    assert links == {("建设全市统一", "推进政务数据共享"), ("推行高频事项", "深化一网通办")}


def test_owner_and_target_carry_the_sentence_they_were_read_from(tmp_path):
    graph = _graph(tmp_path)
    lead = next(r for r in graph.relationships.values()
                if r.type == "RESPONSIBLE_FOR" and graph.nodes[r.start].properties["name"] == "市大数据局"
                and graph.nodes[r.end].properties["kind"] == "item")
    assert lead.properties["sentence"].startswith("建设全市统一的公共数据平台，推动部门数据按需共享，到2025年")
    assert lead.properties["sentence"].endswith("市各有关部门配合）")
    share = next(t for t in graph.by_label("Target") if t.properties["value"] == 95)
    assert share.properties["sentence"].endswith("达到95%以上。") and share.properties["due"] == "2025"
    row = next(r for r in graph.relationships.values()
               if r.type == "RESPONSIBLE_FOR" and graph.nodes[r.start].properties["name"] == "市财政局")
    assert row.properties["sentence"] == "1 | 建设全市统一的公共数据平台 | 市大数据局 | 市财政局 | 2024年12月"


def test_measures_are_linked_to_their_topics(tmp_path):
    graph = _graph(tmp_path)
    about = {(graph.nodes[r.start].properties["title"], graph.nodes[r.end].properties["name"])
             for r in graph.relationships.values() if r.type == "ABOUT"}
    assert ("加强数据安全保护", "商业秘密") in about
    assert ("推进政务数据共享", "公共数据") in about


def test_topics_skip_generic_policy_words_bodies_and_numbers():
    words = [t.word for t in topics("加强推进建设完善。全面推进垃圾分类，到2025年建成垃圾分类示范小区30个，由市城管局负责。")]
    assert words[0] == "垃圾分类"
    assert not {"加强", "推进", "建设", "完善", "市城管局", "2025", "30"} & set(words)
