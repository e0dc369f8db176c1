"""Layouts the samples do not show, in texts written for the test: other notes, numbering, tables, goals."""

from __future__ import annotations

from loaders.pipeline import load_document
from tests.conftest import write

PROVINCE_PLAN = """某省数字经济发展三年行动计划（2024—2026年）
为加快数字经济发展，制定本计划。“十四五”前三年，全省数字经济核心产业增加值已达到8000亿元。
一、发展目标
到2026年，全省数字经济核心产业增加值年均增长12%以上，占地区生产总值比重达到10%，数据中心标准机架规模突破30万架。
二、重点任务
（一）建设数字基础设施
1、推进千兆光网建设。城市家庭千兆光纤网络覆盖率超过90%。【牵头部门：省通信管理局；配合部门：省工业和信息化厅、省发展改革委】
2、布局算力基础设施。建设一批智能计算中心。【牵头部门：省发展改革委】
（二）培育数字产业
1、壮大软件产业。软件业务收入年均增长15%。（省工业和信息化厅、省科技厅、省商务厅等负责）
2、发展数据要素市场。培育第三方专业服务机构不少于一百家。（省数据局牵头，省财政厅参与）
三、保障措施
加强组织领导。
"""

CITY_PLAN = """某市人民政府办公室关于印发某市养老服务体系建设实施方案的通知
各县（市、区）人民政府，市各委办局：
现将《某市养老服务体系建设实施方案》印发给你们，请认真贯彻落实。
某市人民政府办公室
2024年3月8日
某市养老服务体系建设实施方案
各项任务中列第一位者为牵头单位，其他为配合单位。
一、主要任务
（一）完善居家养老服务（市民政局、市卫生健康委、市医保局）
1.建设社区嵌入式养老服务设施。推动街道综合养老服务中心全覆盖。
2.发展助餐服务。
（二）提升机构养老质量
①推进公办养老机构改革，到2025年护理型床位占比达到60%以上。（市民政局、市财政局）
②加强养老护理员培训，建设期满培训养老护理员不少于3000人次。（市人社局）
二、重点任务清单
时间节点\t具体举措\t配合部门\t牵头部门\t序号
2024年底\t建成智慧养老服务平台\t市大数据局\t市民政局\t1
2025年6月\t开展老年人能力评估\t市医保局、市财政局\t市卫生健康委\t2
三、保障措施
（一）加强组织领导。
"""


def _facts(tmp_path, text):
    graph = load_document(write(tmp_path, "plan.txt", text)).graph
    owners = {(graph.nodes[r.end].properties["path"], graph.nodes[r.start].properties["name"], r.properties["role"])
              for r in graph.relationships.values() if r.type == "RESPONSIBLE_FOR"}
    targets = {(t.properties["indicator"], t.properties["value"], t.properties["unit"], t.properties["comparator"],
                t.properties["due"]) for t in graph.by_label("Target")}
    return graph, owners, targets


def test_square_bracket_notes_national_style_notes_and_other_numbering(tmp_path):
    graph, owners, _ = _facts(tmp_path, PROVINCE_PLAN)
    assert {m.properties["path"] for m in graph.by_label("Measure")} == {
        "二.(一).1", "二.(一).2", "二.(二).1", "二.(二).2"}
    def of(path):
        return {(name, role) for at, name, role in owners if at == path}

    assert of("二.(一).1") == {("省通信管理局", "lead"), ("省工业和信息化厅", "co"), ("省发展改革委", "co")}
    assert of("二.(一).2") == {("省发展改革委", "lead")}
    assert of("二.(二).2") == {("省数据局", "lead"), ("省财政厅", "co")}
    # （A、B、C等负责）: three bodies, no lead named, and 等 names no further body.
    assert {o for o in owners if o[0] == "二.(二).1"} == {
        ("二.(二).1", "省工业和信息化厅", "unspecified"), ("二.(二).1", "省科技厅", "unspecified"),
        ("二.(二).1", "省商务厅", "unspecified")}


def test_growth_rates_magnitude_units_chinese_numerals_and_plan_period(tmp_path):
    _, _, targets = _facts(tmp_path, PROVINCE_PLAN)
    assert ("数字经济核心产业增加值年均增长", 12.0, "%", ">=", "2026") in targets
    assert ("数据中心标准机架规模", 30.0, "万架", ">=", "2026") in targets
    # Goals inside measures with no date of their own are due at the end of the plan period (2026).
    assert ("软件业务收入年均增长", 15.0, "%", "=", "2026") in targets
    assert ("培育第三方专业服务机构", 100.0, "家", ">=", "2026") in targets
    # A figure of the past is a baseline, never a target.
    assert not any(t[1] == 8000 for t in targets)


def test_first_listed_convention_heading_notes_bare_notes_and_reordered_table(tmp_path):
    graph, owners, targets = _facts(tmp_path, CITY_PLAN)
    # The heading's note holds for the measures under it; the document says the first listed body leads.
    for path in ("一.(一).1", "一.(一).2"):
        assert {(o[1], o[2]) for o in owners if o[0] == path} == {
            ("市民政局", "lead"), ("市卫生健康委", "co"), ("市医保局", "co")}
    assert {(o[1], o[2]) for o in owners if o[0] == "一.(二).①"} == {("市民政局", "lead"), ("市财政局", "co")}
    # Under that convention a single body is sole: there is no one else to lead.
    assert {(o[1], o[2]) for o in owners if o[0] == "一.(二).②"} == {("市人社局", "sole")}
    # A table whose columns come in another order under other header words.
    rows = {m.properties["text"]: m.properties for m in graph.by_label("Measure") if m.properties["kind"] == "table_row"}
    assert rows["建成智慧养老服务平台"]["deadline"] == "2024-12" and rows["开展老年人能力评估"]["deadline"] == "2025-06"
    assert {(o[1], o[2]) for o in owners if o[0] == "二.2"} == {
        ("市卫生健康委", "lead"), ("市医保局", "co"), ("市财政局", "co")}
    assert ("培训养老护理员", 3000.0, "人次", ">=", None) in targets
    sections = {s.properties["title"] for s in graph.by_label("Section")}
    assert "完善居家养老服务" in sections
