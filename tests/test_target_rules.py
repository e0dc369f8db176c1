"""What is a target (issue 9, item 5), on sentences written for the test: caps, thresholds and durations are
not goals; units carry magnitudes and any measure word; number-first goals, shared values, 分别, Chinese numerals,
左右, and the due date a goals section's lead sentence gives the goals under it."""

from __future__ import annotations

import pytest

from loaders.pipeline import load_document
from loaders.targets import find_targets
from tests.conftest import write


def facts(text: str, goal_form: bool, due: str | None = None) -> list[tuple]:
    return [(t.indicator, t.value, t.unit, t.comparator, t.due)
            for t in find_targets(text, require_goal_form=goal_form, due=due)]


# --- not goals ------------------------------------------------------------------------------------------------

CAPS = ["对新认定的省级科技企业孵化器给予最高不超过150万元奖励", "单个项目奖补上限为300万元", "每人每月生活补助标准最高800元"]


@pytest.mark.parametrize("text", [
    *CAPS,
    "按贷款利息的50%给予贴息，每户每年不超过20万元",
    "对返乡创业人员给予创业担保贷款，个人贷款额度不超过30万元",
])
def test_a_subsidy_or_award_cap_in_a_measure_is_not_a_goal(text):
    assert facts(text, goal_form=True) == []


@pytest.mark.parametrize("text", CAPS)
def test_a_cap_is_not_a_goal_even_in_a_goals_section(text):
    assert facts(text, goal_form=False) == []


@pytest.mark.parametrize("text", [
    "对当年新招用高校毕业生占比达到30%以上的企业优先推荐信贷支持",
    "对年纳税额超过500万元的重点企业给予用地保障",
    "对研发投入占比不低于5%的科技型中小企业给予奖励",
    "对连续缴纳社会保险满6个月以上的创业者给予场租补贴",
])
def test_an_eligibility_threshold_is_not_a_goal(text):
    assert facts(text, goal_form=True) == []


def test_yicixing_is_not_a_count():
    assert facts("对吸纳登记失业人员的小微企业给予一次性吸纳就业补贴", goal_form=True) == []


def test_a_rate_applied_by_a_rule_is_not_a_goal():
    assert facts("医保基金按不低于年度约定采购金额的30%预付给医疗机构", goal_form=True) == []
    assert facts("按期建成120个村级寄递物流综合服务站", goal_form=True) == [("村级寄递物流综合服务站", 120, "个", "=", None)]


@pytest.mark.parametrize("text", [
    "组织离校未就业高校毕业生参加3至6个月的就业见习",
    "开展为期18个月的跟踪帮扶服务",
    "孵化期一般为2至3年",
])
def test_a_duration_is_not_a_goal(text):
    assert facts(text, goal_form=True) == []


def test_a_shortened_time_is_a_goal_although_its_unit_is_a_duration():
    assert facts("工程建设项目审批时间压缩至60个工作日以内", goal_form=True) == [
        ("工程建设项目审批时间", 60, "个工作日", "<=", None)]


# --- units -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "indicator", "value", "unit", "comparator"), [
    ("新增风电光伏装机容量3.5亿千瓦", "新增风电光伏装机容量", 3.5, "亿千瓦", "="),
    ("社会消费品零售总额突破2万亿元", "社会消费品零售总额", 2, "万亿元", ">="),
    ("全年接待入境游客达到500万人次", "全年接待入境游客", 500, "万人次", ">="),
    ("每年举办公益招聘活动不少于100场次", "举办公益招聘活动", 100, "场次", ">="),
    ("新增城市绿道长度超过80千米", "新增城市绿道长度", 80, "千米", ">"),
    ("港口集装箱吞吐量达到300万标箱", "港口集装箱吞吐量", 300, "万标箱", ">="),
    ("新增变电容量120万千伏安", "新增变电容量", 120, "万千伏安", "="),
])
def test_units_keep_their_magnitude_and_measure_word(text, indicator, value, unit, comparator):
    assert facts(text, goal_form=False) == [(indicator, value, unit, comparator, None)]


# --- number-first goals, lists, numerals ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("两年内招募120名社区志愿者和20名心理咨询师",
     [("社区志愿者", 120, "名", "=", None), ("心理咨询师", 20, "名", "=", None)]),
    ("到2027年，聘任60名乡村规划师和15名驻镇建筑师",
     [("乡村规划师", 60, "名", "=", "2027"), ("驻镇建筑师", 15, "名", "=", "2027")]),
    ("力争表彰30个节水型单位和8个节水型园区", [("节水型单位", 30, "个", "=", None), ("节水型园区", 8, "个", "=", None)]),
    ("每年征集不少于200项群众微心愿", [("群众微心愿", 200, "项", ">=", None)]),
])
def test_number_first_goals_with_any_verb_give_one_target_per_figure(text, expected):
    assert facts(text, goal_form=True) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("城区、镇区生活垃圾分类覆盖率均达到85%",
     [("城区生活垃圾分类覆盖率", 85, "%", ">="), ("镇区生活垃圾分类覆盖率", 85, "%", ">=")]),
    ("县级医院、乡镇卫生院远程会诊覆盖率均达到100%",
     [("县级医院远程会诊覆盖率", 100, "%", ">="), ("乡镇卫生院远程会诊覆盖率", 100, "%", ">=")]),
    ("规上工业企业、限上商贸企业数字化转型比例均不低于60%",
     [("规上工业企业数字化转型比例", 60, "%", ">="), ("限上商贸企业数字化转型比例", 60, "%", ">=")]),
])
def test_one_value_for_several_indicators_gives_one_target_each(text, expected):
    assert [(t[0], t[1], t[2], t[3]) for t in facts(text, goal_form=False)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("城镇、农村居民人均可支配收入分别达到6.5万元和3.2万元",
     [("城镇居民人均可支配收入", 6.5, "万元", ">="), ("农村居民人均可支配收入", 3.2, "万元", ">=")]),
    ("高中阶段毛入学率、学前三年毛入园率分别不低于96%、92%",
     [("高中阶段毛入学率", 96, "%", ">="), ("学前三年毛入园率", 92, "%", ">=")]),
    ("高速公路、普通国省道优良路率分别达到95%和85%",
     [("高速公路优良路率", 95, "%", ">="), ("普通国省道优良路率", 85, "%", ">=")]),
])
def test_fenbie_gives_each_indicator_its_own_value(text, expected):
    assert [(t[0], t[1], t[2], t[3]) for t in facts(text, goal_form=False)] == expected


def test_fenbie_goals_share_the_date_of_their_sentence():
    assert facts("到2025年，城镇、农村居民人均可支配收入分别达到6.5万元和3.2万元", goal_form=False, due="2030") == [
        ("城镇居民人均可支配收入", 6.5, "万元", ">=", "2025"), ("农村居民人均可支配收入", 3.2, "万元", ">=", "2025")]


@pytest.mark.parametrize(("text", "expected"), [
    ("建成一个区域性冷链物流中心", [("区域性冷链物流中心", 1, "个", "=", None)]),
    ("新建三座污水处理厂", [("污水处理厂", 3, "座", "=", None)]),
    ("到2028年，力争建成十五个乡镇快递共配站点", [("乡镇快递共配站点", 15, "个", "=", "2028")]),
    ("全市新能源汽车保有量达到二十万辆", [("新能源汽车保有量", 200000, "辆", ">=", None)]),
    ("建成一个数据中心、两个公共服务平台", [("数据中心", 1, "个", "=", None), ("公共服务平台", 2, "个", "=", None)]),
])
def test_chinese_numerals_are_counts(text, expected):
    assert facts(text, goal_form=True) == expected


def test_vague_quantities_are_not_counts():
    assert facts("打造一批特色街区，培育一支专业队伍", goal_form=True) == []


@pytest.mark.parametrize(("text", "indicator", "value"), [
    ("农作物秸秆综合利用率稳定在92%左右", "农作物秸秆综合利用率", 92),
    ("常住人口城镇化率达到70%左右", "常住人口城镇化率", 70),
    ("地区生产总值年均增长6%左右", "地区生产总值年均增长", 6),
])
def test_zuoyou_is_approximate(text, indicator, value):
    assert facts(text, goal_form=False) == [(indicator, value, "%", "=", None)]


def test_a_goal_date_in_the_sentence_beats_the_due_the_caller_gives():
    assert facts("到2027年，林草植被覆盖度提高到45%", goal_form=False, due="2030") == [
        ("林草植被覆盖度", 45, "%", ">=", "2027")]
    assert facts("林草植被覆盖度提高到45%", goal_form=False, due="2030") == [("林草植被覆盖度", 45, "%", ">=", "2030")]


# --- due dates in a goals section, through the whole loader -----------------------------------------------------

STORAGE_PLAN = """江门市新型储能产业发展行动方案（2024—2030年）
江府〔2024〕21号
各市（区）人民政府，市政府各部门：
为推动新型储能产业集聚发展，结合本市实际，制定本方案。
一、发展目标
到2026年，新型储能产业链条基本完善，产业规模持续扩大，主要目标如下：
1.产业规模。全市新型储能产业营业收入突破600亿元。
2.创新能力。省级以上储能研发平台达到12个。
到2030年，新型储能产业成为全市战略性支柱产业。
3.产业体量。新型储能产业营业收入达到1500亿元。
4.应用规模。新型储能装机规模达到200万千瓦左右。
二、重点任务
（一）壮大电芯制造。支持龙头企业扩大储能电芯产能。（市工业和信息化局负责）
（二）拓展应用场景。推动工业园区配建储能设施。（市发展改革局牵头，市供电局配合）
三、保障措施
加强要素保障，统筹安排用地用能指标。
江门市人民政府
2024年4月18日
"""

FARM_PLAN = """清远市清新区农产品加工业提升工作方案
清新府〔2023〕9号
各镇人民政府，区直各单位：
为加快农产品加工业提质增效，制定本方案。
一、工作目标
到2025年，实现以下目标：
（一）全区农产品加工业产值达到300亿元。
（二）市级以上农业产业化龙头企业达到50家。
（三）农产品网络零售额年均增长15%以上。
二、主要任务
（一）建设加工园区。推动加工企业入园集聚发展。（区农业农村局负责）
三、保障措施
强化财政金融支持。
清远市清新区人民政府
2023年8月2日
"""


def _document_targets(tmp_path, text: str) -> set[tuple]:
    graph = load_document(write(tmp_path, "plan.txt", text)).graph
    return {(t.properties["indicator"], t.properties["value"], t.properties["unit"], t.properties["comparator"],
             t.properties["due"]) for t in graph.by_label("Target")}


def test_the_lead_sentence_of_a_goals_section_dates_the_goals_under_it_until_another_date(tmp_path):
    assert _document_targets(tmp_path, STORAGE_PLAN) == {
        ("新型储能产业营业收入", 600, "亿元", ">=", "2026"), ("省级以上储能研发平台", 12, "个", ">=", "2026"),
        ("新型储能产业营业收入", 1500, "亿元", ">=", "2030"), ("新型储能装机规模", 200, "万千瓦", "=", "2030")}


def test_a_goals_section_led_by_a_date_and_a_colon_dates_every_listed_goal(tmp_path):
    assert _document_targets(tmp_path, FARM_PLAN) == {
        ("农产品加工业产值", 300, "亿元", ">=", "2025"),
        ("市级以上农业产业化龙头企业", 50, "家", ">=", "2025"), ("农产品网络零售额年均增长", 15, "%", ">=", "2025")}


GOAL_TABLE_PLAN = """韶关市生态文明建设示范区创建方案（2023—2030年）
韶府〔2023〕5号
各县（市、区）人民政府，市直各单位：
为推进生态文明建设示范区创建，制定本方案。
一、创建目标
到2027年，全市生态文明建设示范区创建取得明显成效，主要指标如下：
序号\t指标名称\t目标值
1\t森林覆盖率\t≥75%
2\t城镇污水处理率\t≥97%
二、重点任务
（一）实施生态修复工程。开展废弃矿山复绿。（市自然资源局负责）
三、保障措施
加强组织领导。
韶关市人民政府
2023年2月6日
"""


def test_the_lead_sentence_dates_an_indicator_table_under_it(tmp_path):
    assert _document_targets(tmp_path, GOAL_TABLE_PLAN) == {
        ("森林覆盖率", 75, "%", ">=", "2027"), ("城镇污水处理率", 97, "%", ">=", "2027")}


TITLED_GOALS_PLAN = """安溪县茶产业振兴规划（2024—2030年）
安政〔2024〕7号
各乡镇人民政府，县直各单位：
为推动茶产业振兴，制定本规划。
一、发展目标
到2026年，茶产业转型升级取得阶段性成效，实现以下目标：
（一）产业目标。茶叶综合产值达到300亿元。
（二）品牌目标。省级以上茶叶龙头企业达到25家。
二、重点任务
（一）建设生态茶园。推广茶园套种绿肥。（县农业农村局负责）
三、保障措施
加强组织领导。
安溪县人民政府
2024年1月12日
"""


def test_the_lead_sentence_dates_goal_items_whose_titles_end_in_mubiao(tmp_path):
    assert _document_targets(tmp_path, TITLED_GOALS_PLAN) == {
        ("茶叶综合产值", 300, "亿元", ">=", "2026"), ("省级以上茶叶龙头企业", 25, "家", ">=", "2026")}
