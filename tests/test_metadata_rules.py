"""Document metadata (issue 9, item 6), through the whole loader on documents written for the test: title, 发文字号,
issuer, date and region of notices that are the policy, wrappers (印发, 函, 转发, 令), web-page information tables;
joint issuers and Chinese-numeral dates; citations, self-references and cited 文号."""

from __future__ import annotations

import pytest

from loaders.pipeline import load_document
from tests.conftest import write

TASKS = """一、主要任务
（一）完善设施网络。推进片区设施补短板。（{body}负责）
（二）健全运行机制。建立常态化运行维护制度。（{body}牵头，{other}配合）
二、保障措施
加强组织领导，强化督促落实。
"""


def _load(tmp_path, text: str):
    loaded = load_document(write(tmp_path, "doc.txt", text))
    return loaded.graph, loaded.graph.nodes[loaded.doc_id].properties


def document(tmp_path, text: str) -> dict:
    return _load(tmp_path, text)[1]


def fields(props: dict) -> tuple:
    return props["title"], props["doc_number"], props["issuer"], props["issued_on"], props["region"]


# --- a notice that is itself the policy ---------------------------------------------------------------------

SELF_NOTICE = """嘉兴市人民政府关于加快推进
海绵城市建设的实施意见
嘉政发〔2020〕14号
各县（市、区）人民政府，市政府各部门、直属各单位：
为系统推进海绵城市建设，现提出如下意见。
""" + TASKS.format(body="市建设局", other="市水利局") + """嘉兴市人民政府
2020年8月17日
（此件公开发布）
"""


def test_a_notice_that_is_the_policy_takes_its_heading_and_its_closing_signature(tmp_path):
    assert fields(document(tmp_path, SELF_NOTICE)) == (
        "嘉兴市人民政府关于加快推进海绵城市建设的实施意见", "嘉政发〔2020〕14号", "嘉兴市人民政府", "2020-08-17", "嘉兴市")


SELF_NOTICE_WITH_ANNEX = """长沙市人民政府办公厅关于进一步做好社区养老服务工作的通知
长政办发〔2021〕33号
各区县（市）人民政府，市直机关各单位：
为提升社区养老服务水平，经市人民政府同意，现就有关事项通知如下：
""" + TASKS.format(body="市民政局", other="市卫生健康委") + """长沙市人民政府办公厅
2021年9月26日
附件
社区养老服务设施建设任务表
序号\t区县（市）\t建设任务\t责任单位
1\t芙蓉区\t新建社区嵌入式养老服务中心。\t芙蓉区人民政府
"""


def test_the_signature_before_the_annex_gives_issuer_and_date(tmp_path):
    assert fields(document(tmp_path, SELF_NOTICE_WITH_ANNEX)) == (
        "长沙市人民政府办公厅关于进一步做好社区养老服务工作的通知", "长政办发〔2021〕33号", "长沙市人民政府办公厅",
        "2021-09-26", "长沙市")


JOINT = """陕西省教育厅、陕西省财政厅关于做好学生资助资金管理工作的通知
陕教〔2023〕45号
各设区市教育局、财政局，省属各高校：
为规范学生资助资金管理，现就有关事项通知如下：
""" + TASKS.format(body="各设区市教育局", other="各设区市财政局") + """陕西省教育厅
陕西省财政厅
二〇二三年四月十日
"""


@pytest.mark.parametrize("text", [
    JOINT,
    JOINT.replace("陕西省教育厅、陕西省财政厅关于", "陕西省教育厅 陕西省财政厅关于"),
    JOINT.replace("陕西省教育厅\n陕西省财政厅\n", "陕西省教育厅　　陕西省财政厅\n"),
], ids=["heading-with-dunhao", "heading-with-space", "signed-on-one-line"])
def test_joint_issuers_are_each_an_issuer_and_a_chinese_numeral_date_is_read(tmp_path, text):
    graph, props = _load(tmp_path, text)
    assert set(props["issuer"].split("、")) == {"陕西省教育厅", "陕西省财政厅"}
    assert props["issued_on"] == "2023-04-10"
    assert props["region"] == "陕西省"
    issued_by = {graph.nodes[r.end].properties["name"] for r in graph.relationships.values() if r.type == "ISSUED_BY"}
    assert issued_by == {"陕西省教育厅", "陕西省财政厅"}


@pytest.mark.parametrize(("written", "iso"), [("二〇二一年十二月二十日", "2021-12-20"), ("二○一九年三月五日", "2019-03-05"),
                                              ("2018年11月3日", "2018-11-03")])
def test_dates_of_the_signature_in_any_numerals(tmp_path, written, iso):
    text = SELF_NOTICE.replace("2020年8月17日", written)
    assert document(tmp_path, text)["issued_on"] == iso


# --- wrappers -----------------------------------------------------------------------------------------------

ISSUE_WRAPPER = """南平市人民政府关于印发南平市茶产业高质量发展三年行动方案的通知
南政综〔2022〕76号
各县（市、区）人民政府，市直有关单位：
现将《南平市茶产业高质量发展三年行动方案》印发给你们，请认真组织实施。
南平市人民政府
2022年10月11日
（此件主动公开）
南平市茶产业高质量发展三年行动方案
为推动茶产业高质量发展，制定本方案。
""" + TASKS.format(body="市农业农村局", other="市商务局")

LETTER_WRAPPER = """自然资源部办公厅关于印发《国土空间生态修复成效评估指南》的函
自然资办函〔2021〕1203号
各省、自治区、直辖市自然资源主管部门：
现将《国土空间生态修复成效评估指南》印发给你们，请结合实际参照执行。
自然资源部办公厅
2021年7月6日
国土空间生态修复成效评估指南
一、适用范围
本指南适用于各级国土空间生态修复工程的成效评估。
二、评估内容
（一）评估生态系统质量变化。（各省级自然资源主管部门负责）
（二）评估修复工程综合效益。
"""

FORWARD_WRAPPER = """佛山市人民政府办公室转发市发展改革局关于加快推进充电基础设施建设意见的通知
佛府办函〔2023〕19号
各区人民政府，市政府各部门、直属各机构：
市发展改革局《关于加快推进充电基础设施建设的意见》已经市人民政府同意，现转发给你们，请结合实际抓好落实。
佛山市人民政府办公室
2023年3月2日
关于加快推进充电基础设施建设的意见
""" + TASKS.format(body="市发展改革局", other="市供电局")


def test_an_issue_notice_gives_the_title_of_the_plan_it_carries(tmp_path):
    props = document(tmp_path, ISSUE_WRAPPER)
    assert fields(props) == ("南平市茶产业高质量发展三年行动方案", "南政综〔2022〕76号", "南平市人民政府", "2022-10-11", "南平市")
    assert props["wrapper_title"] == "南平市人民政府关于印发南平市茶产业高质量发展三年行动方案的通知"


def test_a_letter_wrapper_gives_the_carried_title_and_a_ministry_office_is_nationwide(tmp_path):
    assert fields(document(tmp_path, LETTER_WRAPPER)) == (
        "国土空间生态修复成效评估指南", "自然资办函〔2021〕1203号", "自然资源部办公厅", "2021-07-06", "全国")


def test_a_forward_wrapper_is_issued_by_the_forwarding_office(tmp_path):
    props = document(tmp_path, FORWARD_WRAPPER)
    assert props["title"] == "市发展改革局关于加快推进充电基础设施建设意见"
    assert (props["doc_number"], props["issuer"], props["issued_on"], props["region"]) == (
        "佛府办函〔2023〕19号", "佛山市人民政府办公室", "2023-03-02", "佛山市")


ORDER = """中华人民共和国应急管理部令
第15号
《尾矿库安全监督管理办法》已经2023年6月8日应急管理部第12次部务会议审议通过，现予公布，自2023年9月1日起施行。
部长  陈立新
2023年6月20日
尾矿库安全监督管理办法
第一章 总则
第一条 为了加强尾矿库安全监督管理，防止和减少生产安全事故，制定本办法。
第二条 尾矿库的建设、运行、回采、闭库及其安全监督管理，适用本办法。
第二章 安全运行
第三条 生产经营单位应当建立健全尾矿库安全生产责任制。
"""


def test_an_order_gives_its_number_issuer_and_the_regulation_it_promulgates(tmp_path):
    assert fields(document(tmp_path, ORDER)) == (
        "尾矿库安全监督管理办法", "应急管理部令第15号", "应急管理部", "2023-06-20", "全国")


PROVINCE_ORDER = """湖北省人民政府令
第431号
《湖北省城市供水管理办法》已经省人民政府常务会议审议通过，现予公布，自2024年3月1日起施行。
省长  李明远
2024年1月16日
湖北省城市供水管理办法
第一章 总则
第一条 为了加强城市供水管理，保障供水安全，制定本办法。
第二条 本办法适用于本省行政区域内城市供水的规划、建设、经营和管理。
第二章 监督管理
第三条 县级以上人民政府住房和城乡建设主管部门负责本行政区域内城市供水管理工作。
"""


def test_a_province_order_is_the_provinces(tmp_path):
    assert fields(document(tmp_path, PROVINCE_ORDER)) == (
        "湖北省城市供水管理办法", "湖北省人民政府令第431号", "湖北省人民政府", "2024-01-16", "湖北省")


# --- a web page's information table -----------------------------------------------------------------------------

INFO_TABLE = """索引号：11330200002985163K/2022-00127
发文机关：宁波市人民政府办公厅
成文日期：2022年06月15日
标题：宁波市人民政府办公厅关于加快培育新型消费的实施意见
发文字号：甬政办发〔2022〕38号
发布日期：2022年06月20日
宁波市人民政府办公厅关于加快培育新型消费的实施意见
甬政办发〔2022〕38号
各区（县、市）人民政府，市直及部省属驻甬各单位：
为加快培育新型消费，经市政府同意，提出如下意见。
""" + TASKS.format(body="市商务局", other="市经信局") + """宁波市人民政府办公厅
2022年6月15日
"""

TAB_INFO_TABLE = """索引号\t11330200002985163K/2022-00131\t主题分类\t商贸
发文机关\t宁波市人民政府办公厅\t成文日期\t2022-07-01
标题\t宁波市人民政府办公厅关于推动夜间经济发展的实施意见
发文字号\t甬政办发〔2022〕41号\t发布日期\t2022-07-05
宁波市人民政府办公厅关于推动夜间经济发展的实施意见
各区（县、市）人民政府，市直及部省属驻甬各单位：
为繁荣夜间经济，提出如下意见。
""" + TASKS.format(body="市商务局", other="市文化广电旅游局")


def test_a_web_page_information_table_is_metadata_never_the_title(tmp_path):
    assert fields(document(tmp_path, INFO_TABLE)) == (
        "宁波市人民政府办公厅关于加快培育新型消费的实施意见", "甬政办发〔2022〕38号", "宁波市人民政府办公厅", "2022-06-15",
        "宁波市")


def test_a_tab_separated_information_table_fills_what_the_text_does_not_print(tmp_path):
    assert fields(document(tmp_path, TAB_INFO_TABLE)) == (
        "宁波市人民政府办公厅关于推动夜间经济发展的实施意见", "甬政办发〔2022〕41号", "宁波市人民政府办公厅", "2022-07-01",
        "宁波市")


# --- region ---------------------------------------------------------------------------------------------------------

def _titled(title: str, signature: str, body: str = "") -> str:
    return f"{title}\n为改善居住条件，{body}制定本方案。\n" + TASKS.format(body="市住房城乡建设局", other="市财政局") + signature


@pytest.mark.parametrize(("title", "signature", "body", "region"), [
    ("国务院办公厅关于推进燃气管道老化更新改造的指导意见", "国务院办公厅\n2022年6月10日\n", "", "全国"),
    ("住房和城乡建设部关于推进燃气管道老化更新改造的通知", "住房和城乡建设部\n2022年6月10日\n", "", "全国"),
    ("关于推进燃气管道老化更新改造的实施方案", "湘潭市人民政府\n2022年6月10日\n", "", "湘潭市"),
    ("株洲市燃气管道老化更新改造实施方案", "", "", "株洲市"),
    ("株洲市城镇老旧小区改造实施方案", "", "", "株洲市"),
    # 城市 at the head of a title is a word, not a place: the city the text names decides.
    ("城市更新三年行动方案", "", "结合衡阳市实际，", "衡阳市"),
])
def test_region_from_the_issuer_then_the_title(tmp_path, title, signature, body, region):
    assert document(tmp_path, _titled(title, signature, body))["region"] == region


PLACELESS_BODY = "根据湖南省有关部署，落实湖南省改造计划，结合湘潭市实际，按照湘潭市城市更新要求，在湘潭市中心城区，"


def test_a_document_that_names_no_place_of_its_own_is_placed_by_the_city_it_names_most(tmp_path):
    text = _titled("燃气管道老化更新改造三年行动方案", "", PLACELESS_BODY)
    assert document(tmp_path, text)["region"] == "湘潭市"


def test_an_issuer_without_a_place_still_falls_back_to_the_city_the_text_names(tmp_path):
    text = _titled("燃气管道老化更新改造三年行动方案", "市人民政府办公室\n2021年3月2日\n", PLACELESS_BODY)
    assert document(tmp_path, text)["region"] == "湘潭市"


def test_the_title_beats_a_city_the_text_names_more(tmp_path):
    body = "学习长沙市经验，对接长沙市片区规划，借鉴长沙市做法，湖南省要求，湖南省部署，湖南省计划，"
    assert document(tmp_path, _titled("株洲市燃气管道老化更新改造实施方案", "", body))["region"] == "株洲市"


# --- citations ----------------------------------------------------------------------------------------------------

CITING = """绍兴市数字乡村建设行动方案
绍政办发〔2023〕22号
各区、县（市）人民政府，市政府各部门：
为贯彻《浙江省数字经济促进条例》和《国务院办公厅关于促进“互联网+医疗健康”发展的意见》（国办发[2018]26号），落实《数字乡村发展战略纲要》，制定《绍兴市数字乡村建设行动方案》（以下简称《方案》）。
一、主要任务
（一）建设乡村数字基础设施。推进千兆光网向行政村延伸。（市经信局负责）
（二）发展智慧农业。按照本《方案》要求建设数字农业工厂。（市农业农村局负责）
二、保障措施
各地要加强统筹，抓好落实。
绍兴市人民政府办公室
2023年5月18日
"""


def _citations(graph, doc_id: str) -> dict[str, str | None]:
    return {graph.nodes[r.end].properties["title"]: graph.nodes[r.end].properties.get("doc_number")
            for r in graph.relationships.values() if r.type == "CITES" and r.start == doc_id}


def test_citations_with_their_numbers_and_no_self_references(tmp_path):
    loaded = load_document(write(tmp_path, "doc.txt", CITING))
    assert _citations(loaded.graph, loaded.doc_id) == {
        "浙江省数字经济促进条例": None,
        "国务院办公厅关于促进“互联网+医疗健康”发展的意见": "国办发〔2018〕26号",
        "数字乡村发展战略纲要": None,
    }


def test_the_short_name_a_document_gives_itself_is_never_cited(tmp_path):
    text = CITING.replace("各地要加强统筹，抓好落实。", "各地要按照《方案》明确的任务分工抓好落实。")
    loaded = load_document(write(tmp_path, "doc.txt", text))
    assert "方案" not in _citations(loaded.graph, loaded.doc_id)


def test_a_title_ends_before_the_first_numbered_clause(tmp_path):
    text = """崇义县森林火灾应急预案
1 总则
1.1 编制目的
为有效预防和科学处置森林火灾，制定本预案。
1.2 适用范围
本预案适用于本县行政区域内的森林火灾应对工作。
2 组织体系
2.1 县森林防灭火指挥部
负责组织、协调和指导全县森林火灾预防和扑救工作。
2.2 指挥部办公室
指挥部办公室设在县应急管理局。
"""
    assert document(tmp_path, text)["title"] == "崇义县森林火灾应急预案"
