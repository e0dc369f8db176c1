"""Extraction rules exercised on short texts written for the test, not copied from the samples."""

import pytest

from loaders.dates import normalise_deadline, period_end
from loaders.references import find_citations
from loaders.responsibility import find_notes, parse_responsibility
from loaders.targets import find_targets


def roles(text: str, **kw) -> list[tuple[str, str]]:
    return [(a.name, a.role) for a in parse_responsibility(text, **kw)]


@pytest.mark.parametrize(("note", "expected"), [
    ("责任单位：县发改局牵头，县财政局、县统计局按职责分工负责",
     [("县发改局", "lead"), ("县财政局", "co"), ("县统计局", "co")]),
    ("牵头单位：省交通运输厅；配合单位：省公安厅、省应急管理厅等",
     [("省交通运输厅", "lead"), ("省公安厅", "co"), ("省应急管理厅", "co")]),
    ("市卫生健康委牵头，市医保局参与", [("市卫生健康委", "lead"), ("市医保局", "co")]),
    ("责任单位：区城管局负责", [("区城管局", "sole")]),
    ("责任单位：区住建局、区城管局、各街道按职责分工负责",
     [("区住建局", "unspecified"), ("区城管局", "unspecified"), ("各街道", "unspecified")]),
    ("县教育局、县人社局及县总工会", [("县教育局", "unspecified"), ("县人社局", "unspecified"),
                                   ("县总工会", "unspecified")]),
    ("市自然资源和规划局", [("市自然资源和规划局", "unspecified")]),
    # 和 joins two bodies only when both sides end like one: 发展和改革, 住房和城乡建设 stay inside a name.
    ("牵头单位：州发改委和州财政局；配合单位：州住房和城乡建设局",
     [("州发改委", "lead"), ("州财政局", "lead"), ("州住房和城乡建设局", "co")]),
])
def test_responsibility_roles(note, expected):
    assert roles(note) == expected


def test_first_listed_body_leads_when_the_document_says_so():
    assert roles("市文旅局、市商务局、市体育局", first_listed_leads=True) == [
        ("市文旅局", "lead"), ("市商务局", "co"), ("市体育局", "co")]


def test_a_table_column_gives_the_role_when_the_cell_names_none():
    assert roles("省法院 省检察院", default_role="lead") == [("省法院", "lead"), ("省检察院", "lead")]


def test_notes_are_recognised_and_other_brackets_are_not():
    notes = find_notes("建设智慧停车平台。（牵头单位：市城管局；配合单位：市公安局）")
    assert [n.text for n in notes] == ["牵头单位：市城管局；配合单位：市公安局"]
    assert not find_notes("推进老旧小区改造（以下简称改造）")
    assert not find_notes("完善机制（2023年）")
    assert not find_notes("由市市场监管局（知识产权局）统筹推进。")


def one(text: str, goal_form: bool = False):
    found = find_targets(text, require_goal_form=goal_form)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "indicator", "value", "unit", "comparator"), [
    ("全县森林覆盖率达到28%以上", "森林覆盖率", 28, "%", ">="),
    ("城市生活垃圾回收利用率不低于35%", "城市生活垃圾回收利用率", 35, "%", ">="),
    ("企业开办时间压缩至1个工作日以内", "企业开办时间", 1, "个工作日", "<="),
    ("研发经费投入强度超过3.2%", "研发经费投入强度", 3.2, "%", ">"),
    ("全市规上工业总产值突破800亿元", "规上工业总产值", 800, "亿元", ">="),
    ("新增城镇就业岗位1.2万人", "新增城镇就业岗位", 1.2, "万人", "="),
    ("数字经济核心产业增加值年均增长12%以上", "数字经济核心产业增加值年均增长", 12, "%", ">="),
    ("培训养老护理员不少于两千人次", "培训养老护理员", 2000, "人次", ">="),
])
def test_indicator_first_targets(text, indicator, value, unit, comparator):
    target = one(text)
    assert (target.indicator, target.value, target.unit, target.comparator) == (indicator, value, unit, comparator)


def test_number_first_targets_take_the_counted_thing_after_the_number():
    target = one("打造15个省级特色小镇，形成产业集聚效应", goal_form=True)
    assert (target.indicator, target.value, target.unit) == ("省级特色小镇", 15, "个")


def test_lists_with_fenbie_assign_values_in_order_and_share_the_indicator_tail():
    found = find_targets("城区、乡镇污水处理率分别达到98%、85%", require_goal_form=False)
    assert [(t.indicator, t.value) for t in found] == [("城区污水处理率", 98), ("乡镇污水处理率", 85)]


def test_ranges_keep_the_upper_bound():
    target = one("引进3～5家头部企业", goal_form=True)
    assert (target.value, target.upper, target.comparator) == (3, 5, ">=")


def test_in_a_measure_a_bare_number_is_not_a_goal():
    assert find_targets("以全县12个重点镇为依托推进建设", require_goal_form=True) == []
    assert find_targets("在3个片区试点的基础上推广", require_goal_form=True) == []


def test_past_figures_are_not_targets():
    assert find_targets("“十三五”期间，全市已建成5G基站3000个", require_goal_form=False) == []


def test_a_goal_date_in_the_sentence_dates_the_target():
    target = one("到2028年，建成10个未来社区", goal_form=True)
    assert target.due == "2028"


def test_names_and_dates_are_not_quantities():
    assert find_targets("实施“121”工程，召开第5次会议", require_goal_form=False) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("2026年6月", "2026-06"), ("2025年底前", "2025-12"), ("2024年", "2024"), ("长期坚持", "长期坚持"),
    ("持续推进", "长期坚持"), ("每年开展", "每年开展"), ("2025年3月—2026年6月", "2026-06"), ("", None),
])
def test_deadlines_are_normalised(text, expected):
    assert normalise_deadline(text) == expected


def test_plan_period_end():
    assert period_end("行动计划（2023—2027年）", "") == "2027"
    assert period_end("试点方案", "试点期为2025年1月至2026年12月") == "2026-12"
    assert period_end("“十五五”生态环境保护规划", "") == "2030"


def test_citations_with_numbers_own_title_skipped_and_tails_merged():
    text = ("为贯彻《国务院关于加快发展养老服务业的若干意见》（国发〔2013〕35号）和国务院《关于加快发展养老服务业的若干意见》，"
            "根据《杭州市养老服务规划》，制定《本市养老行动方案》。")
    found = find_citations(text, own_titles=["本市养老行动方案"])
    assert [(c.title, c.doc_number) for c in found] == [
        ("国务院关于加快发展养老服务业的若干意见", "国发〔2013〕35号"), ("杭州市养老服务规划", None)]


def test_a_goal_verb_right_before_the_number_takes_the_thing_after_it():
    target = one("对县域商业体系建设给予500万元专项资金支持", goal_form=True)
    assert (target.indicator, target.value, target.unit) == ("专项资金支持", 500, "万元")


def test_a_cited_documents_period_is_not_the_plans_own():
    text = ("根据《知识产权强国建设纲要（2021—2035年）》，结合实际制定本方案。"
            "试点期内（2024年1月—2026年12月），全市发明专利拥有量达2万件。")
    assert period_end("某市知识产权强市建设试点工作方案", text) == "2026-12"
    assert period_end("某市工作方案", "落实《规划（2021-2035年）》，序时推进。") is None


@pytest.mark.parametrize(("paragraph", "text", "expected"), [
    ("完善冷链物流网络。【牵头单位】县商务局【配合单位】县交通运输局、县供销社", "完善冷链物流网络。",
     [("县商务局", "lead"), ("县交通运输局", "co"), ("县供销社", "co")]),
    ("推进老旧管网改造。（省住房城乡建设厅牵头，以下各项均需各市人民政府落实，不再列出）", "推进老旧管网改造。",
     [("省住房城乡建设厅", "lead")]),
    ("强化食品抽检。（牵头领导：王五；牵头单位：区市场监管局）", "强化食品抽检。", [("区市场监管局", "lead")]),
])
def test_bracketed_labels_conventions_and_named_leaders(paragraph, text, expected):
    """【牵头单位】 reads as a label; a clause about how to read the notes names no owner; a leader's name is no body."""
    notes = find_notes(paragraph)
    assert len(notes) == 1 and paragraph[:notes[0].start].strip() == text
    assert roles(notes[0].text) == expected
